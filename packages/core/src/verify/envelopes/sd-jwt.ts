/**
 * SD-JWT VC (IETF draft-ietf-oauth-sd-jwt-vc, RFC 9901 SD-JWT): `<issuer JWT>~<disclosure>~…~[KB-JWT]`.
 * - the issuer JWT (`typ` `dc+sd-jwt`, or the older `vc+sd-jwt`) is verified like a VC-JWT: EdDSA,
 *   ES256, ES384 or RS256, the key from `kid` (a DID URL) or from the issuer's JWT VC Issuer Metadata
 *   (`https://<iss host>/.well-known/jwt-vc-issuer<iss path>`: `jwks` or `jwks_uri`);
 * - every disclosure's digest (SHA-256 of its base64url text, or `_sd_alg` sha-384/sha-512) must be
 *   listed exactly once in the payload (`_sd` or an array's `{"...": digest}`); the disclosed claims
 *   are put back in place, and returned for display as a Verifiable Credential-shaped document;
 * - a Key Binding JWT (`typ` `kb+jwt`) must be signed by the key in `cnf.jwk` over `sd_hash`, the
 *   digest of everything before it: "If Key Binding is required or present, the Verifier MUST
 *   verify it" — a bad one fails the proof;
 * - a `status` claim naming a Token Status List (`status_list: { idx, uri }`) is checked by
 *   ./status-token-list.ts (its own lazy chunk), the list verified by the credential's issuer rules.
 * VC-JOSE-COSE `vc+sd-jwt` credentials (a Verifiable Credential with selectively disclosable claims)
 * are verified the same way; their `iss`, if present, must be their `issuer`. A `vp+sd-jwt`
 * presentation is read here as a presentation token for ../presentation.ts (`sdJwtToken`).
 * Lazy chunk: loaded the first time an SD-JWT is verified.
 */
import type { VerifyContext } from '../context.js';
import type { JwsAlg } from '../jwt/jws.js';
import type { Kit } from '../kit.js';
import type { Check, Disclosure } from '../types.js';
import type { Read } from '../presentation.js';
import type { InnerResult } from '../verify-credential.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let algFitsKey: Kit['algFitsKey'],
  base64UrlEncode: Kit['base64UrlEncode'],
  cached: Kit['cached'],
  checkValidity: Kit['checkValidity'],
  critProblem: Kit['critProblem'],
  decodeJwsPart: Kit['decodeJwsPart'],
  fetchJson: Kit['fetchJson'],
  isObj: Kit['isObj'],
  JWT_ALGS: Kit['JWT_ALGS'],
  normalizeCredential: Kit['normalizeCredential'],
  part: Kit['part'],
  resolveKid: Kit['resolveKid'],
  algCheck: Kit['algCheck'],
  verifyCompactJws: Kit['verifyCompactJws'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({
    algFitsKey,
    base64UrlEncode,
    cached,
    checkValidity,
    critProblem,
    decodeJwsPart,
    fetchJson,
    isObj,
    JWT_ALGS,
    normalizeCredential,
    part,
    resolveKid,
    algCheck,
    verifyCompactJws,
  } = kit);
}

type Obj = Record<string, unknown>;

/** Most disclosures read (an issuer discloses claims, not thousands of them). */
const MAX_DISCLOSURES = 500;
const HASHES: Record<string, string> = { 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512' };
/** JWT claims that are about the token, not the holder. */
const REGISTERED = ['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status', 'sub', '_sd_alg'];

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
async function digest(hash: string, text: string): Promise<string> {
  return base64UrlEncode(new Uint8Array(await crypto.subtle.digest(hash, ascii(text) as BufferSource)));
}

class SdJwtError extends Error {}

/** Puts the disclosures back into `node` (RFC 9901 §7.1); throws SdJwtError on any inconsistency. */
function reveal(
  node: unknown,
  path: string,
  disclosures: Map<string, unknown[]>,
  used: Set<string>,
  out: Disclosure[],
  depth: number,
): unknown {
  if (depth > 64) throw new SdJwtError('the payload is nested too deeply');
  const take = (digestValue: unknown): unknown[] | undefined => {
    if (typeof digestValue !== 'string') throw new SdJwtError('a digest is not a string');
    if (used.has(digestValue)) throw new SdJwtError('a digest appears twice');
    const d = disclosures.get(digestValue);
    if (d) used.add(digestValue);
    return d;
  };
  if (Array.isArray(node)) {
    const arr: unknown[] = [];
    for (const item of node) {
      if (isObj(item) && '...' in item) {
        if (Object.keys(item).length !== 1) throw new SdJwtError('an array digest has other members');
        const d = take(item['...']);
        if (!d) continue; // not disclosed (or a decoy)
        if (d.length !== 2) throw new SdJwtError('an array disclosure is not [salt, value]');
        const at = `${path}[${arr.length}]`;
        const value = reveal(d[1], at, disclosures, used, out, depth + 1);
        out.push({ path: at, value });
        arr.push(value);
      } else arr.push(reveal(item, `${path}[${arr.length}]`, disclosures, used, out, depth + 1));
    }
    return arr;
  }
  if (!isObj(node)) return node;
  const obj: Obj = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '_sd' || (k === '_sd_alg' && depth === 0)) continue;
    obj[k] = reveal(v, path ? `${path}.${k}` : k, disclosures, used, out, depth + 1);
  }
  const sd = node['_sd'];
  if (sd !== undefined) {
    if (!Array.isArray(sd)) throw new SdJwtError('_sd is not an array');
    for (const dv of sd) {
      const d = take(dv);
      if (!d) continue;
      if (d.length !== 3 || typeof d[1] !== 'string')
        throw new SdJwtError('a disclosure is not [salt, name, value]');
      const name = d[1];
      if (name === '_sd' || name === '...' || name === '__proto__' || Object.hasOwn(obj, name))
        throw new SdJwtError(`the disclosed claim "${name.slice(0, 40)}" is not allowed or already present`);
      const at = path ? `${path}.${name}` : name;
      const value = reveal(d[2], at, disclosures, used, out, depth + 1);
      out.push({ path: at, value });
      obj[name] = value;
    }
  }
  return obj;
}

interface IssuerKey {
  jwk: JsonWebKey;
  /** Bound to `iss`: passed / failed / unknown, with the reason. */
  binding: Check;
}

const issuerCheck = (outcome: Check['outcome'], code: Check['code'], message: string): Check => ({
  id: 'issuer',
  outcome,
  code,
  message,
});

/** The issuer's key: `kid` as a DID URL, or the JWT VC Issuer Metadata of an https `iss`. */
async function issuerKey(ctx: VerifyContext, header: Obj, iss: unknown): Promise<IssuerKey | Check> {
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
  if (typeof iss !== 'string' || !iss)
    return proofCheck('failed', 'key-missing', 'The SD-JWT names no issuer (iss).');
  // a DID, or an absolute https kid (a verification method in a controller document, VC-JOSE-COSE §4.2)
  if (iss.startsWith('did:') || /^(did:|https:\/\/)/.test(kid ?? '')) {
    const id = kid?.startsWith('#') ? iss + kid : (kid ?? iss);
    const r = await resolveKid(ctx, id);
    if (!r.ok) return proofCheck(r.outcome, r.code, r.message);
    const bound = r.controller === iss && r.assertion;
    return {
      jwk: r.jwk,
      binding: bound
        ? issuerCheck('passed', 'issuer-bound', `The signing key belongs to the issuer ${iss}.`)
        : issuerCheck(
            'failed',
            r.controller === iss ? 'issuer-key-not-authorized' : 'issuer-mismatch',
            `The SD-JWT says it was issued by ${iss}, but it was signed with ${r.id}.`,
          ),
    };
  }
  let url: URL;
  try {
    url = new URL(iss);
  } catch {
    return proofCheck(
      'failed',
      'key-invalid',
      `The issuer "${iss.slice(0, 80)}" is not a DID or an https address.`,
    );
  }
  if (url.protocol !== 'https:')
    return proofCheck('failed', 'key-invalid', `The issuer "${iss.slice(0, 80)}" is not an https address.`);
  const metaUrl = `${url.origin}/.well-known/jwt-vc-issuer${url.pathname === '/' ? '' : url.pathname}`;
  const meta = await cached(
    ctx.fetch,
    `doc:${metaUrl}`,
    ctx.now.getTime(),
    () => fetchJson(ctx, metaUrl),
    undefined,
    (v) => v.ok,
  );
  if (!meta.ok)
    return proofCheck(
      'unknown',
      'key-unavailable',
      `The issuer's key metadata (${metaUrl}) could not be fetched.`,
    );
  if (meta.json['issuer'] !== iss)
    return proofCheck(
      'failed',
      'key-controller-mismatch',
      `The key metadata at ${metaUrl} is for another issuer.`,
    );
  let jwks = meta.json['jwks'];
  const jwksUri = meta.json['jwks_uri'];
  if (!isObj(jwks) && typeof jwksUri === 'string' && jwksUri.startsWith(`${url.origin}/`)) {
    const r = await fetchJson(ctx, jwksUri);
    if (!r.ok)
      return proofCheck(
        'unknown',
        'key-unavailable',
        `The issuer's key set (${jwksUri}) could not be fetched.`,
      );
    jwks = r.json;
  }
  const keys = isObj(jwks) && Array.isArray(jwks['keys']) ? jwks['keys'].filter(isObj) : [];
  const key = kid ? keys.find((k) => k['kid'] === kid) : keys.length === 1 ? keys[0] : undefined;
  if (!key || 'd' in key)
    return proofCheck(
      'failed',
      'key-not-found',
      `The issuer ${iss} does not publish the key ${kid ?? '(no kid)'}.`,
    );
  return {
    jwk: key as JsonWebKey,
    binding: issuerCheck('passed', 'issuer-bound', `The issuer ${iss} publishes the signing key.`),
  };
}

const formatCheckFor = (outcome: Check['outcome'], code: Check['code'], message: string): Check => ({
  id: 'format',
  outcome,
  code,
  message,
});

function proofCheck(outcome: Check['outcome'], code: Check['code'], message: string): Check {
  return { id: 'proof', outcome, code, message };
}

/**
 * The `proof` and `issuer` checks of a JWT that says it comes from `iss` (the SD-JWT's issuer JWT, or
 * its issuer's status list token): its key from `kid` or the issuer's metadata, its signature.
 */
async function issuerJwt(
  ctx: VerifyContext,
  jwt: string,
  header: Obj,
  iss: unknown,
): Promise<[Check, Check]> {
  const crit = critProblem(header);
  const key =
    algCheck(header['alg']) ??
    (crit
      ? proofCheck('failed', crit, 'The token needs extensions (crit) this verifier does not understand.')
      : await issuerKey(ctx, header, iss));
  if ('id' in key)
    return [
      key,
      issuerCheck(
        key.outcome === 'unknown' ? 'unknown' : 'skipped',
        'issuer-not-checked',
        'The issuer could not be checked without its key.',
      ),
    ];
  if (!(await verifyJws(jwt, header, key.jwk)))
    return [
      proofCheck(
        'failed',
        'proof-bad-signature',
        "The issuer's signature does not match: the token was changed after signing, or signed with another key.",
      ),
      issuerCheck('skipped', 'issuer-not-checked', 'Not checked, because the proof is not valid.'),
    ];
  return [
    proofCheck('passed', 'proof-valid', `The issuer's ${String(header['alg'])} signature is valid.`),
    key.binding,
  ];
}

/** Verifies a compact JWS with its own `alg` (one of ours, fitting the key). */
async function verifyJws(jws: string, header: Obj, jwk: JsonWebKey): Promise<boolean> {
  const alg = header['alg'];
  if (typeof alg !== 'string' || !(JWT_ALGS as readonly string[]).includes(alg) || !algFitsKey(alg, jwk))
    return false;
  return verifyCompactJws(jws, alg as JwsAlg, { jwk });
}

/** The VC-shaped document an SD-JWT VC's claims are shown as. */
function asCredential(claims: Obj): Obj {
  const subject: Obj = {};
  for (const [k, v] of Object.entries(claims)) if (!REGISTERED.includes(k)) subject[k] = v;
  if (typeof claims['sub'] === 'string') subject['id'] = claims['sub'];
  const date = (n: unknown): string | undefined =>
    typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e11
      ? new Date(n * 1000).toISOString().replace('.000Z', 'Z')
      : undefined;
  const vct = typeof claims['vct'] === 'string' ? claims['vct'] : 'SD-JWT VC';
  const doc: Obj = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', vct],
    name: typeof claims['name'] === 'string' ? claims['name'] : vct,
    issuer: claims['iss'],
    credentialSubject: subject,
  };
  const from = date(claims['nbf']) ?? date(claims['iat']);
  const until = date(claims['exp']);
  if (from) doc['validFrom'] = from;
  if (until) doc['validUntil'] = until;
  return doc;
}

const fail = (message: string): InnerResult => ({
  verified: false,
  format: 'unknown',
  checks: [formatCheckFor('failed', 'sd-jwt-malformed', `This SD-JWT cannot be read: ${message}.`)],
});

/** An SD-JWT taken apart: its issuer-signed JWT, disclosures by digest, key binding JWT. */
interface Opened {
  jwt: string;
  header: Obj;
  payload: Obj;
  hash: string;
  disclosures: Map<string, unknown[]>;
  kbJwt: string;
}

/** Takes `text` apart if its `typ` is one of `types`; otherwise why it cannot be read. */
async function open(text: string, types: string[]): Promise<Opened | string> {
  const parts = text.split('~');
  const jwt = parts[0]!;
  const kbJwt = parts[parts.length - 1]!;
  const encoded = parts.slice(1, -1);
  if (encoded.length > MAX_DISCLOSURES) return 'it has too many disclosures';
  const [h, p] = jwt.split('.');
  const header = decodeJwsPart(h);
  const payload = decodeJwsPart(p);
  if (!header || !payload) return 'its issuer token is not a JSON Web Token';
  const typ = header['typ'];
  if (!types.includes(typ as string)) return `its type is "${String(typ).slice(0, 30)}", not ${types[0]}`;
  const alg = payload['_sd_alg'] ?? 'sha-256';
  const hash = typeof alg === 'string' ? HASHES[alg] : undefined;
  if (!hash) return `its digest algorithm "${String(alg).slice(0, 20)}" is not supported`;
  // disclosures by digest
  const disclosures = new Map<string, unknown[]>();
  for (const e of encoded) {
    const d = decodeJsonArray(e);
    if (!d) return 'a disclosure is not a base64url JSON array';
    const dg = await digest(hash, e);
    if (disclosures.has(dg)) return 'a disclosure is repeated';
    disclosures.set(dg, d);
  }
  return { jwt, header, payload, hash, disclosures, kbJwt };
}

/** The payload with every disclosure put back; throws SdJwtError when they do not fit it. */
function revealAll(o: Opened, out: Disclosure[]): Obj {
  const used = new Set<string>();
  const claims = reveal(o.payload, '', o.disclosures, used, out, 0) as Obj;
  if (used.size !== o.disclosures.size) throw new SdJwtError('a disclosure is not part of the signed token');
  return claims;
}

/**
 * A VC-JOSE-COSE `vp+sd-jwt` (§3.2.2: a presentation secured with SD-JWT by its holder), read as a
 * presentation token for ../presentation.ts, which checks it as a `vp+jwt`: the holder's signature
 * over the issuer-signed JWT, the disclosed presentation as its payload. It carries no key binding
 * JWT (the holder signs the presentation itself).
 */
export async function sdJwtToken({ sd }: { sd: string | undefined }): Promise<Read> {
  const o = await open(String(sd), ['vp+sd-jwt']);
  let why = typeof o === 'string' ? o : o.kbJwt ? 'a presentation carries no key binding token' : '';
  if (typeof o !== 'string' && !why)
    try {
      const doc = revealAll(o, []);
      if (!('vp' in doc || 'vc' in doc)) return { doc, jwt: { jws: o.jwt, header: o.header, payload: doc } };
      why = 'it carries "vc" or "vp" claims';
    } catch (e) {
      why = e instanceof SdJwtError ? e.message : 'its disclosures are inconsistent';
    }
  return formatCheckFor('failed', 'sd-jwt-malformed', `This SD-JWT cannot be read: ${why}.`) as Read;
}

/** Verifies an SD-JWT VC (with or without a key binding JWT). */
export async function verifySdJwt(ctx: VerifyContext, text: string): Promise<InnerResult> {
  const o = await open(text, ['dc+sd-jwt', 'vc+sd-jwt']);
  if (typeof o === 'string') return fail(o);
  const { jwt, header, payload, hash, kbJwt } = o;
  const checks: Check[] = [
    formatCheckFor(
      'passed',
      'format-sd-jwt-vc',
      'This is an SD-JWT verifiable credential (selective disclosure).',
    ),
  ];
  // the disclosures
  const out: Disclosure[] = [];
  let claims: Obj;
  let invalid: string | undefined;
  try {
    claims = revealAll(o, out);
  } catch (e) {
    invalid = e instanceof SdJwtError ? e.message : 'its disclosures are inconsistent';
    claims = { ...payload };
  }
  // the issuer's signature. A VC-JOSE-COSE SD-JWT (a Verifiable Credential, with `@context` and an
  // `issuer`; in an SD-JWT VC, an `issuer` claim is any claim) may leave out `iss`: its issuer is
  // then the credential's, whose `kid` "MUST be an absolute URL" (§4.2)
  const vcdm = claims['@context'] !== undefined;
  const named = !vcdm ? undefined : isObj(claims['issuer']) ? claims['issuer']['id'] : claims['issuer'];
  const iss = claims['iss'] ?? named;
  let [proof, issuer] = await issuerJwt(ctx, jwt, header, iss);
  if (invalid && proof.outcome === 'passed')
    proof = proofCheck(
      'failed',
      'sd-jwt-disclosure-invalid',
      `A disclosed claim does not match the signed token: ${invalid}.`,
    );
  // VC-JOSE-COSE §4.1.2: "When the issuer value is a string, iss value, if present, MUST match
  // issuer value. When issuer value is an object with an id value, iss value, if present, MUST match
  // issuer.id value."
  if (named !== undefined && iss !== named) {
    proof = proofCheck('failed', 'jwt-claims-mismatch', `The token's "iss" is not the credential's issuer.`);
    issuer = issuerCheck('failed', 'issuer-mismatch', 'The token and the credential name different issuers.');
  }
  // key binding
  let holder: Check | undefined;
  if (kbJwt) {
    holder = await keyBinding(text.slice(0, text.length - kbJwt.length), kbJwt, payload, hash);
    if (holder.outcome !== 'passed' && proof.outcome === 'passed')
      proof = proofCheck('failed', holder.code, holder.message);
  }
  const doc = asCredential(claims);
  let credential;
  try {
    credential = normalizeCredential(doc);
  } catch {
    credential = undefined;
  }
  const status = claims['status'];
  checks.push(
    proof,
    issuer,
    checkValidity(ctx, doc, jwt),
    status === undefined
      ? {
          id: 'status',
          outcome: 'skipped',
          code: 'no-status',
          message: 'The issuer does not publish a revocation status for this credential.',
        }
      : isObj(status) && status['status_list'] !== undefined
        ? await (
            await part(import('./status-token-list.js'))
          ).tokenStatus(ctx, status['status_list'], claims['iss'], issuerJwt)
        : {
            id: 'status',
            outcome: 'unknown',
            code: 'status-unsupported',
            message: 'This credential uses a status mechanism Microcred cannot check yet.',
          },
  );
  if (holder?.outcome === 'passed') checks.push(holder);
  return {
    verified: false,
    format: credential?.format ?? 'vc',
    ...(credential ? { credential } : {}),
    checks,
    disclosures: out,
    document: doc,
    ...(typeof claims['iss'] === 'string' ? { issuerId: claims['iss'] } : {}),
  };
}

function decodeJsonArray(part: string): unknown[] | undefined {
  try {
    const bin = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const v = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))),
    ) as unknown;
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The key binding JWT: signed by `cnf.jwk`, over `sd_hash` of the SD-JWT before it. */
async function keyBinding(presented: string, kb: string, payload: Obj, hash: string): Promise<Check> {
  const bad = (message: string): Check => ({
    id: 'recipient',
    outcome: 'failed',
    code: 'sd-jwt-key-binding-invalid',
    message,
  });
  const [h, p] = kb.split('.');
  const header = decodeJwsPart(h);
  const claims = decodeJwsPart(p);
  if (!header || !claims || header['typ'] !== 'kb+jwt')
    return bad('The key binding token is not a kb+jwt token.');
  const cnf = payload['cnf'];
  const jwk = isObj(cnf) && isObj(cnf['jwk']) ? (cnf['jwk'] as JsonWebKey) : undefined;
  if (!jwk || 'd' in jwk)
    return bad('The credential names no holder key (cnf.jwk) to check the key binding with.');
  if (!(await verifyJws(kb, header, jwk)))
    return bad("The key binding token is not signed by the holder's key.");
  if (claims['sd_hash'] !== (await digest(hash, presented)))
    return bad('The key binding token was made for other disclosures (sd_hash does not match).');
  if (typeof claims['iat'] !== 'number') return bad('The key binding token has no issue time (iat).');
  return {
    id: 'recipient',
    outcome: 'passed',
    code: 'sd-jwt-key-binding-valid',
    message: 'The holder who presented this credential proved they hold its key (key binding).',
  };
}

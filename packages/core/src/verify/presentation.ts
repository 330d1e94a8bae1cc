/**
 * `verifyPresentation()` proper (a lazy chunk): a Verifiable Presentation with a Data Integrity proof
 * (VC Data Integrity: purpose `authentication`, `challenge` and `domain` among the signed proof
 * options) or a VC-JWT presentation (a compact JWS whose `vp` claim is the presentation; `nonce` and
 * `aud` carry challenge and domain), also a VC-JOSE-COSE `vp+jwt` (the payload is the presentation)
 * or `vp+cose` (a COSE_Sign1 over it, read as a token by ./envelopes/cose.ts, loaded only then), and
 * an `EnvelopedVerifiablePresentation` holding one, or a `vp+sd-jwt` (read as a token by
 * ./envelopes/sd-jwt.ts), as a `data:` URL. Holder binding: the signing
 * key must be controlled by the presentation's `holder` (a JWT's `iss`) and, in a controller
 * document, listed under `authentication`; a key given inline in a token's header (`jwk`) speaks for
 * the holder only when the holder is that key's own `did:jwk`, or when it is the key (`cnf`) the
 * enclosed SD-JWT credentials were issued to. Every enclosed credential (also an
 * `EnvelopedVerifiableCredential`) is verified with `verifyCredential()`, and whether each is about
 * the holder is reported (`subject`).
 */
import type { VerifyContext } from './context.js';
import type { ProofResult } from './data-integrity.js';
import type { JwsAlg } from './jwt/jws.js';
import type { Kit } from './kit.js';
import type {
  PresentationCheck,
  PresentationCheckId,
  PresentationOptions,
  PresentationReport,
} from './presentation-types.js';
import type { Check, VerificationReport, VerifyOptions } from './types.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ./kit.ts)
let algCheck: Kit['algCheck'],
  algFitsKey: Kit['algFitsKey'],
  critProblem: Kit['critProblem'],
  decodeJwsPart: Kit['decodeJwsPart'],
  isObj: Kit['isObj'],
  makeContext: Kit['makeContext'],
  part: Kit['part'],
  proofCheck: Kit['proofCheck'],
  readDataUrl: Kit['readDataUrl'],
  sameKey: Kit['sameKey'],
  resolveKid: Kit['resolveKid'],
  resolveMethod: Kit['resolveMethod'],
  verifyCompactJws: Kit['verifyCompactJws'],
  verifyDataIntegrity: Kit['verifyDataIntegrity'],
  verifyOne: Kit['verifyOne'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({
    algCheck,
    algFitsKey,
    critProblem,
    decodeJwsPart,
    isObj,
    makeContext,
    part,
    proofCheck,
    readDataUrl,
    sameKey,
    resolveKid,
    resolveMethod,
    verifyCompactJws,
    verifyDataIntegrity,
    verifyOne,
  } = kit);
}

type Obj = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** Most enclosed credentials verified (more are reported, not verified). */
const MAX_CREDENTIALS = 20;
const ORDER: PresentationCheckId[] = [
  'format',
  'proof',
  'holder',
  'challenge',
  'domain',
  'credentials',
  'subject',
];

const check = (
  id: PresentationCheckId,
  outcome: PresentationCheck['outcome'],
  code: PresentationCheck['code'],
  message: string,
): PresentationCheck => ({ id, outcome, code, message });

/**
 * A presentation token: its header (`alg`, `kid`, maybe `jwk` and `crit`) and claims (`iss`, `aud`,
 * `nonce`, `exp`, `nbf`); a VP-JWT's signature is checked on its compact form (`jws`), a COSE_Sign1's
 * (read as a token by ../envelopes/cose.ts) by its own `ok`.
 */
export type Token = { header: Obj; payload: Obj } & (
  { jws: string } | { ok: (alg: JwsAlg, jwk: JsonWebKey) => Promise<boolean> }
);

/**
 * What the input is: a JSON presentation, a presentation token (its presentation and the token), a
 * COSE_Sign1 still to be read (its bytes, or the body of a `data:` URL), or why it is none.
 */
export type Read =
  { doc: Obj; jwt?: Token } | { cose: Uint8Array | string } | { sd: string | undefined } | PresentationCheck;

const JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * The token of an `EnvelopedVerifiablePresentation` (VCDM 2.0 §"Enveloped Verifiable
 * Presentations": "The id value of the object MUST be a data: URL [RFC2397] that expresses a
 * secured verifiable presentation using an enveloping security scheme"; VC-JOSE-COSE: the media
 * types `application/vp+jwt`, `application/vp+sd-jwt` and `application/vp+cose`), or of a bare
 * `data:` URL.
 */
function unenvelope(url: unknown): Read {
  const d = typeof url === 'string' ? readDataUrl(url) : undefined;
  if (!d)
    return check(
      'format',
      'failed',
      'not-a-presentation',
      'This enveloped presentation’s id is not a data: URL.',
    );
  const { media, body, text } = d;
  if (media === 'application/vp+cose') return { cose: body };
  if (media === 'application/vp+sd-jwt') return { sd: text };
  if (!/^application\/(vp(\+ld)?\+)?jwt$/.test(media))
    return check(
      'format',
      'unknown',
      'envelope-unsupported',
      `Microcred cannot check enveloped presentations of type "${media.slice(0, 60)}" yet.`,
    );
  return token(text ?? '');
}

/**
 * A presentation token: VC-JOSE-COSE `vp+jwt`, whose payload is the presentation ("The JWT Claim
 * Names vc and vp MUST NOT be present in any JWT Claims Set that comprises a verifiable credential
 * or a verifiable presentation"), or a VC-JWT 1.1 token whose `vp` claim is the presentation.
 */
function token(t: string): Read {
  const [h, p] = t.split('.');
  const header = JWS.test(t) ? decodeJwsPart(h) : undefined;
  const payload = header && decodeJwsPart(p);
  if (!header || !payload)
    return check('format', 'failed', 'invalid-jws', 'This signed token (JWS) could not be decoded.');
  const typ =
    typeof header['typ'] === 'string' ? header['typ'].toLowerCase().replace(/^application\//, '') : '';
  if (typ === 'vp+jwt' || typ === 'vp+ld+jwt')
    return 'vp' in payload || 'vc' in payload
      ? check('format', 'failed', 'jwt-claims-mismatch', `A ${typ} token must not carry "vc" or "vp" claims.`)
      : { doc: payload, jwt: { jws: t, header, payload } };
  if (!isObj(payload['vp']))
    return check(
      'format',
      'failed',
      'not-a-presentation',
      'This signed token has no "vp" claim: it is not a presentation.',
    );
  return { doc: payload['vp'], jwt: { jws: t, header, payload } };
}

function read(input: unknown): Read {
  let value = input;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const view = (value instanceof ArrayBuffer ? new Uint8Array(value) : value) as Uint8Array;
    // COSE_Sign1: tag 18 (0xd2), or an untagged array of four (0x84)
    if (view[0] === 0xd2 || view[0] === 0x84) return { cose: view };
    value = new TextDecoder().decode(view);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length > 2 * 1024 * 1024)
      return check('format', 'failed', 'too-large', 'This is over 2 MB, too large for a presentation.');
    if (text.startsWith('data:')) return unenvelope(text);
    if (JWS.test(text)) return token(text);
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return check('format', 'failed', 'invalid-json', 'This text is not valid JSON, nor a signed token.');
    }
  }
  if (!isObj(value))
    return check('format', 'failed', 'not-a-presentation', 'A presentation must be a JSON object.');
  // VCDM 2.0 §"Enveloped Verifiable Presentations": "The @context property of the object MUST be
  // present and include a context, such as the base context for this specification" (without it,
  // the object is read as it is, and its type is not VerifiablePresentation)
  if (arr(value['type']).includes('EnvelopedVerifiablePresentation') && arr(value['@context'])[0] === VC2)
    return unenvelope(value['id']);
  return { doc: value };
}

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';

function formatCheck(doc: Obj, kind: PresentationReport['format']): PresentationCheck {
  const type = arr(doc['type']);
  const ctx = arr(doc['@context']);
  if (!type.includes('VerifiablePresentation'))
    return check(
      'format',
      'failed',
      'not-a-presentation',
      'This is not a Verifiable Presentation (its type does not include VerifiablePresentation).',
    );
  if (kind !== 'vp-jwt' && ctx[0] !== VC1 && ctx[0] !== VC2)
    return check(
      'format',
      'failed',
      'not-a-presentation',
      'This presentation does not start with the Verifiable Credentials context.',
    );
  return kind === 'vp-jwt'
    ? check(
        'format',
        'passed',
        'format-vp-jwt',
        'This is a Verifiable Presentation in a signed JSON Web Token.',
      )
    : check('format', 'passed', 'format-vp', 'This is a Verifiable Presentation.');
}

const holderOf = (doc: Obj): string | undefined => {
  const h = doc['holder'];
  if (typeof h === 'string') return h;
  return isObj(h) && typeof h['id'] === 'string' ? h['id'] : undefined;
};

/** The holder check from the signing key's controller and whether it may authenticate. */
function holderCheck(
  holder: string | undefined,
  key: { controller: string; assertion: boolean; id: string } | undefined,
  proofPassed: boolean,
  options: PresentationOptions,
): PresentationCheck {
  if (!holder)
    return check(
      'holder',
      options.requireHolder === false ? 'skipped' : 'unknown',
      'holder-missing',
      'The presentation does not name its holder, so who presents it cannot be confirmed.',
    );
  if (!proofPassed || !key)
    return check(
      'holder',
      proofPassed ? 'unknown' : 'skipped',
      'holder-not-checked',
      proofPassed
        ? 'The holder could not be checked because the signing key could not be resolved.'
        : 'Not checked, because the presentation’s proof is not valid.',
    );
  if (key.controller !== holder)
    return check(
      'holder',
      'failed',
      'holder-mismatch',
      `The presentation says it is presented by ${holder}, but it was signed with a key of ${key.controller}.`,
    );
  if (!key.assertion)
    return check(
      'holder',
      'failed',
      'holder-mismatch',
      `The holder ${holder} has not authorised the key ${key.id} for authentication.`,
    );
  return check('holder', 'passed', 'holder-bound', `The presentation was signed by its holder ${holder}.`);
}

/** The challenge or domain check: `asked` by the verifier, `given` in the signed proof or token. */
function boundCheck(
  id: 'challenge' | 'domain',
  asked: string | undefined,
  given: unknown,
): PresentationCheck {
  if (asked === undefined)
    return check(
      id,
      'skipped',
      `${id}-not-requested`,
      id === 'challenge'
        ? 'No challenge was asked for, so a replayed presentation would not be noticed.'
        : 'No domain was asked for.',
    );
  const values = arr(given).filter((v): v is string => typeof v === 'string');
  if (values.length === 0)
    return check(
      id,
      'failed',
      `${id}-missing`,
      `The presentation does not carry the ${id} that was asked for.`,
    );
  if (!values.includes(asked))
    return check(
      id,
      'failed',
      `${id}-mismatch`,
      `The presentation was made for another ${id} ("${values[0]!.slice(0, 80)}").`,
    );
  return check(id, 'passed', `${id}-match`, `The presentation carries the ${id} that was asked for.`);
}

/** Challenge and domain when the proof did not pass: what it says cannot be relied on. */
const unbound = (why: string): PresentationCheck[] => [
  check('challenge', 'skipped', 'not-checked', why),
  check('domain', 'skipped', 'not-checked', why),
];

/** Proof, holder, challenge and domain of a Data Integrity presentation. */
async function dataIntegrity(
  ctx: VerifyContext,
  doc: Obj,
  options: PresentationOptions,
): Promise<PresentationCheck[]> {
  const results: ProofResult[] = await verifyDataIntegrity({ ...ctx, purpose: 'authentication' }, doc);
  const proof = proofCheck(results) as PresentationCheck;
  if (proof.code === 'proof-wrong-purpose')
    proof.message =
      'The presentation’s proof was not made for authentication, so it does not show who presents it.';
  else if (proof.code === 'proof-missing')
    proof.message = 'The presentation carries no proof, so who presents it cannot be confirmed.';
  const passed = results.find((r) => r.outcome === 'passed');
  const used = passed ?? results[0];
  const proofs = arr(doc['proof']).filter(isObj);
  const signed = used ? proofs[used.index] : undefined;
  return [
    proof,
    holderCheck(holderOf(doc), passed?.method, !!passed, options),
    ...(passed
      ? [
          boundCheck('challenge', options.challenge, signed?.['challenge']),
          boundCheck('domain', options.domain, signed?.['domain']),
        ]
      : unbound('Not checked, because the presentation’s proof is not valid or could not be checked.')),
  ];
}

/** What the token checks found: the checks, and the signing key (to compare with credentials' `cnf`). */
interface JwtResult {
  checks: PresentationCheck[];
  /** The signing key, when the signature is valid. */
  key?: JsonWebKey;
  /** True when that key was given inline (`jwk`) and not tied to the holder by its `did:jwk`. */
  unbound?: boolean;
}

/** Is `kid` something a key can be resolved from (a DID URL, an https URL, or `#…` of a DID `iss`)? */
const resolvable = (kid: string, iss: string | undefined): boolean =>
  /^(did:|https:\/\/)/i.test(kid) || (kid.startsWith('#') && !!iss);

/** Proof, holder, challenge and domain of a presentation token (VC-JWT `vp` claim or `vp+jwt`). */
async function jwtChecks(
  ctx: VerifyContext,
  doc: Obj,
  jwt: Token,
  options: PresentationOptions,
): Promise<JwtResult> {
  const { header, payload } = jwt;
  const iss = typeof payload['iss'] === 'string' ? payload['iss'] : undefined;
  const named = holderOf(doc);
  const holder = named ?? iss;
  const rest = (why: string): PresentationCheck[] => [
    check('holder', 'skipped', 'holder-not-checked', why),
    ...unbound(why),
  ];
  const fail = (code: PresentationCheck['code'], message: string): JwtResult => ({
    checks: [
      check('proof', 'failed', code, message),
      ...rest('Not checked, because the presentation’s proof is not valid.'),
    ],
  });
  const alg = header['alg'] as JwsAlg;
  const bad = algCheck(alg) as PresentationCheck | undefined;
  if (bad) return { checks: [bad, ...rest('Not checked.')] };
  const crit = critProblem(header);
  if (crit) return fail(crit, 'The token needs extensions (crit) this verifier does not understand.');
  const kid = typeof header['kid'] === 'string' && header['kid'] ? header['kid'] : undefined;
  const inline = isObj(header['jwk']) ? (header['jwk'] as JsonWebKey) : undefined;
  let key: { jwk: JsonWebKey; controller: string; assertion: boolean; id: string };
  if (kid && (resolvable(kid, iss) || !inline)) {
    // A relative kid ("#key-1") names a key of the issuer (the holder).
    const r = await resolveKid(
      { ...ctx, purpose: 'authentication' },
      kid.startsWith('#') && iss ? `${iss}${kid}` : kid,
    );
    if (!r.ok)
      return {
        checks: [
          check('proof', r.outcome, r.code, r.message),
          ...rest('Not checked, because the signing key could not be resolved.'),
        ],
      };
    key = r;
  } else if (inline) {
    // RFC 7515 §4.1.3: "the public key to which the JWK corresponds"; a private key is never accepted
    if ('d' in inline)
      return fail('key-invalid', 'The token carries a private key, which is never accepted.');
    key = { jwk: inline, controller: '', assertion: false, id: 'the key embedded in the token' };
  } else return fail('key-missing', 'The token does not say which key signed it (no "kid" or "jwk").');
  if (!algFitsKey(alg, key.jwk))
    return fail('jwt-alg-key-mismatch', `The token says ${alg}, which does not fit its key.`);
  if (
    !(await ('ok' in jwt
      ? jwt.ok(alg as JwsAlg, key.jwk)
      : verifyCompactJws(jwt.jws, alg as JwsAlg, { jwk: key.jwk }, header)))
  )
    return fail(
      'proof-bad-signature',
      'The token signature does not match: it was changed after signing, or signed with another key.',
    );
  const now = ctx.now.getTime();
  const exp = payload['exp'];
  const nbf = payload['nbf'];
  if (exp !== undefined && (typeof exp !== 'number' || exp * 1000 < now - ctx.skewMs))
    return fail('jwt-expired', 'The presentation token has expired.');
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf * 1000 > now + ctx.skewMs))
    return fail('jwt-not-yet-valid', 'The presentation token may not be used yet.');
  const proof = check('proof', 'passed', 'proof-valid', `The ${alg} token signature by ${key.id} is valid.`);
  let selfAsserted = key.controller === '';
  if (selfAsserted && holder?.startsWith('did:jwk:')) {
    // the inline key speaks for a did:jwk holder when it is that very key (the DID is the key)
    const m = await resolveMethod({ ...ctx, purpose: 'authentication' }, holder);
    if (m.ok && m.key.kind === 'jwk') {
      selfAsserted = false;
      key = sameKey(m.key.jwk, key.jwk)
        ? { ...key, controller: m.controller, assertion: m.assertion, id: m.id }
        : { ...key, controller: 'another key than its did:jwk', assertion: true };
    }
  }
  const holderResult =
    named && iss && named !== iss
      ? check(
          'holder',
          'failed',
          'holder-mismatch',
          `The token is issued by ${iss}, but the presentation names the holder ${named}.`,
        )
      : selfAsserted
        ? check(
            'holder',
            'unknown',
            'holder-not-checked',
            `The token carries its own key, which is not tied to ${holder ?? 'a holder'} (neither its did:jwk nor the key its credentials were issued to), so anyone could have signed it.`,
          )
        : holderCheck(holder, key, true, options);
  return {
    checks: [
      proof,
      holderResult,
      boundCheck('challenge', options.challenge, payload['nonce']),
      boundCheck('domain', options.domain, payload['aud']),
    ],
    key: key.jwk,
    unbound: selfAsserted,
  };
}

/** Verifies each enclosed credential and sums them up. */
async function credentials(
  doc: Obj,
  options: PresentationOptions,
): Promise<[PresentationCheck, VerificationReport[]]> {
  const items = arr(doc['verifiableCredential']);
  if (items.length === 0)
    return [
      check('credentials', 'skipped', 'credentials-none', 'The presentation holds no credentials.'),
      [],
    ];
  const { challenge: _c, domain: _d, requireHolder: _h, ...credentialOptions } = options;
  const reports: VerificationReport[] = [];
  for (const item of items.slice(0, MAX_CREDENTIALS)) reports.push(await verifyOne(item, credentialOptions));
  const failed = reports.filter((r) => r.checks.some((c) => c.outcome === 'failed')).length;
  const verified = reports.filter((r) => r.verified).length;
  const extra = items.length > MAX_CREDENTIALS ? items.length - MAX_CREDENTIALS : 0;
  if (verified === items.length)
    return [
      check('credentials', 'passed', 'credentials-verified', `All ${items.length} credentials are verified.`),
      reports,
    ];
  if (failed > 0)
    return [
      check(
        'credentials',
        'failed',
        'credentials-failed',
        `${failed} of ${items.length} credentials failed verification.`,
      ),
      reports,
    ];
  return [
    check(
      'credentials',
      'unknown',
      'credentials-unknown',
      `${items.length - verified} of ${items.length} credentials could not be fully checked${extra ? ` (${extra} beyond the first ${MAX_CREDENTIALS} were not checked)` : ''}.`,
    ),
    reports,
  ];
}

/**
 * Whom an enclosed credential is about: its subject ids (`credentialSubject.id`, a JWT's `sub`) and
 * an SD-JWT's confirmation key (`cnf.jwk`), read from the credential as presented (JSON, a JWT, an
 * SD-JWT, or an `EnvelopedVerifiableCredential`'s `data:` URL). Only compared, never trusted: the
 * credential's own report says whether it is genuine.
 */
function subjectOf(item: unknown): { ids: string[]; cnf?: JsonWebKey } {
  let v = item;
  if (isObj(v) && arr(v['type']).includes('EnvelopedVerifiableCredential') && typeof v['id'] === 'string') {
    v = readDataUrl(v['id'])?.text;
  }
  let sub: unknown;
  if (typeof v === 'string') {
    const t = v.trim();
    const jwt = /^[\w-]+\.([\w-]+)\.[\w-]*(~|$)/.exec(t);
    if (jwt) {
      const payload = decodeJwsPart(jwt[1]) ?? {};
      sub = payload['sub'];
      v = !jwt[2] && isObj(payload['vc']) ? payload['vc'] : payload;
      if (isObj(payload['cnf'])) v = { ...(v as Obj), cnf: payload['cnf'] };
    } else
      try {
        v = JSON.parse(t) as unknown;
      } catch {
        v = undefined;
      }
  }
  if (!isObj(v)) return { ids: [] };
  const ids = arr(v['credentialSubject'])
    .map((s) => (isObj(s) ? s['id'] : undefined))
    .filter((id): id is string => typeof id === 'string');
  if (typeof sub === 'string' && !ids.includes(sub)) ids.push(sub);
  const cnf = v['cnf'];
  return { ids, ...(isObj(cnf) && isObj(cnf['jwk']) ? { cnf: cnf['jwk'] as JsonWebKey } : {}) };
}

/** A DID without its fragment, other ids as they are. */
const bareId = (id: string): string => (id.startsWith('did:') ? id.split('#')[0]! : id);

/**
 * The `subject` check: is every enclosed credential about the holder (its subject id is the
 * holder's, or it is an SD-JWT issued to the key that signed the presentation)? VCDM 2.0 §"Subject-
 * Holder Relationships": the holder is often, not always, the subject — a credential presented by
 * someone else than the person it names is reported, never taken as "presented by its subject".
 * Like a credential's `recipient` check, it informs and does not decide `verified`.
 */
function subjectCheck(
  holder: string | undefined,
  holderBound: boolean,
  items: unknown[],
  reports: VerificationReport[],
  key: JsonWebKey | undefined,
): PresentationCheck {
  if (!holderBound || reports.length === 0)
    return check(
      'subject',
      'skipped',
      'not-checked',
      reports.length === 0
        ? 'The presentation holds no credentials.'
        : 'Not checked, because the holder of the presentation is not established.',
    );
  const others: string[] = [];
  reports.forEach((r, i) => {
    const s = subjectOf(items[i]);
    // an SD-JWT's `sub` may be a disclosed claim: its verified report shows it as the recipient
    const shown = r.credential?.recipient?.id;
    if (s.ids.length === 0 && shown) s.ids.push(shown);
    const byKey = !!s.cnf && !!key && sameKey(s.cnf, key);
    const byId = !!holder && s.ids.length > 0 && s.ids.every((id) => bareId(id) === bareId(holder));
    if (!byKey && !byId)
      others.push(
        `"${(r.credential?.name ?? `credential ${i + 1}`).slice(0, 80)}" (${s.ids[0] ? `about ${s.ids[0].slice(0, 120)}` : 'it names no subject id'})`,
      );
  });
  if (others.length === 0)
    return check(
      'subject',
      'passed',
      'subject-is-holder',
      `Every credential is about the holder${holder ? ` ${holder}` : ''} who presents it.`,
    );
  return check(
    'subject',
    'unknown',
    'subject-not-holder',
    `${others.length} of ${reports.length} credentials are not shown to be about the holder${holder ? ` ${holder}` : ''}: ${others.slice(0, 3).join(', ')}. Someone may be presenting a credential about another person.`,
  );
}

/**
 * The holder check of a token signed with an inline key that no `did:jwk` ties to the holder: bound
 * when every enclosed credential is a verified SD-JWT issued to that very key (`cnf`, RFC 7800: "the
 * presenter … possesses a particular key").
 */
function cnfHolder(
  items: unknown[],
  reports: VerificationReport[],
  key: JsonWebKey,
): PresentationCheck | undefined {
  const bound =
    reports.length > 0 &&
    reports.every((r, i) => {
      const cnf = subjectOf(items[i]).cnf;
      const proof = r.checks.find((c) => c.id === 'proof');
      return !!cnf && proof?.outcome === 'passed' && sameKey(cnf, key);
    });
  return bound
    ? check(
        'holder',
        'passed',
        'holder-bound',
        'The presentation was signed with the key its credentials were issued to (their "cnf" key).',
      )
    : undefined;
}

/** The presentation verifier proper (loaded lazily by `verifyPresentation`); options already validated. */
export async function runPresentation(
  input: unknown,
  options: PresentationOptions = {},
): Promise<PresentationReport> {
  const ctx = makeContext({ ...options, refresh: false });
  let r = read(input);
  if ('cose' in r) r = (await part(import('./envelopes/cose.js'))).coseToken(r.cose);
  if ('sd' in r) r = await (await part(import('./envelopes/sd-jwt.js'))).sdJwtToken(r);
  const checks: PresentationCheck[] = [];
  let creds: VerificationReport[] = [];
  let format: PresentationReport['format'] = 'unknown';
  let holder: string | undefined;
  if ('id' in r) checks.push(r);
  else if ('doc' in r) {
    const kind = r.jwt ? ('ok' in r.jwt ? 'vp-cose' : 'vp-jwt') : 'vp';
    const f = formatCheck(r.doc, kind);
    checks.push(f);
    if (f.outcome === 'passed') {
      format = kind;
      holder =
        holderOf(r.doc) ??
        (r.jwt && typeof r.jwt.payload['iss'] === 'string' ? r.jwt.payload['iss'] : undefined);
      try {
        const signed: JwtResult = r.jwt
          ? await jwtChecks(ctx, r.doc, r.jwt, options)
          : { checks: await dataIntegrity(ctx, r.doc, options) };
        const [c, reports] = await credentials(r.doc, options);
        const items = arr(r.doc['verifiableCredential']);
        let holderCheck = signed.checks.find((x) => x.id === 'holder');
        if (signed.unbound && signed.key && holderCheck?.outcome === 'unknown') {
          const bound = cnfHolder(items, reports, signed.key);
          if (bound) signed.checks[signed.checks.indexOf(holderCheck)] = holderCheck = bound;
        }
        checks.push(
          ...signed.checks,
          c,
          subjectCheck(holder, holderCheck?.outcome === 'passed', items, reports, signed.key),
        );
        creds = reports;
      } catch (e) {
        checks.push(
          check(
            'proof',
            'unknown',
            ctx.signal?.aborted ? 'aborted' : 'verifier-error',
            ctx.signal?.aborted
              ? 'The check was cancelled.'
              : `The verifier could not finish: ${e instanceof Error ? e.message.slice(0, 200) : 'unexpected error'}.`,
          ),
        );
      }
    }
  }
  for (const id of ORDER)
    if (!checks.some((c) => c.id === id)) checks.push(check(id, 'skipped', 'not-checked', 'Not checked.'));
  checks.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  const get = (id: PresentationCheckId): PresentationCheck['outcome'] | undefined =>
    checks.find((c) => c.id === id)?.outcome;
  // `subject` informs (like a credential's recipient check); every other check decides
  const verified =
    get('format') === 'passed' &&
    get('proof') === 'passed' &&
    (get('holder') === 'passed' ||
      checks.some((c) => c.code === 'holder-missing' && c.outcome === 'skipped')) &&
    checks.every((c) => c.id === 'subject' || c.outcome === 'passed' || c.outcome === 'skipped');
  return { verified, format, ...(holder ? { holder } : {}), checks, credentials: creds };
}

/**
 * A presentation given where a credential was expected (`verifyCredential()`, `verifyMany()`, the
 * verify button): verified as `verifyPresentation()` does without a challenge or domain (no
 * verifier asked for one: both `skipped`), and answered as a credential report that keeps the
 * report contract (see `VerificationReport.presentation`): `format` and `proof` are the
 * presentation's, `issuer` is its holder check, `validity` and `status` are `skipped`, and
 * `credentials` sums up the enclosed credentials.
 */
export async function presentationAsReport(
  input: unknown,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const { refresh: _r, ...rest } = options;
  const p = await runPresentation(input, rest);
  const get = (id: PresentationCheckId, as: Check['id'] = id as Check['id']): Check => ({
    ...p.checks.find((c) => c.id === id)!,
    id: as,
  });
  const none = (id: Check['id']): Check => ({
    id,
    outcome: 'skipped',
    code: 'not-checked',
    message: "A presentation has none of its own; each credential's is checked in its own report.",
  });
  return {
    verified: p.verified,
    format: p.format,
    checks: [
      get('format'),
      get('proof'),
      get('holder', 'issuer'),
      none('validity'),
      none('status'),
      get('credentials'),
    ],
    presentation: p,
  };
}

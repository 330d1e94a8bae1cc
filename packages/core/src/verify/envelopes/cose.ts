/**
 * Credentials secured with COSE (W3C "Securing Verifiable Credentials using JOSE and COSE" §3.3,
 * `application/vc+cose`): a COSE_Sign1 (RFC 9052 §4.2, tag 18 or untagged) whose payload is the
 * credential's JSON. Verified here:
 * - the structure (a 4-element array: protected header bstr, unprotected header map, payload bstr,
 *   signature bstr), decoded with @levischuck/tiny-cbor (duplicate map keys refused);
 * - `typ` (16) and `content type` (3), when present, must be a credential's (refused before any key
 *   is fetched); `crit` (2) may list only parameters this verifier understands;
 * - `alg` (1), in the protected header only: ES256 (-7, -9), ES384 (-35, -51), EdDSA (-8, -19),
 *   RS256 (-257), never one the key does not fit;
 * - the key from `kid` (4), resolved as a VC-JWT's (DID URL, or an https controller document, JWK or
 *   JWK Set), and bound to the issuer as a VC-JWT's: the key's controller must be the issuer;
 * - the signature over Sig_structure `["Signature1", protected, h'' (external_aad), payload]`, with
 *   WebCrypto;
 * - CWT claims (15, RFC 9597) in the protected header: `exp` (4) and `nbf` (5) bound the envelope's
 *   validity, `iss` (1) must be the credential's issuer.
 * The credential inside then goes through the verifier like any other (format, schema, validity,
 * status, members), and its proof and issuer checks are this signature's. Presentations secured
 * with COSE (§3.3.2, `application/vp+cose`) are read here as presentation tokens (`coseToken`) for
 * ../presentation.ts. Lazy chunk (`envelope-cose`): loaded by ./envelope.ts only when a COSE
 * credential appears, and by ../presentation.ts only for a COSE presentation.
 */
import { CBORTag, decodeCBOR } from '@levischuck/tiny-cbor';
import type { VerifyContext } from '../context.js';
import type { Kit } from '../kit.js';
import type { JwtKey } from '../jwt/jwk.js';
import type { PresentationCheck } from '../presentation-types.js';
import type { Read } from '../presentation.js';
import type { Check } from '../types.js';
import type { InnerResult } from '../verify-credential.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let base64UrlDecode: Kit['base64UrlDecode'],
  algFitsKey: Kit['algFitsKey'],
  resolveKid: Kit['resolveKid'],
  verifyNested: Kit['verifyNested'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ base64UrlDecode, algFitsKey, resolveKid, verifyNested } = kit);
}

type Obj = Record<string, unknown>;
type Header = Map<string | number, unknown>;
type Alg = 'ES256' | 'ES384' | 'EdDSA' | 'RS256';

/** COSE algorithm identifiers (IANA; RFC 9053, RFC 9864 for the fully specified ones) accepted. */
const ALGS: Record<number, Alg> = {
  [-7]: 'ES256',
  [-9]: 'ES256', // ESP256
  [-35]: 'ES384',
  [-51]: 'ES384', // ESP384
  [-8]: 'EdDSA',
  [-19]: 'EdDSA', // Ed25519
  [-257]: 'RS256',
};
/**
 * Registered COSE signature algorithms (IANA "COSE Algorithms") not implemented here: ES512, ESP512,
 * Ed448, ES256K, PS256-512, RS384, RS512.
 */
const OTHER_ALGS = [-36, -52, -53, -47, -37, -38, -39, -258, -259];

const WEBCRYPTO: Record<
  Alg,
  [AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams, AlgorithmIdentifier | EcdsaParams]
> = {
  ES256: [
    { name: 'ECDSA', namedCurve: 'P-256' },
    { name: 'ECDSA', hash: 'SHA-256' },
  ],
  ES384: [
    { name: 'ECDSA', namedCurve: 'P-384' },
    { name: 'ECDSA', hash: 'SHA-384' },
  ],
  EdDSA: [{ name: 'Ed25519' }, { name: 'Ed25519' }],
  RS256: [{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { name: 'RSASSA-PKCS1-v1_5' }],
};

/** Header labels this verifier acts on, so `crit` may list them: alg, content type, kid, typ. */
const UNDERSTOOD = [1, 3, 4, 16];

/** Largest COSE credential read (the parser's limit for any input). */
const MAX_BYTES = 2 * 1024 * 1024;

const check = (id: Check['id'], outcome: Check['outcome'], code: Check['code'], message: string): Check => ({
  id,
  outcome,
  code,
  message,
});
const notChecked = (why = 'Not checked.'): Check => check('issuer', 'skipped', 'issuer-not-checked', why);

/** A report that ends at the format check (the rest are added as skipped by the verifier). */
const formatOnly = (outcome: Check['outcome'], code: Check['code'], message: string): InnerResult => ({
  verified: false,
  format: 'unknown',
  checks: [check('format', outcome, code, message)],
});

class Malformed extends Error {}

/** Bytes from raw bytes, or from hex or base64 / base64url text (percent-encoded or not, whitespace ignored). */
function bytesOf(source: Uint8Array | string): Uint8Array | undefined {
  if (typeof source !== 'string') return source;
  const t = decodeURIComponent(source).replace(/\s+/g, '');
  if (/^(?:[0-9a-f]{2})+$/i.test(t) && /^(d2)?84/i.test(t))
    return Uint8Array.from(t.match(/../g)!, (h) => parseInt(h, 16));
  return base64UrlDecode(t.replace(/\+/g, '-').replace(/\//g, '_'));
}

/** The parts of a COSE_Sign1. */
interface Sign1 {
  protectedBytes: Uint8Array;
  protectedHeader: Header;
  unprotected: Header;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Decodes a COSE_Sign1 (RFC 9052 §4.2); throws Malformed (or the decoder's error) otherwise. */
function readSign1(bytes: Uint8Array): Sign1 {
  // a copy: the decoder slices the underlying buffer, which may hold more than this view
  let v: unknown = decodeCBOR(bytes.slice());
  if (v instanceof CBORTag) {
    if (v.tag !== 18) throw new Malformed(`it is tagged ${v.tag}, not 18 (COSE_Sign1)`);
    v = v.value;
  }
  if (!Array.isArray(v) || v.length !== 4) throw new Malformed('it is not a COSE_Sign1 (an array of four)');
  const [protectedBytes, unprotected, payload, signature] = v as unknown[];
  if (!(protectedBytes instanceof Uint8Array) || !(unprotected instanceof Map))
    throw new Malformed('its headers are malformed');
  if (!(payload instanceof Uint8Array)) throw new Malformed('it carries no payload (a detached payload)');
  if (!(signature instanceof Uint8Array)) throw new Malformed('its signature is not a byte string');
  const protectedHeader: unknown = protectedBytes.length ? decodeCBOR(protectedBytes) : new Map();
  if (!(protectedHeader instanceof Map)) throw new Malformed('its protected header is not a map');
  // RFC 9052 §3: "The set of header parameters … MUST be disjoint" between the two buckets
  for (const label of unprotected.keys())
    if (protectedHeader.has(label)) throw new Malformed(`header ${label} is both protected and not`);
  return { protectedBytes, protectedHeader, unprotected, payload, signature };
}

/** CBOR head of a byte or text string of `length` bytes (major type `major`). */
function head(major: number, length: number): number[] {
  const m = major << 5;
  if (length < 24) return [m | length];
  if (length < 256) return [m | 24, length];
  if (length < 65536) return [m | 25, length >> 8, length & 255];
  return [m | 26, length >>> 24, (length >> 16) & 255, (length >> 8) & 255, length & 255];
}

/** Sig_structure for COSE_Sign1 (RFC 9052 §4.4): ["Signature1", protected, external_aad (empty), payload]. */
function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const context = new TextEncoder().encode('Signature1');
  const parts = [
    [0x84, ...head(3, context.length)],
    context,
    head(2, protectedBytes.length),
    protectedBytes,
    [0x40], // external_aad: h''
    head(2, payload.length),
    payload,
  ].map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Verifies `signature` over `data` with the public `jwk` and `alg` (WebCrypto); false on any error. */
async function verifySignature(
  alg: Alg,
  jwk: JsonWebKey,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  if (alg !== 'RS256' && signature.length !== (alg === 'ES384' ? 96 : 64)) return false;
  const { kty, crv, x, y, n, e } = jwk;
  const pub = Object.fromEntries(Object.entries({ kty, crv, x, y, n, e }).filter(([, v]) => v !== undefined));
  const [keyParams, verifyParams] = WEBCRYPTO[alg];
  try {
    const key = await crypto.subtle.importKey('jwk', pub, keyParams, false, ['verify']);
    return await crypto.subtle.verify(verifyParams, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

/** A media type's essence: lower case, without parameters. */
const essence = (v: unknown): unknown => (typeof v === 'string' ? v.split(';')[0]!.trim().toLowerCase() : v);

/**
 * What is wrong with `typ` (16) and `content type` (3), if anything, for a credential (`vc`) or a
 * presentation (`vp`). VC-JOSE-COSE §3.3.1: "The typ (16) header parameter … SHOULD be
 * application/vc+cose. The content type (3) header parameter SHOULD be application/vc … and can be
 * used to express a more specific media type than application/vc"; §3.3.2 says the same of
 * `application/vp+cose` and `application/vp`. Absent is allowed; present, they must name the kind.
 */
function typeProblem(h: Header, kind = 'vc'): string | undefined {
  const noun = kind === 'vc' ? 'credential' : 'presentation';
  const typ = essence(h.get(16));
  if (typ !== undefined && typ !== `application/${kind}+cose` && typ !== `${kind}+cose`)
    return `The envelope's type "${String(typ).slice(0, 40)}" is not a ${noun}'s (application/${kind}+cose).`;
  const cty = essence(h.get(3));
  if (
    cty !== undefined &&
    !(
      typeof cty === 'string' && new RegExp(`^application/(${kind}(\\+[\\w.+-]+)?|json|ld\\+json)$`).test(cty)
    )
  )
    return `The envelope's content type "${String(cty).slice(0, 40)}" is not a ${noun}'s (application/${kind}).`;
  return undefined;
}

/** What is wrong with `crit` (2), if anything (RFC 9052 §3.1). */
function critProblem(sign1: Sign1): boolean {
  if (sign1.unprotected.has(2)) return true; // "MUST be protected"
  const crit = sign1.protectedHeader.get(2);
  if (crit === undefined) return false;
  return (
    !Array.isArray(crit) ||
    crit.length === 0 ||
    !crit.every((l) => UNDERSTOOD.includes(l as number) && sign1.protectedHeader.has(l as number))
  );
}

/** The key id, from either header: a byte string (UTF-8) or, leniently, a text string. */
function kidOf(sign1: Sign1): string | undefined {
  const kid = sign1.protectedHeader.get(4) ?? sign1.unprotected.get(4);
  if (typeof kid === 'string') return kid || undefined;
  if (!(kid instanceof Uint8Array) || kid.length === 0) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(kid);
  } catch {
    return undefined;
  }
}

/** The `proof` and `issuer` checks of the envelope's signature (the key from `kid`). */
async function signatureChecks(
  ctx: VerifyContext,
  sign1: Sign1,
  issuerId: string | undefined,
): Promise<[Check, Check]> {
  const proof = (outcome: Check['outcome'], code: Check['code'], message: string): Check =>
    check('proof', outcome, code, message);
  const label = sign1.protectedHeader.get(1);
  const alg = typeof label === 'number' ? ALGS[label] : undefined;
  if (!alg)
    return [
      proof(
        // a registered signature algorithm not implemented here could not be checked; a MAC, none
        // named or an unregistered one is refused
        OTHER_ALGS.includes(label as number) ? 'unknown' : 'failed',
        'cose-alg-unsupported',
        label === undefined
          ? `The COSE signature does not name its algorithm in its protected header${sign1.unprotected.has(1) ? ' (only in the unprotected one, which anyone can change)' : ''}.`
          : `The COSE signing algorithm ${String(label).slice(0, 20)} is not accepted (ES256, ES384, EdDSA and RS256 are).`,
      ),
      notChecked('Not checked, because the proof is not valid.'),
    ];
  if (critProblem(sign1))
    return [
      proof(
        'failed',
        'cose-crit-unsupported',
        'The COSE signature needs extensions (crit) this verifier does not understand.',
      ),
      notChecked(),
    ];
  const kid = kidOf(sign1);
  if (!kid)
    return [
      proof(
        'failed',
        'key-missing',
        sign1.protectedHeader.has(33) || sign1.unprotected.has(33)
          ? 'The COSE signature names its key only by a certificate chain (x5chain), which Microcred cannot check; it has no key id (kid).'
          : 'The COSE signature does not say which key signed it (no kid).',
      ),
      check('issuer', 'unknown', 'issuer-not-checked', 'The issuer could not be checked without a key.'),
    ];
  const cwt = sign1.protectedHeader.get(15);
  const iss: unknown = cwt instanceof Map ? cwt.get(1) : undefined;
  // a relative kid ("#key-1") names a key of the CWT issuer's document, as in a VC-JWT
  const r = await resolveKid(ctx, kid.startsWith('#') && typeof iss === 'string' ? iss + kid : kid);
  if (!r.ok)
    return [
      proof(r.outcome, r.code, r.message),
      check(
        'issuer',
        'unknown',
        'issuer-not-checked',
        'The issuer could not be checked because the signing key could not be resolved.',
      ),
    ];
  const key: JwtKey = r;
  if (!algFitsKey(alg, key.jwk))
    return [
      proof(
        'failed',
        'jwt-alg-key-mismatch',
        `The COSE signature says ${alg}, which does not fit its ${String(key.jwk.kty)} key.`,
      ),
      notChecked(),
    ];
  if (
    !(await verifySignature(alg, key.jwk, sign1.signature, sigStructure(sign1.protectedBytes, sign1.payload)))
  )
    return [
      proof(
        'failed',
        'proof-bad-signature',
        'The COSE signature does not match: the credential was changed after signing, or signed with another key.',
      ),
      notChecked('Not checked, because the proof is not valid.'),
    ];
  if (typeof iss === 'string' && issuerId && iss !== issuerId)
    return [
      proof(
        'failed',
        'jwt-claims-mismatch',
        `The envelope's issuer claim (${iss}) is not the credential's issuer (${issuerId}).`,
      ),
      check('issuer', 'failed', 'issuer-mismatch', 'The envelope and the credential name different issuers.'),
    ];
  const ok = proof('passed', 'proof-valid', `The ${alg} COSE signature by ${key.id} is valid.`);
  if (!issuerId)
    return [ok, check('issuer', 'failed', 'issuer-missing', 'The credential does not name its issuer.')];
  let origin: string | undefined;
  try {
    origin = new URL(issuerId).origin;
  } catch {
    origin = undefined;
  }
  // as for a VC-JWT: the key's controller is the issuer (or, for an https key, the issuer's origin)
  if (
    key.assertion &&
    (key.controller === issuerId || (key.controller.startsWith('https://') && key.controller === origin))
  )
    return [
      ok,
      check('issuer', 'passed', 'issuer-bound', `The signing key belongs to the issuer ${issuerId}.`),
    ];
  if (!key.assertion)
    return [
      ok,
      check(
        'issuer',
        'failed',
        'issuer-key-not-authorized',
        `The issuer has not authorised the key ${key.id} to sign credentials.`,
      ),
    ];
  return [
    ok,
    check(
      'issuer',
      'failed',
      'issuer-mismatch',
      `The credential says it was issued by ${issuerId}, but it was signed with a key of ${key.controller}.`,
    ),
  ];
}

/** The envelope's own validity window from CWT claims `exp` (4) and `nbf` (5), if it has them. */
function cwtWindow(ctx: VerifyContext, sign1: Sign1): Check | undefined {
  const cwt = sign1.protectedHeader.get(15);
  if (!(cwt instanceof Map)) return undefined;
  const now = ctx.now.getTime();
  const exp = cwt.get(4);
  const nbf = cwt.get(5);
  if (typeof exp === 'number' && now - ctx.skewMs > exp * 1000)
    return check(
      'validity',
      'failed',
      'jwt-expired',
      'The COSE envelope the credential comes in has expired (exp).',
    );
  if (typeof nbf === 'number' && now + ctx.skewMs < nbf * 1000)
    return check(
      'validity',
      'failed',
      'jwt-not-yet-valid',
      'The COSE envelope the credential comes in may not be used yet (nbf).',
    );
  return undefined;
}

/**
 * A COSE_Sign1 (`source`: bytes, or base64, base64url or hex text) and its JSON object payload, or
 * the failed format check of a `noun` ("credential", "presentation") that cannot be read.
 */
function open(source: Uint8Array | string, noun: string): [Sign1, Obj] | Check {
  try {
    const bytes = bytesOf(source);
    if (!bytes?.length) throw new Malformed('it is not base64, base64url or hex');
    if (bytes.length > MAX_BYTES) throw new Malformed('it is over 2 MB');
    const sign1 = readSign1(bytes);
    const doc: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sign1.payload));
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      throw new Malformed('its payload is not a JSON object');
    return [sign1, doc as Obj];
  } catch (e) {
    const why = e instanceof Malformed ? e.message : 'its CBOR or its JSON payload is malformed';
    return check('format', 'failed', 'cose-malformed', `This COSE-secured ${noun} cannot be read: ${why}.`);
  }
}

/**
 * A COSE-secured presentation (VC-JOSE-COSE §3.3.2: "A conforming COSE issuer implementation MUST
 * use COSE_Sign1 … The unsecured verifiable presentation is the unencoded COSE_Sign1 payload"),
 * read as a presentation token for ../presentation.ts, which checks it as it checks a VP-JWT: the
 * key from `kid` (4), the holder binding, expiry, challenge and domain. Its header: `alg` (1) from
 * the protected header only, named as in JOSE (an unknown one by its COSE label, which fails);
 * `kid`; a `crit` (2) this verifier cannot honour stands as an unknown JOSE `crit`. Its claims: the
 * CWT claims (15) of the protected header: `iss` (1), `aud` (3, the domain), `exp` (4), `nbf` (5)
 * and the nonce (10, registered by RFC 9711; the challenge). `typ` and content type must be a
 * presentation's when present.
 */
export function coseToken(source: Uint8Array | string): Read {
  const read = open(source, 'presentation');
  if (!Array.isArray(read)) return read as PresentationCheck;
  const [sign1, doc] = read;
  const h = sign1.protectedHeader;
  const typeIssue = typeProblem(h, 'vp') ?? typeProblem(sign1.unprotected, 'vp');
  if (typeIssue) return check('format', 'failed', 'cose-typ-unsupported', typeIssue) as PresentationCheck;
  const label = h.get(1);
  const cwt = h.get(15);
  const claim = (key: number): unknown => {
    const v: unknown = cwt instanceof Map ? cwt.get(key) : undefined;
    return v instanceof Uint8Array ? new TextDecoder().decode(v) : v;
  };
  return {
    doc,
    jwt: {
      header: {
        alg: ALGS[label as number] ?? `COSE ${String(label)}`,
        kid: kidOf(sign1),
        ...(critProblem(sign1) ? { crit: ['COSE'] } : {}),
      },
      payload: { iss: claim(1), aud: claim(3), exp: claim(4), nbf: claim(5), nonce: claim(10) },
      ok: (alg, jwk) =>
        verifySignature(alg as Alg, jwk, sign1.signature, sigStructure(sign1.protectedBytes, sign1.payload)),
    },
  };
}

/**
 * Verifies a COSE-secured credential: `source` is the COSE_Sign1 as bytes, or as base64, base64url
 * or hex text; `media` the media type it came with (a `data:` URL's), `application/vc+cose` by default.
 */
export async function verifyCose(
  ctx: VerifyContext,
  source: Uint8Array | string,
  media = 'application/vc+cose',
): Promise<InnerResult> {
  if (media !== 'application/vc+cose')
    return formatOnly(
      'unknown',
      'cose-unsupported',
      `This is a COSE-secured ${media.includes('vp') ? 'presentation' : 'object'} (${media.slice(0, 60)}); Microcred checks COSE-secured credentials (application/vc+cose) only.`,
    );
  const read = open(source, 'credential');
  if (!Array.isArray(read)) return { verified: false, format: 'unknown', checks: [read] };
  const [sign1, doc] = read;
  const typeIssue = typeProblem(sign1.protectedHeader) ?? typeProblem(sign1.unprotected);
  const issuer = (doc as Obj)['issuer'];
  const issuerId =
    typeof issuer === 'string'
      ? issuer
      : typeof issuer === 'object' && issuer !== null && typeof (issuer as Obj)['id'] === 'string'
        ? ((issuer as Obj)['id'] as string)
        : undefined;
  const [proof, issuerCheck] = typeIssue
    ? [check('proof', 'failed', 'cose-typ-unsupported', typeIssue), notChecked()]
    : await signatureChecks(ctx, sign1, issuerId);
  // the credential inside, verified like any other; its proof and issuer are this signature's
  const result = await verifyNested(ctx, doc);
  const format = result.checks.find((c) => c.id === 'format');
  if (format?.outcome !== 'passed') return result;
  format.message = format.message.replace(/\.$/, ' secured with COSE.');
  const window = cwtWindow(ctx, sign1);
  result.checks = result.checks.map((c) =>
    c.id === 'proof'
      ? proof
      : c.id === 'issuer'
        ? issuerCheck
        : c.id === 'validity' && window && c.outcome === 'passed'
          ? window
          : c,
  );
  return result;
}

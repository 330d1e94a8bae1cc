/**
 * VC-JWT (VC-JOSE and the VCDM 1.1 `vc` claim): EdDSA, ES256 or RS256 — never `none`, never an
 * algorithm the key does not fit. The key comes from `kid` (DID URL or https URL) or an inline `jwk`
 * (whose `kid`, if any, must be its JWK Thumbprint); an inline key speaks for the issuer only when
 * the issuer holds it: its did:jwk or did:key, or a key in its published JWK Set.
 */
import type { VerifyContext } from '../context.js';
import type { Check } from '../types.js';
import { algCheck, algFitsKey, issuerHoldsKey, jwkThumbprint, resolveKid, thumbprintKid } from './jwk.js';
import type { JwtKey } from './jwk.js';
import { critProblem, verifyCompactJws } from './jws.js';
import type { JwsAlg } from './jws.js';
import { isObj } from '../../parse/parse-input.js';

type Obj = Record<string, unknown>;
/** `typ` of a credential token (lower case, without `application/`): VC-JWT 1.1 and VC-JOSE-COSE. */
const VC_TYPES = ['jwt', 'vc+jwt', 'vc+ld+jwt', 'vc+ld+json+jwt'];

const proof = (outcome: Check['outcome'], code: Check['code'], message: string): Check => ({
  id: 'proof',
  outcome,
  code,
  message,
});
const issuer = (outcome: Check['outcome'], code: Check['code'], message: string): Check => ({
  id: 'issuer',
  outcome,
  code,
  message,
});

/**
 * The `proof` and `issuer` checks of a compact JWS VC-JWT whose credential is `doc`; `header` and
 * `payload` are the token's as `decodeJwsPart` reads them (decoded once, by the caller).
 */
export async function verifyVcJwt(
  ctx: VerifyContext,
  jws: string,
  doc: Obj,
  issuerId: string | undefined,
  header: Obj | undefined,
  payload: Obj | undefined,
): Promise<[Check, Check]> {
  if (!header || !payload)
    return [
      proof('failed', 'proof-malformed', 'The signed token cannot be decoded.'),
      issuer('skipped', 'issuer-not-checked', 'Not checked.'),
    ];
  const alg = header['alg'] as JwsAlg;
  const bad = algCheck(alg);
  if (bad) return [bad, issuer('skipped', 'issuer-not-checked', 'Not checked.')];
  const crit = critProblem(header);
  if (crit) {
    return [
      proof(
        'failed',
        crit,
        crit === 'jwt-crit-invalid'
          ? "The token's crit header is malformed."
          : 'The token needs extensions (crit) this verifier does not understand.',
      ),
      issuer('skipped', 'issuer-not-checked', 'Not checked.'),
    ];
  }
  // VC-JOSE-COSE: a `vc+jwt` token's payload is the credential, so the VCDM 1.1 `vc` and `vp` claims
  // "MUST NOT be present"; a type that is not a credential's is refused before any key is fetched
  const typ =
    typeof header['typ'] === 'string' ? header['typ'].toLowerCase().replace(/^application\//, '') : 'jwt';
  if (!VC_TYPES.includes(typ))
    return [
      proof('failed', 'jwt-typ-unsupported', `The token's type "${typ.slice(0, 40)}" is not a credential's.`),
      issuer('skipped', 'issuer-not-checked', 'Not checked.'),
    ];
  if (typ !== 'jwt' && ('vc' in payload || 'vp' in payload))
    return [
      proof('failed', 'jwt-claims-mismatch', `A ${typ} token must not carry "vc" or "vp" claims.`),
      issuer('skipped', 'issuer-not-checked', 'Not checked.'),
    ];
  // which key?
  let key: JwtKey | undefined;
  let inline = false;
  const kid = header['kid'];
  // VC-JOSE-COSE §4.1.1: a `kid` is "a hint indicating which key was used to secure the verifiable
  // credential". Beside an inline `jwk`, a kid that is a JWK Thumbprint (RFC 7638, or its RFC 9278
  // URI) names that key: the inline key is checked against it rather than looked up by it.
  const thumbprint = typeof kid === 'string' && isObj(header['jwk']) ? thumbprintKid(kid) : undefined;
  if (typeof kid === 'string' && kid.length > 0 && thumbprint === undefined) {
    // a relative kid ("#key-1") names a key of the document of `iss` (which must be the issuer's),
    // as a presentation token's does; without `iss` it names nothing (VC-JOSE-COSE §4.2: "When iss
    // is absent, and the issuer is identified as a URL, the kid MUST be an absolute URL")
    const iss = payload['iss'];
    const r = await resolveKid(ctx, kid.startsWith('#') && typeof iss === 'string' ? iss + kid : kid);
    if (!r.ok)
      return [
        proof(r.outcome, r.code, r.message),
        issuer(
          'unknown',
          'issuer-not-checked',
          'The issuer could not be checked because the signing key could not be resolved.',
        ),
      ];
    key = r;
  } else if (isObj(header['jwk'])) {
    const jwk = header['jwk'] as JsonWebKey;
    if ('d' in jwk)
      return [
        proof('failed', 'key-invalid', 'The token carries a private key, which is never accepted.'),
        issuer('skipped', 'issuer-not-checked', 'Not checked.'),
      ];
    // a thumbprint kid that is not the inline key's names another key: the header contradicts itself
    if (thumbprint !== undefined && (await jwkThumbprint(jwk)) !== thumbprint)
      return [
        proof(
          'failed',
          'key-not-found',
          "The token's key id is the thumbprint of another key than the one the token carries.",
        ),
        issuer('skipped', 'issuer-not-checked', 'Not checked.'),
      ];
    key = { ok: true, jwk, controller: '', assertion: false, id: 'the key embedded in the token' };
    inline = true;
  } else {
    return [
      proof(
        'failed',
        'key-missing',
        'The signed token does not say which key signed it (no "kid" or "jwk").',
      ),
      issuer('unknown', 'issuer-not-checked', 'The issuer could not be checked without a key.'),
    ];
  }
  if (!algFitsKey(alg, key.jwk)) {
    return [
      proof(
        'failed',
        'jwt-alg-key-mismatch',
        `The token says ${alg}, which does not fit its ${String(key.jwk.kty)} key.`,
      ),
      issuer('skipped', 'issuer-not-checked', 'Not checked.'),
    ];
  }
  const valid = await verifyCompactJws(jws, alg as JwsAlg, { jwk: key.jwk }, header);
  if (!valid) {
    return [
      proof(
        'failed',
        'proof-bad-signature',
        'The token signature does not match: it was changed after signing, or signed with another key.',
      ),
      issuer('skipped', 'issuer-not-checked', 'Not checked, because the proof is not valid.'),
    ];
  }
  // registered claims must agree with the credential
  const iss = payload['iss'];
  const jti = payload['jti'];
  if (typeof iss === 'string' && issuerId && iss !== issuerId) {
    return [
      proof(
        'failed',
        'jwt-claims-mismatch',
        `The token's "iss" (${iss}) is not the credential's issuer (${issuerId}).`,
      ),
      issuer('failed', 'issuer-mismatch', 'The token and the credential name different issuers.'),
    ];
  }
  if (typeof jti === 'string' && typeof doc['id'] === 'string' && jti !== doc['id']) {
    return [
      proof('failed', 'jwt-claims-mismatch', `The token's "jti" is not the credential's id.`),
      issuer('skipped', 'issuer-not-checked', 'Not checked.'),
    ];
  }
  const ok = proof('passed', 'proof-valid', `The ${alg} token signature by ${key.id} is valid.`);
  if (!issuerId) return [ok, issuer('failed', 'issuer-missing', 'The credential does not name its issuer.')];
  if (inline) {
    // an inline key (and a thumbprint of it) proves who signed only when the issuer holds that key:
    // a did:jwk or did:key issuer is its one key; an https issuer publishes its keys
    const held = await issuerHoldsKey(ctx, issuerId, key.jwk);
    const did = issuerId.startsWith('did:');
    if (held === true)
      return [
        ok,
        issuer(
          'passed',
          'issuer-bound',
          did
            ? `The signing key is the key of the issuer ${issuerId}.`
            : `The issuer ${issuerId} publishes the signing key in its key set.`,
        ),
      ];
    if (held === false && /^did:(jwk|key):/.test(issuerId))
      return [
        ok,
        issuer(
          'failed',
          'issuer-mismatch',
          `The token carries its own key, which is not the key of the issuer ${issuerId}.`,
        ),
      ];
    if (held === false) {
      return [
        ok,
        issuer(
          'unknown',
          'issuer-key-unpublished',
          `The token carries its own key, and ${issuerId} does not publish that key, so the token could have been signed by anyone.`,
        ),
      ];
    }
    return [
      ok,
      issuer(
        'unknown',
        'issuer-key-unavailable',
        `The issuer's key set could not be fetched, so the embedded key cannot be tied to ${issuerId}.`,
      ),
    ];
  }
  const originOf = (u: string): string | undefined => {
    try {
      return new URL(u).origin;
    } catch {
      return undefined;
    }
  };
  const bound =
    key.assertion &&
    (key.controller === issuerId ||
      (key.controller.startsWith('https://') && key.controller === originOf(issuerId)));
  if (bound)
    return [ok, issuer('passed', 'issuer-bound', `The signing key belongs to the issuer ${issuerId}.`)];
  if (!key.assertion)
    return [
      ok,
      issuer(
        'failed',
        'issuer-key-not-authorized',
        `The issuer has not authorised the key ${key.id} to sign credentials.`,
      ),
    ];
  return [
    ok,
    issuer(
      'failed',
      'issuer-mismatch',
      `The credential says it was issued by ${issuerId}, but it was signed with a key of ${key.controller}.`,
    ),
  ];
}

/**
 * Keys for signed JSON Web Tokens: which algorithms fit which keys, resolving a `kid` (DID URL or
 * https URL: controller document, JWK or JWK Set), and whether an inline `jwk` is published by the
 * issuer at `https://<issuer host>/.well-known/jwks.json`.
 */
import { cached } from '../cache.js';
import type { VerifyContext } from '../context.js';
import { base64UrlEncode, sha256 } from '../encoding.js';
import { describeFailure, failureCode, fetchJson } from '../http.js';
import { resolveMethod } from '../keys.js';
import type { MethodFailure, PublicKey } from '../keys.js';
import type { Check } from '../types.js';
import { isObj } from '../../parse/parse-input.js';
import { part } from '../kit.js';

/** Algorithms accepted for VC-JWT (never `none`). */
export const JWT_ALGS = ['EdDSA', 'ES256', 'ES384', 'RS256'] as const;

/**
 * The `proof` check of a token signed with `alg` when it is not one of {@link JWT_ALGS}; undefined
 * when it is. A registered public-key JWS algorithm this verifier does not implement (RFC 7518 §3.1,
 * RFC 8812 §3.2, RFC 9864) could not be checked (`unknown`, as a Data Integrity suite it does not
 * know); `none`, MACs and unregistered names are refused (RFC 8725 §3.1: a verifier must not accept
 * `none`, nor a MAC with a public key). One rule for VC-JWT, SD-JWT VC and presentation tokens.
 */
export function algCheck(alg: unknown): Check | undefined {
  if ((JWT_ALGS as readonly unknown[]).includes(alg)) return undefined;
  return {
    id: 'proof',
    outcome: /^(?:[RP]S(?:256|384|512)|ES(?:512|256K)|Ed(?:25519|448))$/.test(String(alg))
      ? 'unknown'
      : 'failed',
    code: alg === 'none' ? 'jwt-alg-none' : 'jwt-alg-unsupported',
    message: `The token's signing algorithm "${String(alg).slice(0, 20)}" is not one Microcred checks (EdDSA, ES256, ES384 and RS256).`,
  };
}

export { algFitsKey } from './jws.js';

/**
 * A public JWK from key material (Ed25519 raw → OKP; a compressed P-256/P-384 point is decompressed
 * by the lazy ec-key chunk). An invalid point gives an empty JWK, which fits no algorithm.
 */
export async function toJwk(key: PublicKey): Promise<JsonWebKey> {
  if (key.kind === 'jwk') return key.jwk;
  if (key.kind === 'ec')
    return (await part(import('../suites/ec-key.js'))).decompress(key.crv, key.raw) ?? {};
  return { kty: 'OKP', crv: 'Ed25519', x: base64UrlEncode(key.raw) };
}

/** The public members of a JWK that identify it (for comparing keys). */
export function publicPart(jwk: JsonWebKey): string {
  const { kty, crv, x, y, n, e } = jwk;
  return JSON.stringify([kty, crv, x, y, n, e]);
}

/** Whether two JWKs are the same public key. */
export const sameKey = (a: JsonWebKey, b: JsonWebKey): boolean => publicPart(a) === publicPart(b);

/** The JWK Thumbprint URI prefix of RFC 9278 for SHA-256. */
const THUMBPRINT_URI = 'urn:ietf:params:oauth:jwk-thumbprint:sha-256:';

/**
 * The SHA-256 JWK Thumbprint a `kid` states, if it is one: 43 base64url characters (RFC 7638 §3.1
 * with SHA-256), bare or as a JWK Thumbprint URI (RFC 9278).
 */
export function thumbprintKid(kid: string): string | undefined {
  const t = kid.startsWith(THUMBPRINT_URI) ? kid.slice(THUMBPRINT_URI.length) : kid;
  return /^[\w-]{43}$/.test(t) ? t : undefined;
}

/**
 * The RFC 7638 SHA-256 thumbprint of a public JWK: the base64url SHA-256 of the JSON object of its
 * required members only, in lexicographic order, without whitespace (§3.2: EC crv, kty, x, y; RSA
 * e, kty, n; RFC 8037 §2 OKP crv, kty, x). Undefined for a key without them.
 */
export async function jwkThumbprint(jwk: JsonWebKey): Promise<string | undefined> {
  const { kty, crv, x, y, e, n } = jwk;
  const members =
    kty === 'EC' ? { crv, kty, x, y } : kty === 'OKP' ? { crv, kty, x } : kty === 'RSA' ? { e, kty, n } : {};
  const values = Object.values(members);
  if (values.length === 0 || !values.every((v) => typeof v === 'string')) return undefined;
  return base64UrlEncode(await sha256(JSON.stringify(members)));
}

/**
 * Does the issuer `issuerId` hold `jwk` as an assertion key? For a did:jwk or did:key issuer the
 * identifier is its one key, so the answer is certain (true, or false for another key); otherwise
 * its published JWK Set is asked ({@link issuerPublishes}).
 * @returns true / false, or undefined when it could not be checked.
 */
export async function issuerHoldsKey(
  ctx: VerifyContext,
  issuerId: string,
  jwk: JsonWebKey,
): Promise<boolean | undefined> {
  if (!issuerId.startsWith('did:jwk:') && !issuerId.startsWith('did:key:'))
    return issuerPublishes(ctx, issuerId, jwk);
  const m = await resolveMethod(ctx, issuerId);
  if (!m.ok) return m.outcome === 'failed' ? false : undefined;
  return m.assertion && sameKey(await toJwk(m.key), jwk);
}

/** A resolved JWT key with the identity it speaks for. */
export interface JwtKey {
  ok: true;
  jwk: JsonWebKey;
  /** Who controls the key (DID, controller document URL, or the origin that publishes it). */
  controller: string;
  /** May the key make assertions for `controller`? */
  assertion: boolean;
  id: string;
}

/** Resolves a `kid`: a DID URL, or an https URL of a controller document, a JWK, or a JWK Set. */
export async function resolveKid(ctx: VerifyContext, kid: string): Promise<JwtKey | MethodFailure> {
  if (kid.startsWith('did:')) {
    const m = await resolveMethod(ctx, kid);
    return m.ok
      ? { ok: true, jwk: await toJwk(m.key), controller: m.controller, assertion: m.assertion, id: m.id }
      : m;
  }
  // a bare name or JWK thumbprint: a key that cannot be looked up, which is not a forgery
  if (!/^https:\/\//i.test(kid)) {
    return {
      ok: false,
      outcome: 'unknown',
      code: 'key-unsupported-method',
      message: `The token's key id "${kid.slice(0, 80)}" is not a DID or an https address.`,
    };
  }
  const [base, fragment] = kid.split('#') as [string, string | undefined];
  const r = await cached(
    ctx.fetch,
    `doc:${base}`,
    ctx.now.getTime(),
    () => fetchJson(ctx, base),
    undefined,
    (v) => v.ok,
  );
  if (!r.ok) {
    return {
      ok: false,
      outcome: 'unknown',
      code: failureCode(r, 'key-unavailable'),
      message: `The token's key (${base}) could not be fetched: ${describeFailure(r)}.`,
    };
  }
  const doc = r.json;
  const origin = new URL(base).origin;
  if (typeof doc['kty'] === 'string') {
    return { ok: true, jwk: doc as JsonWebKey, controller: origin, assertion: true, id: kid };
  }
  if (Array.isArray(doc['keys'])) {
    const key = doc['keys'].find(
      (k) => isObj(k) && (k['kid'] === kid || (fragment !== undefined && k['kid'] === fragment)),
    );
    if (!isObj(key))
      return {
        ok: false,
        outcome: 'failed',
        code: 'key-not-found',
        message: `The key set at ${base} has no key ${fragment ?? kid}.`,
      };
    return { ok: true, jwk: key as JsonWebKey, controller: origin, assertion: true, id: kid };
  }
  const m = await resolveMethod(ctx, kid);
  return m.ok
    ? { ok: true, jwk: await toJwk(m.key), controller: m.controller, assertion: m.assertion, id: m.id }
    : m;
}

/**
 * Is `jwk` published by the issuer at `https://<issuer host>/.well-known/jwks.json`?
 * @returns true / false, or undefined when it could not be checked.
 */
export async function issuerPublishes(
  ctx: VerifyContext,
  issuerId: string,
  jwk: JsonWebKey,
): Promise<boolean | undefined> {
  let origin: string;
  try {
    const u = new URL(issuerId);
    if (u.protocol !== 'https:') return false;
    origin = u.origin;
  } catch {
    return false;
  }
  const url = `${origin}/.well-known/jwks.json`;
  const r = await cached(
    ctx.fetch,
    `doc:${url}`,
    ctx.now.getTime(),
    () => fetchJson(ctx, url),
    undefined,
    (v) => v.ok,
  );
  if (!r.ok) return r.status === 404 ? false : undefined;
  const keys = Array.isArray(r.json['keys']) ? r.json['keys'] : [];
  const want = publicPart(jwk);
  return keys.some((k) => isObj(k) && publicPart(k as JsonWebKey) === want);
}

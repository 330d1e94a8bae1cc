/**
 * Compact JWS signature verification on WebCrypto alone (EdDSA/Ed25519, ES256, ES384, RS256): no JOSE
 * library in the verifier chunk. The algorithm is pinned by the caller and must fit the key. A JWS
 * whose `crit` header lists extensions is invalid here (RFC 7515 §4.1.11): this verifier
 * understands none.
 */
import { base64UrlDecode } from '../encoding.js';
import { nodeCrypto } from '../node-crypto.js';
import type { NodeKey } from '../node-crypto.js';

type Obj = Record<string, unknown>;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A base64url part of a compact JWS decoded as a JSON object (UTF-8, strict); undefined otherwise. */
export function decodeJwsPart(part: string | undefined): Obj | undefined {
  const bytes = part ? base64UrlDecode(part) : undefined;
  if (!bytes) return undefined;
  try {
    const v = JSON.parse(strictUtf8.decode(bytes)) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
  } catch {
    return undefined;
  }
}

/** A compact JWS with its header and payload decoded ({@link decodeJwsPart}: undefined unless a JSON object). */
export interface DecodedJws {
  text: string;
  header: Obj | undefined;
  payload: Obj | undefined;
}

/** Decodes the header and payload of the compact JWS `text` (done once a verification, then shared). */
export function decodeJws(text: string): DecodedJws {
  const [header, payload] = text.split('.', 2).map(decodeJwsPart);
  return { text, header, payload };
}

/** Extension header parameters this verifier understands and may be listed in `crit` (none: not even RFC 7797 `b64`). */
const UNDERSTOOD_CRIT: readonly string[] = [];

/**
 * What is wrong with the `crit` header of a JWS, if anything (RFC 7515 §4.1.11): `jwt-crit-invalid`
 * when it is not a non-empty array of names, `jwt-crit-unsupported` when it lists a name this
 * verifier does not understand (or one the header does not carry).
 */
export function critProblem(header: Obj): 'jwt-crit-invalid' | 'jwt-crit-unsupported' | undefined {
  if (!('crit' in header)) return undefined;
  const crit = header['crit'];
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((n) => typeof n === 'string' && n))
    return 'jwt-crit-invalid';
  return crit.every((n: string) => UNDERSTOOD_CRIT.includes(n) && n in header)
    ? undefined
    : 'jwt-crit-unsupported';
}

const ALGS = {
  EdDSA: { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
  ES256: { key: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
  ES384: { key: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } },
  RS256: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
} as const;

/** The algorithms this verifier accepts. */
export type JwsAlg = keyof typeof ALGS;

/** A public key as JWK, or as a PEM `SUBJECT PUBLIC KEY INFO` (OB 2.0 `publicKeyPem`). */
export type JwsKey = { jwk: JsonWebKey } | { pem: string };

/** True when `alg` is the right algorithm for `jwk` (EdDSA↔OKP/Ed25519, ES256↔EC/P-256, ES384↔EC/P-384, RS256↔RSA). */
export function algFitsKey(alg: string, jwk: JsonWebKey): boolean {
  if (alg === 'EdDSA') return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
  if (alg === 'ES256') return jwk.kty === 'EC' && jwk.crv === 'P-256';
  if (alg === 'ES384') return jwk.kty === 'EC' && jwk.crv === 'P-384';
  if (alg === 'RS256') return jwk.kty === 'RSA' && typeof jwk.n === 'string' && jwk.n.length >= 340; // ≥ 2048 bits
  return false;
}

/**
 * Imported JWKs by algorithm and public members (bounded): a key being imported is its promise, an
 * imported one the key itself; a failed import is forgotten.
 */
const imported = new Map<string, Promise<CryptoKey> | CryptoKey | NodeKey>();
/** The `imported` id of a frozen JWK (one that cannot change, such as a did:jwk's keys.ts read once). */
const ids = new WeakMap<JsonWebKey, string>();

/**
 * The key of a JWK, imported once (an issuer signs many tokens with one key): a node:crypto
 * KeyObject in Node, a WebCrypto key elsewhere (its promise while it is being imported). `use`,
 * `key_ops` and `ext` are left out, so a JWK published for signing imports for verifying.
 */
function jwkKey(alg: JwsAlg, given: JsonWebKey): Promise<CryptoKey> | CryptoKey | NodeKey {
  const { kty, crv, x, y, n, e } = given;
  const frozen = Object.isFrozen(given);
  let id = frozen ? ids.get(given) : undefined;
  if (!id?.startsWith(`${alg}[`)) {
    id = alg + JSON.stringify([kty, crv, x, y, n, e]);
    if (frozen) ids.set(given, id);
  }
  let k = imported.get(id);
  if (!k) {
    if (imported.size > 100) imported.clear();
    // members left undefined count as absent, for WebCrypto (WebIDL) and node:crypto alike
    const jwk = { kty, crv, x, y, n, e };
    if (nodeCrypto) k = nodeCrypto.createPublicKey({ key: jwk, format: 'jwk' });
    else {
      const p = crypto.subtle.importKey('jwk', jwk, ALGS[alg].key, false, ['verify']);
      p.then(
        (key) => imported.get(id) === p && imported.set(id, key),
        () => imported.get(id) === p && imported.delete(id),
      );
      k = p;
    }
    imported.set(id, k);
  }
  return k;
}

/** The bytes of JWS signing inputs: one encoder for the module. */
const ascii = new TextEncoder();
/** Reused for signing inputs up to 64 KB (WebCrypto and node:crypto copy their input when called). */
let scratch = new Uint8Array(4096);

/**
 * The UTF-8 bytes of `text` (ASCII for a well-formed signing input), in `scratch` when they fit:
 * valid until the next call. Text that does not fit whole is encoded on its own, never cut short.
 */
function signingBytes(text: string): Uint8Array {
  if (text.length > 65536) return ascii.encode(text);
  if (text.length > scratch.length) scratch = new Uint8Array(Math.min(65536, text.length * 2));
  const { read, written } = ascii.encodeInto(text, scratch);
  return read === text.length ? scratch.subarray(0, written) : ascii.encode(text);
}

/**
 * Verifies the signature of a compact JWS with `alg` and `key`; false on any malformation or a
 * `crit` it does not understand. `header`: the JWS header when the caller has decoded it already.
 */
export async function verifyCompactJws(
  jws: string,
  alg: JwsAlg,
  key: JwsKey,
  header?: Obj,
): Promise<boolean> {
  // exactly three parts: the signing input is the text before the second dot, read in place
  const dot1 = jws.indexOf('.');
  const dot2 = dot1 < 0 ? -1 : jws.indexOf('.', dot1 + 1);
  if (dot2 < 0 || jws.indexOf('.', dot2 + 1) >= 0) return false;
  header ??= decodeJwsPart(jws.slice(0, dot1));
  if (!header || critProblem(header)) return false;
  const signature = base64UrlDecode(jws.slice(dot2 + 1));
  if (!signature || (alg !== 'RS256' && signature.length !== (alg === 'ES384' ? 96 : 64))) return false;
  const signed = jws.slice(0, dot2);
  let k: CryptoKey;
  try {
    if ('pem' in key) {
      const der = base64UrlDecode(key.pem.replace(/-----(BEGIN|END) PUBLIC KEY-----|\s+/g, ''));
      if (!der) return false;
      k = await crypto.subtle.importKey('spki', der as BufferSource, ALGS[alg].key, false, ['verify']);
    } else if (nodeCrypto) {
      // node:crypto, synchronously (WebCrypto in Node hands each check to a thread pool, which costs
      // more than the check); the key must fit `alg`, as WebCrypto's import with its parameters demands
      if (!algFitsKey(alg, key.jwk)) return false;
      const nk = jwkKey(alg, key.jwk) as NodeKey;
      const hash = alg === 'EdDSA' ? null : alg === 'ES384' ? 'sha384' : 'sha256';
      return nodeCrypto.verify(
        hash,
        signed,
        alg.startsWith('ES') ? { key: nk, dsaEncoding: 'ieee-p1363' } : nk,
        signature,
      );
    } else {
      const kk = jwkKey(alg, key.jwk) as Promise<CryptoKey> | CryptoKey;
      // an imported key is used as it is, without waiting a turn on its settled promise
      k = kk instanceof Promise ? await kk : kk;
    }
    return await crypto.subtle.verify(
      ALGS[alg].sign,
      k,
      signature as BufferSource,
      signingBytes(signed) as BufferSource,
    );
  } catch {
    return false;
  }
}

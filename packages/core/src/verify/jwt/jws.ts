/**
 * Compact JWS signature verification on WebCrypto alone (EdDSA/Ed25519, ES256, RS256): no JOSE
 * library in the verifier chunk. The algorithm is pinned by the caller and must fit the key.
 */
import { base64UrlDecode } from '../encoding.js';

const ALGS = {
  EdDSA: { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
  ES256: { key: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
  RS256: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
} as const;

/** The algorithms this verifier accepts. */
export type JwsAlg = keyof typeof ALGS;

/** A public key as JWK, or as a PEM `SUBJECT PUBLIC KEY INFO` (OB 2.0 `publicKeyPem`). */
export type JwsKey = { jwk: JsonWebKey } | { pem: string };

async function importKey(alg: JwsAlg, key: JwsKey): Promise<CryptoKey> {
  if ('pem' in key) {
    const body = key.pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    const der = base64UrlDecode(body);
    if (!der) throw new TypeError('bad PEM');
    return crypto.subtle.importKey('spki', der as BufferSource, ALGS[alg].key, false, ['verify']);
  }
  const { kty, crv, x, y, n, e } = key.jwk;
  const jwk: JsonWebKey = Object.fromEntries(
    Object.entries({ kty, crv, x, y, n, e }).filter(([, v]) => v !== undefined),
  );
  return crypto.subtle.importKey('jwk', jwk, ALGS[alg].key, false, ['verify']);
}

/** Verifies the signature of a compact JWS with `alg` and `key`; false on any malformation. */
export async function verifyCompactJws(jws: string, alg: JwsAlg, key: JwsKey): Promise<boolean> {
  const parts = jws.split('.');
  if (parts.length !== 3) return false;
  const signature = base64UrlDecode(parts[2]!);
  if (!signature || (alg !== 'RS256' && signature.length !== 64)) return false;
  try {
    const k = await importKey(alg, key);
    const data = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
    return await crypto.subtle.verify(ALGS[alg].sign, k, signature as BufferSource, data);
  } catch {
    return false;
  }
}

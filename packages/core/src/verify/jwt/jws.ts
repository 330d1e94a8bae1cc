/**
 * Compact JWS signature verification on WebCrypto alone (EdDSA/Ed25519, ES256, ES384, RS256): no JOSE
 * library in the verifier chunk. The algorithm is pinned by the caller and must fit the key. A JWS
 * whose `crit` header lists extensions is invalid here (RFC 7515 §4.1.11): this verifier
 * understands none.
 */
import { base64UrlDecode, utf8 } from '../encoding.js';
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

/** WebCrypto parameters; `node`: the node:crypto key type (and curve) and hash of each algorithm. */
const ALGS = {
  EdDSA: { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' }, node: ['ed25519', null] },
  ES256: {
    key: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
    node: ['ec', 'sha256', 'prime256v1'],
  },
  ES384: {
    key: { name: 'ECDSA', namedCurve: 'P-384' },
    sign: { name: 'ECDSA', hash: 'SHA-384' },
    node: ['ec', 'sha384', 'secp384r1'],
  },
  RS256: {
    key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
    node: ['rsa', 'sha256'],
  },
} as const;

/** The algorithms this verifier accepts. */
export type JwsAlg = keyof typeof ALGS;

/** A public key as JWK, or as a PEM `SUBJECT PUBLIC KEY INFO` (OB 2.0 `publicKeyPem`). */
export type JwsKey = { jwk: JsonWebKey } | { pem: string };

/**
 * The public members of a JWK, for importing it: with `use`, `key_ops` or `ext` left out, a JWK
 * published for signing imports for verifying.
 */
function publicJwk({ kty, crv, x, y, n, e }: JsonWebKey): JsonWebKey {
  return Object.fromEntries(Object.entries({ kty, crv, x, y, n, e }).filter(([, v]) => v !== undefined));
}

async function importKey(alg: JwsAlg, key: JwsKey): Promise<CryptoKey> {
  if ('pem' in key) {
    const body = key.pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    const der = base64UrlDecode(body);
    if (!der) throw new TypeError('bad PEM');
    return crypto.subtle.importKey('spki', der as BufferSource, ALGS[alg].key, false, ['verify']);
  }
  const jwk = publicJwk(key.jwk);
  // an issuer signs many tokens with one key: import it once (bounded; a failed import is forgotten)
  const id = alg + JSON.stringify(jwk);
  let k = imported.get(id);
  if (!k) {
    if (imported.size > 100) imported.clear();
    k = crypto.subtle.importKey('jwk', jwk, ALGS[alg].key, false, ['verify']);
    imported.set(id, k);
    k.catch(() => imported.delete(id));
  }
  return k;
}

const imported = new Map<string, Promise<CryptoKey>>();

/** node:crypto KeyObjects of JWKs, by algorithm and key (bounded), checked to be of `alg`'s type. */
const nodeKeys = new Map<string, NodeKey>();

/**
 * The signature check with node:crypto, synchronously (Node only, JWK keys only): WebCrypto in Node
 * hands each check to a thread pool, which costs more than the check. The key must be of the type
 * (and curve) `alg` needs, as WebCrypto's import with `alg`'s parameters demands.
 */
function nodeVerify(alg: JwsAlg, jwk: JsonWebKey, data: string, signature: Uint8Array): boolean {
  const [type, hash, curve] = ALGS[alg].node as readonly [string, 'sha256' | 'sha384' | null, string?];
  const pub = publicJwk(jwk);
  const id = alg + JSON.stringify(pub);
  let k = nodeKeys.get(id);
  if (!k) {
    k = nodeCrypto!.createPublicKey({ key: pub, format: 'jwk' });
    if (k.asymmetricKeyType !== type || (curve && k.asymmetricKeyDetails?.namedCurve !== curve)) return false;
    if (nodeKeys.size > 100) nodeKeys.clear();
    nodeKeys.set(id, k);
  }
  return nodeCrypto!.verify(hash, data, type === 'ec' ? { key: k, dsaEncoding: 'ieee-p1363' } : k, signature);
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
  const parts = jws.split('.');
  if (parts.length !== 3) return false;
  header ??= decodeJwsPart(parts[0]);
  if (!header || critProblem(header)) return false;
  const signature = base64UrlDecode(parts[2]!);
  if (!signature || (alg !== 'RS256' && signature.length !== (alg === 'ES384' ? 96 : 64))) return false;
  const signed = `${parts[0]}.${parts[1]}`;
  try {
    if (nodeCrypto && 'jwk' in key) return nodeVerify(alg, key.jwk, signed, signature);
    const k = await importKey(alg, key);
    return await crypto.subtle.verify(
      ALGS[alg].sign,
      k,
      signature as BufferSource,
      utf8(signed) as BufferSource,
    );
  } catch {
    return false;
  }
}

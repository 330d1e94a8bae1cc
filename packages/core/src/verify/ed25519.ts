/** Ed25519 signature verification: WebCrypto in browsers, node:crypto in Node (see node-crypto.ts). */
import { base64UrlEncode } from './encoding.js';
import { nodeCrypto } from './node-crypto.js';
import type { NodeKey } from './node-crypto.js';

/** Imported public keys by their base64url text (a credential's issuer signs many; bounded). */
const keys = new Map<string, Promise<unknown>>();

function importKey(publicKey: Uint8Array): Promise<unknown> {
  const x = base64UrlEncode(publicKey);
  let key = keys.get(x);
  if (!key) {
    if (keys.size > 100) keys.clear();
    key = nodeCrypto
      ? Promise.resolve(nodeCrypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }))
      : crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    keys.set(x, key);
    key.catch(() => keys.delete(x));
  }
  return key;
}

/** Verifies an Ed25519 signature; false for malformed keys or signatures, never throws. */
export async function verifyEd25519(
  publicKey: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await importKey(publicKey);
    if (nodeCrypto) return nodeCrypto.verify(null, data, key as NodeKey, signature);
    return await crypto.subtle.verify(
      { name: 'Ed25519' },
      key as CryptoKey,
      signature as BufferSource,
      data as BufferSource,
    );
  } catch {
    return false;
  }
}

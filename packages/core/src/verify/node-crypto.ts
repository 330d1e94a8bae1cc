/**
 * Node's synchronous `node:crypto`, when the verifier runs in Node 20.16+ (through
 * `process.getBuiltinModule`, so no import of a Node module ever reaches a browser bundle).
 * WebCrypto in Node hands every digest and signature check to a thread pool, which costs more
 * than the work itself for the small inputs of a credential; in browsers WebCrypto is used.
 */
export interface NodeCrypto {
  createHash(alg: 'sha256'): { update(d: Uint8Array | string): { digest(): Uint8Array } };
  createPublicKey(k: { key: JsonWebKey; format: 'jwk' }): NodeKey;
  verify(
    alg: 'sha256' | 'sha384' | null,
    data: Uint8Array | string,
    key: NodeKey | { key: NodeKey; dsaEncoding: 'ieee-p1363' },
    signature: Uint8Array,
  ): boolean;
}

/** A `node:crypto` KeyObject (the verifier never looks into it). */
export type NodeKey = object;

const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;

/** `node:crypto`, or undefined outside Node. */
export const nodeCrypto: NodeCrypto | undefined = (() => {
  try {
    return proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
})();

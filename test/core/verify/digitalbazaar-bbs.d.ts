// Minimal types for the Digital Bazaar bbs-2023 libraries the bbs-2023 tests use (they ship none).
declare module '@digitalbazaar/bbs-2023-cryptosuite' {
  export function createSignCryptosuite(args?: { mandatoryPointers?: string[] }): unknown;
  export function createDiscloseCryptosuite(args?: {
    selectivePointers?: string[];
    presentationHeader?: Uint8Array;
  }): unknown;
}
declare module '@digitalbazaar/bls12-381-multikey' {
  export const ALGORITHMS: { BBS_BLS12381_SHA256: string };
  export function generateBbsKeyPair(args: {
    algorithm: string;
    id?: string;
    controller?: string;
  }): Promise<{ publicKeyMultibase: string; id?: string; controller?: string; signer(): unknown }>;
}
declare module '@digitalbazaar/vc' {
  export function derive(args: {
    verifiableCredential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
  }): Promise<Record<string, unknown>>;
}

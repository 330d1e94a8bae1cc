// Minimal types for the Digital Bazaar ecdsa-sd-2023 suite and vc.derive (they ship none).
declare module '@digitalbazaar/ecdsa-sd-2023-cryptosuite' {
  export function createSignCryptosuite(args?: { mandatoryPointers?: string[] }): unknown;
  export function createDiscloseCryptosuite(args?: { selectivePointers?: string[] }): unknown;
  export function createVerifyCryptosuite(): unknown;
}
declare module '@digitalbazaar/vc' {
  export function derive(args: {
    verifiableCredential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
  }): Promise<Record<string, unknown>>;
}

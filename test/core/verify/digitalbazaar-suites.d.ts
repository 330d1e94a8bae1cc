// Minimal types for the Digital Bazaar suites the new-suite tests use (they ship none).
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ecdsa-jcs-2019-cryptosuite' {
  export function createSignCryptosuite(): unknown;
}
declare module '@digitalbazaar/ecdsa-multikey' {
  interface EcdsaKeyPair {
    publicKeyMultibase: string;
    id?: string;
    controller?: string;
    signer(): { sign(args: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function generate(args: {
    curve: 'P-256' | 'P-384';
    id?: string;
    controller?: string;
  }): Promise<EcdsaKeyPair>;
  export function toJwk(args: { keyPair: EcdsaKeyPair; secretKey?: boolean }): Promise<JsonWebKey>;
}
declare module '@digitalbazaar/ed25519-signature-2018' {
  export class Ed25519Signature2018 {
    constructor(args: { key?: unknown; date?: Date | string });
  }
}
declare module '@digitalbazaar/ed25519-verification-key-2018' {
  export class Ed25519VerificationKey2018 {
    static generate(args?: { id?: string; controller?: string }): Promise<Ed25519VerificationKey2018>;
    id: string;
    controller: string;
    publicKeyBase58: string;
  }
}

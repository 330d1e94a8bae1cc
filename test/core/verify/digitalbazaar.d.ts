// Minimal types for the Digital Bazaar libraries the independent-issuer tests use (they ship none).
declare module '@digitalbazaar/vc' {
  export function issue(args: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(args: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: Error }>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(args: { signer?: unknown; cryptosuite: unknown; date?: Date | string | null });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export function generate(args?: { id?: string; controller?: string }): Promise<{
    publicKeyMultibase: string;
    id?: string;
    controller?: string;
    signer(): unknown;
  }>;
}

// The proof purpose of @digitalbazaar/vc, for tests that edit proof options (fresh-issuer.ts); it
// merges with the minimal types in digitalbazaar.d.ts.
declare module '@digitalbazaar/vc' {
  export class CredentialIssuancePurpose {
    update(proof: Record<string, unknown>, options: unknown): Promise<Record<string, unknown>>;
  }
  export function issue(args: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    purpose?: CredentialIssuancePurpose;
  }): Promise<Record<string, unknown>>;
}

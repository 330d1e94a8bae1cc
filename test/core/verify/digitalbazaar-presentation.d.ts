// Presentations in @digitalbazaar/vc, for fresh-signer.ts (conformance and presentation tests); it
// merges with the minimal types in digitalbazaar.d.ts and digitalbazaar-purpose.d.ts.
declare module '@digitalbazaar/vc' {
  export function signPresentation(args: {
    presentation: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    purpose?: CredentialIssuancePurpose;
    challenge?: string;
    domain?: string;
  }): Promise<Record<string, unknown>>;
}

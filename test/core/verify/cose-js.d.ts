// The part of cose-js (the independent COSE_Sign1 issuer in cose.test.ts) the tests use.
declare module 'cose-js' {
  const cose: {
    sign: {
      create(
        headers: { p: Record<string, unknown>; u: Record<string, unknown> },
        payload: Buffer,
        signer: { key: { d: Buffer } },
        options?: { excludetag?: boolean },
      ): Promise<Buffer>;
    };
  };
  export default cose;
}

// Types for the one function the bbs-2023 suite imports from @digitalbazaar/bbs-signatures (it
// ships no types): BBS ProofVerify (draft-irtf-cfrg-bbs-signatures), resolving to true or false;
// it throws on inputs of the wrong shape (a point not on the curve, a proof of the wrong length).
declare module '@digitalbazaar/bbs-signatures' {
  export function verifyProof(args: {
    publicKey: Uint8Array;
    proof: Uint8Array;
    header: Uint8Array;
    presentationHeader: Uint8Array;
    disclosedMessages: Uint8Array[];
    disclosedMessageIndexes: number[];
    ciphersuite: 'BLS12-381-SHA-256' | 'BLS12-381-SHAKE-256';
  }): Promise<boolean>;
}

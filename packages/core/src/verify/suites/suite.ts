/**
 * The one interface every Data Integrity proof suite implements (recognise → resolve key → verify →
 * checks): data-integrity.ts recognises the suite from the table in ./table.ts, resolves the
 * verification method, canonicalises as `canon` says, and asks the suite for a verifier of that key.
 * Type-only: nothing here reaches a bundle.
 */
import type { CheckCode } from '../codes.js';
import type { PublicKey } from '../keys.js';

type Obj = Record<string, unknown>;

/** The hash a suite applies to the canonical proof options and document. */
export type HashName = 'SHA-256' | 'SHA-384';

/** Why a proof's signature value cannot be verified, when a suite says more than "malformed". */
export interface ShapeFailure {
  outcome: 'failed' | 'skipped' | 'unknown';
  code: CheckCode;
  message: string;
}

/** A resolved key made ready to check one suite's signatures. */
export interface SuiteVerifier {
  /** Hash of the proof options and of the document (SHA-384 for P-384 keys). */
  hash: HashName;
  /**
   * Checks the proof's signature over `data` = hash(proof options) ‖ hash(document); never throws.
   * Selective disclosure suites also read the `document` itself (without the proof; `alt`: with the
   * 1EdTech copy of OB context 3.0.3, as `data` was made).
   */
  verify(proof: Obj, data: Uint8Array, document: Obj, alt: boolean): Promise<boolean>;
}

/** One Data Integrity proof suite. */
export interface DataIntegritySuite {
  /** How the document and the proof options are canonicalised: RDFC-1.0 or JCS (RFC 8785). */
  canon: 'rdfc' | 'jcs';
  /** Proof members that carry the signature, left out of the signed proof options (default `proofValue`). */
  value?: readonly string[];
  /**
   * Does the proof carry a signature of the right shape (checked before any key is resolved)? A
   * suite may say why not, and with which outcome and code: that replaces the default
   * (`failed`, `proof-malformed`, "has no valid signature value").
   */
  wellFormed(proof: Obj): boolean | ShapeFailure;
  /** The key the suite needs, for messages (default "an Ed25519 key"). */
  keyNeed?: string;
  /** A verifier for `key`, or undefined when this suite does not use such keys. */
  verifier(key: PublicKey): Promise<SuiteVerifier | undefined>;
}

/** The report and options of `verifyPresentation()`. Types only. */
import type { CheckCode } from './codes.js';
import type { CheckOutcome, VerificationReport, VerifyOptions } from './types.js';

/** Which part of a presentation a check covers. */
export type PresentationCheckId =
  | 'format'
  | 'proof'
  | 'holder'
  | 'challenge'
  | 'domain'
  | 'credentials'
  /** Is every credential about the holder? Informs; does not decide `verified`. */
  | 'subject';

/** One line of a presentation report. */
export interface PresentationCheck {
  id: PresentationCheckId;
  outcome: CheckOutcome;
  /** Stable machine-readable code (the verifier's {@link CheckCode}s). */
  code: CheckCode;
  /** Plain-English explanation. */
  message: string;
}

/** What `verifyPresentation()` answers. */
export interface PresentationReport {
  /**
   * True only when the presentation's proof is valid, it was signed by its holder, the challenge and
   * domain asked for match, and every credential it holds is verified. It does not say that each
   * credential is about the holder: the `subject` check does.
   */
  verified: boolean;
  /**
   * `vp`: a JSON presentation with a Data Integrity proof; `vp-jwt`: a presentation token (VC-JWT
   * `vp` claim, or VC-JOSE-COSE `vp+jwt`, also inside an `EnvelopedVerifiablePresentation`);
   * `vp-cose`: a VC-JOSE-COSE `vp+cose` (a COSE_Sign1 over the presentation, also enveloped).
   */
  format: 'vp' | 'vp-jwt' | 'vp-cose' | 'unknown';
  /** The holder's id (DID or URL), when the presentation names one. */
  holder?: string;
  /** Ordered checks: format, proof, holder, challenge, domain, credentials, subject. */
  checks: PresentationCheck[];
  /** The report of each enclosed credential, in order (at most 20 are verified). */
  credentials: VerificationReport[];
}

/** Options of `verifyPresentation()`: those of `verifyCredential()` plus what the verifier asked for. */
export interface PresentationOptions extends Omit<VerifyOptions, 'refresh'> {
  /**
   * The challenge (nonce) the verifier gave the holder: the proof's `challenge` (a JWT's `nonce`)
   * must equal it. Without it, replay is not prevented and the check is `skipped`.
   */
  challenge?: string;
  /** The domain the verifier asked for: the proof's `domain` (a JWT's `aud`) must hold it. */
  domain?: string;
  /**
   * Whether the presentation must name its holder (default true: a presentation that names none is
   * not verified, since who presents it is not established). With false, one that names none is
   * verified on its proof and the rest, its `holder` check `skipped`: VC Data Model 2.0 §4.13 makes
   * `holder` optional (what the VC API handler does). A holder that is named must still be the signer.
   */
  requireHolder?: boolean;
}

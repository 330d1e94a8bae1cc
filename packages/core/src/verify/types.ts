/**
 * The verification report: what `verifyCredential()` returns. Elements translate by `code`; the
 * English `message` is for developers and for hosts without translations.
 */
import type { CredentialFormat, CredentialView } from '../model/credential-view.js';
import type { CheckCode } from './codes.js';
import type { PresentationReport } from './presentation-types.js';

/** The outcome of one check. `unknown` means "could not check" and never counts as a pass. */
export type CheckOutcome = 'passed' | 'failed' | 'unknown' | 'skipped';

/** Which part of verification a check covers. */
export type CheckId =
  | 'format'
  | 'schema'
  | 'proof'
  | 'issuer'
  | 'validity'
  | 'status'
  | 'recipient'
  | 'endorsements'
  | 'credentials'
  | 'refresh';

/** One line of the report. */
export interface Check {
  id: CheckId;
  outcome: CheckOutcome;
  /** Stable machine-readable code, e.g. `proof-bad-signature`, `expired`, `revoked`, `status-unavailable`. */
  code: CheckCode;
  /** Plain-English explanation. */
  message: string;
}

/**
 * The format found by the verifier (the display formats plus signed transports); `vp` and `vp-jwt`
 * when the input was a presentation (see {@link VerificationReport.presentation}).
 */
export type VerifiedFormat = CredentialFormat | 'vp' | 'vp-jwt' | 'vp-cose' | 'unknown';

/** What `verifyCredential()` answers. */
export interface VerificationReport {
  /** True only when proof and issuer passed, the validity window holds, it is not revoked, and no required check is unknown. */
  verified: boolean;
  format: VerifiedFormat;
  /** The normalised view, when the input could be read. */
  credential?: CredentialView;
  /**
   * Ordered checks: format, schema, proof, issuer, validity, status, then the optional ones.
   * `format`, `proof`, `issuer`, `validity` and `status` are always there (`skipped`, code
   * `not-checked`, when they could not run, e.g. after the format check failed). A network failure
   * is `unknown`, never `failed`.
   */
  checks: Check[];
  /** The claims an SD-JWT credential disclosed (selective disclosure), in the order they were found. */
  disclosures?: Disclosure[];
  /**
   * Set when the input was a Verifiable Presentation (a JSON presentation, a VP-JWT, a `vp+jwt` or an
   * `EnvelopedVerifiablePresentation`), which `verifyCredential()` and `verifyMany()` verify as
   * `verifyPresentation()` does, without a challenge or domain (both `skipped`): the full
   * presentation report, with each enclosed credential's report. The report's own fields then say
   * this of the presentation: `verified` is the presentation's (its proof, its holder binding and
   * every enclosed credential verified), `format` is `vp` or `vp-jwt`, and `checks` keep the report
   * contract — `format` and `proof` are the presentation's, `issuer` is its holder check (who signed
   * it), `validity` and `status` are `skipped` (`not-checked`: a presentation has neither; each
   * credential's are in its own report), and `credentials` sums up the enclosed credentials.
   */
  presentation?: PresentationReport;
}

/** A selectively disclosed claim of an SD-JWT credential. */
export interface Disclosure {
  /** Where it sits in the credential's claims: `given_name`, `address.locality`, `nationalities[1]`. */
  path: string;
  /** Its value, as disclosed. */
  value: unknown;
}

/** Options of `verifyCredential()`. */
export interface VerifyOptions {
  /** The time every check is made against (default: now). Pin it in tests. */
  now?: Date;
  /** Carries ALL network access (DID documents, status lists, JWKS, OB 2.0 resources). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Aborts every request and the verification itself. */
  signal?: AbortSignal;
  /** Per-request timeout in milliseconds (default 10 000); never longer than what is left of `deadlineMs`. */
  timeoutMs?: number;
  /**
   * Overall deadline of the whole verification in milliseconds, nested credentials included
   * (default 30 000: three per-request timeouts; a person who clicked "verify" waits no longer).
   * Once it passes, no request starts and the running one is cut off; checks still waiting for the
   * network become `unknown` with the code `deadline-passed`.
   */
  deadlineMs?: number;
  /**
   * Most requests one verification may make, nested credentials included (default 40). An OB 3.0
   * credential needs 1 to 4 (key document, status list, the list's own key, refresh); documents are
   * cached per `fetch`, so a CLR of 20 members from a few issuers needs about 10 to 20. 40 leaves
   * room for that and stops a hostile credential (one 1.38 MB credential asked for 5,052 requests).
   * Checks that would need more become `unknown` with the code `budget-exhausted`.
   */
  maxRequests?: number;
  /** Allowed clock skew in seconds for validity checks (default 300). */
  skewSeconds?: number;
  /** Follow `1EdTechCredentialRefresh` once when present (default true). */
  refresh?: boolean;
}

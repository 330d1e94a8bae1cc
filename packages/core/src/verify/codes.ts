/**
 * Every `code` a verification check can carry: one string-literal union, so that a new code the
 * elements cannot translate fails the type check (their tables are `Record<CheckCode, string>`).
 * Type-only: nothing here reaches a bundle. Add a code here, then its English and Spanish words in
 * `packages/elements/src/verify-button/checks-en.ts` / `checks-es.ts`.
 */
import type { CredentialFormat } from '../model/credential-view.js';
import type { McErrorCode } from '../model/errors.js';

/** `format` check: what the input is, or why it could not be read (the parser's error codes too). */
export type FormatCode =
  | `format-${CredentialFormat}`
  | McErrorCode
  | 'not-an-award'
  | 'aborted'
  | 'verifier-error'
  /** An SD-JWT VC (its `format` is the display format of its claims). */
  | 'format-sd-jwt-vc'
  | 'sd-jwt-malformed'
  /** Recognised, not verified: a COSE-secured presentation, an envelope of another media type. */
  | 'cose-unsupported'
  | 'envelope-unsupported'
  /** A COSE-secured credential (`application/vc+cose`) that cannot be decoded. */
  | 'cose-malformed';

/** `schema` check: conformance with the data model. */
export type SchemaCode =
  'schema-valid' | 'schema-invalid' | 'related-resource-mismatch' | 'related-resource-unavailable';

/** `proof` check (Data Integrity, VC-JWT, OB 2.0 hosted and signed), with the key resolution codes. */
export type ProofCode =
  | 'proof-valid'
  | 'proof-missing'
  | 'proof-bad-signature'
  | 'proof-malformed'
  | 'proof-unsupported'
  | 'proof-wrong-purpose'
  | 'proof-undefined-term'
  | 'proof-context-unavailable'
  | 'proof-invalid-jsonld'
  | 'proof-too-complex'
  | 'proof-chain-broken'
  | 'proof-context-mismatch'
  | 'proof-bad-date'
  | 'proof-created-in-future'
  | 'proof-expired'
  /** A selective-disclosure suite's base proof (for the holder), given to a verifier. */
  | 'proof-not-derived'
  | 'hosted-valid'
  | 'hosted-gone'
  | 'hosted-no-url'
  | 'hosted-unavailable'
  | 'hosted-mismatch'
  | 'hosted-out-of-scope'
  | 'hosted-copy-differs'
  | 'key-missing'
  | 'key-invalid'
  | 'key-wrong-type'
  | 'key-not-found'
  | 'key-unavailable'
  | 'key-controller-mismatch'
  | 'key-unsupported-method'
  | 'jwt-alg-none'
  | 'jwt-alg-unsupported'
  | 'jwt-alg-key-mismatch'
  | 'jwt-crit-unsupported'
  | 'jwt-crit-invalid'
  | 'jwt-claims-mismatch'
  | 'jwt-expired'
  | 'jwt-not-yet-valid'
  | 'jwt-typ-unsupported'
  /** COSE_Sign1 (`application/vc+cose`): algorithm, `crit`, `typ` / content type. */
  | 'cose-alg-unsupported'
  | 'cose-crit-unsupported'
  | 'cose-typ-unsupported'
  | 'sd-jwt-disclosure-invalid'
  | 'sd-jwt-key-binding-invalid';

/** `issuer` check: is the signing key the issuer's? */
export type IssuerCode =
  | 'issuer-bound'
  | 'issuer-missing'
  | 'issuer-mismatch'
  | 'issuer-key-not-authorized'
  | 'issuer-not-checked'
  | 'issuer-unavailable'
  | 'issuer-id-mismatch'
  | 'issuer-key-unpublished'
  | 'issuer-key-unavailable';

/** `validity` check. */
export type ValidityCode =
  'valid' | 'expired' | 'not-yet-valid' | 'validity-bad-date' | 'validity-bad-window';

/** `status` check (revocation and suspension). */
export type StatusCode =
  | 'not-revoked'
  | 'not-suspended'
  | 'revoked'
  | 'suspended'
  | 'status-message'
  | 'no-status'
  | 'status-unavailable'
  | 'status-list-invalid'
  | 'status-list-unverified'
  | 'status-list-wrong-issuer'
  | 'status-list-expired'
  | 'status-list-revoked'
  | 'status-list-unchecked'
  | 'status-entry-invalid'
  | 'status-unsupported'
  | 'status-purpose-mismatch'
  | 'status-index-out-of-range';

/** `recipient`, `credentials`, `endorsements` and `refresh` checks. */
export type OtherCode =
  /** A check that did not run (e.g. after the format check failed): `skipped`. */
  | 'not-checked'
  | 'recipient-match'
  | 'recipient-mismatch'
  | 'recipient-none'
  | 'recipient-not-checked'
  | 'recipient-unreadable'
  | 'sd-jwt-key-binding-valid'
  | 'credentials-verified'
  | 'credentials-failed'
  | 'credentials-unknown'
  | 'credentials-none'
  | 'endorsements-verified'
  | 'endorsements-failed'
  | 'endorsements-unknown'
  | 'refreshed'
  | 'refresh-rejected'
  | 'refresh-other-credential'
  | 'refresh-other-issuer'
  | 'refresh-other-subject'
  | 'refresh-unavailable'
  | 'refresh-invalid'
  | 'refresh-disabled'
  | 'refresh-not-attempted';

/** Any check: the guarded fetch's own limits (always `unknown`). */
export type FetchLimitCode = 'fetch-redirected' | 'deadline-passed' | 'budget-exhausted';

/**
 * Presentation checks of `verifyPresentation()` (`holder`, `challenge`, `domain`, the enclosed
 * `credentials`).
 */
export type PresentationCode =
  | 'format-vp'
  | 'format-vp-jwt'
  | 'not-a-presentation'
  | 'holder-bound'
  | 'holder-missing'
  | 'holder-mismatch'
  | 'holder-not-checked'
  | 'challenge-match'
  | 'challenge-mismatch'
  | 'challenge-missing'
  | 'challenge-not-requested'
  | 'domain-match'
  | 'domain-mismatch'
  | 'domain-missing'
  | 'domain-not-requested'
  /** `subject`: every credential is about the holder, or one is not shown to be. */
  | 'subject-is-holder'
  | 'subject-not-holder';

/**
 * Every code a check can carry. Part of the public API: elements translate by it. Suites added
 * later extend it here.
 */
export type CheckCode =
  | FormatCode
  | SchemaCode
  | ProofCode
  | IssuerCode
  | ValidityCode
  | StatusCode
  | OtherCode
  | FetchLimitCode
  | PresentationCode;

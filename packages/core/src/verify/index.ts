/** Verification: `verifyCredential()` (lazy-loading) and its report types. */
export { verifyCredential } from './verify.js';
export { verifyMany } from './verify-many.js';
export { verifyPresentation } from './verify-presentation.js';
export type {
  PresentationCheck,
  PresentationCheckId,
  PresentationOptions,
  PresentationReport,
} from './presentation-types.js';
export type { VerifyManyOptions } from './verify-many.js';
export type {
  CheckCode,
  FormatCode,
  SchemaCode,
  ProofCode,
  IssuerCode,
  ValidityCode,
  StatusCode,
  OtherCode,
  FetchLimitCode,
  PresentationCode,
} from './codes.js';
export type {
  Check,
  CheckId,
  CheckOutcome,
  Disclosure,
  VerificationReport,
  VerifiedFormat,
  VerifyOptions,
} from './types.js';
export { verifyRecipient } from './recipient.js';
export type { RecipientClaim } from './recipient.js';

import type { CredentialView, McError, VerificationReport } from '@microcred/core';
import type { ImportItemResult, WalletRecord } from '@microcred/core';

/** Fired when an element has loaded and normalised a credential. Bubbles and is composed. */
export class McLoadEvent extends Event {
  /** The normalised credential now shown. */
  readonly view: CredentialView;
  constructor(view: CredentialView) {
    super('mc-load', { bubbles: true, composed: true });
    this.view = view;
  }
}

/**
 * Fired when an element could not load or read a credential. Bubbles and is composed, like `click`:
 * the `mc-error` of an element inside another (an `<mc-verify-button>` in a card's `status` slot)
 * passes through the outer one too. `event.target` is the element that failed (from outside a
 * shadow root that holds it, `event.composedPath()[0]`), so check it before handling the event.
 */
export class McErrorEvent extends Event {
  /** What went wrong, with a stable `code` (see `McErrorCode`). */
  readonly error: McError;
  constructor(error: McError) {
    super('mc-error', { bubbles: true, composed: true });
    this.error = error;
  }
}

/**
 * Fired by `<mc-verify-button>` before it verifies. Cancelable: `preventDefault()` stops the
 * verification (for example to verify on a server instead). Bubbles and is composed.
 */
export class McVerifyEvent extends Event {
  constructor() {
    super('mc-verify', { bubbles: true, composed: true, cancelable: true });
  }
}

/** The outcome `<mc-verify-button>` shows for a report (see `McVerifiedEvent`). */
export type VerifyOutcome = 'verified' | 'expired' | 'revoked' | 'invalid' | 'unknown';

/**
 * Fired by `<mc-verify-button>` after it verified a credential. Bubbles and is composed, so the card
 * it sits in (and the page) can reflect the outcome.
 */
export class McVerifiedEvent extends Event {
  /** The verifier's full report (every check, with its outcome and code). */
  readonly report: VerificationReport;
  /** The summary shown: `verified`, `expired`, `revoked`, `invalid` (a check failed) or `unknown` (could not verify). */
  readonly outcome: VerifyOutcome;
  constructor(report: VerificationReport, outcome: VerifyOutcome) {
    super('mc-verified', { bubbles: true, composed: true });
    this.report = report;
    this.outcome = outcome;
  }
}

/**
 * Fired by `<mc-badge-wallet>` after an import finished (saved, or rolled back as a whole). Bubbles
 * and is composed.
 */
export class McImportedEvent extends Event {
  /** One result per item given (a wallet file or a list gives one per credential inside). */
  readonly results: readonly ImportItemResult[];
  constructor(results: readonly ImportItemResult[]) {
    super('mc-imported', { bubbles: true, composed: true });
    this.results = results;
  }
}

/**
 * Fired by `<mc-badge-wallet>` after the owner changed the wallet (import, remove, feature, hide,
 * reorder, verification) and it was saved. Bubbles and is composed.
 */
export class McWalletChangeEvent extends Event {
  /** Every record now in the wallet, in the owner's order. */
  readonly records: readonly WalletRecord[];
  constructor(records: readonly WalletRecord[]) {
    super('mc-wallet-change', { bubbles: true, composed: true });
    this.records = records;
  }
}
export { McCatalogLoadEvent, McCatalogOpenEvent, McRegisterEvent } from './catalog/catalog-events.js';
export { McNextStepEvent, McRequirementSelectEvent } from './progress-tracker/progress-tracker-events.js';

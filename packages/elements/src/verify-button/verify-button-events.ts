/** The events `<mc-verify-button>` dispatches (besides the shared `McErrorEvent`). */
import type { VerificationReport } from '@microcred/core';

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

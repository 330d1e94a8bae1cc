/**
 * Microcred's events. Each element's own events live beside it (`<element>/<element>-events.ts`);
 * the one every element dispatches, `McErrorEvent`, lives here. Re-exported here so that there is
 * one place to import any of them from.
 *
 * Naming: `mc-` + what happened, in the past tense (`mc-load` is the card's: a credential was
 * loaded); a cancelable present-tense event comes before an action only where a host can stop it
 * (`mc-verify` → `mc-verified`, `mc-register`); an event that a card inside the element would also
 * dispatch under the same name takes the element's name (`mc-catalog-load`, not `mc-load`, so that
 * the catalog's cards' `mc-load` is not mistaken for it). All bubble and are composed.
 */
import type { McError } from '@microcred/core';

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

export { McLoadEvent } from './credential-card/credential-card-events.js';
export { McVerifyEvent, McVerifiedEvent, type VerifyOutcome } from './verify-button/verify-button-events.js';
export { McImportedEvent, McWalletChangeEvent } from './badge-wallet/badge-wallet-events.js';
export { McCatalogLoadEvent, McCatalogOpenEvent, McRegisterEvent } from './catalog/catalog-events.js';
export { McNextStepEvent, McRequirementSelectEvent } from './progress-tracker/progress-tracker-events.js';

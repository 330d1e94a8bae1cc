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

import type { CredentialView, McError } from '@microcred/core';

/** Fired when an element has loaded and normalised a credential. Bubbles and is composed. */
export class McLoadEvent extends Event {
  /** The normalised credential now shown. */
  readonly view: CredentialView;
  constructor(view: CredentialView) {
    super('mc-load', { bubbles: true, composed: true });
    this.view = view;
  }
}

/** Fired when an element could not load or read a credential. Bubbles and is composed. */
export class McErrorEvent extends Event {
  /** What went wrong, with a stable `code` (see `McErrorCode`). */
  readonly error: McError;
  constructor(error: McError) {
    super('mc-error', { bubbles: true, composed: true });
    this.error = error;
  }
}

/** The events `<mc-credential-card>` dispatches (besides the shared `McErrorEvent`). */
import type { CredentialView } from '@microcred/core';

/** Fired by `<mc-credential-card>` when it has loaded and normalised a credential. Bubbles and is composed. */
export class McLoadEvent extends Event {
  /** The normalised credential now shown. */
  readonly view: CredentialView;
  constructor(view: CredentialView) {
    super('mc-load', { bubbles: true, composed: true });
    this.view = view;
  }
}

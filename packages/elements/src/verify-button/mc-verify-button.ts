import { defineElement } from '../internal/define.js';
import type { McVerifiedEvent, McVerifyEvent } from './verify-button-events.js';
// The button's place is a card's `status` slot, so it brings the card along. In the embed bundle this
// also lets the code both share (Lit, the base class, core's errors and normaliser) stay inside the
// card's own file instead of being split into extra chunks that the card would pay for.
import '../credential-card/mc-credential-card.js';
import { McVerifyButton } from './verify-button.js';

defineElement('mc-verify-button', McVerifyButton);

export { McVerifyButton };

declare global {
  interface HTMLElementTagNameMap {
    'mc-verify-button': McVerifyButton;
  }
  interface GlobalEventHandlersEventMap {
    'mc-verify': McVerifyEvent;
    'mc-verified': McVerifiedEvent;
  }
}

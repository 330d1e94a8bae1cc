import { defineElement } from '../internal/define.js';
import type { McErrorEvent } from '../events.js';
import type { McLoadEvent } from './credential-card-events.js';
import { McCredentialCard } from './credential-card.js';

defineElement('mc-credential-card', McCredentialCard);

export { McCredentialCard };

declare global {
  interface HTMLElementTagNameMap {
    'mc-credential-card': McCredentialCard;
  }
  interface GlobalEventHandlersEventMap {
    'mc-load': McLoadEvent;
    'mc-error': McErrorEvent;
  }
}

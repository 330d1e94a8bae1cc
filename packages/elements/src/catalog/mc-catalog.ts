import { defineElement } from '../internal/define.js';
import type { McErrorEvent } from '../events.js';
import type { McCatalogLoadEvent, McCatalogOpenEvent, McRegisterEvent } from './catalog-events.js';
import { McCatalog } from './catalog.js';
import '../credential-card/mc-credential-card.js';

defineElement('mc-catalog', McCatalog);

export { McCatalog };

declare global {
  interface HTMLElementTagNameMap {
    'mc-catalog': McCatalog;
  }
  interface GlobalEventHandlersEventMap {
    'mc-catalog-load': McCatalogLoadEvent;
    'mc-catalog-open': McCatalogOpenEvent;
    'mc-register': McRegisterEvent;
    'mc-error': McErrorEvent;
  }
}

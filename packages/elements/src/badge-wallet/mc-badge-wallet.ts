import { defineElement } from '../internal/define.js';
import type { McErrorEvent } from '../events.js';
import type { McImportedEvent, McWalletChangeEvent } from './badge-wallet-events.js';
import '../credential-card/mc-credential-card.js';
import { McBadgeWallet } from './badge-wallet.js';

defineElement('mc-badge-wallet', McBadgeWallet);

export { McBadgeWallet };

declare global {
  interface HTMLElementTagNameMap {
    'mc-badge-wallet': McBadgeWallet;
  }
  interface GlobalEventHandlersEventMap {
    'mc-imported': McImportedEvent;
    'mc-wallet-change': McWalletChangeEvent;
    'mc-error': McErrorEvent;
  }
}

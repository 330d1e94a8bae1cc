import { defineElement } from '../internal/define.js';
import type { McErrorEvent, McImportedEvent, McWalletChangeEvent } from '../events.js';
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

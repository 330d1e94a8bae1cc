/** The events `<mc-badge-wallet>` dispatches (besides the shared `McErrorEvent`). */
import type { ImportItemResult, WalletRecord } from '@microcred/core';

/**
 * Fired by `<mc-badge-wallet>` after an import finished (saved, or rolled back as a whole). Bubbles
 * and is composed.
 */
export class McImportedEvent extends Event {
  /** One result per item given (a wallet file or a list gives one per credential inside). */
  readonly results: readonly ImportItemResult[];
  constructor(results: readonly ImportItemResult[]) {
    super('mc-imported', { bubbles: true, composed: true });
    this.results = results;
  }
}

/**
 * Fired by `<mc-badge-wallet>` after the owner changed the wallet (import, remove, feature, hide,
 * reorder, verification) and it was saved. Bubbles and is composed.
 */
export class McWalletChangeEvent extends Event {
  /** Every record now in the wallet, in the owner's order. */
  readonly records: readonly WalletRecord[];
  constructor(records: readonly WalletRecord[]) {
    super('mc-wallet-change', { bubbles: true, composed: true });
    this.records = records;
  }
}

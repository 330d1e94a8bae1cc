/**
 * `<mc-progress-tracker>`'s link to a `<mc-badge-wallet>` named by its `wallet` attribute, as a
 * reactive controller with its own state: it listens for `mc-wallet-change` while the tracker is
 * in the page and keeps the wallet's credentials, normalised (revoked and suspended ones marked).
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { normalizeCredential, type HeldCredential } from '@microcred/core';

export class TrackerWallet implements ReactiveController {
  /** The wallet's credentials, once a wallet was found. */
  credentials: HeldCredential[] | undefined;
  #host: ReactiveElement;
  #id = '';
  #wallet: Element | undefined;

  constructor(host: ReactiveElement) {
    (this.#host = host).addController(this);
  }

  hostConnected(): void {
    this.watch(this.#id);
  }

  hostDisconnected(): void {
    this.#wallet?.removeEventListener('mc-wallet-change', this.#read);
    this.#wallet = undefined;
  }

  /** Follows the wallet whose `id` is `id` in the tracker's tree (none for ''). */
  watch(id: string): void {
    this.hostDisconnected();
    this.#id = id;
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    const el = (id && this.#host.isConnected && root.getElementById?.(id)) || undefined;
    if (!el) return;
    this.#wallet = el;
    el.addEventListener('mc-wallet-change', this.#read);
    this.#read();
  }

  #read = (): void => {
    const records = (this.#wallet as { records?: unknown } | undefined)?.records;
    if (!Array.isArray(records)) return;
    this.credentials = records.flatMap((r: { raw?: unknown; verification?: { outcome?: string } }) => {
      try {
        const outcome = r.verification?.outcome;
        return [
          {
            view: normalizeCredential(r.raw),
            revoked: outcome === 'revoked',
            suspended: outcome === 'suspended',
          },
        ];
      } catch {
        return [];
      }
    });
    this.#host.requestUpdate();
  };
}

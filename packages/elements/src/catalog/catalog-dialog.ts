/**
 * `<mc-catalog>`'s details dialog, as a controller with its own state (it needs none of the host's
 * lifecycle, so it is not registered with `addController`): the entry shown,
 * the button that opened it (focus goes back there on close), `mc-catalog-open` and `mc-register`. Its template is
 * in catalog-details.ts.
 */
import type { LitElement } from 'lit';
import type { CatalogEntry } from '@microcred/core';
import { McCatalogOpenEvent, McRegisterEvent } from './catalog-events.js';

export class CatalogDialog {
  /** The entry shown, while the dialog is open. */
  entry: CatalogEntry | undefined;
  #host: LitElement;
  #opener: HTMLElement | undefined;

  constructor(host: LitElement) {
    this.#host = host;
  }

  /** Shows `entry` (from its details button's click `e`) in the modal dialog, then fires `mc-catalog-open`. */
  open(entry: CatalogEntry, e: Event): void {
    const host = this.#host;
    this.#opener = e.currentTarget as HTMLElement;
    this.entry = entry;
    host.requestUpdate();
    void host.updateComplete.then(() => {
      const dialog = host.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal?.();
      dialog?.focus();
      host.dispatchEvent(new McCatalogOpenEvent(entry));
    });
  }

  /** Closes the dialog, if open, and returns focus to the button that opened it. */
  close(): void {
    // The dialog's `close` event comes a task later; hand focus back now, so that it is back on the
    // opener once `updateComplete` resolves (the event then finds nothing left to do).
    this.#host.renderRoot.querySelector('dialog')?.close();
    this.closed();
  }

  /** A register link (`e`, its click) was activated: `mc-register`, which may keep the link from opening. */
  register(entry: CatalogEntry, url: string, e: Event): void {
    if (!this.#host.dispatchEvent(new McRegisterEvent(entry, url))) e.preventDefault();
  }

  /** The dialog closed (its `close` event). */
  closed(): void {
    if (!this.entry) return;
    const opener = this.#opener;
    this.entry = this.#opener = undefined;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => opener?.focus());
  }
}

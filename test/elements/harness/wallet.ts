/** Harness for `<mc-badge-wallet>`: its status, alerts, toolbar, tiles and their actions, and the dialog, by meaning. */
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { settled } from '../helpers/dom.js';
import { Harness } from './harness.js';

export class WalletHarness extends Harness<McBadgeWallet> {
  /** The live region's text (counts, progress, results). */
  get status(): string {
    return this.text('status');
  }

  /** The texts of the alerts shown (storage, read-only, not saved, not loaded…). */
  get alerts(): string[] {
    return this.$$('[role=alert]').map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** The toolbar (actions, search and menus), or null when there is none. */
  get toolbar(): HTMLElement | null {
    return this.part('toolbar');
  }

  /** The grids (one per group, or the virtualised one). */
  get grids(): HTMLElement[] {
    return this.parts('grid');
  }

  /** The credentials shown (each tile: its card and actions). */
  get items(): HTMLElement[] {
    return this.parts('item');
  }

  /** The action bars under the credentials. */
  get actions(): HTMLElement[] {
    return this.parts('actions');
  }

  /** The compact cards of the credentials shown. */
  get cards(): HTMLElement[] {
    return this.$$('[part~=item] mc-credential-card');
  }

  /** The tile of the credential stored under `key`. */
  item(key: string): HTMLElement | null {
    return this.root.querySelector(`[part~=item][data-key="${CSS.escape(key)}"]`);
  }

  /** The details button of a tile (the first of its actions). */
  detailsButton(item: Element): HTMLButtonElement {
    return item.querySelector<HTMLButtonElement>('[part~=actions] button')!;
  }

  /** The first credential's details button. */
  get openDetailsButton(): HTMLButtonElement {
    return this.detailsButton(this.items[0]!);
  }

  /** A tile's Manage disclosure (owner mode: feature, hide, move, remove), or null. */
  manageOf(item: Element): HTMLDetailsElement | null {
    return item.querySelector<HTMLDetailsElement>('[part~=actions] details');
  }

  /** Opens a tile's Manage disclosure (as a click on its summary does) and returns it. */
  manage(item: Element): HTMLDetailsElement {
    const details = this.manageOf(item)!;
    details.open = true;
    return details;
  }

  /** The move-earlier and move-later buttons of a tile (owner mode, in the owner's order), its Manage disclosure opened. */
  moveButtons(item: Element): HTMLButtonElement[] {
    return [...this.manage(item).querySelectorAll<HTMLButtonElement>('[data-move]')];
  }

  /** The Remove (or Confirm remove) button of a tile, its Manage disclosure opened. */
  removeButton(item: Element): HTMLButtonElement {
    return this.manage(item).querySelector<HTMLButtonElement>('button.danger')!;
  }

  /** The controls a tile shows without opening anything (buttons and disclosure summaries). */
  visibleControls(item: Element): HTMLElement[] {
    return [...item.querySelectorAll<HTMLElement>('[part~=actions] button, [part~=actions] summary')].filter(
      (b) => b.checkVisibility(),
    );
  }

  /** The texts of the credentials' status chips, in order. */
  get chips(): string[] {
    return this.parts('chip').map((c) => (c.textContent ?? '').trim());
  }

  /** The Feature and Hide toggles of a tile (owner mode), its Manage disclosure opened. */
  toggles(item: Element): { feature: HTMLButtonElement; hide: HTMLButtonElement } {
    const [feature, hide] = this.manage(item).querySelectorAll<HTMLButtonElement>('button[aria-pressed]');
    return { feature: feature!, hide: hide! };
  }

  /** Every button under the credentials. */
  get actionButtons(): HTMLButtonElement[] {
    return this.$$<HTMLButtonElement>('[part~=actions] button');
  }

  /** The toolbar's Import button (owner mode). */
  get importButton(): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>('.import-button');
  }

  /** The dialog, when one is open. */
  get dialog(): HTMLDialogElement | null {
    return this.$<HTMLDialogElement>('dialog');
  }

  /**
   * Opens the details of the `index`th credential shown with its button, and resolves with the
   * dialog once its contents (a lazy chunk) and the card inside have rendered.
   */
  async openDetails(index = 0): Promise<HTMLDialogElement> {
    this.detailsButton(this.items[index]!).click();
    return this.openedDialog();
  }

  /** Resolves with the open dialog once its contents and the cards inside have rendered. */
  async openedDialog(): Promise<HTMLDialogElement> {
    await this.settle();
    const dialog = this.dialog!;
    await settled(dialog);
    return dialog;
  }

  /** Waits for the wallet and every card inside it to finish rendering. */
  async settleAll(): Promise<void> {
    await this.settle();
    await settled(this.root as unknown as Element);
  }
}

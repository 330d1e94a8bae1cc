/**
 * Reordering in the owner's wallet, as a reactive controller: dragging a credential before another
 * (or dropping files to import them), and the move-earlier / move-later buttons, which keep the
 * keyboard on the moved credential. Each move is said in the live region and saved.
 */
import type { ReactiveController } from 'lit';
import { sortItems } from '@microcred/core';
import type { WalletData } from './badge-wallet-data.js';
import type { WalletContext, WalletEntry } from './types.js';

export class WalletDrag implements ReactiveController {
  #w: WalletContext;
  #data: WalletData;
  /** The credential being dragged. */
  #key: string | undefined;

  constructor(w: WalletContext, data: WalletData) {
    this.#w = w;
    this.#data = data;
    w.host.addController(this);
  }

  hostDisconnected(): void {
    this.#key = undefined;
  }

  /** A tile's drag started (`key`), or ended (`undefined`). */
  start(e: DragEvent, key?: string, name?: string): void {
    this.#key = key;
    if (key) e.dataTransfer?.setData('text/plain', name!);
  }

  /** `dragover`: accepts a credential of this wallet (a move) or files (an import). */
  over = (e: DragEvent): void => {
    const t = e.dataTransfer;
    if (!this.#w.host.editable || !t) return;
    if (this.#key || t.types.includes('Files')) {
      e.preventDefault();
      t.dropEffect = this.#key ? 'move' : 'copy';
    }
  };

  /** `drop`: moves the dragged credential before the one it was dropped on, or imports the files. */
  drop = (e: DragEvent): void => {
    const { host } = this.#w;
    if (!host.editable) return;
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    const key = this.#key;
    this.#key = undefined;
    if (key) {
      const tile = (e.composedPath() as HTMLElement[]).find((el) => el.dataset?.['key']);
      const target = this.#data.entries.find((en) => en.key === tile?.dataset['key']);
      if (target) this.#before(key, target);
    } else if (files.length) void host.importItems(files);
  };

  #moved(entry: WalletEntry, at: number, changed: WalletEntry[]): void {
    const { ws, l, sayNamed } = this.#w;
    sayNamed(ws('moved', { name: '\0', position: l.number(at + 1) }), entry);
    this.#data.persist(changed, ['order']);
  }

  /** Moves `key` to just before `target`. */
  #before(key: string, target: WalletEntry): void {
    const list = sortItems(this.#data.entries, 'order');
    const entry = list.find((e) => e.key === key);
    if (!entry || entry === target) return;
    const rest = list.filter((e) => e !== entry);
    rest.splice(rest.indexOf(target), 0, entry);
    const changed = rest.filter((e, i) => e.order !== i);
    rest.forEach((e, i) => (e.order = i));
    this.#moved(entry, rest.indexOf(entry), changed);
  }

  /**
   * Moves an entry one place earlier (-1) or later (+1) among those shown in the owner's order, and
   * keeps the keyboard on it: focus goes to the same button on the moved credential (or, at an end,
   * its other move button), wherever its tile now is. `shown` settles when a virtualised grid has
   * shown the change.
   */
  async move(entry: WalletEntry, by: -1 | 1, shown?: () => Promise<void> | undefined): Promise<void> {
    const { host } = this.#w;
    const list = sortItems(this.#data.entries, 'order');
    const i = list.indexOf(entry);
    const other = list[i + by];
    if (!other || other.featured !== entry.featured) return;
    [entry.order, other.order] = [other.order, entry.order];
    const job = shown?.();
    this.#moved(entry, i + by, [entry, other]);
    await host.updateComplete;
    await job;
    const [earlier, later] = host.renderRoot.querySelectorAll<HTMLButtonElement>(
      `[data-key="${CSS.escape(entry.key)}"] [data-move]`,
    );
    const wanted = by < 0 ? earlier : later;
    (wanted?.disabled ? (by < 0 ? later : earlier) : wanted)?.focus();
  }
}

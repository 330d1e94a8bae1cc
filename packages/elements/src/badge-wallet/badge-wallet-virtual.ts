/**
 * The wallet's virtualised grid (a lazy chunk, loaded only for wallets of more than 60 credentials):
 * `@lit-labs/virtualizer` with a flow layout whose first estimate of a row's height is a row of
 * compact cards rather than the library's 100 px. With the library's estimate the first render
 * makes three times the cards that fit, then throws most of them away; with this one it renders
 * about the rows in view (and the overhang) at once. Measured rows replace the estimate.
 */
import { html, type TemplateResult } from 'lit';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { WalletEntry } from './types.js';

/**
 * Settles when the virtualised grid inside `root` (if there is one) next shows new items. The grid
 * renders them on its own layout pass, after the wallet's update, and then says so with a
 * `rangeChanged` event; call this before the change that updates the wallet. (Settles after a
 * quarter of a second at most, should the grid be gone by then.)
 */
export function nextRange(root: ParentNode): Promise<void> {
  const host = root.querySelector('.virtual');
  if (!host) return Promise.resolve();
  return new Promise((resolve) => {
    host.addEventListener('rangeChanged', () => resolve(), { once: true });
    setTimeout(resolve, 250);
  });
}

/** Estimated height of a row of compact cards with their actions, in CSS pixels. */
const ROW_ESTIMATE = 280;

class WalletRows extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._itemSize = { width: ROW_ESTIMATE, height: ROW_ESTIMATE };
  }
}

const layout = { type: WalletRows };

/** A row of the virtualised grid: a group heading or a row of tiles. */
type Row = { head: string; count: number } | { tiles: WalletEntry[] };

/**
 * The virtualised grid of `groups`: a row for each group's heading (`head`, when grouping), then
 * rows of `cols` tiles (`tile`).
 */
export function renderRows(
  groups: readonly { key: string; items: WalletEntry[] }[],
  cols: number,
  head: ((key: string, count: number) => TemplateResult) | false,
  tile: (entry: WalletEntry) => TemplateResult,
): TemplateResult {
  const rows: Row[] = [];
  for (const g of groups) {
    if (head) rows.push({ head: g.key, count: g.items.length });
    for (let i = 0; i < g.items.length; i += cols) rows.push({ tiles: g.items.slice(i, i + cols) });
  }
  return html`<div class="virtual" part="grid">
    ${virtualize({
      layout,
      items: rows,
      // Rows are keyed by position: when a search changes what is shown, the cards in view are
      // given new credentials instead of being made anew (half the cost of a keystroke).
      keyFunction: (_row: Row, i: number) => i,
      renderItem: (row: Row) =>
        'head' in row
          ? html`<div class="row">${head && head(row.head, row.count)}</div>`
          : html`<div class="row tiles" style="--_cols: ${cols}">${row.tiles.map(tile)}</div>`,
    })}
  </div>`;
}

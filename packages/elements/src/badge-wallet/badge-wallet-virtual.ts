/**
 * The wallet's virtualised grid (a lazy chunk, loaded only for wallets of more than 60 credentials):
 * `@lit-labs/virtualizer` with a flow layout whose first estimate of a row's height is a row of
 * compact cards rather than the library's 100 px. With the library's estimate the first render
 * makes three times the cards that fit, then throws most of them away; with this one it renders
 * about the rows in view (and the overhang) at once. Measured rows replace the estimate.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

export { virtualize } from '@lit-labs/virtualizer/virtualize.js';

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

/** The layout to pass to `virtualize({ layout })`. */
export const rows = { type: WalletRows };

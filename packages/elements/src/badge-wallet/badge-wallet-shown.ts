/**
 * `verify-shown` (a lazy chunk, loaded only by a wallet with that attribute): verifies the
 * credentials whose tiles are in view or near it — in a long, virtualised list, only rows drawn
 * there — once each, after the update that drew them (never during it: drawing never waits).
 */
import type { ReactiveElement } from 'lit';
import type { WalletEntry } from './types.js';

/** How far beyond the viewport a tile counts as near enough to check (checked before it is seen). */
export const NEAR = '200px';

interface Watch {
  io: IntersectionObserver;
  inView: Set<Element>;
  shown: readonly WalletEntry[];
  verify: (keys: string[]) => unknown;
}

const watched = new WeakMap<ReactiveElement, Watch>();

/**
 * Watches `host`'s tiles (`[part~=item][data-key]`) and calls `verify` with the keys of those in
 * view among `shown` that were never checked, now and whenever tiles come into view. Call after
 * each update of `host`; a run under way takes them after it ends (its end is an update too).
 */
export function verifyInView(
  host: ReactiveElement,
  shown: readonly WalletEntry[],
  verify: (keys: string[]) => unknown,
): void {
  const root = host.renderRoot;
  let w = watched.get(host);
  const look = (): void => {
    const { io, inView } = w!;
    const keys = new Set<string>();
    for (const tile of root.querySelectorAll<HTMLElement>('[part~=item]')) {
      io.observe(tile);
      if (inView.has(tile)) keys.add(tile.dataset['key']!);
    }
    for (const tile of inView) if (!tile.isConnected) inView.delete(tile);
    const todo = w!.shown.filter((e) => keys.has(e.key) && !e.verification && !e.checking);
    if (todo.length) w!.verify(todo.map((e) => e.key));
  };
  if (!w) {
    const inView = new Set<Element>();
    const io = new IntersectionObserver(
      (changes) => {
        for (const c of changes) inView[c.isIntersecting ? 'add' : 'delete'](c.target);
        if (host.isConnected) return look();
        io.disconnect();
        watched.delete(host);
      },
      { rootMargin: NEAR },
    );
    // A long list draws the rows scrolled to by itself, just after it says so: look at them then.
    root.addEventListener('rangeChanged', () => queueMicrotask(look), true);
    watched.set(host, (w = { io, inView, shown, verify }));
  }
  Object.assign(w, { shown, verify });
  look();
}

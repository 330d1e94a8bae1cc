/**
 * Event-based waits for focus: an element may move focus a few tasks after the change that asks
 * for it (after it re-rendered, or after a lazy chunk loaded), so tests wait for the `focusin`
 * that puts it there rather than polling on a timer. Mocha's per-test timeout bounds the wait.
 */

/** Resolves once `target()` is the focused element in `root` (checked now and on every `focusin`). */
export function focusLands(root: ShadowRoot | Document, target: () => Element | null): Promise<void> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const t = target();
      if (!t || root.activeElement !== t) return false;
      root.removeEventListener('focusin', onFocus);
      resolve();
      return true;
    };
    const onFocus = (): void => void check();
    root.addEventListener('focusin', onFocus);
    check();
  });
}

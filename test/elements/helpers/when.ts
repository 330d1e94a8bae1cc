/**
 * An event-based wait: resolves once a condition holds, re-checked whenever something could have
 * changed it (no timers, no polling; the runner's test timeout bounds a condition never reached).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = Element & Partial<ReactiveControllerHost>;

/** Every open shadow root in `node`'s tree, nested ones included. */
function shadowRoots(node: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const hosts =
    node instanceof Element ? [node, ...node.querySelectorAll('*')] : [...node.querySelectorAll('*')];
  for (const e of hosts) if (e.shadowRoot) found.push(e.shadowRoot, ...shadowRoots(e.shadowRoot));
  return found;
}

/**
 * Resolves on the next change that could affect a condition on `target`: a DOM change in it (its
 * light DOM and every open shadow root inside, nested elements' too), an update of `target` (when
 * it is a Lit element), or a focus move. `test` is re-checked once everything is observed, so a
 * change between the caller's last check and now is not missed.
 */
function nextChange(target: Host, test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => done());
    const controller: ReactiveController = { hostUpdated: () => done() };
    const done = (): void => {
      observer.disconnect();
      document.removeEventListener('focusin', done, true);
      target.removeController?.(controller);
      resolve();
    };
    const options = { subtree: true, childList: true, attributes: true, characterData: true };
    for (const node of [target, ...shadowRoots(target)]) observer.observe(node, options);
    document.addEventListener('focusin', done, true);
    target.addController?.(controller);
    if (test()) done();
  });
}

/**
 * Waits until `test()` holds: checks it after `target`'s pending work has settled (its
 * `updateComplete`, when it has one), and again after each change {@link nextChange} reports.
 */
export async function when(target: Element, test: () => boolean): Promise<void> {
  const host = target as Host & { updateComplete?: Promise<unknown> };
  for (;;) {
    await host.updateComplete;
    if (test()) return;
    await nextChange(host, test);
  }
}

/**
 * `autoloader.js`: defines Microcred elements lazily. It watches the document and, the first time an
 * `<mc-…>` tag appears (now or after any later DOM change, e.g. in a single-page app), imports just
 * that element's module from beside this script. Nothing else is loaded; safe to include twice and
 * alongside `microcred.js` (both share the same element chunks, and registering twice is a no-op).
 *
 * ```html
 * <script type="module" src="https://cdn.example/@microcred/embed/dist/autoloader.js"></script>
 * ```
 *
 * It cannot see into shadow roots. A host that renders Microcred tags inside its own shadow DOM
 * hands each shadow root to `discover` once; from then on that root is watched too:
 *
 * ```js
 * import { discover } from 'https://cdn.example/@microcred/embed/dist/autoloader.js';
 * discover(this.shadowRoot);
 * ```
 * @packageDocumentation
 */

/** Each known tag and how to load it. Add a line per element. */
const loaders: Record<string, () => Promise<unknown>> = {
  'mc-credential-card': () => import('@microcred/elements/credential-card/mc-credential-card.js'),
  'mc-catalog': () => import('@microcred/elements/catalog/mc-catalog.js'),
  'mc-progress-tracker': () => import('@microcred/elements/progress-tracker/mc-progress-tracker.js'),
  'mc-verify-button': () => import('@microcred/elements/verify-button/mc-verify-button.js'),
  'mc-badge-wallet': () => import('@microcred/elements/badge-wallet/mc-badge-wallet.js'),
  'mc-provider': () => import('@microcred/elements/provider/mc-provider.js'),
};

const requested = new Set<string>();

/** Loads every known, not yet defined tag found in or under `root`. */
function load(root: ParentNode): void {
  for (const tag of Object.keys(loaders)) {
    if (requested.has(tag) || customElements.get(tag)) continue;
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      requested.add(tag);
      loaders[tag]!().catch((error: unknown) => {
        requested.delete(tag);
        console.error(`Microcred: could not load <${tag}>.`, error);
      });
    }
  }
}

const watched = new WeakSet<Node>();

/**
 * Defines the Microcred elements found in or under `root` (a document, an element or a shadow root)
 * and watches it for tags added later. The autoloader does this for the document by itself; call it
 * for each shadow root your own components render Microcred tags into. Calling it again for the same
 * root only looks again.
 */
export function discover(root: Document | DocumentFragment | Element): void {
  load(root);
  if (watched.has(root)) return;
  watched.add(root);
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) load(node);
  }).observe(root instanceof Document ? root.documentElement : root, { childList: true, subtree: true });
}

if (!(globalThis as { __mcAutoloader?: boolean }).__mcAutoloader) {
  (globalThis as { __mcAutoloader?: boolean }).__mcAutoloader = true;
  discover(document);
}

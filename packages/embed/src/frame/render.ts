/**
 * Builds the one element a frame shows from its checked parameters, and loads only that element's
 * module (each is its own entry of the embed build, imported on demand), so a catalog frame never
 * downloads the wallet and a card frame never downloads the catalog.
 */
import type { FrameElement, FrameSpec } from './params.js';

/** The module of each frame element (the embed build's `elements/mc-*.js`). */
const loaders: Record<FrameElement, () => Promise<unknown>> = {
  card: () => import('@microcred/elements/credential-card/mc-credential-card.js'),
  verify: () =>
    Promise.all([
      import('@microcred/elements/credential-card/mc-credential-card.js'),
      import('@microcred/elements/verify-button/mc-verify-button.js'),
    ]),
  catalog: () => import('@microcred/elements/catalog/mc-catalog.js'),
  tracker: () => import('@microcred/elements/progress-tracker/mc-progress-tracker.js'),
  wallet: () => import('@microcred/elements/badge-wallet/mc-badge-wallet.js'),
};

/** Loads the module that defines `element`'s tag. */
export function loadElement(element: FrameElement): Promise<unknown> {
  return loaders[element]();
}

/**
 * The element for `spec`, with its attributes set (not yet defined: call {@link loadElement}).
 * Heading levels make the frame a page of its own: the card's or pathway's name is its `h1`; the
 * catalog's and wallet's entries sit under the frame's hidden `h1`.
 */
export function createFrameElement(spec: FrameSpec): HTMLElement {
  const { element, src, options } = spec;
  const set = (el: HTMLElement, name: string, value: string | undefined): void => {
    if (value !== undefined) el.setAttribute(name, value);
  };
  const first = (name: string): string | undefined => options[name]?.[0];
  switch (element) {
    case 'card':
    case 'verify': {
      const card = document.createElement('mc-credential-card');
      set(card, 'src', src);
      set(card, 'variant', spec.variant ?? 'full');
      set(card, 'heading-level', '1');
      if (element === 'verify') {
        const button = document.createElement('mc-verify-button');
        button.slot = 'status';
        card.append(button);
      }
      return card;
    }
    case 'catalog': {
      const catalog = document.createElement('mc-catalog');
      set(catalog, 'src', src);
      set(catalog, 'heading-level', '2');
      set(catalog, 'page-size', first('page-size'));
      // The initial search, sort and filters are the catalog's own URL-state parameters (mc-…), read
      // from the frame's address, and kept there as the visitor changes them.
      catalog.setAttribute('url-state', '');
      return catalog;
    }
    case 'tracker': {
      const tracker = document.createElement('mc-progress-tracker');
      set(tracker, 'src', src);
      set(tracker, 'records-src', first('records-src'));
      set(tracker, 'variant', spec.variant ?? 'full');
      set(tracker, 'heading-level', '1');
      return tracker;
    }
    case 'wallet': {
      const wallet = document.createElement('mc-badge-wallet');
      set(wallet, 'src', src);
      // Under the frame's h1: names at h2, or group headings at h2 and names at h3 when grouped.
      const grouped = (first('group-by') ?? 'none') !== 'none';
      set(wallet, 'heading-level', grouped ? '3' : '2');
      set(wallet, 'group-by', first('group-by'));
      set(wallet, 'sort-by', first('sort-by'));
      set(wallet, 'label', first('label'));
      return wallet;
    }
  }
}

import type { Catalog, CatalogEntry } from '@microcred/core';

/** Fired by `<mc-catalog>` when a catalog was loaded and read. Bubbles and is composed. */
export class McCatalogLoadEvent extends Event {
  /** The catalog (entries, stacks, and the issues found while reading it). */
  readonly catalog: Catalog;
  constructor(catalog: Catalog) {
    super('mc-catalog-load', { bubbles: true, composed: true });
    this.catalog = catalog;
  }
}

/**
 * Fired by `<mc-catalog>` when someone activates a register button, before the registration page
 * opens. Cancelable: `preventDefault()` keeps the page (for example to open an in-app form).
 * Bubbles and is composed.
 */
export class McRegisterEvent extends Event {
  /** The entry being registered for. */
  readonly entry: CatalogEntry;
  /** The registration URL that will open unless the event is canceled. */
  readonly url: string;
  constructor(entry: CatalogEntry, url: string) {
    super('mc-register', { bubbles: true, composed: true, cancelable: true });
    this.entry = entry;
    this.url = url;
  }
}

/** Fired by `<mc-catalog>` after the details of an entry were opened. Bubbles and is composed. */
export class McCatalogOpenEvent extends Event {
  /** The entry shown. */
  readonly entry: CatalogEntry;
  constructor(entry: CatalogEntry) {
    super('mc-catalog-open', { bubbles: true, composed: true });
    this.entry = entry;
  }
}

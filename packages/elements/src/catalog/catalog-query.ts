/**
 * `<mc-catalog>`'s search, as a reactive controller with its own state: the query, facet filters,
 * sort, how many results are shown and whether the filters' disclosure is open; the search index over the loaded entries (results memoised
 * per query, filters, sort and locale); the result count announced once typing pauses; and, with
 * `url-state`, the page URL (`mc-q`, `mc-sort`, `mc-<facet>`) and the back button.
 */
import type { LitElement, ReactiveController } from 'lit';
import type { CatalogEntry } from '@microcred/core';
import type { LocalizeController } from '../i18n/localize.js';
import {
  CATALOG_FACETS,
  CatalogIndex,
  type CatalogFacet,
  type CatalogResult,
  type CatalogSort,
} from '@microcred/core/catalog/search.js';

export const SORTS: CatalogSort[] = ['name', 'effort', 'newest'];
const PARAM = 'mc-';
type Filters = Partial<Record<CatalogFacet, string[]>>;
const sortOf = (v: unknown): CatalogSort => (SORTS.includes(v as CatalogSort) ? (v as CatalogSort) : 'name');

/** What the search needs of its catalog. */
export interface CatalogQueryOptions {
  /** Results per page (the checked `page-size`). */
  page(): number;
  /** The catalog keeps its search in the page URL (`url-state`). */
  url(): boolean;
  /** The result count in words, announced once typing pauses. */
  count(): string;
}

export class CatalogQuery implements ReactiveController {
  /** The search text, as typed. */
  text = '';
  /** The ticked facet values. */
  filters: Filters = {};
  sort: CatalogSort = 'name';
  /** How many results are shown ("Show more" adds a page). */
  shown = 24;
  /** The last result count announced to screen readers. */
  announcement = '';
  /** The filters' disclosure is open (it is shown only on a narrow catalog; wide, the filters always are). */
  open = false;

  #host: LitElement;
  #o: CatalogQueryOptions;
  #localize: LocalizeController;
  #index: CatalogIndex | undefined;
  #entries: readonly CatalogEntry[] | undefined;
  #locale = '';
  #cached: { key: string; result: CatalogResult } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `localize`: the catalog's, whose locale the index compares text in. */
  constructor(host: LitElement, localize: LocalizeController, options: CatalogQueryOptions) {
    (this.#host = host).addController(this);
    this.#localize = localize;
    this.#o = options;
  }

  hostConnected(): void {
    if (this.#o.url()) this.#read();
    window.addEventListener('popstate', this.#popped);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#popped);
    clearTimeout(this.#timer);
  }

  /** Back to the first page (a new catalog or page size). */
  reset(): void {
    this.shown = this.#o.page();
  }

  /** The search's results over `entries` (memoised per entries, query, filters, sort and locale). */
  result(entries: readonly CatalogEntry[] | undefined): CatalogResult | undefined {
    if (!entries) return undefined;
    const locale = this.#localize.locale;
    if (!this.#index || this.#entries !== entries || this.#locale !== locale) {
      this.#index = new CatalogIndex(entries, locale);
      this.#entries = entries;
      this.#locale = locale;
      this.#cached = undefined;
    }
    const query = { text: this.text, filters: this.filters, sort: this.sort };
    const key = JSON.stringify([query, locale]);
    if (this.#cached?.key !== key) this.#cached = { key, result: this.#index.search(query) };
    return this.#cached.result;
  }

  search(text: string): void {
    this.text = text;
    this.#changed(false);
  }

  order(value: string): void {
    this.sort = sortOf(value);
    this.#write(true);
    this.#host.requestUpdate();
  }

  /** Ticks or unticks `value` of `facet`. */
  tick(facet: CatalogFacet, value: string, on: boolean): void {
    const current = this.filters[facet] ?? [];
    const next = on ? [...current, value] : current.filter((v) => v !== value);
    this.filters = { ...this.filters, [facet]: next };
    if (!next.length) delete this.filters[facet];
    this.#changed(true);
  }

  /**
   * Clears the filters; with `all` (the empty state's button) the query too. Then focuses the search
   * field (the button used is gone; the search, sort and filters follow in that order).
   */
  clear(all?: boolean): void {
    if (all) this.text = '';
    this.filters = {};
    this.#changed(true);
    this.#focus('#search');
  }

  /** Opens or closes the filters' disclosure (a listener: bound to the query). */
  fold = (): void => {
    this.open = !this.open;
    this.#host.requestUpdate();
  };

  /** Shows a page more, then focuses the first new result, so keyboard users continue where they were. */
  more(): void {
    const first = this.shown;
    this.shown += this.#o.page();
    this.#announce();
    this.#host.requestUpdate();
    this.#focus('[part~="details-button"]', first);
  }

  /** Focuses the `i`th match of `selector` once rendered. */
  #focus(selector: string, i = 0): void {
    const host = this.#host;
    void host.updateComplete.then(() => host.renderRoot.querySelectorAll<HTMLElement>(selector)[i]?.focus());
  }

  #changed(push: boolean): void {
    this.reset();
    this.#write(push);
    this.#announce();
    this.#host.requestUpdate();
  }

  /** Announces the result count once typing pauses, so screen readers are not flooded. */
  #announce(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.announcement = this.#o.count();
      this.#host.requestUpdate();
    }, 600);
  }

  #read(): void {
    const params = new URLSearchParams(location.search);
    this.text = params.get(`${PARAM}q`) ?? '';
    this.sort = sortOf(params.get(`${PARAM}sort`));
    const filters: Filters = {};
    for (const f of CATALOG_FACETS) {
      const values = params.getAll(`${PARAM}${f}`);
      if (values.length) filters[f] = values;
    }
    this.filters = filters;
    this.reset();
  }

  #write(push: boolean): void {
    if (!this.#o.url()) return;
    const url = new URL(location.href);
    for (const key of [...url.searchParams.keys()]) if (key.startsWith(PARAM)) url.searchParams.delete(key);
    if (this.text) url.searchParams.set(`${PARAM}q`, this.text);
    if (this.sort !== 'name') url.searchParams.set(`${PARAM}sort`, this.sort);
    for (const f of CATALOG_FACETS)
      for (const v of this.filters[f] ?? []) url.searchParams.append(`${PARAM}${f}`, v);
    if (url.href === location.href) return;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  #popped = (): void => {
    if (this.#o.url()) this.#read();
  };
}

import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { McError, type Catalog, type CatalogEntry } from '@microcred/core';
import {
  CATALOG_FACETS,
  CatalogIndex,
  type CatalogFacet,
  type CatalogResult,
  type CatalogSort,
} from '@microcred/core/catalog/search.js';
import { catalogJsonLd, jsonLdText } from '@microcred/core/catalog/jsonld.js';
import { McElement } from '../internal/mc-element.js';
import { stringSet } from '../i18n/localize.js';
import { providedValue } from '../provider/provider-context.js';
import { McErrorEvent } from '../events.js';
import type { CatalogStringKey, CatalogStrings } from './strings-en.js';
import { McCatalogLoadEvent, McCatalogOpenEvent, McRegisterEvent } from './catalog-events.js';
import { renderDialog, type CatalogDetailsView } from './catalog-details.js';
import styles from './catalog.styles.js';

/** Loading state of `<mc-catalog>`. */
export type CatalogState = 'empty' | 'loading' | 'loaded' | 'error';

const strings = stringSet<CatalogStrings>('catalog', {
  en: () => import('./strings-en.js'),
  es: () => import('./strings-es.js'),
});

const SORTS: CatalogSort[] = ['name', 'effort', 'newest'];
const PARAM = 'mc-';
type Filters = Partial<Record<CatalogFacet, string[]>>;
type ClientFetch<T> = (url: string, options: { signal: AbortSignal }) => Promise<T>;

/**
 * A searchable, filterable catalog of micro-credential offerings for district sites: search as you
 * type (accents and capitals ignored), facet filters with counts, sorting, a details dialog with a
 * register button, schema.org JSON-LD for search engines, and a print view.
 *
 * Give it a catalog in one of two ways: the `src` attribute (a JSON catalog feed, CSV or Credential
 * Engine CTDL JSON-LD; see the README's "Data formats"), or the `items` property (a parsed `Catalog`,
 * a feed object or an array of achievements). Children (for example a link to the catalog page) are
 * the view before and without JavaScript. The element adds a `<script type="application/ld+json">`
 * child describing the entries (the first 500, core's `CATALOG_JSONLD_LIMIT`, so a very large catalog
 * does not fill the page) as schema.org `EducationalOccupationalCredential`s.
 *
 * Events of the cards inside: each result (and the details dialog) is a `<mc-credential-card>` in
 * the catalog's shadow DOM. Their `mc-load` events are composed, so they also reach the page,
 * retargeted: there `event.target` is the `<mc-catalog>`, never a card of the page's own (a page
 * listening for `mc-load` on `document` tells its own cards apart by `event.target.localName`). The
 * catalog's own events are `mc-catalog-load`, `mc-catalog-open`, `mc-register` and `mc-error`.
 *
 * @summary A searchable micro-credential catalog: search, facets with counts, sort, details and registration.
 *
 * @tag mc-catalog
 *
 * @csspart base - The catalog's wrapper (a `<section>`).
 * @csspart toolbar - The search field and sort menu.
 * @csspart search - The search field (`<input type="search">`).
 * @csspart sort - The sort menu (`<select>`).
 * @csspart filters - The facet filters (a group of fieldsets with checkboxes).
 * @csspart count - The result count (also announced to screen readers).
 * @csspart list - The list of results.
 * @csspart item - One result (a list item holding a compact `<mc-credential-card>` and a details button).
 * @csspart details-button - The button that opens an entry's details.
 * @csspart more - The "show more" button.
 * @csspart empty - The empty state (no results, with hints and a button to clear the search).
 * @csspart dialog - The details dialog.
 * @csspart register - The register link-button (in the details).
 * @csspart error - The error message.
 * @csspart loading - The loading message.
 *
 * @cssproperty [--mc-color-accent=light-dark(#1f5fa6, #8ab4f8)] - Accent: the register button's background and focus rings.
 * @cssproperty [--mc-color-on-accent=light-dark(#ffffff, #0b1d33)] - Text on the accent color.
 * @cssproperty [--mc-color-surface=Canvas] - Background of the dialog.
 * @cssproperty [--mc-color-border=color-mix(in srgb, currentColor 25%, transparent)] - Borders and separators.
 * @cssproperty [--mc-color-danger=light-dark(#b3261e, #f2b8b5)] - Border of the error message.
 * @cssproperty [--mc-radius=0.5rem] - Corner radius.
 * @cssproperty [--mc-space=1rem] - Base spacing.
 * @cssproperty [--mc-font-family=inherit] - Font family.
 * @cssproperty [--mc-catalog-columns-min=16rem] - Smallest width of a result column.
 *
 * @cssstate loading - The catalog at `src` is being downloaded.
 * @cssstate error - The catalog could not be loaded or read.
 * @cssstate no-results - The search and filters match nothing.
 * @cssstate dialog-open - An entry's details are open.
 *
 * @event {McCatalogLoadEvent} mc-catalog-load - A catalog was loaded and read; `event.catalog` holds it (with `issues` for skipped entries).
 * @event {McErrorEvent} mc-error - The catalog could not be loaded or read; `event.error` is an `McError` with a `code`.
 * @event {McCatalogOpenEvent} mc-catalog-open - An entry's details were opened; `event.entry` is the entry.
 * @event {McRegisterEvent} mc-register - A register button was activated; cancelable (`preventDefault()` keeps the registration page from opening). `event.entry`, `event.url`.
 */
export class McCatalog extends McElement {
  static override styles = styles;

  static override properties = {
    src: {},
    items: { attribute: false },
    urlState: { type: Boolean, attribute: 'url-state', reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
    query: { state: true },
    filters: { state: true },
    sort: { state: true },
    shown: { state: true },
    loadState: { state: true },
    loadError: { state: true },
    openEntry: { state: true },
    announcement: { state: true },
  };

  /** URL of the catalog: a JSON catalog feed, CSV or CTDL JSON-LD, resolved against the page. */
  src = '';

  /** The catalog as data: a parsed `Catalog`, a feed object, or an array of achievements. Property only; takes precedence over `src`. */
  items: unknown;

  /** Keeps the search, filters and sort in the page URL (`mc-q`, `mc-sort`, `mc-<facet>` parameters), so links can be shared and the back button works. Off by default. */
  urlState = false;

  /** How many results to show before "Show more" (default 24). */
  pageSize = 24;

  /** Heading level (1–6) of each result's name; the details dialog's heading uses the same level. */
  headingLevel = 3;

  /** The instant registration dates are judged at (default: now). Property only. */
  now: Date | undefined;

  private query = '';
  private filters: Filters = {};
  private sort: CatalogSort = 'name';
  private shown = 24;
  private loadState: CatalogState = 'empty';
  private loadError: McError | undefined;
  private openEntry: CatalogEntry | undefined;
  private announcement = '';

  private loaded: Catalog | undefined;
  private index: CatalogIndex | undefined;
  private indexLocale = '';
  private cached: { key: string; result: CatalogResult } | undefined;
  private abortController: AbortController | undefined;
  private loadToken = 0;
  private job: Promise<void> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private opener: HTMLElement | undefined;
  private jsonLd: HTMLScriptElement | undefined;
  /** Makes the JSON-LD text a script may take (Trusted Types: core's `microcred` policy), loaded with the data. */
  private scriptText: ((json: string) => string | undefined) | undefined;
  private pendingEvent: Event | undefined;
  private readonly t = this.localize.use(strings);

  /** The catalog being shown, once loaded. Read-only. */
  get catalog(): Catalog | undefined {
    return this.loaded;
  }

  /** `empty`, `loading`, `loaded` or `error`. Read-only. */
  get state(): CatalogState {
    return this.loadState;
  }

  /** The entries matching the current search and filters, in order. Read-only. */
  get results(): readonly CatalogEntry[] {
    return this.result()?.entries ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.urlState) this.readUrl();
    window.addEventListener('popstate', this.handlePopState);
    if (this.hasUpdated && this.loadState === 'loading' && !this.abortController) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handlePopState);
    clearTimeout(this.announceTimer);
    if (this.abortController) {
      this.abortController.abort();
      this.abortController = undefined;
      this.loadToken++;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('items') || changed.has('src')) this.load();
    if (changed.has('pageSize')) this.shown = this.page;
    const none = this.loadState === 'loaded' && this.results.length === 0;
    this.toggleState('loading', this.loadState === 'loading');
    this.toggleState('error', this.loadState === 'error');
    this.toggleState('no-results', none);
    this.toggleState('dialog-open', !!this.openEntry);
  }

  protected override updated(): void {
    const event = this.pendingEvent;
    this.pendingEvent = undefined;
    if (event) this.dispatchEvent(event);
  }

  private get page(): number {
    const n = Math.round(this.pageSize);
    return Number.isFinite(n) && n > 0 ? n : 24;
  }

  private load(): void {
    this.abortController?.abort();
    this.abortController = undefined;
    const token = ++this.loadToken;
    const items = this.items;
    if (items == null && !this.src) {
      this.job = undefined;
      this.show('empty');
      return;
    }
    this.loadState = 'loading';
    this.loadError = undefined;
    if (isServer) return; // a server render shows the loading state; the browser loads after hydration
    const controller = (this.abortController = new AbortController());
    // The parsers (zod at the trust boundary) load on first use: pages that pass a parsed
    // `Catalog` never download them. Whatever door the catalog comes in by (a parsed feed, a
    // `Catalog` set as `items`, a provider client's answer), it then goes through core's
    // `safeCatalog` (a small lazy chunk): the feed parser's checks, so no address that is not
    // http(s) reaches an `href`, an event or the JSON-LD.
    const work =
      items != null
        ? isCatalog(items)
          ? Promise.resolve(items)
          : import('@microcred/core/catalog/parse.js').then((m) => m.parseCatalog(items))
        : this.fetchSource(this.src, controller.signal);
    const job = (this.job = Promise.all([
      work,
      import('@microcred/core/catalog/safe.js'),
      import('@microcred/core/trusted-types.js'),
    ]).then(
      ([catalog, { safeCatalog }, { trustedJsonScript }]) => {
        if (token !== this.loadToken) return;
        this.abortController = undefined;
        this.scriptText = trustedJsonScript;
        this.settle(() => safeCatalog(catalog));
        this.requestUpdate();
      },
      (e: unknown) => {
        if (token !== this.loadToken) return;
        this.abortController = undefined;
        this.fail(e);
        this.requestUpdate();
      },
    ));
    job.finally(() => {
      if (this.job === job) this.job = undefined;
    });
  }

  /** A catalog still being read. */
  protected override pending(): unknown[] {
    return [this.job];
  }

  /**
   * Downloads the catalog at `url`: through the client of the nearest `<mc-provider>` when there is
   * one, otherwise with core's `fetchCatalog`. Subclasses may supply their own.
   */
  protected async fetchSource(url: string, signal: AbortSignal): Promise<Catalog> {
    const href = new URL(url, document.baseURI).href;
    // Inside an <mc-provider>: its client's fetchCatalog when it has one, else its fetch.
    const provided = providedValue(this);
    const client = provided?.client as { fetchCatalog?: ClientFetch<Catalog> } | undefined;
    if (typeof client?.fetchCatalog === 'function') return client.fetchCatalog(href, { signal });
    const { fetchCatalog } = await import('@microcred/core/catalog/fetch.js');
    return fetchCatalog(href, { signal, ...(provided?.fetch ? { fetch: provided.fetch } : {}) });
  }

  private show(state: CatalogState, catalog?: Catalog, error?: McError): void {
    this.loadState = state;
    this.loaded = catalog;
    this.loadError = error;
    this.index = undefined;
    this.cached = undefined;
    this.openEntry = undefined;
    this.shown = this.page;
    this.writeJsonLd();
  }

  /** Shows a catalog that has been through `safeCatalog` (see `load`). */
  private settle(read: () => Catalog): void {
    try {
      const catalog = read();
      this.show('loaded', catalog);
      this.pendingEvent = new McCatalogLoadEvent(catalog);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    const error =
      e instanceof McError
        ? e
        : new McError('schema', e instanceof Error ? e.message : String(e), { cause: e });
    this.show('error', undefined, error);
    this.pendingEvent = new McErrorEvent(error);
  }

  /** Search results for the current query (memoised per query, filters, sort and locale). */
  private result(): CatalogResult | undefined {
    if (!this.loaded) return undefined;
    if (!this.index || this.indexLocale !== this.localize.locale) {
      this.index = new CatalogIndex(this.loaded.entries, this.localize.locale);
      this.indexLocale = this.localize.locale;
      this.cached = undefined;
    }
    const key = JSON.stringify([this.query, this.filters, this.sort, this.indexLocale]);
    if (this.cached?.key !== key)
      this.cached = {
        key,
        result: this.index.search({ text: this.query, filters: this.filters, sort: this.sort }),
      };
    return this.cached.result;
  }

  /** Adds (or replaces) the JSON-LD child describing the first `CATALOG_JSONLD_LIMIT` entries. */
  private writeJsonLd(): void {
    const entries = this.loaded?.entries ?? [];
    // undefined: Trusted Types refused the policy; the catalog shows without its JSON-LD
    const text = entries.length ? this.scriptText?.(jsonLdText(catalogJsonLd(entries))) : undefined;
    if (text === undefined) {
      this.jsonLd?.remove();
      this.jsonLd = undefined;
      return;
    }
    if (!this.jsonLd) {
      this.jsonLd = document.createElement('script');
      this.jsonLd.type = 'application/ld+json';
      this.jsonLd.dataset['mcCatalog'] = '';
    }
    this.jsonLd.textContent = text;
    if (this.jsonLd.parentNode !== this) this.append(this.jsonLd);
  }

  // --- URL state -----------------------------------------------------------------------------

  private readUrl(): void {
    const params = new URLSearchParams(location.search);
    this.query = params.get(`${PARAM}q`) ?? '';
    const sort = params.get(`${PARAM}sort`) as CatalogSort | null;
    this.sort = sort && SORTS.includes(sort) ? sort : 'name';
    const filters: Filters = {};
    for (const f of CATALOG_FACETS) {
      const values = params.getAll(`${PARAM}${f}`);
      if (values.length) filters[f] = values;
    }
    this.filters = filters;
    this.shown = this.page;
  }

  private writeUrl(push: boolean): void {
    if (!this.urlState) return;
    const url = new URL(location.href);
    for (const key of [...url.searchParams.keys()]) if (key.startsWith(PARAM)) url.searchParams.delete(key);
    if (this.query) url.searchParams.set(`${PARAM}q`, this.query);
    if (this.sort !== 'name') url.searchParams.set(`${PARAM}sort`, this.sort);
    for (const f of CATALOG_FACETS)
      for (const v of this.filters[f] ?? []) url.searchParams.append(`${PARAM}${f}`, v);
    if (url.href === location.href) return;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  private handlePopState = (): void => {
    if (this.urlState) this.readUrl();
  };

  // --- handlers ------------------------------------------------------------------------------

  private handleSearch(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.shown = this.page;
    this.writeUrl(false);
    this.scheduleAnnouncement();
  }

  private handleSort(e: Event): void {
    const value = (e.target as HTMLSelectElement).value as CatalogSort;
    this.sort = SORTS.includes(value) ? value : 'name';
    this.writeUrl(true);
  }

  private handleFacet(facet: CatalogFacet, value: string, e: Event): void {
    const on = (e.target as HTMLInputElement).checked;
    const current = this.filters[facet] ?? [];
    const next = on ? [...current, value] : current.filter((v) => v !== value);
    this.filters = { ...this.filters, [facet]: next };
    if (!next.length) delete this.filters[facet];
    this.shown = this.page;
    this.writeUrl(true);
    this.scheduleAnnouncement();
  }

  private clearFilters(): void {
    this.filters = {};
    this.shown = this.page;
    this.writeUrl(true);
    this.scheduleAnnouncement();
  }

  private clearAll(): void {
    this.query = '';
    this.filters = {};
    this.shown = this.page;
    this.writeUrl(true);
    this.scheduleAnnouncement();
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus());
  }

  private showMore(): void {
    const first = this.shown;
    this.shown += this.page;
    this.scheduleAnnouncement();
    // Move focus to the first newly shown result so keyboard users continue where they were.
    this.updateComplete.then(() =>
      this.renderRoot.querySelectorAll<HTMLElement>('[part~="details-button"]')[first]?.focus(),
    );
  }

  /** Announces the result count once typing pauses, so screen readers are not flooded. */
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = this.countText()), 600);
  }

  private open(entry: CatalogEntry, e: Event): void {
    this.opener = e.currentTarget as HTMLElement;
    this.openEntry = entry;
    this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal?.();
      dialog?.focus();
      const opened = new McCatalogOpenEvent(entry);
      this.dispatchEvent(opened);
    });
  }

  /** Closes the details dialog, if open, and returns focus to the button that opened it. */
  close(): void {
    // The dialog's `close` event comes a task later; hand focus back now, so that it is back on the
    // opener once `updateComplete` resolves (the event then finds nothing left to do).
    this.renderRoot.querySelector('dialog')?.close();
    this.handleClosed();
  }

  private handleClosed(): void {
    if (!this.openEntry) return;
    this.openEntry = undefined;
    const opener = this.opener;
    this.opener = undefined;
    this.updateComplete.then(() => opener?.focus());
  }

  private handleRegister(entry: CatalogEntry, url: string, e: Event): void {
    const event = new McRegisterEvent(entry, url);
    if (!this.dispatchEvent(event)) e.preventDefault();
  }

  private handlePrint(): void {
    window.print();
  }

  // --- rendering -----------------------------------------------------------------------------

  private countText(): string {
    const r = this.result();
    const total = this.loaded?.entries.length ?? 0;
    const count = r?.entries.length ?? 0;
    const filtered = !!this.query.trim() || Object.keys(this.filters).length > 0;
    const one = this.localize.plural(filtered ? total : count) === 'one';
    const key: CatalogStringKey = filtered
      ? one
        ? 'countOfOne'
        : 'countOfOther'
      : one
        ? 'countOne'
        : 'countOther';
    return this.t(key, { count: this.localize.number(count), total: this.localize.number(total) });
  }

  private facetLabel(facet: CatalogFacet, value: string): string {
    if (facet === 'format' || facet === 'effort') {
      const key = `${facet}.${value}` as CatalogStringKey;
      const text = this.t(key);
      return text === key ? value : text;
    }
    if (facet === 'stack') return this.loaded?.stacks.find((s) => s.id === value)?.name ?? value;
    return value;
  }

  protected override render(): TemplateResult {
    const { t } = this;
    if (this.loadState === 'loading')
      return html`<section part="base" class="base" aria-busy="true">
        <p part="loading" class="loading" role="status">${t('loading')}</p>
      </section>`;
    if (this.loadState === 'error')
      return html`<section part="base" class="base">
        <div part="error" class="error" role="alert">
          <p><strong>${t('errorTitle')}</strong><br />${this.errorMessage(this.loadError!)}</p>
        </div>
      </section>`;
    if (this.loadState === 'empty' || !this.loaded) return html`<section part="base" class="base"></section>`;
    const r = this.result()!;
    const visible = r.entries.slice(0, this.shown);
    const active = Object.keys(this.filters).length > 0;
    return html`<section part="base" class="base">
      <div part="toolbar" class="toolbar">
        <div class="field search-field">
          <label for="search">${t('search')}</label>
          <input
            part="search"
            id="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="search-hint"
            aria-controls="results"
            .value=${this.query}
            @input=${this.handleSearch}
          />
          <span id="search-hint" class="hint">${t('searchHint')}</span>
        </div>
        <div class="field">
          <label for="sort">${t('sortBy')}</label>
          <select part="sort" id="sort" @change=${this.handleSort}>
            ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.sort}>${t(`sort.${s}`)}</option>`)}
          </select>
        </div>
      </div>
      <div class="layout">
        <div part="filters" class="filters" role="group" aria-labelledby="filters-title">
          <h2 id="filters-title" class="filters-title">${t('filters')}</h2>
          ${CATALOG_FACETS.map((facet) => this.renderFacet(facet, r))}
          ${
            active
              ? html`<button type="button" class="link-button" @click=${this.clearFilters}>
                  ${t('clearFilters')}
                </button>`
              : nothing
          }
        </div>
        <div class="results" id="results">
          <p part="count" class="count" aria-hidden="true">${this.countText()}</p>
          <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
          ${
            visible.length
              ? html`<ul part="list" class="list">
                  ${repeat(
                    visible,
                    (e) => e.id,
                    (e) =>
                      html`<li part="item" class="item">
                        <mc-credential-card
                          variant="compact"
                          heading-level=${this.headingLevel}
                          .credential=${e.achievement}
                          .now=${this.now}
                        ></mc-credential-card>
                        <button
                          type="button"
                          part="details-button"
                          class="details-button"
                          aria-haspopup="dialog"
                          aria-label=${t('detailsFor', { name: e.name })}
                          @click=${(ev: Event) => this.open(e, ev)}
                        >
                          ${t('details')}
                        </button>
                      </li>`,
                  )}
                </ul>`
              : this.renderEmpty()
          }
          ${
            r.entries.length > this.shown
              ? html`<button type="button" part="more" class="more" @click=${this.showMore}>
                  ${t('showMore', { count: this.localize.number(Math.min(this.page, r.entries.length - this.shown)) })}
                </button>`
              : nothing
          }
        </div>
      </div>
      ${renderDialog(this.detailsView)}
    </section>`;
  }

  private renderFacet(facet: CatalogFacet, r: CatalogResult): unknown {
    const values = r.facets[facet];
    if (
      !values.length ||
      (values.length === 1 &&
        !this.filters[facet]?.length &&
        values[0]!.count === r.entries.length &&
        facet !== 'effort')
    )
      return nothing;
    const selected = new Set(this.filters[facet] ?? []);
    return html`<fieldset class="facet">
      <legend>${this.t(`facet.${facet}`)}</legend>
      <ul>
        ${values.map(
          ({ value, count }, i) =>
            html`<li>
              <input
                type="checkbox"
                id=${`f-${facet}-${i}`}
                .checked=${selected.has(value)}
                @change=${(e: Event) => this.handleFacet(facet, value, e)}
              />
              <label for=${`f-${facet}-${i}`}
                ><span class="facet-value">${this.facetLabel(facet, value)}</span>
                <span class="facet-count">(${this.localize.number(count)})</span></label
              >
            </li>`,
        )}
      </ul>
    </fieldset>`;
  }

  private renderEmpty(): TemplateResult {
    const { t } = this;
    if (!this.loaded?.entries.length)
      return html`<div part="empty" class="empty"><p>${t('emptyCatalog')}</p></div>`;
    const filtered = Object.keys(this.filters).length > 0;
    return html`<div part="empty" class="empty">
      <p class="empty-title"><strong>${t('emptyTitle')}</strong></p>
      ${this.query.trim() ? html`<p>${t('emptyQuery', { query: this.query.trim() })}</p>` : nothing}
      <ul>
        ${this.query.trim() ? html`<li>${t('emptyHintWords')}</li>` : nothing}
        ${filtered ? html`<li>${t('emptyHintFilters')}</li>` : nothing}
      </ul>
      <button type="button" class="button" @click=${this.clearAll}>${t('clearAll')}</button>
    </div>`;
  }

  /** What the details dialog (catalog-details.ts) may use of the catalog, for this render. */
  private get detailsView(): CatalogDetailsView {
    return {
      t: this.t,
      localize: this.localize,
      openEntry: this.openEntry,
      headingLevel: this.headingLevel,
      now: this.now,
      stackName: (id) => this.loaded?.stacks.find((s) => s.id === id)?.name ?? id,
      facetLabel: (facet, value) => this.facetLabel(facet, value),
      register: (entry, url, e) => this.handleRegister(entry, url, e),
      print: () => this.handlePrint(),
      close: () => this.close(),
      closed: () => this.handleClosed(),
    };
  }

  private errorMessage(error: McError): string {
    const status = (error as McError & { status?: number }).status;
    switch (error.code) {
      case 'http':
        return this.t('error.http', { status: status ?? '?' });
      case 'network':
      case 'timeout':
      case 'invalid-json':
      case 'schema':
        return this.t(`error.${error.code}`);
      default:
        return this.t('error.other');
    }
  }
}

function isCatalog(value: unknown): value is Catalog {
  const c = value as Catalog;
  return (
    !!c &&
    typeof c === 'object' &&
    Array.isArray(c.entries) &&
    Array.isArray(c.issues) &&
    typeof c.source === 'string'
  );
}

import { html, isServer, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { McError, type Catalog, type CatalogEntry } from '@microcred/core';
import { chooseVersion } from '@microcred/core/model/issuer-text.js';
import { McElement } from '../internal/mc-element.js';
import { stringSet } from '../i18n/localize.js';
import { providedValue } from '../provider/provider-context.js';
import { McErrorEvent } from '../events.js';
import type { CatalogStrings } from './strings-en.js';
import { McCatalogLoadEvent } from './catalog-events.js';
import { CatalogQuery } from './catalog-query.js';
import { CatalogDialog } from './catalog-dialog.js';
import { renderCatalog, renderError, renderLoading, type CatalogView } from './catalog-templates.js';
import type * as Details from './catalog-details.js';
import styles from './catalog.styles.js';

/** Loading state of `<mc-catalog>`. */
export type CatalogState = 'empty' | 'loading' | 'loaded' | 'error';

const strings = stringSet<CatalogStrings>('catalog', {
  en: () => import('./strings-en.js'),
  es: () => import('./strings-es.js'),
});

/**
 * The details dialog's template, loaded after a catalog's first render (no entry can be open before
 * it is drawn) and shared by every catalog on the page; `pending` waits for it.
 */
let details: typeof Details | undefined;
let detailsJob: Promise<unknown> | undefined;

/** `state` by the task's status (`TaskStatus`: initial, pending, complete, error) when there is input. */
const STATES = ['loading', 'loading', 'loaded', 'error'] as const;

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

  readonly #t = this.localize.use(strings);
  readonly #query = new CatalogQuery(this, this.localize, {
    page: () => this.#page,
    url: () => this.urlState,
    count: () => this.#count(),
  });
  readonly #dialog = new CatalogDialog(this);
  /**
   * Reading the catalog (`@lit/task`), run when `items` or `src` changes: a new run aborts the
   * download under way (its signal goes to the fetch), and only the latest run's outcome is shown.
   */
  readonly #task = new Task(this, {
    autoRun: false,
    task: ([items, src]: [unknown, string], { signal }) => this.#read(items, src, signal),
    onComplete: (catalog) => this.#show(catalog, catalog && new McCatalogLoadEvent(catalog)),
    // Aborted because the catalog left the page: it reads again when it comes back.
    onError: (e) => this.#interrupted || this.#fail(e),
  });
  /** Taken out of the page while reading: the read was aborted; it starts again on return. */
  #interrupted = false;
  #loaded: Catalog | undefined;
  #error: McError | undefined;
  #jsonLd: HTMLScriptElement | undefined;
  /** The JSON-LD being made (its code is a chunk of its own, loaded for a catalog with entries). */
  #jsonLdJob: Promise<unknown> | undefined;
  /** Makes the JSON-LD text a script may take (Trusted Types: core's `microcred` policy), loaded with the data. */
  #scriptText: ((json: string) => string | undefined) | undefined;
  #pendingEvent: Event | undefined;

  /** The catalog being shown, once loaded. Read-only. */
  get catalog(): Catalog | undefined {
    return this.#loaded;
  }

  /** `empty`, `loading`, `loaded` or `error`. Read-only. */
  get state(): CatalogState {
    return this.#input ? STATES[this.#interrupted ? 0 : this.#task.status] : 'empty';
  }

  /** The entries matching the current search and filters, in order. Read-only. */
  get results(): readonly CatalogEntry[] {
    return this.#query.result(this.#entries())?.entries ?? [];
  }

  #listed: [Catalog | undefined, string, CatalogEntry[] | undefined] | undefined;

  /**
   * The entries listed: all but those whose issuer offers a translation into the page's language
   * that the catalog holds (that one is listed instead) — core's `chooseVersion`, the rule the
   * tracker follows too. Made again only when the catalog or the language changes.
   */
  #entries(catalog = this.#loaded): CatalogEntry[] | undefined {
    const lang = this.localize.locale;
    let listed = this.#listed;
    if (!listed || listed[0] !== catalog || listed[1] !== lang) {
      const byId = new Map(catalog?.entries.map((e) => [e.id, e]));
      this.#listed = listed = [
        catalog,
        lang,
        catalog?.entries.filter((e) => !chooseVersion(lang, e, (id) => byId.get(id))),
      ];
    }
    return listed[2];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#interrupted) this.#run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#task.status === TaskStatus.PENDING) {
      this.#task.abort();
      this.#interrupted = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('items') || changed.has('src')) {
      // A server render shows the loading state; the browser reads after hydration.
      if (!isServer) this.#run();
    }
    if (changed.has('pageSize')) this.#query.reset();
    const state = this.state;
    this.toggleState('loading', state === 'loading');
    this.toggleState('error', state === 'error');
    this.toggleState('no-results', state === 'loaded' && this.results.length === 0);
    this.toggleState('dialog-open', !!this.#dialog.entry);
  }

  protected override updated(): void {
    const event = this.#pendingEvent;
    this.#pendingEvent = undefined;
    if (event) this.dispatchEvent(event);
  }

  /** A catalog still being read, and the details dialog's template while it loads. */
  protected override pending(): unknown[] {
    const task = this.#task;
    return [
      task.status === TaskStatus.PENDING && task.taskComplete.catch(() => {}),
      this.#jsonLdJob,
      !details && detailsJob,
    ];
  }

  get #input(): boolean {
    return this.items != null || !!this.src;
  }

  get #page(): number {
    const n = Math.round(this.pageSize);
    return Number.isFinite(n) && n > 0 ? n : 24;
  }

  #run(): void {
    this.#interrupted = false;
    void this.#task.run([this.items, this.src]);
  }

  async #read(items: unknown, src: string, signal: AbortSignal): Promise<Catalog | undefined> {
    if (items == null && !src) return undefined;
    // The parsers (zod at the trust boundary) load on first use: pages that pass a parsed
    // `Catalog` never download them. Whatever door the catalog comes in by (a parsed feed, a
    // `Catalog` set as `items`, a provider client's answer), it then goes through core's
    // `safeCatalog` (a small lazy chunk): the feed parser's checks, so no address that is not
    // http(s) reaches an `href`, an event or the JSON-LD.
    const [catalog, { safeCatalog }, { trustedJsonScript }] = await Promise.all([
      items == null
        ? this.fetchSource(src, signal)
        : isCatalog(items)
          ? items
          : import('@microcred/core/catalog/parse.js').then((m) => m.parseCatalog(items)),
      import('@microcred/core/catalog/safe.js'),
      import('@microcred/core/trusted-types.js'),
    ]);
    this.#scriptText = trustedJsonScript;
    return safeCatalog(catalog);
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

  /** Shows `catalog` (none: empty, or `error`): first page, dialog closed, JSON-LD rewritten. */
  #show(catalog: Catalog | undefined, event?: Event, error?: McError): void {
    this.#interrupted = false;
    this.#loaded = catalog;
    this.#error = error;
    this.#pendingEvent = event;
    this.#dialog.entry = undefined;
    this.#query.reset();
    this.#writeJsonLd();
  }

  #fail(e: unknown): void {
    const error =
      e instanceof McError
        ? e
        : new McError('schema', e instanceof Error ? e.message : String(e), { cause: e });
    this.#show(undefined, new McErrorEvent(error), error);
  }

  /** Adds (or replaces) the JSON-LD child describing the first `CATALOG_JSONLD_LIMIT` entries. */
  #writeJsonLd(): void {
    const entries = this.#loaded?.entries ?? [];
    const job: Promise<unknown> = (this.#jsonLdJob = (
      entries.length ? import('@microcred/core/catalog/jsonld.js') : Promise.resolve(undefined)
    ).then(
      (m) => {
        if (job !== this.#jsonLdJob) return;
        this.#jsonLdJob = undefined;
        // undefined: Trusted Types refused the policy; the catalog shows without its JSON-LD
        this.#putJsonLd(m && this.#scriptText?.(m.jsonLdText(m.catalogJsonLd(entries))));
      },
      () => job === this.#jsonLdJob && (this.#jsonLdJob = undefined),
    ));
  }

  #putJsonLd(text: string | undefined): void {
    if (text === undefined) {
      this.#jsonLd?.remove();
      this.#jsonLd = undefined;
      return;
    }
    if (!this.#jsonLd) {
      this.#jsonLd = document.createElement('script');
      this.#jsonLd.type = 'application/ld+json';
      this.#jsonLd.dataset['mcCatalog'] = '';
    }
    this.#jsonLd.textContent = text;
    if (this.#jsonLd.parentNode !== this) this.append(this.#jsonLd);
  }

  /** Closes the details dialog, if open, and returns focus to the button that opened it. */
  close(): void {
    this.#dialog.close();
  }

  /** The result count in words ("3 of 12 micro-credentials" when searching or filtering). */
  #count(): string {
    const total = this.#entries()?.length ?? 0;
    const count = this.results.length;
    const q = this.#query;
    const filtered = !!q.text.trim() || Object.keys(q.filters).length > 0;
    const one = this.localize.plural(filtered ? total : count) === 'one';
    return this.#t(filtered ? (one ? 'countOfOne' : 'countOfOther') : one ? 'countOne' : 'countOther', {
      count: this.localize.number(count),
      total: this.localize.number(total),
    });
  }

  protected override render(): unknown {
    const t = this.#t;
    const empty = html`<section part="base" class="base"></section>`;
    const loading = (): unknown => renderLoading(t);
    return this.#input
      ? this.#task.render({
          initial: loading,
          pending: loading,
          complete: (catalog) => (catalog ? this.#main(catalog) : empty),
          error: () => (this.#interrupted ? loading() : renderError(t, this.#error!)),
        })
      : empty;
  }

  #main(catalog: Catalog): TemplateResult {
    const q = this.#query;
    const view: CatalogView = {
      t: this.#t,
      localize: this.localize,
      catalog,
      q,
      d: this.#dialog,
      page: this.#page,
      headingLevel: this.headingLevel,
      now: this.now,
      count: this.#count(),
    };
    if (!details)
      (detailsJob ??= import('./catalog-details.js').then((m) => (details = m))).then(
        () => this.requestUpdate(),
        () => undefined,
      );
    return renderCatalog(view, q.result(this.#entries(catalog))!, details?.renderDialog(view));
  }
}

const isCatalog = (value: unknown): value is Catalog =>
  Array.isArray((value as Catalog | undefined)?.entries) &&
  Array.isArray((value as Catalog).issues) &&
  typeof (value as Catalog).source === 'string';

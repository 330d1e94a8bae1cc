import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  facets,
  groupItems,
  matcher,
  McError as Err,
  normalizeCredential,
  sortItems,
  statusOf,
  summarize,
  type ImportItemResult,
  type ImportSource,
  type McError,
  type WalletFacets,
  type WalletGroup,
  type WalletRecord,
  type WalletSort,
  type WalletStatus,
  type WalletSummary,
  type WalletVerification,
} from '@microcred/core';
import { McElement } from '../internal/mc-element.js';
import { providedValue } from '../provider/provider-context.js';
import { FocusKeeper } from './focus-keeper.js';
// Static imports: a dynamic import of a module that others import statically makes the bundler
// build a namespace object (and a runtime helper) that every element's first load then pays for.
import { McErrorEvent } from '../events.js';
import { McImportedEvent, McWalletChangeEvent } from './badge-wallet-events.js';
import { heading, headingLevel } from '../internal/heading.js';
import { achievementTypeLabel, stringSet } from '../i18n/localize.js';
import type { WalletStrings } from './strings-en.js';
import type * as Owner from './badge-wallet-owner.js';
import type * as Virtualize from './badge-wallet-virtual.js';
import type * as Panels from './badge-wallet-panels.js';
import type { WalletEntry } from './types.js';
import styles from './badge-wallet.styles.js';

export type { WalletEntry } from './types.js';

/** What the wallet is doing: `empty` (nothing given), `loading`, `loaded` or `error` (as every element says). */
export type BadgeWalletState = 'empty' | 'loading' | 'loaded' | 'error';

/* ---- lazy parts, shared by every wallet on the page ---- */

const strings = stringSet<WalletStrings>('wallet', {
  en: () => import('./strings-en.js'),
  es: () => import('./strings-es.js'),
});

type VirtualizeModule = typeof Virtualize;
let virtualizer: VirtualizeModule | undefined;
let virtualizerJob: Promise<VirtualizeModule> | undefined;
const loadVirtualizer = (): Promise<VirtualizeModule> =>
  (virtualizerJob ??= import('./badge-wallet-virtual.js').then((m) => (virtualizer = m)));

let panels: typeof Panels | undefined;
let panelsJob: Promise<typeof Panels> | undefined;
const loadPanels = (): Promise<typeof Panels> =>
  (panelsJob ??= import('./badge-wallet-panels.js').then((m) => (panels = m)));

let ownerJob: Promise<typeof Owner> | undefined;
const loadOwner = (): Promise<typeof Owner> => (ownerJob ??= import('./badge-wallet-owner.js'));

/** Above this many credentials the grid is virtualised (only the rows in view are rendered). */
const VIRTUALIZE_AT = 60;
/** Smallest tile width in CSS pixels (the grid fits as many columns as this allows). */
const TILE_MIN = 256;
const GAP = 16;

/** How many tiles fit across `width` pixels. */
const colsFor = (width: number): number => Math.max(1, Math.floor((width + GAP) / (TILE_MIN + GAP)));

const EMPTY_SUMMARY: WalletSummary = { name: '', type: 'Credential', text: '' };

/** A row of the virtualised grid: a group heading or a row of tiles. */
type Row = { head: string; count: number } | { tiles: WalletEntry[] };

/**
 * Stops the `mc-error` of a card or verify button inside the wallet at its edge: each shows its own
 * error where it is, and outside the shadow root it would look like the wallet's own (whose
 * `mc-error` means its credentials could not be loaded).
 */
const stopEvent = (e: Event): void => e.stopPropagation();

const icon = (d: string): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;
const starIcon = 'M8 1l2.1 4.5 4.9.6-3.6 3.4.9 4.9L8 12l-4.3 2.4.9-4.9L1 6.1l4.9-.6z';
/** An arrow pointing to the inline start (flipped for the end, and in right-to-left pages). */
const arrowIcon = 'M7 3 2 8l5 5 1.1-1.1L4.9 8.8H14V7.2H4.9L8.1 4.1z';

/**
 * A person's credentials: a portfolio grid that visitors can search, filter and open, and — with
 * `editable` — the owner's wallet, kept in this browser (IndexedDB, under `storage-key`), where
 * badges are imported from files, links or pasted text, curated, verified, shared and exported.
 *
 * Display mode (the default) shows `credentials` (a property: objects, JSON text or compact JWS) or
 * the list at `src`: a JSON array, a wallet export file (its featured/hidden choices are honoured),
 * a CLR 2.0 credential (its credentials), or an Open Badges 3.0 API `credentials` response — inside
 * an `<mc-provider>` whose client serves that API, read through the client (its token, every page).
 * Owner mode (`editable`) ignores both and shows the stored wallet.
 *
 * Import reads baked PNG and SVG badges (Open Badges 2.0 and 3.0), JSON, `.jws`/`.jwt` files,
 * addresses (OB 3.0 JSON, OB 2.0 hosted assertions, CLR) and wallet export files. Each item gets
 * its own result; duplicates (same id, or the same content) are reported, not added. Imports are
 * all-or-nothing in storage: every new credential is written in one IndexedDB transaction, so a
 * failure leaves the wallet exactly as it was, and an import cut short by a reload is said on the
 * next load. Each imported credential is then verified. A status shows only a result this browser
 * computed (a result written in a wallet file is never shown), else "Not checked yet".
 *
 * The stored wallet is versioned: a database of an earlier version is upgraded with its credentials,
 * one of a newer version is shown read-only (with a message), a stored credential that cannot be
 * read is left as it is and counted, and a change that could not be saved is said. Changes are
 * written field by field (Hide never writes an old copy of a result, nor Verify all an old Hide), and
 * other tabs on the same `storage-key` reload when one changes it.
 *
 * More than 60 credentials are rendered in a virtualised grid (only the rows in view exist).
 *
 * Events of the parts inside: the tiles' cards and the dialog's card and verify button are in the
 * wallet's shadow DOM. Their `mc-load`, `mc-verify` and `mc-verified` events are composed, so they
 * also reach the page, retargeted: there `event.target` is the `<mc-badge-wallet>`, never a card of
 * the page's own (tell them apart by `event.target.localName`); their `mc-error`s stay inside. What
 * the wallet itself did is said by `mc-imported`, `mc-wallet-change` and its own `mc-error`.
 *
 * @summary A badge wallet: a searchable, filterable grid of credentials; in owner mode, import
 * (files, links, paste), persistent storage, featured and hidden choices, reordering, verify-all,
 * LinkedIn, link, QR and embed sharing, and export.
 *
 * @tag mc-badge-wallet
 *
 * @slot - Shown before the element is defined and when there is nothing to show (e.g. a link to the portfolio).
 *
 * @csspart base - The wallet's wrapper.
 * @csspart toolbar - The search, filter, group and sort controls, verify all (and, in owner mode, import and export).
 * @csspart status - The live region that announces counts, progress and results.
 * @csspart grid - A grid of credentials (one per group).
 * @csspart item - One credential: its compact card and its actions.
 * @csspart chip - The verification status of a credential (an icon and words).
 * @csspart actions - The buttons under a credential.
 * @csspart group - The heading of a group.
 * @csspart dialog - The dialog that shows one credential in full, or the import form.
 * @csspart import - The import form and its per-item results.
 *
 * @cssproperty [--mc-color-accent=light-dark(#1f5fa6, #8ab4f8)] - Accent: focus rings, featured marks, the drop zone.
 * @cssproperty [--mc-color-border=color-mix(in srgb, currentColor 25%, transparent)] - Borders of controls and chips.
 * @cssproperty [--mc-color-surface=Canvas] - Background of the dialog.
 * @cssproperty [--mc-color-success=light-dark(#1b6e3a, #8fd6a5)] - The "Verified" chip.
 * @cssproperty [--mc-color-danger=light-dark(#b3261e, #f2b8b5)] - The "Expired", "Revoked" and failed chips, and errors.
 * @cssproperty [--mc-radius=0.5rem] - Corner radius.
 * @cssproperty [--mc-space=1rem] - Base spacing.
 * @cssproperty [--mc-font-family=inherit] - Font family (inherits the page's font by default).
 * @cssproperty [--mc-badge-wallet-tile-min=16rem] - Smallest width of a tile in the non-virtualised grid.
 *
 * @cssstate loading - Credentials are being loaded.
 * @cssstate editable - Owner mode.
 * @cssstate importing - An import is running.
 * @cssstate verifying - Verify all is running.
 *
 * @event {McImportedEvent} mc-imported - An import finished; `event.results` has one result per item.
 * @event {McWalletChangeEvent} mc-wallet-change - The owner's wallet changed and was saved (here, or in another tab on the same `storage-key`); `event.records` is the whole wallet.
 * @event {McErrorEvent} mc-error - The credentials at `src` or the stored wallet could not be loaded. (The errors of the cards and verify buttons inside are shown where they happen and do not leave the wallet.)
 */
export class McBadgeWallet extends McElement {
  static override styles = styles;

  static override properties = {
    credentials: { attribute: false },
    src: {},
    editable: { type: Boolean, reflect: true },
    storageKey: { attribute: 'storage-key' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    label: {},
    embedScript: { attribute: 'embed-script' },
    verifyWorker: { attribute: 'verify-worker' },
    fetch: { attribute: false },
    now: { attribute: false },
    entries: { state: true },
    loadState: { state: true },
    query: { state: true },
    groupBy: { attribute: 'group-by' },
    sortBy: { attribute: 'sort-by' },
    announcement: { state: true },
    storageFailed: { state: true },
    readOnly: { state: true },
    unreadable: { state: true },
    interrupted: { state: true },
    saveFailed: { state: true },
    loadErrorCode: { state: true },
    dialog: { state: true },
    importing: { state: true },
    importResults: { state: true },
    progress: { state: true },
    cols: { state: true },
    confirmKey: { state: true },
  };

  /** Credentials to show in display mode: objects, JSON text or compact JWS strings. Property only; takes precedence over `src`. */
  credentials: readonly unknown[] | undefined;

  /** Address of the credentials to show in display mode: a JSON array, a wallet export file, a CLR 2.0 credential or an OB 3.0 API `credentials` response. Inside an `<mc-provider>` whose client serves that API (`<base-url>/credentials`), the client reads every page with its token. */
  src = '';

  /** Owner mode: the wallet kept in this browser, with import, curation, verify all, sharing and export. */
  editable = false;

  /** Which stored wallet owner mode uses (one IndexedDB database per key). */
  storageKey = 'default';

  /** The wallet region's accessible name (default: "Badge wallet", translated). Give each wallet on a page its own, e.g. "Ana's portfolio". */
  label = '';

  /** Heading level (1–6) of each credential's name; group headings use one level above. */
  headingLevel = 3;

  /** Address of `microcred.js` written into embed snippets (default: a provider's `embedScript` option, else the script this page loaded Microcred from; with none, no snippet is offered). */
  embedScript = '';

  /** Address of core's `verify-worker.js`, when a bundler moved it (default: beside core's `verify-many.js`); verification runs on the page if the worker cannot start. */
  verifyWorker = '';

  /** The `fetch` used for `src`, imported addresses and verification (e.g. one that adds credentials or caches). Property only; default `globalThis.fetch`. */
  fetch: typeof globalThis.fetch | undefined;

  /** How credentials are grouped at first: `none`, `issuer`, `stack`, `year` or `type` (visitors can change it). */
  groupBy: WalletGroup = 'none';

  /** How credentials are sorted at first: `order` (the owner's), `name`, `newest`, `oldest` or `issuer` (visitors can change it). */
  sortBy: WalletSort = 'order';

  /** The instant expiry is judged at (default: now). Property only. */
  now: Date | undefined;

  private entries: WalletEntry[] = [];
  private loadState: BadgeWalletState = 'empty';
  private query: { text: string; issuer?: string; type?: string; year?: number; status?: WalletStatus } = {
    text: '',
  };
  private announcement = '';
  private storageFailed = false;
  /** The stored wallet cannot be changed here: `newer` (saved by a newer version) or `closed` (a newer version opened it in another tab). */
  private readOnly: 'newer' | 'closed' | undefined;
  /** How many stored credentials could not be read (kept on disk as they are). */
  private unreadable = 0;
  /** The last import was cut short (by a reload or a closed page) and nothing of it was saved. */
  private interrupted = false;
  /** The last change could not be saved. */
  private saveFailed = false;
  /** Counts saves, so that only the latest one's reload from storage is shown. */
  private saveSeq = 0;
  /** A credential moved by its buttons (or reloaded in a new order) keeps the keyboard focus. */
  private readonly focusKeeper = new FocusKeeper(this);
  /** Why `src` could not be loaded (an error code), when it could not. */
  private loadErrorCode: string | undefined;
  /** Keys being verified right now. */
  private checkingKeys = new Set<string>();
  /** Results this browser computed that are not saved yet (kept over reloads from storage). */
  private unsaved = new Map<string, WalletVerification>();
  /** The dialog's content: a credential (by key) or the import form. */
  private dialog: { kind: 'details'; key: string } | { kind: 'import' } | undefined;
  private importing = false;
  private importResults: readonly ImportItemResult[] | undefined;
  private progress: { done: number; total: number } | undefined;
  private cols = 1;
  private confirmKey: string | undefined;

  private store: Owner.WalletStore | undefined;
  private storeJob: Promise<Owner.WalletStore | undefined> | undefined;
  private loadToken = 0;
  private abortController: AbortController | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private opener: HTMLElement | undefined;
  private dragKey: string | undefined;
  private shown: WalletEntry[] = [];
  private groups: { key: string; items: WalletEntry[] }[] = [];
  private facetCache: { locale: string; value: WalletFacets } | undefined;
  /** Every entry in the owner's order (for the move buttons). */
  private ordered: WalletEntry[] = [];

  /** `empty`, `loading`, `loaded` or `error`. Read-only. */
  get state(): BadgeWalletState {
    return this.loadState;
  }

  /** The stored records (owner mode), in the owner's order. Read-only. */
  get records(): WalletRecord[] {
    return this.entries.flatMap((e) => (e.record ? [e.record] : []));
  }

  /** How many credentials the current search and filters show. Read-only. */
  get shownCount(): number {
    return this.shown.length;
  }

  /** Settles when the stored wallet is open (owner mode) and loaded. */
  get ready(): Promise<void> {
    return (this.storeJob ?? Promise.resolve()).then(() => this.updateComplete).then(() => undefined);
  }

  /**
   * Imports files, text or addresses (what the form and a drop do), as one transaction.
   * Owner mode only.
   * @returns one result per item.
   */
  async importItems(sources: readonly (ImportSource | File)[]): Promise<readonly ImportItemResult[]> {
    if (!this.editable) return [];
    this.saveFailed = false;
    this.interrupted = false;
    this.importing = true;
    this.importResults = undefined;
    this.announce(this.ws('importing', { count: this.localize.number(sources.length) }));
    try {
      const owner = await loadOwner();
      const store = await this.storeJob;
      const { results, saved } = await owner.importInto(store, sources, this.records, {
        fetch: this.fetch,
        now: this.now,
      });
      // What is stored now (another tab's changes included); without storage, this visit's list.
      if (store) await this.reloadStore(store);
      else if (saved.length) this.setRecords([...this.records, ...saved]);
      this.importResults = results;
      const count = (s: string) => results.filter((r) => r.status === s).length;
      const counts = {
        imported: this.localize.number(count('imported')),
        duplicate: this.localize.number(count('duplicate')),
        failed: this.localize.number(results.length - count('imported') - count('duplicate')),
      };
      this.announce(
        results.some((r) => r.status === 'not-saved')
          ? this.ws('importNotSaved')
          : !store && saved.length
            ? this.ws('importNotKept', counts)
            : this.ws('importDone', counts),
      );
      this.emit(new McImportedEvent(results));
      if (saved.length) {
        this.emit(new McWalletChangeEvent(this.records));
        void this.verifyEntries(
          saved.map((r) => r.key),
          false,
        );
      }
      return results;
    } finally {
      this.importing = false;
    }
  }

  /** Verifies every credential shown (or the given keys), announcing progress and a summary in words. */
  async verifyAll(): Promise<void> {
    await this.verifyEntries(this.shown.map((e) => e.key));
  }

  /** Opens the dialog with one credential in full (its verify button, sharing and export). */
  openDetails(key: string): void {
    this.openDialog({ kind: 'details', key });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortController?.abort();
    this.loadToken++;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    clearTimeout(this.indexTimer);
    this.store?.close();
    this.store = undefined;
    this.storeJob = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The columns the first render lays out (the resize observer keeps them right after).
    if (!this.hasUpdated && !isServer) this.cols = colsFor(this.getBoundingClientRect().width);
    if (
      !this.hasUpdated ||
      changed.has('credentials') ||
      changed.has('src') ||
      changed.has('editable') ||
      changed.has('storageKey')
    ) {
      this.load();
    }
    if (changed.has('entries')) this.facetCache = undefined;
    if (
      changed.has('entries') ||
      changed.has('query') ||
      changed.has('groupBy') ||
      changed.has('sortBy') ||
      changed.has('editable') ||
      changed.has('now')
    ) {
      this.compute();
    }
    this.toggleState('loading', this.loadState === 'loading');
    this.toggleState('editable', this.editable);
    this.toggleState('importing', this.importing);
    this.toggleState('verifying', !!this.progress);
  }

  protected override firstUpdated(): void {
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const cols = colsFor(entry?.contentRect.width ?? 0);
      // After this frame's layout: changing the grid inside the observer would loop.
      if (cols !== this.cols) setTimeout(() => (this.cols = cols), 0);
    });
    this.resizeObserver.observe(this.renderRoot.querySelector('.base')!);
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.dialog && dialog && !dialog.open) dialog.showModal();
  }

  /* ---------------- strings ---------------- */

  /** Translates a wallet string. */
  private readonly ws = this.localize.use(strings);

  /* ---------------- loading ---------------- */

  private load(): void {
    this.loadErrorCode = undefined;
    this.abortController?.abort();
    this.abortController = undefined;
    clearTimeout(this.indexTimer);
    const token = ++this.loadToken;
    if ((this.editable || this.src) && isServer) {
      // A server render shows the loading state; the browser opens storage or downloads after hydration.
      this.loadState = 'loading';
      return;
    }
    if (this.editable) {
      this.loadState = 'loading';
      this.storeJob = loadOwner()
        .then((owner) => owner.WalletStore.open(this.storageKey))
        .then(async (store) => {
          if (token !== this.loadToken) {
            store.close();
            return undefined;
          }
          this.store?.close();
          this.store = store;
          this.readOnly = store.readOnly ? 'newer' : undefined;
          this.unsaved.clear();
          // Another tab (or wallet) changed it: show what is stored now.
          // (Said with mc-wallet-change too: what is saved changed, e.g. for a progress tracker.)
          store.onchange = () =>
            void this.reloadStore(store).then(() => {
              if (this.store === store) this.emit(new McWalletChangeEvent(this.records));
            });
          // A newer version opened it elsewhere: this connection is gone, nothing more can be saved.
          store.onclose = () => {
            if (this.store === store) this.readOnly = 'closed';
          };
          await this.reloadStore(store);
          this.interrupted = await store.interruptedImport().catch(() => false);
          this.loadState = 'loaded';
          return store;
        })
        .catch(() => {
          if (token !== this.loadToken) return undefined;
          // No IndexedDB (private mode, blocked): the wallet still works for this visit.
          this.storageFailed = true;
          this.loadState = 'loaded';
          return undefined;
        });
      return;
    }
    this.storeJob = undefined;
    if (this.credentials) {
      this.setInputs(this.credentials.map((input) => ({ input })));
      this.loadState = 'loaded';
    } else if (this.src) {
      this.loadState = 'loading';
      const controller = (this.abortController = new AbortController());
      loadOwner()
        .then((owner) =>
          owner.loadSource(this, new URL(this.src, document.baseURI).href, this.fetch, controller.signal),
        )
        .then(
          (items) => {
            if (token !== this.loadToken) return;
            this.setInputs(items);
            this.loadState = 'loaded';
          },
          async (e: unknown) => {
            if (token !== this.loadToken) return;
            this.entries = [];
            this.loadErrorCode = e instanceof Err ? e.code : undefined;
            this.loadState = 'error';
            const error = e instanceof Err ? e : new Err('network', String(e), { cause: e });
            this.emit(new McErrorEvent(error as McError));
          },
        );
    } else {
      this.entries = [];
      this.loadState = 'empty';
    }
  }

  /** Display mode: entries from inputs (summarised lazily, after the first render). */
  private setInputs(items: readonly { input: unknown; record?: WalletRecord; stack?: string }[]): void {
    this.entries = items.map(({ input, record, stack }, i) => {
      const entry: WalletEntry = {
        key: record?.key ?? `#${i}`,
        input,
        summary: record?.summary ?? (stack ? { ...EMPTY_SUMMARY, stack } : EMPTY_SUMMARY),
        indexed: !!record,
        featured: record?.featured ?? false,
        hidden: record?.hidden ?? false,
        order: record?.order ?? i,
        verification: record?.verification,
      };
      if (record) entry.record = record;
      return entry;
    });
    this.indexLater(0);
  }

  /** Owner mode: shows what `store` holds (if it is still this wallet's store). */
  /**
   * Shows what storage holds now. After a save (`seq`), only the latest save's reload counts: an
   * earlier one that finishes later would put back the order from before the newer change.
   */
  private async reloadStore(store: Owner.WalletStore, seq?: number): Promise<void> {
    let snapshot: Awaited<ReturnType<Owner.WalletStore['read']>>;
    try {
      snapshot = await store.read();
    } catch {
      return;
    }
    if (store !== this.store || (seq !== undefined && seq !== this.saveSeq)) return;
    this.unreadable = snapshot.unreadable;
    this.setRecords(snapshot.records);
  }

  /** Owner mode: entries from stored records (with results computed here and not saved yet). */
  private setRecords(records: readonly WalletRecord[]): void {
    const checking = this.checkingKeys;
    this.entries = [...records]
      .sort((a, b) => a.order - b.order)
      .map((record) => ({
        key: record.key,
        input: record.raw,
        record,
        summary: record.summary,
        indexed: true,
        featured: record.featured,
        hidden: record.hidden,
        order: record.order,
        verification: this.unsaved.get(record.key) ?? record.verification,
        checking: checking.has(record.key),
      }));
  }

  /** Summarises one entry (normalising it once). */
  private index(entry: WalletEntry): void {
    if (entry.indexed) return;
    entry.indexed = true;
    try {
      entry.summary = summarize(normalizeCredential(entry.input), entry.summary.stack);
    } catch {
      // Unreadable: the card shows why; the entry keeps an empty summary.
    }
  }

  /** Summarises every entry in slices of ~8 ms after rendering, so the first render is not held up. */
  private indexLater(from: number): void {
    clearTimeout(this.indexTimer);
    this.indexTimer = setTimeout(() => {
      const end = performance.now() + 8;
      let i = from;
      for (; i < this.entries.length && performance.now() < end; i++) this.index(this.entries[i]!);
      if (i < this.entries.length) return this.indexLater(i);
      // Every credential summarised: the filter menus can list them all.
      this.facetCache = undefined;
      if (this.filtering) this.compute();
      this.requestUpdate();
    }, 0);
  }

  private get filtering(): boolean {
    const q = this.query;
    return (
      !!(q.text || q.issuer || q.type || q.year || q.status) ||
      this.groupBy !== 'none' ||
      this.sortBy !== 'order'
    );
  }

  /** Applies search, filters, sort and grouping. */
  private compute(): void {
    const now = this.now ?? new Date();
    let list = this.editable ? this.entries : this.entries.filter((e) => !e.hidden);
    if (this.filtering) {
      for (const e of list) this.index(e);
      list = list.filter(matcher(this.query, now));
    }
    const collator = new Intl.Collator(this.localize.locale, { sensitivity: 'base', numeric: true });
    this.ordered = this.editable ? sortItems(this.entries, 'order') : [];
    this.shown = sortItems(list, this.sortBy, collator);
    this.groups = groupItems(this.shown, this.groupBy, collator);
  }

  /* ---------------- owner actions ---------------- */

  /**
   * Saves one change (owner mode): `write` gets the store. On success the wallet shows what is
   * stored and says so with `mc-wallet-change`; on failure it says the change was not saved and
   * shows what is stored (the change undone). Without storage at all, changes last this visit.
   */
  private async save(write: (store: Owner.WalletStore) => Promise<void>): Promise<boolean> {
    this.entries = [...this.entries];
    const store = this.store;
    const seq = ++this.saveSeq;
    // No storage at all (the banner says nothing is kept): the change lasts this visit, unsaved.
    if (!store) return true;
    try {
      if (this.readOnly) throw new DOMException('The wallet is read-only here.', 'ReadOnlyError');
      await write(store);
    } catch {
      this.saveFailed = true;
      await this.reloadStore(store, seq);
      return false;
    }
    this.saveFailed = false;
    await this.reloadStore(store, seq);
    this.emit(new McWalletChangeEvent(this.records));
    return true;
  }

  /** Saves the curation fields of `changed` (each record re-read and only these fields written). */
  private persist(
    changed: readonly WalletEntry[],
    fields: readonly ('featured' | 'hidden' | 'order')[],
  ): void {
    const patches = changed.map((e) => {
      const patch: Owner.WalletPatch = { key: e.key };
      for (const f of fields) (patch as unknown as Record<string, unknown>)[f] = e[f];
      return patch;
    });
    void this.save((store) => store.update(patches));
  }

  private toggle(entry: WalletEntry, field: 'featured' | 'hidden'): void {
    entry[field] = !entry[field];
    this.persist([entry], [field]);
  }

  /**
   * Moves an entry one place earlier (-1) or later (+1) among those shown in the owner's order, and
   * keeps the keyboard on it: focus goes to the same button on the moved credential (or, at an end,
   * its other move button), wherever its tile now is.
   */
  private async move(entry: WalletEntry, by: -1 | 1): Promise<void> {
    const list = sortItems(this.entries, 'order');
    const i = list.indexOf(entry);
    const other = list[i + by];
    if (!other || other.featured !== entry.featured) return;
    [entry.order, other.order] = [other.order, entry.order];
    this.announce(this.ws('moved', { name: this.name(entry), position: this.localize.number(i + by + 1) }));
    const shown = virtualizer?.nextRange(this.renderRoot);
    this.persist([entry, other], ['order']);
    await this.updateComplete;
    await shown;
    const [earlier, later] = this.renderRoot.querySelectorAll<HTMLButtonElement>(
      `[data-key="${CSS.escape(entry.key)}"] [data-move]`,
    );
    const wanted = by < 0 ? earlier : later;
    (wanted?.disabled ? (by < 0 ? later : earlier) : wanted)?.focus();
  }

  /** Moves `key` to just before `target` (drag and drop). */
  private moveBefore(key: string, target: WalletEntry): void {
    const list = sortItems(this.entries, 'order');
    const entry = list.find((e) => e.key === key);
    if (!entry || entry === target) return;
    const rest = list.filter((e) => e !== entry);
    rest.splice(rest.indexOf(target), 0, entry);
    const changed = rest.filter((e, i) => e.order !== i);
    rest.forEach((e, i) => (e.order = i));
    this.announce(
      this.ws('moved', { name: this.name(entry), position: this.localize.number(rest.indexOf(entry) + 1) }),
    );
    this.persist(changed, ['order']);
  }

  private async removeEntry(entry: WalletEntry): Promise<void> {
    if (this.confirmKey !== entry.key) {
      this.confirmKey = entry.key;
      return;
    }
    this.confirmKey = undefined;
    const name = this.name(entry);
    if (!this.store) this.entries = this.entries.filter((e) => e !== entry);
    if (!(await this.save((store) => store.delete([entry.key])))) return;
    this.announce(this.ws('removed', { name }));
    (this.renderRoot.querySelector('.toolbar input') as HTMLElement | null)?.focus();
  }

  /** Verifies entries (by key), a few at a time, announcing progress and a summary in words. */
  private async verifyEntries(keys: readonly string[], speak = true): Promise<void> {
    const list = this.entries.filter((e) => keys.includes(e.key));
    if (!list.length || this.progress) return;
    this.progress = { done: 0, total: list.length };
    if (speak) this.announce(this.ws('verifying', { done: 0, total: this.localize.number(list.length) }));
    for (const e of list) {
      e.checking = true;
      this.checkingKeys.add(e.key);
    }
    this.entries = [...this.entries];
    const owner = await loadOwner();
    await owner.verifyEntries(
      list,
      { fetch: this.fetch, now: this.now, workerUrl: this.verifyWorker },
      (entry) => {
        entry.checking = false;
        this.checkingKeys.delete(entry.key);
        if (this.editable && entry.verification) {
          this.unsaved.set(entry.key, entry.verification);
          // The wallet may have been reloaded from storage meanwhile (another tab changed it).
          const shown = this.entries.find((e) => e.key === entry.key);
          if (shown && shown !== entry)
            Object.assign(shown, { checking: false, verification: entry.verification });
        }
        const progress = { done: this.progress!.done + 1, total: list.length };
        this.progress = progress;
        this.entries = [...this.entries];
        if (speak && (progress.done % 10 === 0 || progress.done === progress.total))
          this.announce(
            this.ws('verifying', {
              done: this.localize.number(progress.done),
              total: this.localize.number(progress.total),
            }),
          );
      },
    );
    this.progress = undefined;
    const counts = new Map<string, number>();
    for (const e of list)
      counts.set(
        e.verification?.outcome ?? 'unknown',
        (counts.get(e.verification?.outcome ?? 'unknown') ?? 0) + 1,
      );
    const words = (['verified', 'expired', 'revoked', 'invalid', 'unknown'] as const)
      .filter((o) => counts.get(o))
      .map((o) => this.ws(`sum.${o}`, { n: this.localize.number(counts.get(o)!) }));
    if (speak) this.announce(new Intl.ListFormat(this.localize.locale, { type: 'unit' }).format(words));
    if (this.editable) await this.saveVerifications(list);
  }

  /** Saves the results of `list` (only the results: nothing else of the records is written). */
  private async saveVerifications(list: readonly WalletEntry[]): Promise<void> {
    // Read-only here (the banner says so): the results stay for this visit.
    if (this.readOnly) return;
    const results = list.flatMap((e) =>
      e.verification ? [{ key: e.key, verification: e.verification }] : [],
    );
    if (await this.save((store) => store.setVerifications(results)))
      for (const { key } of results) this.unsaved.delete(key);
  }

  /* ---------------- dialog, drop, announcements ---------------- */

  private openDialog(dialog: NonNullable<McBadgeWallet['dialog']>): void {
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    this.opener = (active as HTMLElement | null) ?? undefined;
    // A new import starts with an empty result list (the last one was announced when it ended).
    if (dialog.kind === 'import' && !this.importing) this.importResults = undefined;
    this.dialog = dialog;
    if (!panels) void loadPanels().then(() => this.requestUpdate());
  }

  private handleDialogClose(): void {
    this.dialog = undefined;
    this.confirmKey = undefined;
    const opener = this.opener;
    this.opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  private closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private handleDragOver(e: DragEvent): void {
    if (!this.editable || !e.dataTransfer) return;
    if (this.dragKey || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = this.dragKey ? 'move' : 'copy';
    }
  }

  private handleDrop(e: DragEvent): void {
    if (!this.editable) return;
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    const key = this.dragKey;
    this.dragKey = undefined;
    if (key) {
      const tile = (e.composedPath() as Element[]).find(
        (el) => el instanceof HTMLElement && el.dataset['key'],
      );
      const target = this.entries.find((en) => en.key === (tile as HTMLElement | undefined)?.dataset['key']);
      if (target) this.moveBefore(key, target);
    } else if (files.length) {
      void this.importItems(files);
    }
  }

  /** Dispatches an event (events are documented in the class JSDoc). */
  private emit(event: Event): void {
    this.dispatchEvent(event);
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  /** The name shown for an entry (its summary, computed when first needed). */
  private name(entry: WalletEntry): string {
    this.index(entry);
    return entry.summary.name || this.localize.t('untitled');
  }

  /** The status an entry's chip shows. */
  private status(entry: WalletEntry): WalletStatus | 'checking' | 'invalid' | 'unknown' {
    if (entry.checking) return 'checking';
    const status = statusOf(entry, this.now ?? new Date());
    if (status === 'unverified' && entry.verification)
      return entry.verification.outcome === 'invalid' ? 'invalid' : 'unknown';
    return status;
  }

  /* ---------------- rendering ---------------- */

  protected override render(): TemplateResult {
    const { ws } = this;
    const total = this.editable ? this.entries.length : this.entries.filter((e) => !e.hidden).length;
    const virtual = this.shown.length > VIRTUALIZE_AT;
    if (virtual && !virtualizer) void loadVirtualizer().then(() => this.requestUpdate());
    return html`<section
      part="base"
      class="base"
      aria-label=${this.label || ws('label')}
      aria-busy=${this.loadState === 'loading' ? 'true' : nothing}
      @dragover=${this.handleDragOver}
      @drop=${this.handleDrop}
      @mc-error=${stopEvent}
    >
      ${this.loadState === 'loaded' && (total > 0 || this.editable) ? this.renderToolbar(total) : nothing}
      <p part="status" class="status" role="status">${this.statusText(total)}</p>
      ${this.storageFailed ? html`<p class="error" role="alert">${ws('storageError')}</p>` : nothing}
      ${
        this.readOnly
          ? html`<p class="error" role="alert">
              ${ws(this.readOnly === 'newer' ? 'readOnly' : 'closedElsewhere')}
            </p>`
          : nothing
      }
      ${
        this.editable && this.unreadable
          ? html`<p class="error" role="alert">
              ${
                this.unreadable === 1
                  ? ws('unreadableOne')
                  : ws('unreadable', { n: this.localize.number(this.unreadable) })
              }
            </p>`
          : nothing
      }
      ${this.editable && this.interrupted ? html`<p class="error" role="alert">${ws('importInterrupted')}</p>` : nothing}
      ${this.editable && this.saveFailed ? html`<p class="error" role="alert">${ws('saveFailed')}</p>` : nothing}
      ${
        this.loadState === 'error'
          ? html`<p class="error" role="alert">
              ${ws(this.loadErrorCode === 'timeout' ? 'loadTimeout' : 'loadError')}
            </p>`
          : nothing
      }
      ${
        this.loadState === 'empty' || (this.loadState === 'loaded' && total === 0)
          ? html`<div class="empty"><slot></slot></div>`
          : nothing
      }
      ${virtual ? this.renderVirtual() : this.renderGroups()} ${this.dialog ? this.renderDialog() : nothing}
    </section>`;
  }

  private statusText(total: number): string {
    const { ws } = this;
    if (this.loadState === 'loading') return ws('loading');
    if (this.announcement) return this.announcement;
    if (this.loadState !== 'loaded') return '';
    if (total === 0) return ws(this.editable ? 'emptyOwner' : 'empty');
    if (this.shown.length === 0) return ws('noMatch');
    if (this.shown.length < total)
      return ws('countOne', {
        shown: this.localize.number(this.shown.length),
        total: this.localize.number(total),
      });
    return total === 1 ? ws('countAllOne') : ws('countAll', { total: this.localize.number(total) });
  }

  private renderToolbar(total: number): TemplateResult {
    const { ws } = this;
    const facets = this.facets();
    const select = (
      label: string,
      value: string,
      options: [string, string][],
      change: (v: string) => void,
    ): TemplateResult =>
      html`<label class="field"
        ><span>${label}</span>
        <select @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
        </select></label
      >`;
    const all: [string, string] = ['', ws('all')];
    const setQuery = (patch: Partial<McBadgeWallet['query']>) => {
      this.announcement = '';
      this.query = { ...this.query, ...patch };
    };
    return html`<div part="toolbar" class="toolbar">
      ${
        this.editable || total
          ? html`<div class="wallet-actions">
              ${
                this.editable
                  ? html`<button
                      type="button"
                      class="import-button"
                      ?disabled=${!!this.readOnly}
                      @click=${() => this.openDialog({ kind: 'import' })}
                    >
                      ${ws('import')}
                    </button>`
                  : nothing
              }
              ${
                total
                  ? html`<button
                      type="button"
                      ?disabled=${!!this.progress}
                      @click=${() => void this.verifyAll()}
                    >
                      ${ws('verifyAll')}
                    </button>`
                  : nothing
              }
              ${
                this.editable && total
                  ? html`<button
                      type="button"
                      @click=${() => void loadOwner().then((o) => o.downloadWallet(this.records, this.now))}
                    >
                      ${ws('exportWallet')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <div class="filters">
        <label class="field search"
          ><span>${ws('search')}</span>
          <input
            type="search"
            .value=${this.query.text}
            @input=${(e: Event) => setQuery({ text: (e.target as HTMLInputElement).value })}
        /></label>
        ${
          total > 1
            ? html`${select(
                ws('issuer'),
                this.query.issuer ?? '',
                [all, ...facets.issuers.map((i): [string, string] => [i, i])],
                (v) => setQuery({ issuer: v || undefined }),
              )}
              ${select(
                ws('type'),
                this.query.type ?? '',
                [all, ...facets.types.map((t): [string, string] => [t, this.typeLabel(t)])],
                (v) => setQuery({ type: v || undefined }),
              )}
              ${select(
                ws('year'),
                String(this.query.year ?? ''),
                [all, ...facets.years.map((y): [string, string] => [String(y), String(y)])],
                (v) => setQuery({ year: v ? Number(v) : undefined }),
              )}
              ${select(
                ws('status'),
                this.query.status ?? '',
                [
                  all,
                  ...(['verified', 'expired', 'revoked', 'unverified'] as const).map(
                    (s): [string, string] => [s, ws(`status.${s}`)],
                  ),
                ],
                (v) => setQuery({ status: (v || undefined) as WalletStatus | undefined }),
              )}
              ${select(
                ws('groupBy'),
                this.groupBy,
                (['none', 'issuer', 'stack', 'year', 'type'] as const).map((g): [string, string] => [
                  g,
                  ws(`group.${g}`),
                ]),
                (v) => (this.groupBy = v as WalletGroup),
              )}
              ${select(
                ws('sortBy'),
                this.sortBy,
                (['order', 'name', 'newest', 'oldest', 'issuer'] as const).map((s): [string, string] => [
                  s,
                  ws(`sort.${s}`),
                ]),
                (v) => (this.sortBy = v as WalletSort),
              )}`
            : nothing
        }
      </div>
    </div>`;
  }

  /** The filter menus' values, from the credentials summarised so far (kept until they change). */
  private facets(): WalletFacets {
    const locale = this.localize.locale;
    if (this.facetCache?.locale !== locale) {
      const collator = new Intl.Collator(locale, { sensitivity: 'base' });
      this.facetCache = {
        locale,
        value: facets(
          this.entries.filter((e) => e.indexed),
          collator,
        ),
      };
    }
    return this.facetCache.value;
  }

  /** The one label of an achievement type (as the card shows it): translated, else in words. */
  private typeLabel(type: string): string {
    return achievementTypeLabel(this.localize, type);
  }

  private groupLabel(key: string): string {
    if (key) return this.groupBy === 'type' ? this.typeLabel(key) : key;
    return this.ws(`none.${this.groupBy as 'issuer' | 'stack' | 'year' | 'type'}`);
  }

  private renderGroups(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    return html`${this.groups.map(
      (g) =>
        html`${
            this.groupBy !== 'none'
              ? heading(
                  Math.max(1, level - 1),
                  html`${this.groupLabel(g.key)}
                    <span class="count">(${this.localize.number(g.items.length)})</span>`,
                  {
                    part: 'group',
                  },
                )
              : nothing
          }
          <ul part="grid" class="grid">
            ${repeat(
              g.items,
              (e) => e.key,
              (e) => html`<li class="cell">${this.renderTile(e)}</li>`,
            )}
          </ul>`,
    )}`;
  }

  private renderVirtual(): TemplateResult {
    if (!virtualizer) return html``;
    const rows: Row[] = [];
    for (const g of this.groups) {
      if (this.groupBy !== 'none') rows.push({ head: g.key, count: g.items.length });
      for (let i = 0; i < g.items.length; i += this.cols)
        rows.push({ tiles: g.items.slice(i, i + this.cols) });
    }
    const level = headingLevel(this.headingLevel);
    return html`<div class="virtual" part="grid">
      ${virtualizer.virtualize({
        layout: virtualizer.rows,
        items: rows,
        // Rows are keyed by position: when a search changes what is shown, the cards in view are
        // given new credentials instead of being made anew (half the cost of a keystroke).
        keyFunction: (_row: Row, i: number) => i,
        renderItem: (row: Row) =>
          'head' in row
            ? html`<div class="row">
                ${heading(
                  Math.max(1, level - 1),
                  html`${this.groupLabel(row.head)}
                    <span class="count">(${this.localize.number(row.count)})</span>`,
                  {
                    part: 'group',
                  },
                )}
              </div>`
            : html`<div class="row tiles" style="--_cols: ${this.cols}">
                ${row.tiles.map((e) => this.renderTile(e))}
              </div>`,
      })}
    </div>`;
  }

  private renderTile(entry: WalletEntry): TemplateResult {
    const { ws } = this;
    const name = this.name(entry);
    const status = this.status(entry);
    const locked = !!this.readOnly;
    const draggable = this.editable && !locked && this.sortBy === 'order' && !this.filtering;
    const order = draggable ? this.ordered : [];
    const at = order.indexOf(entry);
    const canMove = (by: -1 | 1) => !!order[at + by] && order[at + by]!.featured === entry.featured;
    const bad = status === 'expired' || status === 'revoked' || status === 'invalid';
    return html`<div
      part="item"
      class=${entry.hidden ? 'tile is-hidden' : 'tile'}
      data-key=${entry.key}
      draggable=${draggable ? 'true' : 'false'}
      @dragstart=${
        draggable
          ? (e: DragEvent) => {
              this.dragKey = entry.key;
              e.dataTransfer?.setData('text/plain', name);
            }
          : nothing
      }
      @dragend=${() => (this.dragKey = undefined)}
    >
      <mc-credential-card
        variant="compact"
        .credential=${entry.input}
        .now=${this.now}
        heading-level=${this.headingLevel}
      >
        <p slot="status" class="marks">
          <span part="chip" class=${`chip ${bad ? 'bad' : status === 'verified' ? 'good' : ''}`}
            >${ws(status === 'unverified' && !entry.verification ? 'status.unchecked' : `status.${status}`)}</span
          >
          ${entry.featured ? html`<span class="mark">${icon(starIcon)}${ws('featured')}</span>` : nothing}
          ${entry.hidden ? html`<span class="mark">${ws('hiddenMark')}</span>` : nothing}
        </p>
      </mc-credential-card>
      <div part="actions" class="actions">
        <button
          type="button"
          aria-label=${`${ws('details')}: ${name}`}
          @click=${() => this.openDetails(entry.key)}
        >
          ${ws('details')}
        </button>
        ${
          this.editable
            ? html`<button
                  type="button"
                  ?disabled=${locked}
                  aria-pressed=${entry.featured ? 'true' : 'false'}
                  aria-label=${`${ws('feature')}: ${name}`}
                  @click=${() => this.toggle(entry, 'featured')}
                >
                  ${ws('feature')}
                </button>
                <button
                  type="button"
                  ?disabled=${locked}
                  aria-pressed=${entry.hidden ? 'true' : 'false'}
                  aria-label=${`${ws('hide')}: ${name}`}
                  @click=${() => this.toggle(entry, 'hidden')}
                >
                  ${ws('hideShort')}
                </button>
                ${
                  draggable
                    ? html`<span class="moves"
                        ><button
                          type="button"
                          data-move
                          class="move"
                          aria-label=${`${ws('moveEarlier')}: ${name}`}
                          title=${ws('moveEarlier')}
                          ?disabled=${!canMove(-1)}
                          @click=${() => void this.move(entry, -1)}
                        >
                          ${icon(arrowIcon)}
                        </button>
                        <button
                          type="button"
                          data-move
                          class="move later"
                          aria-label=${`${ws('moveLater')}: ${name}`}
                          title=${ws('moveLater')}
                          ?disabled=${!canMove(1)}
                          @click=${() => void this.move(entry, 1)}
                        >
                          ${icon(arrowIcon)}
                        </button></span
                      >`
                    : nothing
                }
                <button
                  type="button"
                  class="danger"
                  ?disabled=${locked}
                  aria-label=${`${ws(this.confirmKey === entry.key ? 'confirmRemove' : 'remove')}: ${name}`}
                  @click=${() => void this.removeEntry(entry)}
                >
                  ${ws(this.confirmKey === entry.key ? 'confirmRemove' : 'remove')}
                </button>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderDialog(): TemplateResult {
    const dialog = this.dialog!;
    const entry = dialog.kind === 'details' ? this.entries.find((e) => e.key === dialog.key) : undefined;
    const title = dialog.kind === 'import' ? this.ws('importTitle') : entry ? this.name(entry) : '';
    // A credential's card says its name once, as a heading: the dialog is named, not titled twice.
    return html`<dialog part="dialog" aria-label=${title} @close=${this.handleDialogClose}>
      <div class="dialog-head">
        ${dialog.kind === 'import' ? html`<h2>${title}</h2>` : nothing}
        <button type="button" class="close" @click=${this.closeDialog}>${this.ws('close')}</button>
      </div>
      ${
        panels
          ? dialog.kind === 'import'
            ? panels.renderImport(this.panelsHost(), {
                importing: this.importing,
                results: this.importResults,
              })
            : entry
              ? panels.renderDetails(this.panelsHost(), entry)
              : nothing
          : html`<p>${this.ws('loading')}</p>`
      }
    </dialog>`;
  }

  /** What the dialog's panels (a lazy chunk) may use of the wallet, and nothing more. */
  private panelsHost(): Panels.PanelsHost {
    return {
      ws: this.ws,
      name: (entry) => this.name(entry),
      importItems: (sources) => this.importItems(sources),
      scriptSrc: () => this.scriptSrc(),
      recordVerification: (entry, outcome) => this.recordVerification(entry, outcome),
      requestUpdate: () => this.requestUpdate(),
      now: this.now,
      fetch: this.fetch,
      headingLevel: this.headingLevel,
    };
  }

  /**
   * The address of `microcred.js` for embed snippets: `embed-script`, else the `embedScript` option
   * of the nearest `<mc-provider>`, else the page's own Microcred script; `''` when none is known
   * (then no snippet is offered: there is no default CDN address).
   */
  private scriptSrc(): string {
    const given = this.embedScript || providedValue(this)?.options['embedScript'];
    if (given && typeof given == 'string') return new URL(given, document.baseURI).href;
    return (
      document.querySelector<HTMLScriptElement>('script[src$="/microcred.js"],script[src$="/autoloader.js"]')
        ?.src ?? ''
    );
  }

  /** Records a verification made in the dialog (by its verify button). */
  private recordVerification(
    entry: WalletEntry,
    outcome: NonNullable<WalletEntry['verification']>['outcome'],
  ): void {
    entry.verification = { outcome, checked: (this.now ?? new Date()).toISOString() };
    if (this.editable) {
      this.unsaved.set(entry.key, entry.verification);
      void this.saveVerifications([entry]);
    } else this.entries = [...this.entries];
  }
}

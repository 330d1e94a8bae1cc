import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import {
  McError as Err,
  type ImportItemResult,
  type ImportSource,
  type McError,
  type WalletGroup,
  type WalletRecord,
  type WalletSort,
} from '@microcred/core';
import { McElement } from '../internal/mc-element.js';
import { providedValue } from '../provider/provider-context.js';
import { FocusKeeper } from './focus-keeper.js';
// Static imports: a dynamic import of a module that others import statically makes the bundler
// build a namespace object (and a runtime helper) that every element's first load then pays for.
import { McErrorEvent } from '../events.js';
import { ownerStrings, strings } from './badge-wallet-strings.js';
import { WalletData } from './badge-wallet-data.js';
import { WalletDrag } from './badge-wallet-drag.js';
import { index, WalletQueryController } from './badge-wallet-query.js';
import {
  arriving,
  colsFor,
  loadPanels,
  renderDialog,
  renderGrid,
  renderStatus,
  renderToolbar,
  stopEvent,
  total,
  type WalletView,
} from './badge-wallet-templates.js';
import type { BadgeWalletState, WalletContext, WalletDialog } from './types.js';
import styles from './badge-wallet.styles.js';
import { marked } from '../i18n/named.js';
import { sentence } from '@microcred/core/model/issuer-text.js';
import { nameLang } from './name-lang.js';

export type { BadgeWalletState, WalletEntry } from './types.js';

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
 * next load. With an `owner` (set by the page, or by the owner once in the import dialog, and kept in
 * the stored wallet), each imported credential is checked with core's `verifyRecipient` (plain and
 * hashed Open Badges 2.0 recipients, OB 3.0 `credentialSubject.id` and `identifier`s): one awarded
 * to someone else is still imported, and its result says so in words (`otherRecipient` in
 * `mc-imported`); one that names no recipient cannot be checked and says nothing. Each imported
 * credential is then verified. A status shows only a result this browser
 * computed (a result written in a wallet file is never shown), else "Not checked yet".
 *
 * The stored wallet is versioned: a database of an earlier version is upgraded with its credentials,
 * one of a newer version is shown read-only (with a message), a stored credential that cannot be
 * read is left as it is and counted, and a change that could not be saved is said. Changes are
 * written field by field (Hide never writes an old copy of a result, nor Verify all an old Hide), and
 * other tabs on the same `storage-key` reload when one changes it.
 *
 * In owner mode each tile shows Details and a Manage disclosure (a `<details>` named with the
 * credential) that holds Feature, Hide, Move earlier, Move later and Remove.
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
 * (files, links, paste; each checked against the owner's email or web address), persistent storage, featured and hidden choices, reordering, verify-all,
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
 * @csspart chip - The verification status of a credential (an icon and words, the ones `<mc-verify-button>` and `<mc-progress-tracker>` use).
 * @csspart actions - The buttons under a credential.
 * @csspart group - The heading of a group.
 * @csspart dialog - The dialog that shows one credential in full, or the import form.
 * @csspart import - The import form and its per-item results.
 *
 * @cssproperty [--mc-color-accent=light-dark(#1f5fa6, #8ab4f8)] - Accent: focus rings, featured marks, the drop zone.
 * @cssproperty [--mc-color-border=color-mix(in srgb, currentColor 25%, transparent)] - Borders of controls and chips.
 * @cssproperty [--mc-color-surface=Canvas] - Background of the dialog.
 * @cssproperty [--mc-color-success=light-dark(#1b6e3a, #8fd6a5)] - The "Verified" chip.
 * @cssproperty [--mc-color-danger=light-dark(#b3261e, #f2b8b5)] - The "Revoked" and "Failed verification" chips, and errors.
 * @cssproperty [--mc-color-warning=light-dark(#8a5a00, #f5c46b)] - The "Expired", "Suspended" and "Could not verify" chips.
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
 * @event {McImportedEvent} mc-imported - An import finished; `event.results` has one result per item (with `otherRecipient: true` on one awarded to someone other than `owner`).
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
    owner: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    label: {},
    embedScript: { attribute: 'embed-script' },
    verifyWorker: { attribute: 'verify-worker' },
    verifyShown: { type: Boolean, attribute: 'verify-shown' },
    fetch: { attribute: false },
    now: { attribute: false },
    groupBy: { attribute: 'group-by' },
    sortBy: { attribute: 'sort-by' },
  };

  /** Credentials to show in display mode: objects, JSON text or compact JWS strings. Property only; takes precedence over `src`. */
  credentials: readonly unknown[] | undefined;

  /** Address of the credentials to show in display mode: a JSON array, a wallet export file, a CLR 2.0 credential or an OB 3.0 API `credentials` response. Inside an `<mc-provider>` whose client serves that API (`<base-url>/credentials`), the client reads every page with its token. */
  src = '';

  /** Owner mode: the wallet kept in this browser, with import, curation, verify all, sharing and export. */
  editable = false;

  /** Which stored wallet owner mode uses (one IndexedDB database per key). */
  storageKey = 'default';

  /**
   * Owner mode: whom this wallet belongs to — an email (`ana@example.org`), a web address or an id
   * (a DID) — against which each import is checked. Set by the page, or by the owner in the import
   * dialog (then kept in the stored wallet, and read back when the page sets none). `''`: no check.
   */
  owner = '';

  /** The wallet region's accessible name (default: "Badge wallet", translated). Give each wallet on a page its own, e.g. "Ana's portfolio". */
  label = '';

  /** Heading level (1–6) of each credential's name; group headings use one level above. */
  headingLevel = 3;

  /** Address of `microcred.js` written into embed snippets (default: a provider's `embedScript` option, else the script this page loaded Microcred from; with none, no snippet is offered). */
  embedScript = '';

  /** Address of core's `verify-worker.js`, when a bundler moved it (default: beside core's `verify-many.js`); verification runs on the page if the worker cannot start. */
  verifyWorker = '';

  /**
   * Display mode: verifies each credential shown (one the search and filters leave) once its tile is
   * in view or within 200 px of it, quietly and after it is drawn (drawing never waits), so that the
   * tile says "Verified", "Revoked", "Expired"… instead of "Not checked yet" (what "Verify all" does,
   * without its announcements). In a long list only the rows drawn in view are checked, the others
   * when scrolled to; a wallet out of sight (e.g. `display: none`) checks nothing until it is seen.
   * Each credential is checked once.
   */
  verifyShown = false;

  /** The `fetch` used for `src`, imported addresses and verification (e.g. one that adds credentials or caches). Property only; default `globalThis.fetch`. */
  fetch: typeof globalThis.fetch | undefined;

  /** How credentials are grouped at first: `none`, `issuer`, `stack`, `year` or `type` (visitors can change it). */
  groupBy: WalletGroup = 'none';

  /** How credentials are sorted at first: `order` (the owner's), `name`, `newest`, `oldest` or `issuer` (visitors can change it). */
  sortBy: WalletSort = 'order';

  /** The instant expiry is judged at (default: now). Property only. */
  now: Date | undefined;

  /** Translates a wallet string. */
  readonly #ws = this.localize.use(strings);
  /** Translates an owner wallet string (loaded in owner mode only). */
  readonly #os = this.localize.use(ownerStrings, () => this.editable);

  /** What the controllers and templates may use of the wallet. */
  readonly #w: WalletContext = {
    host: this,
    ws: this.#ws,
    os: this.#os,
    l: this.localize,
    say: (text) => {
      this.#said = text;
      this.requestUpdate();
    },
    // "Untitled credential" is ours (page language); a credential's name is in the language it declared.
    sayNamed: (text, entry) => this.#w.say(sentence(text, marked(this.#w.name(entry), nameLang(entry)))),
    name: (entry) => {
      index(entry);
      return entry.summary.name || this.localize.t('untitled');
    },
  };

  /** The credentials, the stored wallet, imports and verification. */
  readonly #data = new WalletData(this.#w);

  /**
   * Display mode with `credentials` (or with nothing at all): shown at once, in the update that
   * sets them (on a server too), without the task; setting them again keeps the toolbar and focus.
   */
  get #direct(): boolean {
    return !this.editable && (!!this.credentials || !this.src);
  }

  /**
   * Loads what takes time: the stored wallet (owner mode), else the list at `src` (a new run aborts
   * the one before, and leaving the page aborts it too).
   */
  readonly #task = new Task(this, {
    args: () => [this.editable, this.storageKey, !this.#direct && this.src] as const,
    task: async ([editable, key, src], { signal }): Promise<BadgeWalletState | typeof initialState> => {
      if (editable) await this.#data.open(key, signal);
      else if (!src) return initialState;
      else
        try {
          const items = await (
            await import('./badge-wallet-source.js')
          ).loadSource(this, new URL(src, document.baseURI).href, this.fetch, signal);
          signal.throwIfAborted();
          this.#data.show(items);
        } catch (e) {
          if (!signal.aborted) {
            this.#data.show([]);
            this.dispatchEvent(
              new McErrorEvent(
                e instanceof Err ? e : (new Err('network', String(e), { cause: e }) as McError),
              ),
            );
          }
          throw e;
        }
      return 'loaded';
    },
  });

  /** Search, filters, grouping and sorting. */
  readonly #q = new WalletQueryController(this.#w, this.#data);
  /** Drag and drop, and the move buttons. */
  readonly #drag = new WalletDrag(this.#w, this.#data);

  #said: string | readonly unknown[] = '';
  #cols = 1;
  #dialog: WalletDialog | undefined;
  #opener: HTMLElement | undefined;
  #resize: ResizeObserver | undefined;

  constructor() {
    super();
    // A credential moved by its buttons (or reloaded in a new order) keeps the keyboard focus.
    new FocusKeeper(this);
  }

  /** `empty`, `loading`, `loaded` or `error`. Read-only. */
  get state(): BadgeWalletState {
    if (this.#direct) return this.credentials ? 'loaded' : 'empty';
    const { status, value } = this.#task;
    return status === TaskStatus.COMPLETE
      ? (value as BadgeWalletState)
      : status === TaskStatus.ERROR
        ? 'error'
        : status || (isServer && (this.editable || this.src))
          ? 'loading'
          : 'empty';
  }

  /** The stored records (owner mode), in the owner's order. Read-only. */
  get records(): WalletRecord[] {
    return this.#data.records;
  }

  /** How many credentials the current search and filters show. Read-only. */
  get shownCount(): number {
    return this.#q.shown.length;
  }

  /** Settles when the stored wallet is open (owner mode) and loaded. */
  get ready(): Promise<void> {
    return this.updateComplete.then(() => undefined);
  }

  /**
   * Imports files, text or addresses (what the form and a drop do), as one transaction.
   * Owner mode only.
   * @returns one result per item.
   */
  async importItems(sources: readonly (ImportSource | File)[]): Promise<readonly ImportItemResult[]> {
    return this.editable
      ? this.#data.import(
          sources,
          this.#task.taskComplete.catch(() => {}),
        )
      : [];
  }

  /** Verifies every credential shown (or the given keys), announcing progress and a summary in words. */
  async verifyAll(): Promise<void> {
    await this.#data.verify(this.#q.shown.map((e) => e.key));
  }

  /** Opens the dialog with one credential in full (its verify button, sharing and export). */
  openDetails(key: string): void {
    this.#open({ kind: 'details', key });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.#task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#task.abort();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  /** The load under way and the lazy parts on their way. */
  protected override pending(): unknown[] {
    const task = this.#task;
    return [task.status === TaskStatus.PENDING && task.taskComplete.catch(() => {}), ...arriving()];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      this.#direct &&
      (!this.hasUpdated || changed.has('credentials') || changed.has('src') || changed.has('editable'))
    )
      this.#data.show((this.credentials ?? []).map((input) => ({ input })));
    // A server render skips controllers' hostUpdate (@lit-labs/ssr): the query is brought up to date here.
    if (isServer) this.#q.hostUpdate();
    // The columns the first render lays out (the resize observer keeps them right after).
    if (!this.hasUpdated && !isServer) this.#cols = colsFor(this.getBoundingClientRect().width);
    // Owner tiles' Manage disclosures and the owner's identity are in the panels chunk.
    if (this.editable && !isServer) loadPanels(this);
  }

  protected override firstUpdated(): void {
    this.#resize = new ResizeObserver(([entry]) => {
      const cols = colsFor(entry?.contentRect.width ?? 0);
      // After this frame's layout: changing the grid inside the observer would loop.
      if (cols !== this.#cols)
        setTimeout(() => {
          this.#cols = cols;
          this.requestUpdate();
        }, 0);
    });
    this.#resize.observe(this.renderRoot.querySelector('.base')!);
  }

  protected override updated(): void {
    this.toggleState('loading', this.state === 'loading');
    this.toggleState('editable', this.editable);
    this.toggleState('importing', this.#data.importing);
    this.toggleState('verifying', !!this.#data.progress);
    // verify-shown: the tiles in view never checked, after this update (a lazy chunk)
    if (this.verifyShown && !this.editable && this.state === 'loaded') {
      const shown = this.#q.shown;
      void import('./badge-wallet-shown.js').then((m) =>
        m.verifyInView(this, shown, (keys) => this.#data.verify(keys, false)),
      );
    }
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.#dialog && dialog && !dialog.open) dialog.showModal();
  }

  #open(dialog: WalletDialog): void {
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    this.#opener = (active as HTMLElement | null) ?? undefined;
    // A new import starts with an empty result list (the last one was announced when it ended).
    if (dialog.kind === 'import' && !this.#data.importing) this.#data.results = undefined;
    this.#dialog = dialog;
    this.requestUpdate();
    loadPanels(this);
  }

  #closed = (): void => {
    this.#dialog = this.#data.confirm = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    this.requestUpdate();
  };

  protected override render(): TemplateResult {
    const v: WalletView = {
      ...this.#w,
      data: this.#data,
      q: this.#q,
      drag: this.#drag,
      state: this.state,
      error: (this.#task.error as McError | undefined)?.code,
      said: this.#said,
      cols: this.#cols,
      open: (d) => this.#open(d),
      closed: this.#closed,
      embedScript: this.#dialog && (this.embedScript || providedValue(this)?.options['embedScript']),
    };
    const n = total(v);
    const direct = this.#direct;
    const empty = html`<div class="empty"><slot></slot></div>`;
    return html`<section
      part="base"
      class="base"
      aria-label=${this.label || this.#ws('label')}
      aria-busy=${v.state === 'loading' ? 'true' : nothing}
      @dragover=${this.#drag.over}
      @drop=${this.#drag.drop}
      @mc-error=${stopEvent}
    >
      ${
        direct
          ? n
            ? renderToolbar(v, n)
            : nothing
          : this.#task.render({ complete: () => (n || this.editable ? renderToolbar(v, n) : nothing) })
      }
      ${renderStatus(v, n)}
      ${
        direct
          ? n
            ? nothing
            : empty
          : this.#task.render({
              initial: () => (v.state === 'empty' ? empty : nothing),
              complete: () => (n ? nothing : empty),
            })
      }
      ${renderGrid(v)} ${this.#dialog ? renderDialog(v, this.#dialog) : nothing}
    </section>`;
  }
}

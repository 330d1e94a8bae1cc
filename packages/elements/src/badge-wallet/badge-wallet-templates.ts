/**
 * `<mc-badge-wallet>`'s templates: the toolbar (actions, search, filter, group and sort menus), the
 * status and alerts, the grid (plain or virtualised) of tiles, and the dialog's frame. Pure
 * functions of a narrow typed view of the wallet ({@link WalletView}), never the element. The
 * virtualizer and the dialog's panels are lazy chunks, loaded here on first use.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { statusOf, type WalletGroup, type WalletSort, type WalletStatus } from '@microcred/core';
import { heading, headingLevel } from '../internal/heading.js';
import { statusIcon, type Status } from '../status/status.js';
import { achievementTypeLabel } from '../i18n/localize.js';
import { named } from '../i18n/named.js';
import { nameLang } from './name-lang.js';
import { loadOwner, type WalletData } from './badge-wallet-data.js';
import type { WalletDrag } from './badge-wallet-drag.js';
import type { WalletQueryController } from './badge-wallet-query.js';
import type * as Panels from './badge-wallet-panels.js';
import type * as Virtualize from './badge-wallet-virtual.js';
import type { BadgeWalletState, WalletContext, WalletDialog, WalletEntry } from './types.js';

/** What the templates may use of the wallet. */
export interface WalletView extends WalletContext, Panels.PanelsHost {
  data: WalletData;
  q: WalletQueryController;
  drag: WalletDrag;
  state: BadgeWalletState;
  /** Why `src` could not be loaded (an error code), when it could not. */
  error: string | undefined;
  /** The last announcement (progress, results), if it still stands. */
  said: string | readonly unknown[];
  /** Columns of the virtualised grid. */
  cols: number;
  /** Opens the dialog (the import form). */
  open(dialog: WalletDialog): void;
  /** The dialog closed. */
  closed(): void;
}

/* ---- lazy parts, shared by every wallet on the page ---- */

let virtualizer: typeof Virtualize | undefined;
let virtualizerJob: Promise<unknown> | undefined;
let panels: typeof Panels | undefined;
let panelsJob: Promise<unknown> | undefined;

/** Loads the dialog's panels (once per page), then re-renders the wallet. */
export function loadPanels(host: ReactiveControllerHost): void {
  if (!panels)
    void (panelsJob ??= import('./badge-wallet-panels.js').then((m) => (panels = m))).then(() =>
      host.requestUpdate(),
    );
}

/** The lazy parts still on their way. */
export const arriving = (): unknown[] => [!panels && panelsJob, !virtualizer && virtualizerJob];

/** Settles when the virtualised grid in `root`, if there is one, next shows new items. */
export const nextRange = (root: ParentNode): Promise<void> | undefined => virtualizer?.nextRange(root);

/** Above this many credentials the grid is virtualised (only the rows in view are rendered). */
const VIRTUALIZE_AT = 60;

const icon = (d: string): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;
const starIcon = 'M8 1l2.1 4.5 4.9.6-3.6 3.4.9 4.9L8 12l-4.3 2.4.9-4.9L1 6.1l4.9-.6z';
/** An arrow pointing to the inline start (flipped for the end, and in right-to-left pages). */
const arrowIcon = 'M7 3 2 8l5 5 1.1-1.1L4.9 8.8H14V7.2H4.9L8.1 4.1z';

const alert = (on: unknown, text: () => string) =>
  on ? html`<p class="error" role="alert">${text()}</p>` : nothing;

/** How many credentials there are to show (hidden ones only in owner mode). */
export const total = (v: WalletView): number =>
  v.host.editable ? v.data.entries.length : v.data.entries.filter((e) => !e.hidden).length;

/** The live region's text, then the alerts (storage, read-only, unreadable, interrupted, not saved, not loaded). */
export function renderStatus(v: WalletView, n: number): TemplateResult {
  const { ws, os, l, data, state } = v;
  const owner = v.host.editable;
  const shown = v.q.shown.length;
  const text =
    state === 'loading'
      ? ws('loading')
      : v.said ||
        (state !== 'loaded'
          ? ''
          : n === 0
            ? owner
              ? os('emptyOwner')
              : ws('empty')
            : shown === 0
              ? ws('noMatch')
              : shown < n
                ? ws('countOne', { shown: l.number(shown), total: l.number(n) })
                : n === 1
                  ? ws('countAllOne')
                  : ws('countAll', { total: l.number(n) }));
  return html`<p part="status" class="status" role="status">${text}</p>
    ${alert(data.noStorage, () => os('storageError'))}
    ${alert(data.readOnly, () => os(data.readOnly === 'newer' ? 'readOnly' : 'closedElsewhere'))}
    ${alert(owner && data.unreadable, () =>
      data.unreadable === 1 ? os('unreadableOne') : os('unreadable', { n: l.number(data.unreadable) }),
    )}
    ${alert(owner && data.interrupted, () => os('importInterrupted'))}
    ${alert(owner && data.saveFailed, () => os('saveFailed'))}
    ${alert(state === 'error', () => ws(v.error === 'timeout' ? 'loadTimeout' : 'loadError'))}`;
}

/** The one label of an achievement type (as the card shows it): translated, else in words. */
const typeLabel = (v: WalletView, type: string): string => achievementTypeLabel(v.l, type);

export function renderToolbar(v: WalletView, n: number): TemplateResult {
  const { ws, os, host, data, q } = v;
  const facets = q.facets();
  const query = q.q;
  const select = (label: string, value: unknown, options: [unknown, string][], change: (v: string) => void) =>
    html`<label class="field"
      ><span>${label}</span>
      <select @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
        ${options.map(([o, text]) => html`<option value=${String(o)} ?selected=${o === value}>${text}</option>`)}
      </select></label
    >`;
  const menu = (
    label: string,
    value: unknown,
    values: readonly unknown[],
    name: (o: never) => string,
    set: (v: string) => void,
  ) =>
    select(
      label,
      value ?? '',
      [['', ws('all')], ...values.map((o): [unknown, string] => [o, name(o as never)])],
      set,
    );
  const own = (o: string) => o;
  const button = (text: string, click: () => unknown, disabled?: unknown) =>
    html`<button type="button" ?disabled=${!!disabled} @click=${click}>${text}</button>`;
  return html`<div part="toolbar" class="toolbar">
    ${
      host.editable || n
        ? html`<div class="wallet-actions">
            ${
              host.editable
                ? html`<button
                    type="button"
                    class="import-button"
                    ?disabled=${!!data.readOnly}
                    @click=${() => v.open({ kind: 'import' })}
                  >
                    ${os('import')}
                  </button>`
                : nothing
            }
            ${n ? button(ws('verifyAll'), () => void host.verifyAll(), data.progress) : nothing}
            ${
              host.editable && n
                ? button(os('exportWallet'), () =>
                    loadOwner().then((o) => o.downloadWallet(data.records, host.now)),
                  )
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
          .value=${query.text}
          @input=${(e: Event) => q.set({ text: (e.target as HTMLInputElement).value })}
      /></label>
      ${
        n > 1
          ? html`${menu(ws('issuer'), query.issuer, facets.issuers, own, (o) => q.set({ issuer: o || undefined }))}
            ${menu(
              ws('type'),
              query.type,
              facets.types,
              (t: string) => typeLabel(v, t),
              (o) => q.set({ type: o || undefined }),
            )}
            ${menu(ws('year'), query.year, facets.years, String, (o) => q.set({ year: o ? Number(o) : undefined }))}
            ${menu(
              ws('status'),
              query.status,
              ['verified', 'expired', 'revoked', 'suspended', 'notYetValid', 'unverified'],
              (s: WalletStatus) => (s === 'unverified' ? ws('status.unverified') : v.l.t(`verify.${s}`)),
              (o) => q.set({ status: (o || undefined) as WalletStatus | undefined }),
            )}
            ${select(
              ws('groupBy'),
              host.groupBy,
              (['none', 'issuer', 'stack', 'year', 'type'] as const).map((g) => [g, ws(`group.${g}`)]),
              (o) => ((host as { groupBy: WalletGroup }).groupBy = o as WalletGroup),
            )}
            ${select(
              ws('sortBy'),
              host.sortBy,
              (['order', 'name', 'newest', 'oldest', 'issuer'] as const).map((s) => [s, ws(`sort.${s}`)]),
              (o) => ((host as { sortBy: WalletSort }).sortBy = o as WalletSort),
            )}`
          : nothing
      }
    </div>
  </div>`;
}

/** A group's heading: its name and count. */
function groupHead(v: WalletView, key: string, count: number): TemplateResult {
  const by = v.host.groupBy;
  const label = key
    ? by === 'type'
      ? typeLabel(v, key)
      : key
    : v.ws(`none.${by as 'issuer' | 'stack' | 'year' | 'type'}`);
  return heading(
    Math.max(1, headingLevel(v.host.headingLevel) - 1),
    // the name isolated in its own direction, so that our count follows it in the page's (issue 13)
    html`<bdi>${label}</bdi> <span class="count">(${v.l.number(count)})</span>`,
    { part: 'group' },
  );
}

/** The grid: one list per group, or (beyond 60 credentials) the virtualised rows. */
export function renderGrid(v: WalletView): TemplateResult {
  const grouped = v.host.groupBy !== 'none';
  if (v.q.shown.length <= VIRTUALIZE_AT)
    return html`${v.q.groups.map(
      (g) =>
        html`${grouped ? groupHead(v, g.key, g.items.length) : nothing}
          <ul part="grid" class="grid">
            ${repeat(
              g.items,
              (e) => e.key,
              (e) => html`<li class="cell">${renderTile(v, e)}</li>`,
            )}
          </ul>`,
    )}`;
  if (!virtualizer) {
    virtualizerJob ??= import('./badge-wallet-virtual.js').then((m) => (virtualizer = m));
    void virtualizerJob.then(() => v.host.requestUpdate());
    return html``;
  }
  return virtualizer.renderRows(
    v.q.groups,
    v.cols,
    grouped && ((key, count) => groupHead(v, key, count)),
    (e) => renderTile(v, e),
  );
}

/**
 * The status an entry's chip shows, in the words and icon the verify button and tracker use too:
 * what this browser found when it last checked it (or its expiry date), else "Not checked yet".
 */
function status(v: WalletView, entry: WalletEntry): Status | 'checking' {
  if (entry.checking) return 'checking';
  const s = statusOf(entry, v.host.now ?? new Date());
  return s === 'unverified' ? (entry.verification?.outcome ?? 'unchecked') : s;
}

/** One credential: its compact card with its status chip and marks, then its actions. */
function renderTile(v: WalletView, entry: WalletEntry): TemplateResult {
  const { ws, host, drag } = v;
  const name = v.name(entry);
  const s = status(v, entry);
  const draggable = host.editable && !v.data.readOnly && host.sortBy === 'order' && !v.q.filtering;
  return html`<div
    part="item"
    class=${entry.hidden ? 'tile is-hidden' : 'tile'}
    data-key=${entry.key}
    draggable=${draggable ? 'true' : 'false'}
    @dragstart=${draggable ? (e: DragEvent) => drag.start(e, entry.key, name) : nothing}
    @dragend=${(e: DragEvent) => drag.start(e)}
  >
    <mc-credential-card
      variant="compact"
      .credential=${entry.input}
      .now=${host.now}
      heading-level=${host.headingLevel}
    >
      <p slot="status" class="marks">
        <span part="chip" class="chip ${s}"
          >${s === 'checking' ? ws('status.checking') : html`${icon(statusIcon[s])}${v.l.t(`verify.${s}`)}`}</span
        >
        ${entry.featured ? html`<span class="mark">${icon(starIcon)}${ws('featured')}</span>` : nothing}
        ${entry.hidden ? html`<span class="mark">${ws('hiddenMark')}</span>` : nothing}
      </p>
    </mc-credential-card>
    <div part="actions" class="actions">
      <button
        type="button"
        aria-labelledby="details-${entry.key}"
        @click=${() => host.openDetails(entry.key)}
      >
        ${ws('details')}
      </button>
      ${named(
        `details-${entry.key}`,
        `${ws('details')}: \0`,
        name,
        // "Untitled credential" is ours; a credential's name is in the language it declared
        nameLang(entry),
      )}
      ${host.editable && panels ? panels.renderManage(v, entry, name, draggable, icon(arrowIcon)) : nothing}
    </div>
  </div>`;
}

/** The dialog: one credential in full, or the import form (the panels, a lazy chunk). */
export function renderDialog(v: WalletView, dialog: WalletDialog): TemplateResult {
  const { ws } = v;
  const entry = dialog.kind === 'details' ? v.data.entries.find((e) => e.key === dialog.key) : undefined;
  const title = dialog.kind === 'import' ? v.os('importTitle') : entry ? v.name(entry) : '';
  // A credential's card says its name once, as a heading: the dialog is named, not titled twice. That
  // heading is in the card's shadow root, out of aria-labelledby's reach: a hidden copy of the name
  // in its language names the dialog (WCAG 3.1.2); the import form by its own heading.
  return html`<dialog part="dialog" aria-labelledby="dialog-name" @close=${v.closed}>
    <div class="dialog-head">
      ${
        dialog.kind === 'import'
          ? html`<h2 id="dialog-name">${title}</h2>`
          : entry
            ? named('dialog-name', '\0', title, nameLang(entry))
            : nothing
      }
      <button
        type="button"
        class="close"
        @click=${(e: Event) => (e.target as Element).closest('dialog')!.close()}
      >
        ${ws('close')}
      </button>
    </div>
    ${
      panels
        ? dialog.kind === 'import'
          ? panels.renderImport(v, { importing: v.data.importing, results: v.data.results })
          : entry
            ? panels.renderDetails(v, entry)
            : nothing
        : html`<p>${ws('loading')}</p>`
    }
  </dialog>`;
}

/** Smallest tile width in CSS pixels (the grid fits as many columns as this allows). */
const TILE_MIN = 256;
const GAP = 16;

/** How many tiles fit across `width` pixels. */
export const colsFor = (width: number): number => Math.max(1, Math.floor((width + GAP) / (TILE_MIN + GAP)));

/**
 * Stops the `mc-error` of a card or verify button inside the wallet at its edge: each shows its own
 * error where it is, and outside the shadow root it would look like the wallet's own (whose
 * `mc-error` means its credentials could not be loaded).
 */
export const stopEvent = (e: Event): void => e.stopPropagation();

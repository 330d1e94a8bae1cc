/**
 * The wallet dialog's contents, loaded the first time a dialog opens (in owner mode, at once): the
 * owner tiles' Manage disclosures, the owner's identity and the import form with its per-item
 * results, and one credential in full with its verify button, sharing (LinkedIn, link,
 * QR code — itself a lazy chunk — and embed code) and export (JSON, baked PNG/SVG, print).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import {
  embedSnippet,
  linkedInAddToProfileUrl,
  linkedInFields,
  normalizeCredential,
  verificationOutcome,
  type CredentialView,
  type ImportSource,
  type WalletVerifyOutcome,
} from '@microcred/core';
import type { McVerifiedEvent } from '../verify-button/verify-button-events.js';
import type * as Uqr from 'uqr';
import type { WalletStringKey } from './strings-en.js';
import type { WalletOwnerStringKey } from './strings-owner-en.js';
import type { WalletEntry, WalletHost, WalletImportResult } from './types.js';
import { nextRange, type WalletView } from './badge-wallet-templates.js';
import { heading, headingLevel } from '../internal/heading.js';
import { named } from '../i18n/named.js';
import { nameLang } from './name-lang.js';
import type { Translator } from '../i18n/localize.js';

/**
 * What the panels need from the wallet: a narrow context the wallet builds for each render (the
 * panels never reach into the element, whose internals stay private).
 */
export interface PanelsHost {
  /** The wallet's strings. */
  ws: Translator<WalletStringKey>;
  /** The owner wallet's strings. */
  os: Translator<WalletOwnerStringKey>;
  /** The name shown for an entry. */
  name(entry: WalletEntry): string;
  /** Says `text` in the wallet's live region (see WalletContext `say`). */
  say(text: string | readonly unknown[]): void;
  /** The wallet, through its public options (`importItems`, `now`, `fetch`, `headingLevel`). */
  host: WalletHost;
  /** Records a verification made in the dialog. */
  data: {
    record(entry: WalletEntry, outcome: WalletVerifyOutcome): void;
    setOwner(owner: string): Promise<boolean>;
  };
  /** The address of `microcred.js` its owner gave: `embed-script`, else a provider's `embedScript` option. */
  embedScript: unknown;
}

const rel = 'noopener noreferrer';

/* ---------------- an owner tile's actions ---------------- */

/** Per wallet, the keys whose Manage disclosure is open (kept when a virtualised row re-creates the tile). */
const opened = new WeakMap<WalletHost, Set<string>>();

/**
 * An owner tile's Manage disclosure (a native `<details>`: Enter or Space opens it, its state is
 * exposed as expanded or collapsed): Feature, Hide, Move earlier / later (in the owner's order,
 * unfiltered) and Remove, each named with the credential. Each keeps the keyboard focus on itself
 * (the wallet's focus keeper follows a moved tile); a removed credential sends it to the search.
 */
export function renderManage(
  v: WalletView,
  entry: WalletEntry,
  name: string,
  movable: boolean,
  arrow: TemplateResult,
): TemplateResult {
  const { os, host, data, drag } = v;
  const locked = !!data.readOnly;
  const order = movable ? v.q.ordered : [];
  const at = order.indexOf(entry);
  const remove = data.confirm === entry.key ? 'confirmRemove' : 'remove';
  let open = opened.get(host);
  if (!open) opened.set(host, (open = new Set()));
  // Each control is named "<label>: <name>" by a hidden sentence it points at, the credential's name
  // marked with its language (WCAG 3.1.2; "Untitled credential" is ours), not a flat aria-label.
  const lang = nameLang(entry);
  const label = (id: string, text: string) => named(`${id}-${entry.key}`, `${text}: \0`, name, lang);
  const action = (
    id: string,
    text: string,
    said: string,
    click: () => unknown,
    pressed?: boolean,
    cls?: string,
  ) =>
    html`${label(id, said)}<button
        type="button"
        class=${cls ?? nothing}
        ?disabled=${locked}
        aria-pressed=${pressed === undefined ? nothing : String(pressed)}
        aria-labelledby="${id}-${entry.key}"
        @click=${click}
      >
        ${text}
      </button>`;
  const move = (by: -1 | 1, said: string, cls: string) =>
    html`${label(by < 0 ? 'earlier' : 'later', said)}<button
        type="button"
        data-move
        class=${cls}
        aria-labelledby="${by < 0 ? 'earlier' : 'later'}-${entry.key}"
        title=${said}
        ?disabled=${order[at + by]?.featured !== entry.featured}
        @click=${() => {
          // Still open where the moved tile is drawn next (a virtualised row may draw it anew).
          open.add(entry.key);
          void drag.move(entry, by, () => nextRange(host.renderRoot));
        }}
      >
        ${arrow}
      </button>`;
  return html`${label('manage', os('manage'))}
    <details
      class="manage"
      .open=${open.has(entry.key)}
      @toggle=${(e: Event) => open[(e.target as HTMLDetailsElement).open ? 'add' : 'delete'](entry.key)}
    >
      <summary aria-labelledby="manage-${entry.key}">${os('manage')}</summary>
      <div class="manage-actions">
        ${action('feature', os('feature'), os('feature'), () => data.toggle(entry, 'featured'), entry.featured)}
        ${action('hide', os('hideShort'), os('hide'), () => data.toggle(entry, 'hidden'), entry.hidden)}
        ${
          movable
            ? html`<span class="moves"
                >${move(-1, os('moveEarlier'), 'move')} ${move(1, os('moveLater'), 'move later')}</span
              >`
            : nothing
        }
        ${action(
          'remove',
          os(remove),
          os(remove),
          () =>
            void data
              .remove(entry)
              .then((gone) => gone && host.renderRoot.querySelector<HTMLElement>('.toolbar input')?.focus()),
          undefined,
          'danger',
        )}
      </div>
    </details>`;
}

/* ---------------- the owner's identity ---------------- */

/** "This wallet belongs to": an email, web address or id, kept in the stored wallet (Enter or Save). */
function renderOwner(w: PanelsHost): TemplateResult {
  const { os } = w;
  return html`<form
    class="owner"
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const owner = String(new FormData(e.target as HTMLFormElement).get('owner') ?? '').trim();
      void w.data
        .setOwner(owner)
        .then((ok) => ok && w.say(owner ? os('ownerSaved', { owner }) : os('ownerNone')));
    }}
  >
    <label class="field"
      ><span>${os('owner')}</span
      ><input
        name="owner"
        type="text"
        dir="auto"
        autocomplete="email"
        spellcheck="false"
        .value=${w.host.owner}
    /></label>
    <button type="submit">${os('ownerSave')}</button>
  </form>`;
}

/* ---------------- import ---------------- */

function handleSubmit(w: PanelsHost, e: SubmitEvent): void {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  // Busy, not disabled: a disabled button would drop the keyboard focus to <body> (issue 13).
  if (form.querySelector('[aria-disabled=true]')) return;
  const data = new FormData(form);
  const sources: (ImportSource | File)[] = [];
  const text = String(data.get('paste') ?? '').trim();
  if (text) sources.push({ kind: 'text', text });
  const url = String(data.get('url') ?? '').trim();
  if (url) sources.push({ kind: 'url', url });
  for (const file of data.getAll('files')) if (file instanceof File && file.name) sources.push(file);
  if (!sources.length) return;
  void w.host.importItems(sources).then(() => form.reset());
}

/** The import form and, after an import, one line per item. */
export function renderImport(
  w: PanelsHost,
  state: { importing: boolean; results: readonly WalletImportResult[] | undefined },
): TemplateResult {
  const { os: ws } = w;
  return html`${renderOwner(w)}
    <form part="import" class="import" @submit=${(e: SubmitEvent) => handleSubmit(w, e)}>
      <label class="field"
        ><span>${ws('paste')}</span><textarea name="paste" rows="4" dir="auto" spellcheck="false"></textarea>
      </label>
      <label class="field"
        ><span>${ws('url')}</span
        ><input name="url" type="url" dir="auto" inputmode="url" placeholder="https://"
      /></label>
      <label class="field"
        ><span>${ws('files')}</span>
        <input
          name="files"
          type="file"
          multiple
          accept=".png,.svg,.json,.jsonld,.jws,.jwt,.txt,image/png,image/svg+xml,application/json"
      /></label>
      <p class="hint">${ws('drop')}</p>
      <button type="submit" aria-disabled=${state.importing} style=${state.importing ? 'opacity:.6' : ''}>
        ${ws('importButton')}
      </button>
    </form>
    ${state.results ? renderResults(w, state.results) : nothing}`;
}

function renderResults(w: PanelsHost, results: readonly WalletImportResult[]): TemplateResult {
  const { os: ws } = w;
  return html`<ul class="results">
    ${results.map(
      (r) =>
        html`<li class=${r.status === 'imported' ? 'ok' : r.status === 'duplicate' ? '' : 'bad'}>
          ${
            // Items a page handed over (importItems with data) have no file name or address to show.
            r.label === 'data'
              ? nothing
              : html`<span class="label">${r.label === 'text' ? ws('pasted') : r.label}</span>`
          }
          ${r.name ? html`<span class="name">${r.name}</span>` : nothing}
          <strong
            >${
              r.otherRecipient ? ws('result.elsewhere', { owner: w.host.owner }) : ws(`result.${r.status}`)
            }</strong
          >
        </li>`,
    )}
  </ul>`;
}

/* ---------------- one credential ---------------- */

/**
 * The address of `microcred.js` for embed snippets: the one given (`embed-script`, else the
 * `embedScript` option of the nearest `<mc-provider>`), else the page's own Microcred script; `''`
 * when none is known (then no snippet is offered: there is no default CDN address).
 */
function scriptSrc(given: unknown): string {
  if (given && typeof given == 'string') return new URL(given, document.baseURI).href;
  return (
    document.querySelector<HTMLScriptElement>('script[src$="/microcred.js"],script[src$="/autoloader.js"]')
      ?.src ?? ''
  );
}

type Qr = typeof Uqr;
let qr: Qr | undefined;
let qrJob: Promise<Qr> | undefined;

/** The credential's public address: where it was downloaded from, else its id when that is an http(s) URL. */
function publicUrl(entry: WalletEntry, view: CredentialView | undefined): string | undefined {
  const candidates = [entry.record?.origin.url, view?.id];
  return candidates.find((u): u is string => !!u && /^https?:\/\/\S+$/i.test(u));
}

async function copy(w: PanelsHost, text: string, status: HTMLElement | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = w.ws('copied');
  } catch {
    if (status) status.textContent = w.ws('copyFailed');
  }
}

/** Downloads one credential (the export module loads on the first click); a failure is said in words. */
async function exportAs(
  w: PanelsHost,
  entry: WalletEntry,
  kind: 'json' | 'png' | 'svg',
  e: Event,
): Promise<void> {
  const status = (e.target as HTMLElement).closest('.details')?.querySelector<HTMLElement>('.copy-status');
  try {
    const { exportCredential } = await import('./badge-wallet-export.js');
    await exportCredential(entry, w.name(entry), kind, w.host.fetch);
  } catch {
    if (status) status.textContent = w.ws('exportFailed');
  }
}

/** The QR code of `url` as an inline SVG (one path), once the QR chunk has loaded. */
function renderQr(w: PanelsHost, url: string): TemplateResult {
  if (!qr) {
    qrJob ??= import('uqr').then((m) => (qr = m));
    void qrJob.then(() => w.host.requestUpdate());
    return html``;
  }
  const { data, size } = qr.encode(url, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) => row.forEach((on, x) => on && (d += `M${x} ${y}h1v1h-1z`)));
  return html`<svg class="qr" role="img" aria-label=${w.ws('qr')} viewBox="0 0 ${size} ${size}">
    ${svg`<rect width=${size} height=${size} fill="#fff" /><path d=${d} fill="#000" />`}
  </svg>`;
}

/** One credential in full: the card with its verify button, then sharing and export. */
export function renderDetails(w: PanelsHost, entry: WalletEntry): TemplateResult {
  const { ws } = w;
  let view: CredentialView | undefined;
  try {
    view = normalizeCredential(entry.input);
  } catch {
    view = undefined;
  }
  const name = w.name(entry);
  const url = publicUrl(entry, view);
  const raw = typeof entry.input === 'string' ? entry.input : JSON.stringify(entry.input);
  // no snippet without a known Microcred script (embed-script, a provider's embedScript, the page's)
  const src = scriptSrc(w.embedScript);
  const snippet = src && embedSnippet({ scriptSrc: src, ...(url ? { src: url } : { json: raw }), name });
  const linkedIn = view
    ? linkedInAddToProfileUrl(linkedInFields(view, url ? { certUrl: url } : {}))
    : undefined;
  const status = (e: Event) =>
    (e.target as HTMLElement).closest('.details')?.querySelector<HTMLElement>('.copy-status') ?? null;
  const level = Math.max(2, headingLevel(w.host.headingLevel));
  return html`<div class="details">
    <mc-credential-card
      .credential=${entry.input}
      .now=${w.host.now}
      heading-level=${level}
      @mc-verified=${(e: McVerifiedEvent) =>
        // the button says Suspended under its `revoked` outcome and Not yet valid under `invalid`:
        // the wallet keeps which (core's rule)
        w.data.record(
          entry,
          e.outcome === 'revoked' || e.outcome === 'invalid' ? verificationOutcome(e.report) : e.outcome,
        )}
    >
      <mc-verify-button
        slot="status"
        .credential=${entry.input}
        .now=${w.host.now}
        .fetch=${w.host.fetch}
      ></mc-verify-button>
    </mc-credential-card>
    <section class="share" aria-labelledby="share-title">
      ${heading(level + 1, ws('share'), { id: 'share-title' })}
      ${
        // Known to be revoked (verified here or before): no LinkedIn, link or embed code, and the
        // reason said in words (the status itself is said once, by the verify button or the tile).
        entry.verification?.outcome === 'revoked'
          ? html`<p>${ws('noShareRevoked')}</p>`
          : renderShare(w, url, snippet, linkedIn, status)
      }
    </section>
    <section class="export" aria-labelledby="export-title">
      ${heading(level + 1, ws('exportAs'), { id: 'export-title' })}
      <p class="buttons">
        <button type="button" @click=${(e: Event) => void exportAs(w, entry, 'json', e)}>
          ${ws('exportJson')}
        </button>
        <button type="button" @click=${(e: Event) => void exportAs(w, entry, 'png', e)}>
          ${ws('exportPng')}
        </button>
        <button type="button" @click=${(e: Event) => void exportAs(w, entry, 'svg', e)}>
          ${ws('exportSvg')}
        </button>
        <button type="button" @click=${() => window.print()}>${ws('print')}</button>
      </p>
    </section>
  </div>`;
}

/** Sharing: LinkedIn, the public link with its QR code, and the embed code. */
function renderShare(
  w: PanelsHost,
  url: string | undefined,
  snippet: string,
  linkedIn: string | undefined,
  status: (e: Event) => HTMLElement | null,
): TemplateResult {
  const { ws } = w;
  return html` <p class="copy-status" role="status"></p>
    ${
      linkedIn
        ? html`<p>
            <a class="button" href=${linkedIn} target="_blank" rel=${rel}
              >${ws('linkedin')} <span class="visually-hidden">${ws('newWindow')}</span></a
            >
          </p>`
        : nothing
    }
    ${
      url
        ? html`<p>
              <a href=${url} rel=${rel}>${url}</a>
              <button type="button" @click=${(e: Event) => void copy(w, url, status(e))}>
                ${ws('copyLink')}
              </button>
            </p>
            ${renderQr(w, url)}`
        : html`<p>${ws('noPublicUrl')}</p>`
    }
    ${
      snippet
        ? html`<label class="field"
              ><span>${ws('snippet')}</span
              ><textarea readonly rows="4" dir="ltr" spellcheck="false" .value=${snippet}></textarea>
            </label>
            <p>
              <button type="button" @click=${(e: Event) => void copy(w, snippet, status(e))}>
                ${ws('copySnippet')}
              </button>
            </p>`
        : nothing
    }`;
}

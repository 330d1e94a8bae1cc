/**
 * `<mc-catalog>`'s templates: the loading and error states, the toolbar (search, sort), the facet
 * filters with counts, the results and the empty state. Pure functions of a narrow typed view of
 * the catalog ({@link CatalogView}), never the element; the details dialog is in catalog-details.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Catalog, McError } from '@microcred/core';
import {
  CATALOG_FACETS,
  facetValues,
  type CatalogFacet,
  type CatalogResult,
} from '@microcred/core/catalog/search.js';
import { textLang } from '@microcred/core/model/issuer-text.js';
import { heading } from '../internal/heading.js';
import { named } from '../i18n/named.js';
import type { LocalizeController, Translator } from '../i18n/localize.js';
import type { CatalogStringKey } from './strings-en.js';
import { SORTS, type CatalogQuery } from './catalog-query.js';
import type { CatalogDialog } from './catalog-dialog.js';

/** What the templates may use of the catalog, for one render. */
export interface CatalogView {
  /** The catalog's strings. */
  t: Translator<CatalogStringKey>;
  /** Dates and numbers in the catalog's locale. */
  localize: LocalizeController;
  /** The loaded catalog. */
  catalog: Catalog;
  /** The search (query, filters, sort, paging). */
  q: CatalogQuery;
  /** The details dialog. */
  d: CatalogDialog;
  /** Results per page. */
  page: number;
  /** The catalog's `heading-level`. */
  headingLevel: number;
  /** The instant registration dates are judged at. */
  now: Date | undefined;
  /** The result count in words. */
  count: string;
}

/** The loading state (also what a server renders for a `src`). */
export const renderLoading = (t: Translator<CatalogStringKey>): TemplateResult =>
  html`<section part="base" class="base" aria-busy="true">
    <p part="loading" class="loading" role="status">${t('loading')}</p>
  </section>`;

/** The error state: a translated message by the error's `code`. */
export function renderError(t: Translator<CatalogStringKey>, error: McError): TemplateResult {
  const status = (error as McError & { status?: number }).status;
  const code = error.code;
  const message =
    code === 'http'
      ? t('error.http', { status: status ?? '?' })
      : ['network', 'timeout', 'invalid-json', 'schema'].includes(code)
        ? t(`error.${code as 'network'}`)
        : t('error.other');
  return html`<section part="base" class="base">
    <div part="error" class="error" role="alert">
      <p><strong>${t('errorTitle')}</strong><br />${message}</p>
    </div>
  </section>`;
}

/**
 * The label of a facet value: our words for formats and efforts; the issuer's text for the others
 * (stack names, subjects, grades, skills), marked with its language (that of the first entry with
 * the value; `lang=""` when unknown) and laid out by its own direction (WCAG 3.1.2, issue 13).
 */
export const facetLabel = (v: CatalogView, facet: CatalogFacet, value: string): unknown =>
  facet === 'format' || facet === 'effort'
    ? label(v, `${facet}.${value}`, value)
    : html`<span
        lang=${textLang(v.catalog.entries.find((e) => facetValues(e, facet).includes(value))?.language)}
        dir="auto"
        >${facet === 'stack' ? stackName(v, value) : value}</span
      >`;

/** The string `prefix.value` translates to, or `value` when there is none (an unknown format or kind). */
export function label(v: CatalogView, key: string, value: string): string {
  const text = v.t(key as CatalogStringKey);
  return text === key ? value : text;
}

/** The name of a stack, by id (the id when the catalog has no such stack). */
export const stackName = (v: CatalogView, id: string): string =>
  v.catalog.stacks.find((s) => s.id === id)?.name ?? id;

/** The toolbar, filters and results (the dialog, `dialog`, goes after them). */
export function renderCatalog(v: CatalogView, r: CatalogResult, dialog: unknown): TemplateResult {
  const { t, q } = v;
  const visible = r.entries.slice(0, q.shown);
  // Narrow (a container query), the filters sit behind one disclosure naming how many are ticked.
  const ticked = Object.values(q.filters).flat().length;
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
          .value=${q.text}
          @input=${(e: Event) => q.search((e.target as HTMLInputElement).value)}
        />
        <span id="search-hint" class="hint">${t('searchHint')}</span>
      </div>
      <div class="field">
        <label for="sort">${t('sortBy')}</label>
        <select part="sort" id="sort" @change=${(e: Event) => q.order((e.target as HTMLSelectElement).value)}>
          ${SORTS.map((s) => html`<option value=${s} ?selected=${s === q.sort}>${t(`sort.${s}`)}</option>`)}
        </select>
      </div>
    </div>
    <div class="layout">
      <div part="filters" class="filters" role="group" aria-labelledby="filters-title">
        ${heading(
          // Beside the results, not above them: the level of their names (README "Heading levels").
          v.headingLevel,
          html`<button
              type="button"
              class="button"
              aria-expanded=${q.open}
              aria-controls="facets"
              @click=${q.fold}
            >
              ${ticked ? t('filtersActive', { count: v.localize.number(ticked) }) : t('filters')}</button
            ><span class="title">${t('filters')}</span>`,
          { id: 'filters-title' },
        )}
        <div id="facets">${CATALOG_FACETS.map((facet) => renderFacet(v, facet, r))}</div>
        ${
          ticked
            ? html`<button type="button" class="link-button" @click=${() => q.clear()}>
                ${t('clearFilters')}
              </button>`
            : nothing
        }
      </div>
      <div class="results" id="results">
        <p part="count" class="count" aria-hidden="true">${v.count}</p>
        <p class="visually-hidden" role="status" aria-live="polite">${q.announcement}</p>
        ${
          visible.length
            ? html`<ul part="list" class="list">
                ${repeat(
                  visible,
                  (e) => e.id,
                  (e, i) =>
                    html`<li part="item" class="item">
                      <mc-credential-card
                        variant="compact"
                        heading-level=${v.headingLevel}
                        .credential=${e.achievement}
                        .now=${v.now}
                      ></mc-credential-card>
                      <button
                        type="button"
                        part="details-button"
                        class="details-button"
                        aria-haspopup="dialog"
                        aria-labelledby="details-${i}"
                        @click=${(ev: Event) => v.d.open(e, ev)}
                      >
                        ${t('details')}
                      </button>
                      ${
                        // "Details: <name>", the name marked with its language (WCAG 3.1.2)
                        named(`details-${i}`, t('detailsFor', { name: '\0' }), e.name, textLang(e.language))
                      }
                    </li>`,
                )}
              </ul>`
            : renderEmpty(v)
        }
        ${
          r.entries.length > q.shown
            ? html`<button type="button" part="more" class="more" @click=${() => q.more()}>
                ${t('showMore', { count: v.localize.number(Math.min(v.page, r.entries.length - q.shown)) })}
              </button>`
            : nothing
        }
      </div>
    </div>
    ${dialog}
  </section>`;
}

function renderFacet(v: CatalogView, facet: CatalogFacet, r: CatalogResult): unknown {
  const values = r.facets[facet];
  const chosen = v.q.filters[facet];
  if (
    !values.length ||
    (values.length === 1 && !chosen?.length && values[0]!.count === r.entries.length && facet !== 'effort')
  )
    return nothing;
  const selected = new Set(chosen);
  return html`<fieldset class="facet">
    <legend>${v.t(`facet.${facet}`)}</legend>
    <ul>
      ${values.map(
        ({ value, count }, i) =>
          html`<li>
            <input
              type="checkbox"
              id=${`f-${facet}-${i}`}
              .checked=${selected.has(value)}
              @change=${(e: Event) => v.q.tick(facet, value, (e.target as HTMLInputElement).checked)}
            />
            <label for=${`f-${facet}-${i}`}
              ><span class="facet-value">${facetLabel(v, facet, value)}</span>
              <span class="facet-count">(${v.localize.number(count)})</span></label
            >
          </li>`,
      )}
    </ul>
  </fieldset>`;
}

function renderEmpty(v: CatalogView): TemplateResult {
  const { t, q } = v;
  if (!v.catalog.entries.length)
    return html`<div part="empty" class="empty"><p>${t('emptyCatalog')}</p></div>`;
  const text = q.text.trim();
  return html`<div part="empty" class="empty">
    <p class="empty-title"><strong>${t('emptyTitle')}</strong></p>
    ${text ? html`<p>${t('emptyQuery', { query: text })}</p>` : nothing}
    <ul>
      ${text ? html`<li>${t('emptyHintWords')}</li>` : nothing}
      ${Object.keys(q.filters).length ? html`<li>${t('emptyHintFilters')}</li>` : nothing}
    </ul>
    <button type="button" class="button" @click=${() => q.clear(true)}>${t('clearAll')}</button>
  </div>`;
}

/**
 * `<mc-catalog>`'s details dialog: one entry as a full card, its facts (effort, format, subjects,
 * grades, audience, stacks, required evidence) and how to register. Takes a narrow typed view of
 * the catalog ({@link CatalogView}), never the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CatalogEntry } from '@microcred/core';
import { idUrl } from '@microcred/core/normalize/fields.js';
import { durationParts } from '@microcred/core/catalog/duration.js';
import { sentence, textLang } from '@microcred/core/model/issuer-text.js';
import { heading, headingLevel as levelOf } from '../internal/heading.js';
import { marked, named } from '../i18n/named.js';
import { facetLabel, label, stackName, type CatalogView } from './catalog-templates.js';

const rel = 'noopener noreferrer';

function effortText(v: CatalogView, minutes: number): string {
  const { hours, minutes: m } = durationParts(minutes);
  if (!hours) return v.t('minutes', { count: v.localize.number(m) });
  return m
    ? v.t('hoursMinutes', { hours: v.localize.number(hours), minutes: v.localize.number(m) })
    : v.t('hours', { count: v.localize.number(hours) });
}

export function renderDialog(v: CatalogView): TemplateResult {
  const e = v.d.entry;
  const { t } = v;
  // Named by the entry (the card below says it once, as a heading): no second title (issue 13). The
  // heading is in the card's shadow root, out of reach of aria-labelledby: a hidden copy of the
  // name in its language names the dialog (WCAG 3.1.2), not a flat aria-label.
  return html`<dialog
    part="dialog"
    class="dialog"
    aria-labelledby=${e ? 'dialog-name' : nothing}
    tabindex="-1"
    @close=${() => v.d.closed()}
  >
    ${
      e
        ? html`${named('dialog-name', '\0', e.name, textLang(e.language))}
            <div class="dialog-bar">
              <button type="button" class="button secondary print-hide" @click=${() => window.print()}>
                ${t('print')}
              </button>
              <button type="button" class="button secondary print-hide" @click=${() => v.d.close()}>
                ${t('close')}
              </button>
            </div>
            <mc-credential-card
              variant="full"
              heading-level=${v.headingLevel}
              .credential=${e.achievement}
              .now=${v.now}
            ></mc-credential-card>
            ${renderFacts(v, e)}`
        : nothing
    }
  </dialog>`;
}

function renderFacts(v: CatalogView, e: CatalogEntry): TemplateResult {
  const { t } = v;
  const level = levelOf(v.headingLevel, 1);
  const stacks = e.stacks.map((id) => stackName(v, id));
  // The issuer's words (not our format names) in the entry's language, by their own direction (WCAG 3.1.2).
  const lang = textLang(e.language);
  const fact = (label: string, value: unknown, ours?: boolean): unknown =>
    value
      ? html`<div>
          <dt>${label}</dt>
          <dd lang=${ours ? nothing : lang} dir=${ours ? nothing : 'auto'}>${value}</dd>
        </div>`
      : nothing;
  return html`<div class="facts-panel">
    <dl class="facts">
      ${fact(t('effort'), e.effortMinutes !== undefined ? effortText(v, e.effortMinutes) : undefined, true)}
      ${fact(t('format'), e.format ? facetLabel(v, 'format', e.format) : undefined, true)}
      ${fact(t('subjects'), e.subjects.join(', '))} ${fact(t('gradeBands'), e.gradeBands.join(', '))}
      ${fact(t('audience'), e.audience.join(', '))} ${fact(t('stacks'), stacks.join(', '))}
    </dl>
    ${
      e.requiredEvidence.length
        ? html`${heading(level, t('requiredEvidence'), {})}
            <ul class="evidence" lang=${lang} dir="auto">
              ${e.requiredEvidence.map(
                (ev) =>
                  html`<li>
                    <strong>${ev.name}</strong
                    >${ev.kind ? html` <span class="tag" lang=${v.localize.locale}>${label(v, `kind.${ev.kind}`, ev.kind)}</span>` : nothing}
                    ${ev.description ? html`<br />${ev.description}` : nothing}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    ${renderRegister(v, e)}
  </div>`;
}

function renderRegister(v: CatalogView, e: CatalogEntry): unknown {
  const r = e.registration;
  // Checked again here: a host may change the loaded catalog's objects in place.
  const url = idUrl(r?.url);
  if (!r || !url) return nothing;
  const now = (v.now ?? new Date()).getTime();
  const { t } = v;
  if (r.closes && r.closes.getTime() < now)
    return html`<p class="register-note">${t('registrationClosed')}</p>`;
  if (r.opens && r.opens.getTime() > now)
    return html`<p class="register-note">${t('registrationOpensOn', { date: v.localize.date(r.opens) })}</p>`;
  if (r.seats === 0) return html`<p class="register-note">${t('full')}</p>`;
  return html`<p class="register-row">
    <a
      part="register"
      class="button register"
      href=${url}
      target="_blank"
      rel=${rel}
      @click=${(ev: Event) => v.d.register(e, url, ev)}
      ><span>${sentence(t('registerFor', { name: '\0' }), marked(e.name, textLang(e.language)))}</span></a
    >
  </p>`;
}

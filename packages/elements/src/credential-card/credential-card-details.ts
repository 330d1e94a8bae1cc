/**
 * The full card's detail sections (skills, how to earn, how to register, evidence, endorsements),
 * and the Markdown cache they render with. Loaded on first use by `<mc-credential-card variant="full">`,
 * so compact tiles (catalogs, wallets) never download it. Not a public module.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CredentialView } from '@microcred/core';
import { sentence } from '@microcred/core/model/issuer-text.js';
import type { LocalizeController } from '../i18n/localize.js';
import { heading, safeHttpUrl } from '../internal/heading.js';
import { dateOf, link } from './credential-card-templates.js';
export { markdownCache } from '../markdown/markdown-cache.js';
export { default as styles } from './credential-card-details.styles.js';

/** What the detail sections need from the card that renders them. */
export interface DetailsHost {
  localize: LocalizeController;
  /** The heading level of the card's name (sections use the next level). */
  level: number;
  /** The language of the issuer's text: the credential's declared one (a valid BCP 47 tag), or `''` (unknown). */
  lang: string;
  /** The display name (translated when the credential has none). */
  name: string;
  md(text: string, level: number): unknown;
}

/**
 * The recipient, when the identity is public (full card, credentials only). A person's name is in no
 * language we know (`lang=""`, WCAG 3.1.2), laid out by its own direction (`dir=auto`: "Maya
 * Okafor." on an Arabic page, not ".Maya Okafor").
 */
export function recipientFact(view: CredentialView, host: DetailsHost): unknown {
  const recipient = view.recipient;
  const name = recipient?.name ?? (recipient?.hashed ? undefined : recipient?.id);
  return name && view.kind !== 'achievement'
    ? html`<div part="recipient">
        <dt>${host.localize.t('awardedTo')}</dt>
        <dd lang="" dir="auto">${link(name, name)}</dd>
      </div>`
    : nothing;
}

/** Credits earned (or available, for an achievement). */
export function creditsFact(view: CredentialView, { localize }: DetailsHost): unknown {
  const credits = view.creditsEarned ?? view.creditsAvailable;
  return credits !== undefined
    ? html`<div>
        <dt>${localize.t('credits')}</dt>
        <dd>${localize.number(credits)}</dd>
      </div>`
    : nothing;
}

/** The description (plain text; line breaks kept). */
export function description(view: CredentialView, host: DetailsHost): unknown {
  return view.description
    ? html`<p part="description" class="description" lang=${host.lang} dir="auto">${view.description}</p>`
    : nothing;
}

/** The full card's detail sections. */
export function renderDetails(view: CredentialView, host: DetailsHost): TemplateResult {
  const { localize, md } = host;
  const date = (d: Date): TemplateResult => dateOf(localize, d);
  const { t } = localize;
  const level = Math.min(6, host.level + 1);
  const lang = host.lang;
  const section = (part: string, title: string, body: unknown): TemplateResult =>
    html`<section part=${part} class="section">${heading(level, title)}${body}</section>`;
  const reg = view.registration;
  const endorsers = view.endorsements.flatMap((e) => (e.endorser?.name ? [e.endorser.name] : []));
  const count = view.endorsements.length;
  return html`<div class="details">
    ${
      view.alignments.length
        ? section(
            'skills',
            t('skills'),
            html`<ul lang=${lang} dir="auto">
              ${view.alignments.map(
                (a) =>
                  html`<li>
                    ${link(a.url, a.name)}${
                      a.code && a.code !== a.name ? html` <span class="code">(${a.code})</span>` : nothing
                    }${a.framework ? html`<br /><small>${a.framework}</small>` : nothing}
                  </li>`,
              )}
            </ul>`,
          )
        : nothing
    }
    ${
      view.criteria?.narrative || view.criteria?.url || view.resultDescriptions.length
        ? section(
            'criteria',
            t('howToEarn'),
            html`<div class="markdown" lang=${lang} dir="auto">
                ${view.criteria?.narrative ? md(view.criteria.narrative, level + 1) : nothing}
              </div>
              ${
                view.resultDescriptions.length
                  ? html`<p><strong>${t('rubric')}</strong></p>
                      <ul lang=${lang} dir="auto">
                        ${view.resultDescriptions.map(
                          (r) =>
                            html`<li>
                              ${r.name}${
                                r.levels.length
                                  ? html`<ul>
                                      ${r.levels.map(
                                        (l) =>
                                          html`<li>
                                            ${l.name}${l.description ? `: ${l.description}` : ''}
                                          </li>`,
                                      )}
                                    </ul>`
                                  : nothing
                              }
                            </li>`,
                        )}
                      </ul>`
                  : nothing
              }
              ${
                safeHttpUrl(view.criteria?.url)
                  ? html`<p>${link(view.criteria?.url, t('fullCriteria'))}</p>`
                  : nothing
              }`,
          )
        : nothing
    }
    ${
      reg
        ? section(
            'registration',
            t('howToRegister'),
            html`<dl class="facts">
                ${
                  reg.opens
                    ? html`<div>
                        <dt>${t('registrationOpens')}</dt>
                        <dd>${date(reg.opens)}</dd>
                      </div>`
                    : nothing
                }
                ${
                  reg.closes
                    ? html`<div>
                        <dt>${t('registrationCloses')}</dt>
                        <dd>${date(reg.closes)}</dd>
                      </div>`
                    : nothing
                }
                ${
                  reg.cost
                    ? html`<div>
                        <dt>${t('cost')}</dt>
                        <dd>${reg.cost}</dd>
                      </div>`
                    : nothing
                }
                ${
                  reg.seats !== undefined
                    ? html`<div>
                        <dt>${t('seats')}</dt>
                        <dd>${localize.number(reg.seats)}</dd>
                      </div>`
                    : nothing
                }
              </dl>
              ${
                safeHttpUrl(reg.url)
                  ? html`<p>
                      ${link(reg.url, sentence(t('registerFor', { name: '\0' }), html`<span lang=${lang} dir="auto">${host.name}</span>`))}
                    </p>`
                  : nothing
              }`,
          )
        : nothing
    }
    ${
      view.evidence.length
        ? section(
            'evidence',
            t('evidence'),
            html`<ul lang=${lang} dir="auto">
              ${view.evidence.map(
                (e, i) =>
                  html`<li>
                    ${link(e.url, e.name ?? t('evidenceItem', { n: i + 1 }))}${
                      e.description ? html`<br />${e.description}` : nothing
                    }${
                      e.narrative ? html`<div class="markdown">${md(e.narrative, level + 1)}</div>` : nothing
                    }
                  </li>`,
              )}
            </ul>`,
          )
        : nothing
    }
    ${
      count
        ? html`<p part="endorsements" class="endorsements">
            ${t(localize.plural(count) === 'one' ? 'endorsementsOne' : 'endorsementsOther', {
              count: localize.number(count),
            })}${
              endorsers.length
                ? // Endorsers name themselves, in a language nobody declared.
                  html` (${new Intl.ListFormat(localize.locale, { type: 'conjunction' })
                    .formatToParts([...new Set(endorsers)])
                    .map((p) =>
                      p.type == 'element' ? html`<span lang="" dir="auto">${p.value}</span>` : p.value,
                    )})`
                : ''
            }
          </p>`
        : nothing
    }
  </div>`;
}

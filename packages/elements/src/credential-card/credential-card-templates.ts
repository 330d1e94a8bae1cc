/**
 * The card's templates: pure functions of the credential and a narrow {@link CardContext} the card
 * makes for each render (the lazy detail sections take the same context). No element state here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isExpired, UNTITLED_NAME, type CredentialView } from '@microcred/core';
import type { DetailsHost } from './credential-card-details.js';
import type * as Details from './credential-card-details.js';
import { achievementTypeLabel, type LocalizeController } from '../i18n/localize.js';
import { heading, safeHttpUrl } from '../internal/heading.js';
import { icon } from '../internal/icon.js';
import { expiredIcon } from '../internal/expired-icon.js';

/** What the card's templates need from it (the lazy detail sections take the same). */
export type CardContext = DetailsHost;

/** One or two initials for the placeholder shown when there is no image or it failed to load. */
const initials = (name: string): string =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');

/** `content` linked to `url` when it is an absolute http(s) URL (never followed with the page's referrer). */
export const link = (url: string | undefined, content: unknown): unknown => {
  const href = safeHttpUrl(url);
  return href ? html`<a href=${href} rel="noopener noreferrer nofollow">${content}</a>` : content;
};

/** A date in the card's language, as a `<time>`. */
export const dateOf = (localize: LocalizeController, date: Date): TemplateResult =>
  html`<time datetime=${date.toISOString()}>${localize.date(date)}</time>`;

/** The badge image, or the monogram when there is none or it failed to load (`failed`). */
export function image(
  view: CredentialView,
  c: CardContext,
  failed: string | undefined,
  onError: (e: Event) => void,
): TemplateResult {
  const url = view.image?.url;
  // normalizeCredential guarantees an http(s) or data:image URL (see CredentialView).
  return url && url !== failed
    ? html`<img
        part="image"
        class="image"
        src=${url}
        alt=${view.image?.alt ?? ''}
        lang=${c.lang}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        @error=${onError}
      />`
    : html`<div part="image" class="image monogram" aria-hidden="true">${initials(c.name)}</div>`;
}

/**
 * Name, type, flags (expired at `now`; then `flags`, the outcome module's: not yet valid, a verify
 * button's verdict; no flag at all when `flags` is `undefined`: a verify button says the status)
 * and facts; a `compact` card (a tile) links no issuer and shows no expiry date unless expired.
 * Flags have the shared status icons and words (status/status.ts, `verify.<status>`).
 */
export function summary(
  view: CredentialView,
  c: CardContext,
  full: typeof Details | undefined,
  now: Date,
  compact: boolean,
  flags: unknown,
): TemplateResult {
  const { t } = c.localize;
  const expired = isExpired(view, now);
  const achievement = view.kind === 'achievement';
  // The achievement's type, else the kind of credential (all have labels under `type.`).
  const type = achievementTypeLabel(
    c.localize,
    view.achievementType ??
      (view.format === 'clr2'
        ? 'Record'
        : view.format === 'endorsement'
          ? 'Endorsement'
          : view.format.startsWith('ob2')
            ? 'Badge'
            : achievement
              ? 'Achievement'
              : 'Credential'),
  );
  return html`
    ${heading(c.level, html`<span dir="auto">${c.name}</span>`, {
      part: 'name',
      id: 'name',
      // "Untitled credential" is ours, in the page's language.
      lang: view.name === UNTITLED_NAME ? undefined : c.lang,
    })}
    <p part="type" class="type">${type}</p>
    ${
      expired && flags !== undefined
        ? html`<p part="expired" class="flag">${icon(expiredIcon)}${t('verify.expired')}</p>`
        : nothing
    }
    ${flags}
    <dl class="facts">
      <div part="issuer">
        <dt>${t(achievement ? 'offeredBy' : 'issuedBy')}</dt>
        <dd>
          ${
            // A compact card (a catalog or wallet tile) names its issuer without a link: a list of
            // tiles would otherwise put one identical issuer link before each tile's own controls.
            link(
              compact ? '' : view.issuer?.url,
              view.issuer?.name
                ? html`<span lang=${c.lang} dir="auto">${view.issuer.name}</span>`
                : t('unknownIssuer'),
            )
          }
        </dd>
      </div>
      ${full?.recipientFact(view, c)}
      ${
        view.issued && !achievement
          ? html`<div part="dates">
              <dt>${t('issued')}</dt>
              <dd>${dateOf(c.localize, view.issued)}</dd>
            </div>`
          : nothing
      }
      ${
        view.validUntil && (!compact || expired)
          ? html`<div part="dates">
              <dt>${t(expired ? 'expired' : 'expires')}</dt>
              <dd>${dateOf(c.localize, view.validUntil)}</dd>
            </div>`
          : nothing
      }
      ${full?.creditsFact(view, c)}
    </dl>
    ${full?.description(view, c)}
  `;
}

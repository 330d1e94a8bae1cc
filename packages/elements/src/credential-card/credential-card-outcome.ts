/**
 * What `<mc-credential-card>` shows besides a credential it read: why it cannot show its input, in
 * words (the error state), the credentials of a Verifiable Presentation (issue 14), and the verdict
 * of a verify button inside it. A lazy chunk, loaded only when reading failed or a verify button
 * reported, so a card that shows its credential never downloads it. Not a public module.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isExpired, isNotYetValid, McError, type CredentialView, type McErrorCode } from '@microcred/core';
import type { McVerifiedEvent } from '../verify-button/verify-button-events.js';
import { notYetValidIcon, statusIcon } from '../status/status.js';
import { lookInside } from '@microcred/core/parse/look-inside.js';
import { presentationOf } from '@microcred/core/wallet/presentation-items.js';
import type { LocalizeController } from '../i18n/localize.js';
import { heading } from '../internal/heading.js';
import { icon } from '../internal/icon.js';
export { default as styles } from './credential-card-outcome.styles.js';

/** Most credentials of one presentation shown as cards (the rest are counted, not shown). */
export const MAX_SHOWN = 20;

const alertIcon = 'M8 1 15.5 14.5H.5zm-.75 5v4h1.5V6zm0 5v1.5h1.5V11z';

/** Why the card shows no credential: the error, and the credentials of a presentation (`held`). */
export interface Failure {
  error: McError;
  /** The entries of the presentation's `verifiableCredential` (any shape), when the input is one. */
  held?: unknown[];
}

/**
 * Looks inside `input`, which `normalizeCredential` could not read (`e`, its error; `input` is
 * `undefined` when the download failed): the credential text of an envelope to read instead
 * (`inner`), or what to show. A presentation (JSON, VP-JWT or enveloped) is opened unless `card`
 * is itself in a presentation's list (it does not open another: no unbounded nesting). `fallback`
 * is the error code when `e` is not an `McError`.
 */
export function explain(
  card: HTMLElement,
  input: unknown,
  e: unknown,
  fallback: McErrorCode,
): Failure | { inner: string } {
  const nested = (card.getRootNode() as ShadowRoot).host?.localName == card.localName;
  let inside;
  try {
    inside = input === undefined ? undefined : lookInside(input);
  } catch {
    // Whatever it is, the original error stands.
  }
  if (inside && 'inner' in inside) return inside;
  const error = (inside ??
    (e instanceof McError
      ? e
      : new McError(fallback, e instanceof Error ? e.message : String(e), { cause: e }))) as McError;
  const vp = nested || input === undefined ? undefined : presentationOf(input);
  return vp
    ? {
        error:
          error.code === 'presentation' ? error : new McError('presentation', error.message, { cause: e }),
        held: [vp['verifiableCredential']].flat().filter((c) => c !== undefined),
      }
    : { error };
}

/** The error state: what could not be shown, and why, in words. */
function message(localize: LocalizeController, error: McError): TemplateResult {
  const status = (error as McError & { status?: number }).status ?? '?';
  // 401, 403, 404 and 410 have their own words.
  const http = (
    [401, 403, 404, 410].includes(status as number) ? `-${status}` : ''
  ) as `-${401 | 403 | 404 | 410}`;
  return html`<div part="error" class="error" role="alert">
    ${icon(alertIcon)}
    <p>
      <strong>${localize.t('errorTitle')}</strong><br />${localize.t(
        error.code === 'http' ? `error.http${http}` : `error.${error.code}`,
        { status },
      )}
    </p>
  </div>`;
}

/**
 * A presentation's credentials: a heading at `level`, then a list of compact cards (their names one
 * level below; the list keeps its bullets: Safari drops the list role of a list without them), at most {@link MAX_SHOWN}, and how many more there are. Each entry is given to its
 * card as it is: a card reads (or says why it cannot read) any shape.
 */
function presentation(
  localize: LocalizeController,
  held: unknown[],
  level: number,
  now: Date | undefined,
): TemplateResult {
  const { t } = localize;
  const shown = held.slice(0, MAX_SHOWN);
  return html`<section part="presentation" class="presentation">
    ${heading(level, t('presentation.title'))}
    <p>
      ${
        held.length
          ? t(localize.plural(held.length) === 'one' ? 'presentation.countOne' : 'presentation.countOther', {
              count: localize.number(held.length),
            })
          : t('presentation.empty')
      }
      ${
        held.length > shown.length
          ? t('presentation.more', {
              shown: localize.number(shown.length),
              count: localize.number(held.length - shown.length),
            })
          : nothing
      }
    </p>
    ${
      shown.length
        ? html`<ul>
            ${shown.map(
              (c) =>
                html`<li>
                  <mc-credential-card
                    variant="compact"
                    heading-level=${Math.min(6, level + 1)}
                    .credential=${c ?? ''}
                    .now=${now}
                  ></mc-credential-card>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </section>`;
}

/** What the card shows for `failure`: a presentation's credentials, else the error. */
export function render(
  localize: LocalizeController,
  { error, held }: Failure,
  level: number,
  now: Date | undefined,
): TemplateResult {
  return held ? presentation(localize, held, level, now) : message(localize, error);
}

/**
 * The flags after "Expired" (which the card draws itself), with the shared status icons
 * (status/status.ts): "Not valid until…" at `now` (a calendar), and the status a verify button in
 * the card reported (`verdict`) in the shared words `verify.<status>`: verified, revoked, suspended,
 * failed verification or could not verify (expired and not yet valid are the date flags').
 * `undefined` while the verify button in the card's status slot that reported `verdict`
 * (`verifier`, the event's target), or without a verdict the button beside the card named by its
 * `for` (`verifier`), shows a result: the card then draws no flag, not even Expired.
 */
export function flags(
  card: Element,
  view: CredentialView,
  now: Date,
  verdict: McVerifiedEvent | undefined,
  verifier: Node | undefined,
  localize: LocalizeController,
): TemplateResult | undefined {
  // Said once (issue 13 item 6): while the verify button that reported the verdict is (in) a child
  // in the card's status slot, or a button beside the card (named by its `for`, `verifier` without
  // a verdict) shows a result, that button says the status (icon, words, reason): no flag at all.
  if (
    verdict
      ? [...card.children].some((c) => c.slot == 'status' && c.contains(verifier!))
      : /^(verified|expired|revoked|invalid|unknown)$/.test((verifier as { state?: string })?.state ?? '')
  )
    return undefined;
  const { t } = localize;
  // The button's words for its `revoked` outcome (verify-button-outcome.ts revokedWord, not imported:
  // it would be a chunk of its own on the verify page): Suspended when suspended and not revoked.
  const codes = verdict?.report.checks.map((c) => c.code) ?? [];
  const s =
    verdict?.outcome == 'revoked' && codes.includes('suspended') && !codes.includes('revoked')
      ? 'suspended'
      : verdict?.outcome;
  const early = !isExpired(view, now) && isNotYetValid(view, now) && view.validFrom;
  return html`${
    early
      ? html`<p class="flag">
          ${icon(notYetValidIcon)}${t('notYetValid', { date: localize.date(view.validFrom!) })}
        </p>`
      : nothing
  }${
    // expired is the date flag's; so is a failure that is only the start date (the button's Not yet valid)
    s && s != 'expired' && !(early && s == 'invalid')
      ? html`<p part="verdict" class="flag ${s}">${icon(statusIcon[s])}${t(`verify.${s}`)}</p>`
      : nothing
  }`;
}

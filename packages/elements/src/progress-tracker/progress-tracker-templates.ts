/**
 * `<mc-progress-tracker>`'s templates: the loading and error states, the name, summary and progress
 * bar (full and compact), the complete and next-step panels, each requirement (nested for groups)
 * with its state, dates and reviewer feedback. They take a narrow typed view of the tracker
 * ({@link TrackerView}), never the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  McError,
  PathwayProgress,
  PathwayRequirement,
  RequirementProgress,
  RequirementState,
} from '@microcred/core';
import { idUrl } from '@microcred/core/normalize/fields.js';
import { chooseVersion, sentence, textLang } from '@microcred/core/model/issuer-text.js';
import { heading } from '../internal/heading.js';
import { marked, named } from '../i18n/named.js';
import { expiredIcon, notYetValidIcon, revokedIcon, suspendedIcon, verifiedIcon } from '../status/status.js';
import type { LocalizeController, Translator } from '../i18n/localize.js';
import type { TrackerStringKey } from './strings-en.js';

/** What the templates may use of the tracker. */
export interface TrackerView {
  /** The tracker's strings. */
  t: Translator<TrackerStringKey>;
  /** Dates and numbers in the tracker's locale. */
  localize: LocalizeController;
  /** The computed progress of the requirement with this id, if the pathway has one. */
  byId(id: string): RequirementProgress | undefined;
  /** The tracker's `heading-level`, checked. */
  level(): number;
  /** Reviewer feedback (Markdown, `#` at `level`) as a template; plain text until the Markdown chunk has loaded. */
  md(text: string, level: number): unknown;
  /** A next step's call to action was activated. */
  act(p: RequirementProgress, e: Event): void;
  /** A requirement's name was activated. */
  select(p: RequirementProgress): void;
  /** The host handles the events (`actionable`): buttons without an address. */
  on(): boolean;
}

const rel = 'noopener noreferrer';

/**
 * A requirement's name and its `lang` (`''`: the issuer's, language unknown; none: a name of ours):
 * its catalog translation into the page's language when there is one (core's `chooseVersion`, the
 * rule the catalog follows too), else its own, else its earned credential's.
 */
export function versionOf(v: TrackerView, req: PathwayRequirement): [string, string?] {
  const c = v.byId(req.id)?.credential;
  if (!req.name) return c?.achievementName ? [c.achievementName, textLang(c.language)] : [nameOf(v, req)];
  const all = (req.kind === 'achievement' && req.translations) || [];
  const t = chooseVersion(v.localize.locale, { language: req.language, translations: all }, (id) =>
    all.find((x) => x.id === id),
  );
  return t ? [t.name, textLang(t.lang)] : [req.name, textLang(req.language)];
}

/** The name shown for a requirement in a sentence: its own, its earned credential's, or one made from its id. */
export function nameOf(v: TrackerView, req: PathwayRequirement): string {
  if (req.name) return req.name;
  const held = v.byId(req.id)?.credential?.achievementName;
  if (held) return held;
  if (req.kind === 'achievement') {
    const tail =
      req.achievementId
        .replace(/(?<![/#?])[/#?]+$/, '')
        .split(/[/#:]/)
        .pop() ?? req.achievementId;
    return tail.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
  return v.t(req.kind === 'all' ? 'groupAll' : 'groupN', { n: req.n });
}

/** The loading state (also what a server renders for a `src`). */
export const renderLoading = (t: Translator<TrackerStringKey>): TemplateResult =>
  html`<section part="base" class="base" aria-busy="true">
    <p part="loading" role="status">${t('loading')}</p>
  </section>`;

/** The error state: a translated message by the error's `code`. */
export function renderError(t: Translator<TrackerStringKey>, error: McError): TemplateResult {
  const status = (error as McError & { status?: number }).status;
  const code = error.code;
  const message =
    code === 'http'
      ? t('error.http', { status: status ?? '?' })
      : code === 'network' || code === 'timeout'
        ? t('error.network')
        : code === 'schema' || code === 'invalid-json'
          ? t('error.schema')
          : t('error.other');
  return html`<section part="base" class="base">
    <div part="error" class="error" role="alert">
      <p><strong>${t('errorTitle')}</strong><br />${message}</p>
    </div>
  </section>`;
}

/** The tracker once it has a pathway (`p`, computed), or its empty state. */
export function renderTracker(
  v: TrackerView,
  p: PathwayProgress | undefined,
  compact: boolean,
): TemplateResult {
  const { t } = v;
  if (!p) return html`<section part="base" class="base"><p class="empty">${t('empty')}</p></section>`;
  const name = p.pathway.name;
  const lang = textLang(p.pathway.language);
  const summary = t('summary', {
    done: v.localize.number(p.done),
    total: v.localize.number(p.required),
  });
  // Named "Progress through <name>" by a hidden sentence, the name in its language (WCAG 3.1.2).
  const bar = html`${named('progress-name', t('progressLabel', { name: '\0' }), name, lang)}
    <div
      part="progress"
      class="bar"
      role="progressbar"
      aria-labelledby="progress-name"
      aria-valuemin="0"
      aria-valuemax=${p.required}
      aria-valuenow=${p.done}
      aria-valuetext=${summary}
    >
      <span class="fill" style="inline-size: ${p.percent}%"></span>
    </div>`;
  if (compact) {
    const next = p.nextSteps[0];
    return html`<section part="base" class="base compact" aria-labelledby="name">
      <p class="compact-line">
        <span part="name" id="name" class="compact-name" lang=${lang} dir="auto">${name}</span>
        <span part="summary" class="summary"
          >${p.complete ? html`${icon('earned')} ${t('complete')}` : summary}</span
        >
      </p>
      ${bar}
      ${
        next && !p.complete
          ? html`<p class="compact-next">${t('nextStep')}: ${renderAction(v, next)}</p>`
          : nothing
      }
    </section>`;
  }
  const level = v.level();
  const sub = Math.min(6, level + 1);
  return html`<section part="base" class="base" aria-labelledby="name">
    ${heading(level, html`<span dir="auto">${name}</span>`, { part: 'name', id: 'name', lang })}
    ${p.pathway.description ? html`<p class="description" lang=${lang} dir="auto">${p.pathway.description}</p>` : nothing}
    <p part="summary" class="summary">${summary}</p>
    ${bar} ${p.complete ? renderComplete(v, p, sub) : renderNext(v, p, sub)}
    ${heading(sub, t('requirements'), { id: 'requirements' })}
    <ol part="steps" class="steps" aria-labelledby="requirements">
      ${p.root.children.map((c) => renderStep(v, c, sub + 1))}
    </ol>
  </section>`;
}

// One distinct shape per state, so state never depends on color (the words are always shown too).
// Expired, revoked, suspended and not yet valid are a credential's statuses: their icons (and words) are the ones
// the verify button and the wallet use (status/status.ts); earned is the verified tick.
const ICONS: Record<RequirementState | 'locked', string> = {
  earned: verifiedIcon,
  // an hourglass: waiting for a reviewer (the clock is "Expired")
  'in-review':
    'M3 1h10v1.5h-1.2c0 2.2-1.2 3.6-2.6 5.5 1.4 1.9 2.6 3.3 2.6 5.5H13V15H3v-1.5h1.2c0-2.2 1.2-3.6 2.6-5.5C5.4 6.1 4.2 4.7 4.2 2.5H3z',
  submitted: 'M1 7.5 15 1l-4 14-3-5.5zm3.2.2 4.3 1.6L12.6 4z',
  returned: 'M6 2 1 6.5 6 11V8c4 0 6.5 1 8 5 0-5-2.5-8.5-8-9z',
  'in-progress': 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5v11a5.5 5.5 0 0 0 0-11z',
  'not-started': 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11z',
  expired: expiredIcon,
  revoked: revokedIcon,
  suspended: suspendedIcon,
  'not-yet-valid': notYetValidIcon,
  locked: 'M5 7V5a3 3 0 0 1 6 0v2h1.5v8h-9V7zm1.5 0h3V5a1.5 1.5 0 0 0-3 0z',
};
const icon = (state: RequirementState | 'locked'): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d=${ICONS[state]} />
  </svg>`;

function renderComplete(v: TrackerView, p: PathwayProgress, level: number): TemplateResult {
  const { t } = v;
  const cred = p.stackCredential;
  return html`<div part="complete" class="panel complete" role="status">
    ${heading(level, html`${icon('earned')} ${t('complete')}`)}
    <p>${t('completeText')}</p>
    ${
      cred
        ? html`<p>
            <strong>${t('stackCredential')}:</strong>
            ${marked(cred.name, textLang(cred.language))}${
              cred.issued ? html` — ${t('earnedOn', { date: v.localize.date(cred.issued) })}` : nothing
            }
          </p>`
        : nothing
    }
  </div>`;
}

function renderNext(v: TrackerView, p: PathwayProgress, level: number): TemplateResult {
  const { t } = v;
  const steps = p.nextSteps.slice(0, 3);
  return html`<div part="next-step" class="panel next">
    ${heading(level, steps.length > 1 ? t('nextSteps') : t('nextStep'))}
    ${
      steps.length
        ? html`<ul class="next-list">
            ${steps.map((s) => html`<li>${renderAction(v, s)}</li>`)}
          </ul>`
        : html`<p>${t('noNextStep')}</p>`
    }
  </div>`;
}

function renderAction(v: TrackerView, s: RequirementProgress): TemplateResult {
  const state = s.state === 'earned' ? 'not-started' : s.state;
  const key =
    (`action.${state}` as TrackerStringKey) in actionKeys
      ? (`action.${state}` as TrackerStringKey)
      : 'action.not-started';
  // "Continue <name>": the issuer's name marked with its language inside our sentence (WCAG 3.1.2).
  const [name, lang] = versionOf(v, s.requirement);
  const label =
    lang === undefined
      ? v.t(key, { name })
      : // one inline run: the control is a flex box, where the verb and the name as two items lose their space
        html`<span>${sentence(v.t(key, { name: '\0' }), marked(name, lang))}</span>`;
  // A real link when there is an address; a button only when the host handles mc-next-step.
  return control(v, idUrl(s.record?.url), s, 'action', label, (e) => v.act(s, e));
}

/**
 * A control that does something (issue 13): a link to `url` (else, unless the host handles the
 * events, to the achievement's http(s) id), a button when the host handles them, or else text.
 */
function control(
  v: TrackerView,
  url: string | undefined,
  s: RequirementProgress,
  part: string,
  label: unknown,
  fire: (e: Event) => void,
): TemplateResult {
  url ??= v.on() ? url : idUrl(s.requirement.achievementId);
  return url
    ? html`<a part=${part} class=${part} href=${url} target="_blank" rel=${rel} @click=${fire}>${label}</a>`
    : v.on()
      ? html`<button part=${part} type="button" class=${part} @click=${fire}>${label}</button>`
      : html`<b part=${part}>${label}</b>`;
}

function stateText(
  v: TrackerView,
  s: RequirementProgress,
): { state: RequirementState | 'locked'; words: string } {
  if (s.blockedBy.length && !s.satisfied && s.state === 'not-started')
    return { state: 'locked', words: v.t('state.locked') };
  const st = s.state;
  // a credential's status in the words the verify button and the wallet use
  return {
    state: st,
    words:
      st === 'not-yet-valid'
        ? v.localize.t('verify.notYetValid')
        : ['expired', 'revoked', 'suspended'].includes(st)
          ? v.localize.t(`verify.${st as 'expired'}`)
          : v.t(`state.${st as 'earned'}`),
  };
}

function renderStep(v: TrackerView, s: RequirementProgress, level: number): TemplateResult {
  const { t } = v;
  const req = s.requirement;
  const { state, words } = stateText(v, s);
  const [name, lang] = versionOf(v, req);
  const after = s.requirement.prerequisites.map((id) => {
    const found = v.byId(id)?.requirement;
    return found ? versionOf(v, found)[0] : id;
  });
  const r = s.record;
  const meta: unknown[] = [];
  if (s.optional) meta.push(t('optional'));
  if (s.state === 'in-progress' && r?.percent !== undefined)
    meta.push(
      t('percent', {
        percent: new Intl.NumberFormat(v.localize.locale, { style: 'percent' }).format(r.percent / 100),
      }),
    );
  if ((s.state === 'submitted' || s.state === 'in-review') && r?.submitted)
    meta.push(t('submittedOn', { date: v.localize.date(r.submitted) }));
  if (s.state === 'in-review' && r?.expected)
    meta.push(t('expectedBy', { date: v.localize.date(r.expected) }));
  if (s.state === 'earned' && s.credential?.issued)
    meta.push(t('earnedOn', { date: v.localize.date(s.credential.issued) }));
  if (s.expiredAccepted) meta.push(t('expiredAccepted'));
  if (s.state === 'expired' && s.credential?.validUntil)
    meta.push(t('expiredOn', { date: v.localize.date(s.credential.validUntil) }));
  // names in a list punctuated as the page's language does ("A، وB", "A、B和C"), not an English comma
  if (after.length && !s.satisfied)
    meta.push(
      t('after', { names: new Intl.ListFormat(v.localize.locale, { type: 'conjunction' }).format(after) }),
    );
  const group = req.kind !== 'achievement';
  return html`<li part="step" class="step" data-state=${state}>
    <div class="step-head">
      <span part="state" class="state">${icon(state)}<span class="state-words">${words}</span></span>
      ${control(v, undefined, s, 'requirement-name', marked(name, lang), () => v.select(s))}
      ${group ? html`<span class="group-count">${t('groupProgress', { done: s.done, total: s.required })}</span>` : nothing}
    </div>
    ${meta.length ? html`<p class="meta">${meta.map((m, i) => html`${i ? ' · ' : ''}${m}`)}</p>` : nothing}
    ${s.state === 'returned' && r?.feedback ? renderFeedback(v, s, level) : nothing}
    ${
      group
        ? html`<ol class="steps nested">
            ${req.children.map((_, i) => renderStep(v, s.children[i]!, level))}
          </ol>`
        : nothing
    }
  </li>`;
}

function renderFeedback(v: TrackerView, s: RequirementProgress, level: number): TemplateResult {
  const f = s.record!.feedback!;
  const { t } = v;
  return html`<div part="feedback" class="feedback">
    ${heading(Math.min(6, level), f.reviewer ? t('feedbackFrom', { name: f.reviewer }) : t('feedback'))}
    ${f.date ? html`<p class="meta">${v.localize.date(f.date)}</p>` : nothing}
    ${f.comment ? html`<div dir="auto">${v.md(f.comment, Math.min(6, v.level() + 2))}</div>` : nothing}
    ${
      f.criteria.length
        ? html`<dl class="levels" aria-label=${t('rubricLevels')}>
            ${f.criteria.map(
              (c) =>
                html`<div>
                  <dt dir="auto">${c.criterion}</dt>
                  <dd dir="auto">${c.level}</dd>
                </div>`,
            )}
          </dl>`
        : nothing
    }
  </div>`;
}

const actionKeys: Partial<Record<TrackerStringKey, true>> = {
  'action.not-started': true,
  'action.in-progress': true,
  'action.returned': true,
  'action.expired': true,
  'action.revoked': true,
};

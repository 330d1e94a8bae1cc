/**
 * `<mc-progress-tracker>`'s templates below the summary: the complete and next-step panels, each
 * requirement (nested for groups) with its state, dates and reviewer feedback. They take a narrow
 * typed view of the tracker ({@link TrackerView}), never the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  PathwayProgress,
  PathwayRequirement,
  RequirementProgress,
  RequirementState,
} from '@microcred/core';
import { idUrl } from '@microcred/core/normalize/fields.js';
import { heading } from '../internal/heading.js';
import type { LocalizeController, Translator } from '../i18n/localize.js';
import type { TrackerStringKey } from './strings-en.js';

/** What the templates may use of the tracker. */
export interface TrackerView {
  /** The tracker's strings. */
  t: Translator<TrackerStringKey>;
  /** Dates and numbers in the tracker's locale. */
  localize: LocalizeController;
  /** The name shown for a requirement. */
  nameOf(req: PathwayRequirement): string;
  /** The requirement with this id, if the pathway has one. */
  find(id: string): PathwayRequirement | undefined;
  /** Reviewer feedback (Markdown) as a template; plain text until the Markdown chunk has loaded. */
  md(text: string): unknown;
  /** A next step's call to action was activated. */
  act(p: RequirementProgress, e: Event): void;
  /** A requirement's name was activated. */
  select(p: RequirementProgress): void;
  /** The host handles the events (`actionable`): buttons without an address. */
  on(): boolean;
}

const rel = 'noopener noreferrer';

// One distinct shape per state, so state never depends on color (the words are always shown too).
const ICONS: Record<RequirementState | 'locked', string> = {
  earned: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.3 1.1 1.1L7 11.8 3.6 8.4l1.1-1.1L7 9.6z',
  'in-review':
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM7.25 4v4.3l3 1.8.77-1.28-2.27-1.37V4z',
  submitted: 'M1 7.5 15 1l-4 14-3-5.5zm3.2.2 4.3 1.6L12.6 4z',
  returned: 'M6 2 1 6.5 6 11V8c4 0 6.5 1 8 5 0-5-2.5-8.5-8-9z',
  'in-progress': 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5v11a5.5 5.5 0 0 0 0-11z',
  'not-started': 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11z',
  expired: 'M8 1 15.5 14.5H.5zm-.75 5v4h1.5V6zm0 5v1.5h1.5V11z',
  revoked:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM3.8 4.9l7.3 7.3A5.5 5.5 0 0 1 3.8 4.9zm1.1-1.1a5.5 5.5 0 0 1 7.3 7.3z',
  locked: 'M5 7V5a3 3 0 0 1 6 0v2h1.5v8h-9V7zm1.5 0h3V5a1.5 1.5 0 0 0-3 0z',
};
export const icon = (state: RequirementState | 'locked'): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d=${ICONS[state]} />
  </svg>`;

export function renderComplete(v: TrackerView, p: PathwayProgress, level: number): TemplateResult {
  const { t } = v;
  const cred = p.stackCredential;
  return html`<div part="complete" class="panel complete" role="status">
    ${heading(level, html`${icon('earned')} ${t('complete')}`)}
    <p>${t('completeText')}</p>
    ${
      cred
        ? html`<p>
            <strong>${t('stackCredential')}:</strong> ${cred.name}${
              cred.issued ? html` — ${t('earnedOn', { date: v.localize.date(cred.issued) })}` : nothing
            }
          </p>`
        : nothing
    }
  </div>`;
}

export function renderNext(v: TrackerView, p: PathwayProgress, level: number): TemplateResult {
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

export function renderAction(v: TrackerView, s: RequirementProgress): TemplateResult {
  const state = s.state === 'earned' ? 'not-started' : s.state;
  const key =
    (`action.${state}` as TrackerStringKey) in actionKeys
      ? (`action.${state}` as TrackerStringKey)
      : 'action.not-started';
  const label = v.t(key, { name: v.nameOf(s.requirement) });
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
  return { state: s.state, words: v.t(`state.${s.state}`) };
}

export function renderStep(v: TrackerView, s: RequirementProgress, level: number): TemplateResult {
  const { t } = v;
  const req = s.requirement;
  const { state, words } = stateText(v, s);
  const name = v.nameOf(req);
  const after = s.requirement.prerequisites.map((id) => {
    const found = v.find(id);
    return found ? v.nameOf(found) : id;
  });
  const r = s.record;
  const meta: unknown[] = [];
  if (s.optional) meta.push(t('optional'));
  if (s.state === 'in-progress' && r?.percent !== undefined)
    meta.push(t('percent', { percent: v.localize.number(r.percent) }));
  if ((s.state === 'submitted' || s.state === 'in-review') && r?.submitted)
    meta.push(t('submittedOn', { date: v.localize.date(r.submitted) }));
  if (s.state === 'in-review' && r?.expected)
    meta.push(t('expectedBy', { date: v.localize.date(r.expected) }));
  if (s.state === 'earned' && s.credential?.issued)
    meta.push(t('earnedOn', { date: v.localize.date(s.credential.issued) }));
  if (s.expiredAccepted) meta.push(t('expiredAccepted'));
  if (s.state === 'expired' && s.credential?.validUntil)
    meta.push(t('expiredOn', { date: v.localize.date(s.credential.validUntil) }));
  if (after.length && !s.satisfied) meta.push(t('after', { names: after.join(', ') }));
  const group = req.kind !== 'achievement';
  return html`<li part="step" class="step" data-state=${state}>
    <div class="step-head">
      <span part="state" class="state">${icon(state)}<span class="state-words">${words}</span></span>
      ${control(v, undefined, s, 'requirement-name', name, () => v.select(s))}
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

export function renderFeedback(v: TrackerView, s: RequirementProgress, level: number): TemplateResult {
  const f = s.record!.feedback!;
  const { t } = v;
  return html`<div part="feedback" class="feedback">
    ${heading(Math.min(6, level), f.reviewer ? t('feedbackFrom', { name: f.reviewer }) : t('feedback'))}
    ${f.date ? html`<p class="meta">${v.localize.date(f.date)}</p>` : nothing}
    ${f.comment ? v.md(f.comment) : nothing}
    ${
      f.criteria.length
        ? html`<dl class="levels" aria-label=${t('rubricLevels')}>
            ${f.criteria.map(
              (c) =>
                html`<div>
                  <dt>${c.criterion}</dt>
                  <dd>${c.level}</dd>
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

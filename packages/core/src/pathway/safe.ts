/**
 * `safeRecords()`: progress records handed over as JavaScript objects get the checks the parser
 * (./records.ts) gives the documented JSON. No zod here, so an element can use it at once without
 * loading the parsers.
 */
import { idUrl, str, text } from '../normalize/fields.js';
import type { ProgressRecord, RecordState, ReviewFeedback } from './types.js';
import { isObj } from '../parse/parse-input.js';

/** The states a progress record may carry. */
export const RECORD_STATES = [
  'not-started',
  'in-progress',
  'submitted',
  'in-review',
  'returned',
  'earned',
  'expired',
] as const satisfies readonly RecordState[];

const validDate = (v: unknown): Date | undefined =>
  v instanceof Date && !Number.isNaN(v.getTime()) ? new Date(v.getTime()) : undefined;

/**
 * `ProgressRecord` objects handed over as JavaScript values (e.g. `<mc-progress-tracker>.records`,
 * a provider client's answer), checked as `parseProgressRecords` checks the documented JSON:
 * a `url` that is not an absolute http(s) URL is dropped (the same normaliser test), text loses its
 * control characters, dates and numbers are checked for their type, and records without an
 * achievement id or a known state are skipped. Never throws; the input is not changed.
 */
export function safeRecords(input: readonly unknown[]): ProgressRecord[] {
  return input.flatMap((v) => {
    if (!isObj(v)) return [];
    const achievementId = str(v['achievementId']);
    const state = v['state'] as RecordState;
    if (!achievementId || !(RECORD_STATES as readonly string[]).includes(state)) return [];
    const record: ProgressRecord = { achievementId, state };
    const learner = str(v['learner']);
    const percent = v['percent'];
    const credentialId = str(v['credentialId']);
    const url = idUrl(v['url']);
    if (learner) record.learner = learner;
    if (typeof percent === 'number' && percent >= 0 && percent <= 100) record.percent = percent;
    for (const k of ['submitted', 'expected', 'updated'] as const) {
      const d = validDate(v[k]);
      if (d) record[k] = d;
    }
    if (credentialId) record.credentialId = credentialId;
    if (url) record.url = url;
    const f = v['feedback'];
    if (isObj(f)) {
      const feedback: ReviewFeedback = {
        criteria: (Array.isArray(f['criteria']) ? f['criteria'] : []).flatMap((c) => {
          const criterion = isObj(c) ? str(c['criterion']) : undefined;
          const level = isObj(c) ? str(c['level']) : undefined;
          return criterion && level ? [{ criterion, level }] : [];
        }),
      };
      const comment = text(f['comment']);
      const reviewer = str(f['reviewer']);
      const date = validDate(f['date']);
      if (comment) feedback.comment = comment;
      if (reviewer) feedback.reviewer = reviewer;
      if (date) feedback.date = date;
      record.feedback = feedback;
    }
    return [record];
  });
}

/** Progress records: the documented JSON the host's API returns, validated and typed. */
import * as z from 'zod/mini';
import { McError } from '../model/errors.js';
import { idUrl } from '../normalize/fields.js';
import { ProgressDocumentSchema, ProgressRecordSchema } from './schema.js';
import type { ProgressRecord } from './types.js';

const date = (v: string | undefined): Date | undefined => {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** Problems found in progress records (records skipped). */
export interface RecordIssue {
  path: string;
  message: string;
}

/**
 * Reads progress records: `{ learner?, records: [...] }` or a bare array. Records that fail
 * validation are skipped and listed in `issues`.
 * @throws {McError} `schema` when the document is neither shape.
 */
export function parseProgressRecords(input: unknown): {
  learner?: string;
  records: ProgressRecord[];
  issues: RecordIssue[];
} {
  const doc = z.safeParse(ProgressDocumentSchema, Array.isArray(input) ? { records: input } : input);
  if (!doc.success)
    throw new McError(
      'schema',
      'These are not progress records: expected { "records": [...] } or an array of records.',
    );
  const issues: RecordIssue[] = [];
  const records = doc.data.records.flatMap((raw, i) => {
    const r = z.safeParse(ProgressRecordSchema, raw);
    if (!r.success) {
      const first = r.error.issues[0];
      issues.push({
        path: `records[${i}]${first?.path.length ? '.' + first.path.join('.') : ''}`,
        message: `skipped: ${first?.message ?? 'invalid'}`,
      });
      return [];
    }
    const v = r.data;
    const record: ProgressRecord = { achievementId: v.achievement.trim(), state: v.state };
    const learner = v.learner ?? doc.data.learner;
    if (learner) record.learner = learner;
    if (v.percent !== undefined) record.percent = v.percent;
    const submitted = date(v.submitted);
    const expected = date(v.expected);
    const updated = date(v.updated);
    if (submitted) record.submitted = submitted;
    if (expected) record.expected = expected;
    if (updated) record.updated = updated;
    if (v.credential) record.credentialId = v.credential;
    const url = idUrl(v.url);
    if (url) record.url = url;
    if (v.feedback) {
      const f = v.feedback;
      const fd = date(f.date);
      record.feedback = {
        criteria: (f.criteria ?? []).map((c) => ({ criterion: c.criterion, level: c.level })),
        ...(f.comment?.trim() ? { comment: f.comment.trim() } : {}),
        ...(f.reviewer?.trim() ? { reviewer: f.reviewer.trim() } : {}),
        ...(fd ? { date: fd } : {}),
      };
    }
    return [record];
  });
  return { ...(doc.data.learner ? { learner: doc.data.learner } : {}), records, issues };
}

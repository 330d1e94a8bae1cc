/** zod (mini) schemas of the pathway document and progress records (trust boundary). */
import * as z from 'zod/mini';
import { RECORD_STATES } from './safe.js';

const text = z.string().check(z.trim(), z.minLength(1));
const dateLike = z
  .string()
  .check(z.refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be a date like 2026-05-01' }));
const ids = z.union([text, z.array(text)]);

/** Fields every requirement may have. */
const common = {
  id: z.optional(text),
  name: z.optional(text),
  description: z.optional(z.string()),
  optional: z.optional(z.boolean()),
  prerequisites: z.optional(ids),
};

/** A requirement: a bare achievement id (an array means all of), `{achievement}`, `{allOf: [...]}` or `{nOf, of: [...]}`. */
export const RequirementSchema = z.union([
  text,
  z.looseObject({
    ...common,
    achievement: text,
    alsoMatches: z.optional(ids),
    alignment: z.optional(
      z.array(z.looseObject({ targetUrl: z.optional(z.string()), targetCode: z.optional(z.string()) })),
    ),
    acceptExpired: z.optional(z.boolean()),
  }),
  z.looseObject({ ...common, allOf: z.array(z.unknown()), achievement: z.optional(text) }),
  z.looseObject({
    ...common,
    nOf: z.int().check(z.nonnegative()),
    of: z.array(z.unknown()),
    achievement: z.optional(text),
  }),
]);

/** The pathway document. */
export const PathwaySchema = z.looseObject({
  id: text,
  name: text,
  description: z.optional(z.string()),
  achievement: z.optional(z.union([text, z.looseObject({ id: text, name: z.optional(z.string()) })])),
  acceptExpired: z.optional(z.boolean()),
  matchAlignments: z.optional(z.boolean()),
  requirement: z.unknown(),
});

export { RECORD_STATES };

/** One progress record. */
export const ProgressRecordSchema = z.looseObject({
  achievement: text,
  state: z.enum(RECORD_STATES),
  learner: z.optional(text),
  percent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  submitted: z.optional(dateLike),
  expected: z.optional(dateLike),
  updated: z.optional(dateLike),
  credential: z.optional(text),
  url: z.optional(z.string()),
  feedback: z.optional(
    z.looseObject({
      comment: z.optional(z.string()),
      reviewer: z.optional(z.string()),
      date: z.optional(dateLike),
      criteria: z.optional(z.array(z.looseObject({ criterion: text, level: text }))),
    }),
  ),
});

/** `{ learner?, records: [...] }` or a bare array of records. */
export const ProgressDocumentSchema = z.looseObject({
  learner: z.optional(z.string()),
  records: z.array(z.unknown()),
});

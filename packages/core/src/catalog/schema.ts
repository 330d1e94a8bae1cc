/**
 * zod (mini) schemas of the catalog feed's extension fields — the facts a micro-credential catalog
 * needs that OB 3.0 `Achievement` lacks. Each field is checked on its own, so one bad field drops
 * only that field (with an issue) and not the whole entry.
 */
// Namespace import: `import { z }` bundles every zod locale.
import * as z from 'zod/mini';

const text = z.string().check(z.trim(), z.minLength(1));
const textList = z.union([text, z.array(text)]);
const httpUrl = z.string().check(z.regex(/^https?:\/\/[^\s]+$/i, { message: 'must be an http(s) address' }));
const dateLike = z
  .string()
  .check(z.refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be a date like 2026-05-01' }));

/** `effort`: an ISO 8601 duration (`PT10H`). */
export const EffortSchema = z.string().check(
  z.regex(/^P(?!$)(\d+([.,]\d+)?[YMWD])*(T(?=\d)(\d+([.,]\d+)?[HMS])*)?$/i, {
    message: 'must be an ISO 8601 duration such as PT10H',
  }),
);

/** `format`: how the offering is delivered. */
export const FormatSchema = z.enum(['self-paced', 'cohort', 'blended']);

/** `registration`: where and when to register. */
export const RegistrationSchema = z.looseObject({
  url: z.optional(httpUrl),
  opens: z.optional(dateLike),
  closes: z.optional(dateLike),
  cost: z.optional(z.union([text, z.number()])),
  seats: z.optional(z.int().check(z.nonnegative())),
});

/** One required piece of evidence. A bare string is read as its name. */
export const RequiredEvidenceSchema = z.union([
  text,
  z.looseObject({ name: text, description: z.optional(z.string()), kind: z.optional(text) }),
]);

/** `requiredEvidence`: the evidence a learner submits. */
export const RequiredEvidenceListSchema = z.array(RequiredEvidenceSchema);

/** Lists of words (`subjects`, `gradeBands`, `audience`, `stacks`, `tag`): a string or an array. */
export const TextListSchema = textList;

/** The required core of an entry: an OB 3.0 Achievement with an id and a name. */
export const CatalogAchievementSchema = z.looseObject({
  id: text,
  name: text,
  type: z.optional(z.union([z.string(), z.array(z.string())])),
  description: z.optional(z.string()),
});

/** A stack declared by the feed. */
export const CatalogStackSchema = z.looseObject({
  id: text,
  name: text,
  description: z.optional(z.string()),
});

/** The feed document: `{ achievements: [...] }` (alias `entries`, `items`), or a bare array. */
export const CatalogFeedSchema = z.looseObject({
  name: z.optional(z.string()),
  achievements: z.array(z.unknown()),
  stacks: z.optional(z.array(z.unknown())),
  publisher: z.optional(z.unknown()),
  /** The language of the feed's text, for entries that declare none (BCP 47). */
  inLanguage: z.optional(z.unknown()),
});

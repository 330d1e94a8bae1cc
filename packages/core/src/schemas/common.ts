/**
 * Building blocks shared by the Open Badges 2.0/3.0 and CLR 2.0 schemas (zod/mini).
 * Lenient where real credentials are untidy (one value or an array; string or object), strict where
 * it matters (required fields, `type` contents, `@context` order, date-times, URIs).
 */
// Namespace import: `import { z }` defeats tree-shaking and bundles every zod locale (~85 KB gzip vs ~5 KB).
import * as z from 'zod/mini';

/** One value or an array of them (real credentials use single values where arrays are specified). */
export const oneOrMany = <T extends z.core.SomeType>(item: T) => z.union([item, z.array(item)]);

/** The values of a one-or-many field as an array. */
export const toArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `type`: a string or a non-empty array of strings that includes one of `required`. */
export const typeIncluding = (...required: string[]) =>
  z.union([z.string(), z.array(z.string()).check(z.minLength(1))]).check(
    z.refine((v) => toArray(v).some((t) => required.includes(t as string)), {
      message: `type must include ${required.map((t) => `"${t}"`).join(' or ')}`,
    }),
  );

/** An absolute URI (any scheme: https:, urn:, did:, mailto:…). */
export const uri = z.string().check(
  z.regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, {
    message: 'must be an absolute URI such as https://… or urn:…',
  }),
);

/** An http(s) URL. */
export const httpUrl = z
  .string()
  .check(z.regex(/^https?:\/\/[^\s]+$/i, { message: 'must be an http:// or https:// address' }));

/** An RFC 3339 date-time with a time zone (OB 3.0 `DateTimeZ`). */
export const dateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date-time with a time zone, like 2024-05-01T12:00:00Z',
});

/** An ISO 8601 date (`YYYY-MM-DD`). */
export const isoDate = z.iso.date({ message: 'must be a date like 2024-05-01' });

/** A BCP 47 language tag as OB 3.0 constrains it. */
export const language = z.string().check(
  z.regex(/^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/, {
    message: 'must be a language tag such as en or es-MX',
  }),
);

/** `ext:`-prefixed extension values allowed next to OB 3.0 enumerations. */
export const extOr = (values: readonly string[], what: string) =>
  z.string().check(
    z.refine((v) => values.includes(v) || /^ext:[A-Za-z0-9.\-_|]+$/.test(v), {
      message: `must be a known ${what} or an extension starting with "ext:"`,
    }),
  );

/** The VC Data Model contexts. */
export const VC1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** OB 3.0 context URLs (versioned or not). */
export const OB3_CONTEXT_RE = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;
/** CLR 2.0 context URLs. */
export const CLR2_CONTEXT_RE =
  /^https:\/\/purl\.imsglobal\.org\/spec\/clr\/v2p0\/context(-2\.\d\.\d)*\.json$/;

/**
 * `@context`: an array whose first entry is the VC context for `model`, and which contains a context
 * matching `needed` (anywhere after the first; the official JSON Schema wants it second).
 */
export const contextOf = (model: 1 | 2, needed: RegExp, what: string) =>
  z.array(z.union([z.string(), z.looseObject({})])).check(
    z.refine((v) => v[0] === (model === 2 ? VC2_CONTEXT : VC1_CONTEXT), {
      message: `the first @context must be ${model === 2 ? VC2_CONTEXT : VC1_CONTEXT}`,
    }),
    z.refine((v) => v.some((c) => typeof c === 'string' && needed.test(c)), {
      message: `@context must include the ${what} context`,
    }),
  );

/** An issue found by validation: a JSON path (`credentialSubject.achievement.type`) and a message. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** Open Badges 2.0 schemas (zod/mini): Assertion, BadgeClass, Issuer profile. */
// Namespace import: `import { z }` defeats tree-shaking and bundles every zod locale (~85 KB gzip vs ~5 KB).
import * as z from 'zod/mini';
import { oneOrMany, toArray, uri } from './common.js';

/** The OB 2.0 JSON-LD context. */
export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

const OB2_CONTEXT_RE =
  /^https:\/\/w3id\.org\/openbadges\/v2\/?$|^https:\/\/openbadgespec\.org\/v2\/context\.json$/;

const OB2_VOCAB = 'https://w3id.org/openbadges#';

/** `@context` that is (or includes) the OB 2.0 context, by URL or inline (defining `obi:`). */
const ob2Context = z
  .union([z.string(), z.looseObject({}), z.array(z.union([z.string(), z.looseObject({})]))])
  .check(
    z.refine(
      (v) =>
        toArray(v).some((c) =>
          typeof c === 'string'
            ? OB2_CONTEXT_RE.test(c)
            : (c as Record<string, unknown>)['obi'] === OB2_VOCAB,
        ),
      {
        message: `@context must be ${OB2_CONTEXT}`,
      },
    ),
  );

/** `type` naming an OB 2.0 class (plain or as its full IRI). */
const ob2Type = (name: string) =>
  z.union([z.string(), z.array(z.string())]).check(
    z.refine(
      (v) =>
        toArray(v).some(
          (t) => t === name || t === `https://w3id.org/openbadges#${name}` || t === `obi:${name}`,
        ),
      {
        message: `type must be "${name}"`,
      },
    ),
  );

/**
 * OB 2.0 DateTime: ISO 8601 with a time (time zone optional, as the 1EdTech validator accepts)
 * or, leniently, a Unix timestamp in seconds (OB 1.x habit still found in 2.0 badges).
 */
export const Ob2DateTimeSchema = z.union([
  z.string().check(
    z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/i, {
      message: 'must be an ISO 8601 date-time, like 2016-12-31T23:59:59Z',
    }),
  ),
  z.int().check(z.nonnegative()),
]);

/** OB 2.0 Image: a URL/data URI or an Image object. */
const Ob2Image = z.union([
  uri,
  z.looseObject({ id: uri, caption: z.optional(z.string()), author: z.optional(uri) }),
]);

/** OB 2.0 Issuer (Profile). */
export const Ob2IssuerSchema = z.looseObject({
  '@context': z.optional(ob2Context),
  id: uri,
  type: z.union([z.string(), z.array(z.string())]).check(
    z.refine(
      (v) =>
        toArray(v).some((t) =>
          ['Issuer', 'Profile', 'https://w3id.org/openbadges#Issuer', 'obi:Issuer', 'obi:Profile'].includes(
            t as string,
          ),
        ),
      {
        message: 'type must be "Issuer" or "Profile"',
      },
    ),
  ),
  name: z.string(),
  url: uri,
  email: z.optional(z.string()),
  image: z.optional(Ob2Image),
  description: z.optional(z.string()),
});

const Ob2Alignment = z.looseObject({
  targetName: z.string(),
  targetUrl: uri,
  targetDescription: z.optional(z.string()),
  targetFramework: z.optional(z.string()),
  targetCode: z.optional(z.string()),
});

/** OB 2.0 BadgeClass. */
export const Ob2BadgeClassSchema = z.looseObject({
  '@context': z.optional(ob2Context),
  id: uri,
  type: ob2Type('BadgeClass'),
  name: z.string(),
  description: z.string(),
  image: Ob2Image,
  criteria: z.union([uri, z.looseObject({ id: z.optional(uri), narrative: z.optional(z.string()) })]),
  issuer: z.union([uri, Ob2IssuerSchema]),
  alignment: z.optional(oneOrMany(Ob2Alignment)),
  tags: z.optional(oneOrMany(z.string())),
});

const Ob2Recipient = z.looseObject({
  type: z.string(),
  identity: z.string(),
  hashed: z.boolean(),
  salt: z.optional(z.string()),
});

const Ob2Verification = z.looseObject({
  type: z.enum(['hosted', 'HostedBadge', 'signed', 'SignedBadge']),
  creator: z.optional(uri),
  allowedOrigins: z.optional(oneOrMany(z.string())),
  startsWith: z.optional(oneOrMany(z.string())),
});

/** OB 2.0 node ids may also be JSON-LD blank nodes (`_:b0`). */
const nodeId = z.union([uri, z.string().check(z.regex(/^_:\S+$/))]);

const Ob2Evidence = z.union([
  uri,
  z.looseObject({ id: z.optional(nodeId), narrative: z.optional(z.string()), name: z.optional(z.string()) }),
]);

/** OB 2.0 Assertion (the `badge` may be embedded or a URL). */
export const Ob2AssertionSchema = z
  .looseObject({
    '@context': ob2Context,
    id: uri,
    type: ob2Type('Assertion'),
    recipient: Ob2Recipient,
    badge: z.union([uri, Ob2BadgeClassSchema]),
    verification: Ob2Verification,
    issuedOn: Ob2DateTimeSchema,
    expires: z.optional(Ob2DateTimeSchema),
    image: z.optional(Ob2Image),
    evidence: z.optional(oneOrMany(Ob2Evidence)),
    narrative: z.optional(z.string()),
    revoked: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (v) => {
        const t = (d: unknown): number => (typeof d === 'number' ? d * 1000 : Date.parse(String(d)));
        return v.expires === undefined || !(t(v.expires) < t(v.issuedOn));
      },
      { message: 'expires must not be before issuedOn', path: ['expires'] },
    ),
  );

/** The parsed shape of an OB 2.0 Assertion. */
export type Ob2Assertion = z.infer<typeof Ob2AssertionSchema>;

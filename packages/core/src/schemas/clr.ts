/** CLR 2.0 schemas (zod/mini): ClrCredential with its bundled credentials and associations. */
// Namespace import: `import { z }` defeats tree-shaking and bundles every zod locale (~85 KB gzip vs ~5 KB).
import * as z from 'zod/mini';
import { CLR2_CONTEXT_RE, contextOf, dateTime, oneOrMany, typeIncluding, uri } from './common.js';
import {
  AchievementCredentialSchema,
  AchievementCredentialV1Schema,
  AchievementSchema,
  ImageSchema,
  ProfileRefSchema,
  IdentityObjectSchema,
} from './ob3.js';

/** CLR 2.0 association types. */
export const ASSOCIATION_TYPES = [
  'exactMatchOf',
  'isChildOf',
  'isParentOf',
  'isPartOf',
  'isPeerOf',
  'isRelatedTo',
  'precedes',
  'replacedBy',
] as const;

/** An association between two achievements. */
export const AssociationSchema = z.looseObject({
  type: z.literal('Association'),
  associationType: z.enum(ASSOCIATION_TYPES),
  sourceId: uri,
  targetId: uri,
});

const compactJws = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/, { message: 'must be a compact JWS' }));

const clrCredential = (model: 1 | 2) =>
  z
    .looseObject({
      '@context': contextOf(model, CLR2_CONTEXT_RE, 'CLR 2.0'),
      id: uri,
      type: typeIncluding('ClrCredential'),
      name: z.string(),
      description: z.optional(z.string()),
      image: z.optional(ImageSchema),
      issuer: ProfileRefSchema,
      ...(model === 2
        ? { validFrom: dateTime, validUntil: z.optional(dateTime) }
        : { issuanceDate: dateTime, expirationDate: z.optional(dateTime) }),
      awardedDate: z.optional(dateTime),
      partial: z.optional(z.boolean()),
      credentialSubject: z.looseObject({
        id: z.optional(uri),
        type: typeIncluding('ClrSubject'),
        identifier: z.optional(oneOrMany(IdentityObjectSchema)),
        achievement: z.optional(oneOrMany(AchievementSchema)),
        verifiableCredential: oneOrMany(
          z.union([AchievementCredentialSchema, AchievementCredentialV1Schema, compactJws]),
        ),
        association: z.optional(oneOrMany(AssociationSchema)),
      }),
      proof: z.optional(oneOrMany(z.looseObject({ type: z.string() }))),
    })
    .check(
      z.refine((v) => [v.type].flat().includes('VerifiableCredential'), {
        message: 'type must include "VerifiableCredential"',
        path: ['type'],
      }),
    );

/**
 * The validated shape of a ClrCredential: the fields Microcred relies on, everything else passed
 * through. (Spelled out because the fully inferred type is too large for declaration files.)
 */
export interface ClrCredentialData {
  '@context': unknown;
  id: string;
  type: string | string[];
  name: string;
  issuer: unknown;
  credentialSubject: {
    verifiableCredential: unknown;
    association?: z.infer<typeof AssociationSchema> | z.infer<typeof AssociationSchema>[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** CLR 2.0 ClrCredential on VCDM 2.0. */
export const ClrCredentialSchema: z.ZodMiniType<ClrCredentialData> = clrCredential(2);
/** CLR 2.0 ClrCredential on VCDM 1.1. */
export const ClrCredentialV1Schema: z.ZodMiniType<ClrCredentialData> = clrCredential(1);

/** A generic W3C Verifiable Credential (VCDM 2.0 and 1.1), for credentials that are not Open Badges. */
// Namespace import: `import { z }` defeats tree-shaking and bundles every zod locale (~85 KB gzip vs ~5 KB).
import * as z from 'zod/mini';
import { VC1_CONTEXT, VC2_CONTEXT, dateTime, oneOrMany, typeIncluding, uri } from './common.js';

const vc = (model: 1 | 2) =>
  z.looseObject({
    '@context': z.array(z.union([z.string(), z.looseObject({})])).check(
      z.refine((v) => v[0] === (model === 2 ? VC2_CONTEXT : VC1_CONTEXT), {
        message: `the first @context must be ${model === 2 ? VC2_CONTEXT : VC1_CONTEXT}`,
      }),
    ),
    id: z.optional(uri),
    type: typeIncluding('VerifiableCredential'),
    issuer: z.union([uri, z.looseObject({ id: uri })]),
    credentialSubject: oneOrMany(z.looseObject({ id: z.optional(uri) })),
    ...(model === 2
      ? { validFrom: z.optional(dateTime), validUntil: z.optional(dateTime) }
      : { issuanceDate: dateTime, expirationDate: z.optional(dateTime) }),
  });

/** VCDM 2.0 credential. */
export const VerifiableCredentialSchema = vc(2);
/** VCDM 1.1 credential. */
export const VerifiableCredentialV1Schema = vc(1);

/**
 * zod (`zod/mini`) schemas of the Open Badges 3.0 REST API's own documents: the `Imsx_StatusInfo`
 * error body, the `GetOpenBadgeCredentialsResponse` page and the discovery (service description)
 * document. Credentials and profiles inside them use the OB 3.0 schemas in `../schemas/`.
 */
// Namespace import: `import { z }` bundles every zod locale.
import * as z from 'zod/mini';

/** The body of every OB 3.0 API error (1EdTech `Imsx_StatusInfo`). */
export const ImsxStatusInfoSchema = z.looseObject({
  imsx_codeMajor: z.enum(['failure', 'processing', 'success', 'unsupported']),
  imsx_severity: z.enum(['error', 'status', 'warning']),
  imsx_description: z.optional(z.string()),
  imsx_codeMinor: z.optional(
    z.looseObject({
      imsx_codeMinorField: z.array(
        z.looseObject({ imsx_codeMinorFieldName: z.string(), imsx_codeMinorFieldValue: z.string() }),
      ),
    }),
  ),
});

/** An OB 3.0 API error body. */
export type ImsxStatusInfo = z.infer<typeof ImsxStatusInfoSchema>;

/** A compact JWS (`header.payload.signature`, base64url parts). */
const compactJws = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, { message: 'must be a compact JWS' }));

/**
 * `GetOpenBadgeCredentialsResponse`. One example in the specification spells the JWS list
 * `compactJwsStrings`; both spellings are accepted.
 */
export const CredentialsResponseSchema = z.looseObject({
  credential: z.optional(z.array(z.looseObject({}))),
  compactJwsString: z.optional(z.array(compactJws)),
  compactJwsStrings: z.optional(z.array(compactJws)),
});

/** The OAuth 2.0 flow of the discovery document's security scheme. */
const AuthorizationCodeFlowSchema = z.looseObject({
  authorizationUrl: z.optional(z.string()),
  tokenUrl: z.optional(z.string()),
  refreshUrl: z.optional(z.string()),
  scopes: z.optional(z.record(z.string(), z.string())),
});

/** The OB 3.0 discovery endpoint's OpenAPI document (only the parts a client needs are checked). */
export const ServiceDescriptionSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({
    title: z.string(),
    version: z.optional(z.string()),
    termsOfService: z.optional(z.string()),
    'x-imssf-privacyPolicyUrl': z.optional(z.string()),
    'x-imssf-image': z.optional(z.string()),
  }),
  servers: z.optional(z.array(z.looseObject({ url: z.string() }))),
  components: z.optional(
    z.looseObject({
      securitySchemes: z.optional(
        z.record(
          z.string(),
          z.looseObject({
            type: z.string(),
            'x-imssf-registrationUrl': z.optional(z.string()),
            flows: z.optional(z.looseObject({ authorizationCode: z.optional(AuthorizationCodeFlowSchema) })),
          }),
        ),
      ),
    }),
  ),
});

/** The parsed discovery document. */
export type ServiceDescription = z.infer<typeof ServiceDescriptionSchema>;

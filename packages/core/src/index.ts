/**
 * @microcred/core — data model, normalisation, verification and client for micro-credentials.
 * No DOM rendering and no Lit: runs in browsers and in Node.
 * @packageDocumentation
 */
export * from './model/credential-view.js';
export * from './model/errors.js';
export * from './model/errors-remote.js';
export { parseCredentialInput, isCompactJws, MAX_INPUT_SIZE, MAX_DEPTH } from './parse/parse-input.js';
export type { ParsedInput } from './parse/parse-input.js';
export { normalizeCredential } from './normalize/normalize.js';
export { detectFormat } from './normalize/detect.js';
export { UNTITLED_NAME } from './normalize/fields.js';
export { fetchCredential, CREDENTIAL_ACCEPT } from './fetch/fetch-credential.js';
export type { FetchCredentialOptions } from './fetch/fetch-credential.js';
export * from './verify/index.js';
export * from './bake/index.js';
export { validateCredential, assertValidCredential } from './schemas/validate.js';
export type { ValidationResult } from './schemas/validate.js';
export type { SchemaIssue } from './schemas/common.js';
export {
  AchievementCredentialSchema,
  AchievementCredentialV1Schema,
  AchievementSchema,
  AchievementSubjectSchema,
  AlignmentSchema,
  EndorsementCredentialSchema,
  EvidenceSchema,
  IdentityObjectSchema,
  ImageSchema,
  ProfileSchema,
  ResultDescriptionSchema,
  ResultSchema,
  RubricCriterionLevelSchema,
} from './schemas/ob3.js';
export type { AchievementCredential, Achievement, Profile } from './schemas/ob3.js';
export { Ob2AssertionSchema, Ob2BadgeClassSchema, Ob2IssuerSchema } from './schemas/ob2.js';
export type { Ob2Assertion } from './schemas/ob2.js';
export { ClrCredentialSchema, ClrCredentialV1Schema, AssociationSchema } from './schemas/clr.js';
export { createClient, parseLinkHeader } from './client/client.js';
export type {
  CallOptions,
  ClientOptions,
  CredentialsPage,
  Discovery,
  GetCredentialsOptions,
  McClient,
  PageLinks,
  UpsertResult,
} from './client/client.js';
export {
  ImsxStatusInfoSchema,
  CredentialsResponseSchema,
  ServiceDescriptionSchema,
} from './client/api-schemas.js';
export type { ImsxStatusInfo, ServiceDescription } from './client/api-schemas.js';
export {
  OB3_SCOPES,
  authorizationUrl,
  createOAuthState,
  createPkceVerifier,
  pkceChallenge,
} from './client/pkce.js';
export type { AuthorizationUrlOptions } from './client/pkce.js';
export * from './catalog/index.js';
export * from './pathway/index.js';
export * from './wallet/index.js';

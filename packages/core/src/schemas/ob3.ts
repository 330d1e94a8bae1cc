/**
 * Open Badges 3.0 schemas (zod/mini): AchievementCredential/OpenBadgeCredential on VCDM 2.0 and 1.1,
 * EndorsementCredential, Achievement, Profile, AchievementSubject, IdentityObject, Result,
 * ResultDescription, RubricCriterionLevel, Evidence, Alignment, Image.
 */
// Namespace import: `import { z }` defeats tree-shaking and bundles every zod locale (~85 KB gzip vs ~5 KB).
import * as z from 'zod/mini';
import {
  OB3_CONTEXT_RE,
  contextOf,
  dateTime,
  extOr,
  isoDate,
  language,
  oneOrMany,
  typeIncluding,
  uri,
} from './common.js';

/** OB 3.0 `achievementType` values (an `ext:` extension is also allowed). */
export const ACHIEVEMENT_TYPES = [
  'Achievement', 'ApprenticeshipCertificate', 'Assessment', 'Assignment', 'AssociateDegree', 'Award', 'Badge',
  'BachelorDegree', 'Certificate', 'CertificateOfCompletion', 'Certification', 'CommunityService', 'Competency',
  'Course', 'CoCurricular', 'Degree', 'Diploma', 'DoctoralDegree', 'Fieldwork', 'GeneralEducationDevelopment',
  'JourneymanCertificate', 'LearningProgram', 'License', 'Membership', 'ProfessionalDoctorate',
  'QualityAssuranceCredential', 'MasterCertificate', 'MasterDegree', 'MicroCredential', 'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const; // prettier-ignore

/** OB 3.0 identifier types (IdentityObject.identityType, IdentifierEntry.identifierType). */
export const IDENTIFIER_TYPES = [
  'name', 'sourcedId', 'systemId', 'productId', 'userName', 'accountId', 'emailAddress', 'nationalIdentityNumber',
  'isbn', 'issn', 'lisSourcedId', 'oneRosterSourcedId', 'sisSourcedId', 'ltiContextId', 'ltiDeploymentId',
  'ltiToolId', 'ltiPlatformId', 'ltiUserId', 'identifier',
] as const; // prettier-ignore

/** OB 3.0 Result.status values. */
export const RESULT_STATUSES = [
  'Completed',
  'Enrolled',
  'Failed',
  'InProgress',
  'OnHold',
  'Provisional',
  'Withdrew',
] as const;

const RESULT_TYPES = [
  'GradePointAverage', 'LetterGrade', 'Percent', 'PerformanceLevel', 'PredictedScore', 'RawScore', 'Result',
  'RubricCriterion', 'RubricCriterionLevel', 'RubricScore', 'ScaledScore', 'Status',
] as const; // prettier-ignore

const ALIGNMENT_TARGET_TYPES = [
  'ceasn:Competency', 'ceterms:Credential', 'CFItem', 'CFRubric', 'CFRubricCriterion', 'CFRubricCriterionLevel', 'CTDL',
] as const; // prettier-ignore

const JWS = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/, { message: 'must be a compact JWS' }));

/** Image: an object `{id, type: "Image", caption?}`; a bare URL string is accepted too (common in the wild). */
export const ImageSchema = z.union([
  uri,
  z.strictObject({ id: uri, type: z.literal('Image'), caption: z.optional(z.string()) }),
]);

/** Alignment to a skill, standard or competency. */
export const AlignmentSchema = z.looseObject({
  type: typeIncluding('Alignment'),
  targetName: z.string(),
  targetUrl: uri,
  targetCode: z.optional(z.string()),
  targetDescription: z.optional(z.string()),
  targetFramework: z.optional(z.string()),
  targetType: z.optional(extOr(ALIGNMENT_TARGET_TYPES, 'alignment target type')),
});

/** IdentifierEntry (Profile/Achievement `otherIdentifier`). */
export const IdentifierEntrySchema = z.strictObject({
  type: z.literal('IdentifierEntry'),
  identifier: z.string(),
  identifierType: extOr(IDENTIFIER_TYPES, 'identifier type'),
});

/** IdentityObject: a (possibly hashed) recipient identity. */
export const IdentityObjectSchema = z.strictObject({
  type: z.literal('IdentityObject'),
  hashed: z.boolean(),
  identityHash: z.string(),
  identityType: extOr(IDENTIFIER_TYPES, 'identity type'),
  salt: z.optional(z.string()),
});

const Address = z.looseObject({
  type: typeIncluding('Address'),
  geo: z.optional(
    z.looseObject({ type: z.literal('GeoCoordinates'), latitude: z.number(), longitude: z.number() }),
  ),
});

/** Profile (issuer, creator, endorser, parent organisation…). */
export const ProfileSchema = z.looseObject({
  id: uri,
  type: typeIncluding('Profile'),
  name: z.optional(z.string()),
  url: z.optional(uri),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  description: z.optional(z.string()),
  image: z.optional(ImageSchema),
  address: z.optional(Address),
  otherIdentifier: z.optional(oneOrMany(IdentifierEntrySchema)),
  official: z.optional(z.string()),
  dateOfBirth: z.optional(isoDate),
  get parentOrg() {
    return z.optional(ProfileSchema);
  },
  get endorsement() {
    return z.optional(oneOrMany(EndorsementCredentialSchema));
  },
  endorsementJwt: z.optional(oneOrMany(JWS)),
});

/** An issuer: a URI or a Profile. */
export const ProfileRefSchema = z.union([uri, ProfileSchema]);

/** RubricCriterionLevel: one level of a rubric criterion. */
export const RubricCriterionLevelSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding('RubricCriterionLevel'),
  name: z.string(),
  description: z.optional(z.string()),
  level: z.optional(z.string()),
  points: z.optional(z.string()),
  alignment: z.optional(oneOrMany(AlignmentSchema)),
});

/** ResultDescription: what results of an achievement look like (e.g. a rubric). */
export const ResultDescriptionSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding('ResultDescription'),
  name: z.string(),
  resultType: extOr(RESULT_TYPES, 'result type'),
  allowedValue: z.optional(oneOrMany(z.string())),
  requiredLevel: z.optional(z.string()),
  requiredValue: z.optional(z.string()),
  rubricCriterionLevel: z.optional(oneOrMany(RubricCriterionLevelSchema)),
  valueMax: z.optional(z.string()),
  valueMin: z.optional(z.string()),
  alignment: z.optional(oneOrMany(AlignmentSchema)),
});

/** Result: a result the recipient achieved. */
export const ResultSchema = z.looseObject({
  type: typeIncluding('Result'),
  achievedLevel: z.optional(z.string()),
  resultDescription: z.optional(z.string()),
  status: z.optional(z.enum(RESULT_STATUSES)),
  value: z.optional(z.string()),
  alignment: z.optional(oneOrMany(AlignmentSchema)),
});

/** Evidence supporting the award. */
export const EvidenceSchema = z.looseObject({
  id: z.optional(z.string()),
  type: typeIncluding('Evidence'),
  narrative: z.optional(z.string()),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  genre: z.optional(z.string()),
  audience: z.optional(z.string()),
});

const Related = z.looseObject({
  id: z.string(),
  type: typeIncluding('Related'),
  inLanguage: z.optional(language),
  version: z.optional(z.string()),
});

/** Achievement: what was (or can be) achieved. */
export const AchievementSchema = z.looseObject({
  id: uri,
  type: typeIncluding('Achievement'),
  name: z.string(),
  description: z.string(),
  criteria: z.looseObject({ id: z.optional(uri), narrative: z.optional(z.string()) }),
  achievementType: z.optional(extOr(ACHIEVEMENT_TYPES, 'achievement type')),
  alignment: z.optional(oneOrMany(AlignmentSchema)),
  creator: z.optional(ProfileSchema),
  creditsAvailable: z.optional(z.number()),
  get endorsement() {
    return z.optional(oneOrMany(EndorsementCredentialSchema));
  },
  endorsementJwt: z.optional(oneOrMany(JWS)),
  fieldOfStudy: z.optional(z.string()),
  humanCode: z.optional(z.string()),
  image: z.optional(ImageSchema),
  inLanguage: z.optional(language),
  otherIdentifier: z.optional(oneOrMany(IdentifierEntrySchema)),
  related: z.optional(oneOrMany(Related)),
  resultDescription: z.optional(oneOrMany(ResultDescriptionSchema)),
  specialization: z.optional(z.string()),
  tag: z.optional(oneOrMany(z.string())),
  version: z.optional(z.string()),
});

/** AchievementSubject: who achieved what. */
export const AchievementSubjectSchema = z.looseObject({
  id: z.optional(uri),
  type: typeIncluding('AchievementSubject'),
  achievement: AchievementSchema,
  identifier: z.optional(oneOrMany(IdentityObjectSchema)),
  activityStartDate: z.optional(dateTime),
  activityEndDate: z.optional(dateTime),
  creditsEarned: z.optional(z.number()),
  image: z.optional(ImageSchema),
  licenseNumber: z.optional(z.string()),
  narrative: z.optional(z.string()),
  result: z.optional(oneOrMany(ResultSchema)),
  role: z.optional(z.string()),
  source: z.optional(ProfileSchema),
  term: z.optional(z.string()),
});

const Proof = z.looseObject({ type: z.string(), created: z.optional(dateTime) });
const TypedRef = z.looseObject({ id: z.string(), type: z.string() });

/** Fields every OB 3.0 credential shares; `model` picks the VCDM 2.0 or 1.1 names. */
function credentialShape(model: 1 | 2) {
  return {
    '@context': contextOf(model, OB3_CONTEXT_RE, 'Open Badges 3.0'),
    id: uri,
    name: z.optional(z.string()),
    description: z.optional(z.string()),
    image: z.optional(ImageSchema),
    issuer: ProfileRefSchema,
    awardedDate: z.optional(dateTime),
    ...(model === 2
      ? { validFrom: dateTime, validUntil: z.optional(dateTime) }
      : { issuanceDate: dateTime, expirationDate: z.optional(dateTime) }),
    proof: z.optional(oneOrMany(Proof)),
    credentialSchema: z.optional(oneOrMany(TypedRef)),
    credentialStatus: z.optional(oneOrMany(TypedRef)),
    refreshService: z.optional(TypedRef),
    termsOfUse: z.optional(oneOrMany(z.looseObject({ id: z.optional(z.string()), type: z.string() }))),
  };
}

const endorsementShape = (model: 1 | 2) => ({
  ...credentialShape(model),
  type: typeIncluding('EndorsementCredential'),
  name: z.string(),
  credentialSubject: z.looseObject({
    id: uri,
    type: typeIncluding('EndorsementSubject'),
    endorsementComment: z.optional(z.string()),
  }),
});

/** EndorsementCredential on VCDM 2.0 (1.1 is accepted inside credentials too). */
export const EndorsementCredentialSchema = z.union([
  z.looseObject(endorsementShape(2)).check(
    z.refine((v) => [v.type].flat().includes('VerifiableCredential'), {
      message: 'type must include "VerifiableCredential"',
      path: ['type'],
    }),
  ),
  z.looseObject(endorsementShape(1)).check(
    z.refine((v) => [v.type].flat().includes('VerifiableCredential'), {
      message: 'type must include "VerifiableCredential"',
      path: ['type'],
    }),
  ),
]);

const ob3Credential = (model: 1 | 2) =>
  z
    .looseObject({
      ...credentialShape(model),
      type: typeIncluding('AchievementCredential', 'OpenBadgeCredential'),
      credentialSubject: AchievementSubjectSchema,
      endorsement: z.optional(oneOrMany(EndorsementCredentialSchema)),
      endorsementJwt: z.optional(oneOrMany(JWS)),
      evidence: z.optional(oneOrMany(EvidenceSchema)),
    })
    .check(
      z.refine((v) => [v.type].flat().includes('VerifiableCredential'), {
        message: 'type must include "VerifiableCredential"',
        path: ['type'],
      }),
    );

/** OB 3.0 AchievementCredential / OpenBadgeCredential on VCDM 2.0 (`validFrom`). */
export const AchievementCredentialSchema = ob3Credential(2);
/** OB 3.0 AchievementCredential / OpenBadgeCredential on VCDM 1.1 (`issuanceDate`). */
export const AchievementCredentialV1Schema = ob3Credential(1);

/** The parsed shape of an OB 3.0 credential. */
export type AchievementCredential = z.infer<typeof AchievementCredentialSchema>;
/** The parsed shape of an OB 3.0 Achievement. */
export type Achievement = z.infer<typeof AchievementSchema>;
/** The parsed shape of an OB 3.0 Profile. */
export type Profile = z.infer<typeof ProfileSchema>;

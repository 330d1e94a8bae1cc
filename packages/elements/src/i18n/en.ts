/**
 * English strings: the source of translation keys. Every other language must define every key
 * (checked at compile time through {@link Strings}). Placeholders are written `{name}`.
 */
export const en = {
  // States
  loading: 'Loading credential…',
  empty: 'No credential to show.',
  errorTitle: 'This credential can’t be shown',
  untitled: 'Untitled credential',

  // Error codes (one per McErrorCode)
  'error.invalid-json': 'The data is not valid JSON.',
  'error.empty-input': 'There is no credential data.',
  'error.not-a-credential': 'This is not a credential or badge that can be displayed.',
  'error.unsupported-format': 'This credential format is not supported.',
  'error.too-large': 'The credential is too large to display.',
  'error.too-deep': 'The credential is nested too deeply to display.',
  'error.invalid-jws': 'The signed credential (JWS) is damaged and cannot be read.',
  'error.schema': 'The credential is missing required information.',
  'error.http': 'The credential address answered with an error (HTTP {status}).',
  'error.http-404': 'No credential was found at this address (HTTP 404).',
  'error.http-410':
    'This credential was removed by its issuer (HTTP 410). For a badge this usually means it was revoked.',
  'error.http-401':
    'The server does not allow this page to read the credential without signing in (HTTP {status}).',
  'error.network': 'The credential could not be downloaded. Check the address and your connection.',
  'error.timeout': 'The credential took too long to download.',
  'error.aborted': 'Loading the credential was cancelled.',
  'error.unbake': 'No credential was found inside this image.',

  // Field labels
  issuedBy: 'Issued by',
  offeredBy: 'Offered by',
  registerFor: 'Register for {name}',
  evidenceItem: 'Evidence {n}',
  awardedTo: 'Awarded to',
  issued: 'Issued',
  expires: 'Expires',
  expired: 'Expired',
  expiredOn: 'Expired on {date}',
  notYetValid: 'Not valid until {date}',
  credits: 'Credits',
  unknownIssuer: 'Unknown issuer',
  skills: 'Skills and standards',
  howToEarn: 'How to earn',
  fullCriteria: 'Full criteria',
  rubric: 'Rubric',
  howToRegister: 'How to register',
  register: 'Register',
  registrationOpens: 'Registration opens',
  registrationCloses: 'Registration closes',
  cost: 'Cost',
  seats: 'Seats',
  evidence: 'Evidence',
  endorsementsOne: '{count} endorsement',
  endorsementsOther: '{count} endorsements',

  // Achievement types (OB 3.0 achievementType)
  'type.Achievement': 'Achievement',
  'type.ApprenticeshipCertificate': 'Apprenticeship certificate',
  'type.Assessment': 'Assessment',
  'type.Assignment': 'Assignment',
  'type.AssociateDegree': 'Associate degree',
  'type.Award': 'Award',
  'type.Badge': 'Badge',
  'type.BachelorDegree': 'Bachelor’s degree',
  'type.Certificate': 'Certificate',
  'type.CertificateOfCompletion': 'Certificate of completion',
  'type.Certification': 'Certification',
  'type.CoCurricular': 'Co-curricular activity',
  'type.CommunityService': 'Community service',
  'type.Competency': 'Competency',
  'type.Course': 'Course',
  'type.Degree': 'Degree',
  'type.Diploma': 'Diploma',
  'type.DoctoralDegree': 'Doctoral degree',
  'type.Fieldwork': 'Fieldwork',
  'type.GeneralEducationDevelopment': 'General Education Development (GED)',
  'type.JourneymanCertificate': 'Journeyman certificate',
  'type.LearningProgram': 'Learning program',
  'type.License': 'License',
  'type.Membership': 'Membership',
  'type.MasterCertificate': 'Master certificate',
  'type.MasterDegree': 'Master’s degree',
  'type.MicroCredential': 'Micro-credential',
  'type.ProfessionalDoctorate': 'Professional doctorate',
  'type.QualityAssuranceCredential': 'Quality assurance credential',
  'type.ResearchDoctorate': 'Research doctorate',
  'type.SecondarySchoolDiploma': 'Secondary school diploma',
  'type.Record': 'Learner record',
  'type.Endorsement': 'Endorsement',
  'type.Credential': 'Credential',
  'error.invalid-option': 'An option given to Microcred is not valid.',
};

/** A translation key. */
export type StringKey = keyof typeof en;

/** A complete translation: every English key, translated. */
export type Strings = Record<StringKey, string>;

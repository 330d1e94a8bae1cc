/**
 * The display model: one shape for every credential format Microcred reads.
 *
 * `normalizeCredential()` produces it from Open Badges 3.0 (VCDM 2.0 and 1.1), Open Badges 2.0,
 * CLR 2.0 and bare OB 3.0 Achievements (catalog entries). Elements render only this shape.
 *
 * Guarantees made by the normaliser (so elements need not re-check):
 * - every `url`/`href` field is an absolute `http:` or `https:` URL; `ImageView.url` may also be a
 *   `data:image/(png|jpeg|gif|webp|svg+xml)` URL; anything else is dropped;
 * - every string is trimmed and non-empty (empty values are omitted), with no control characters;
 * - dates are valid `Date` objects (unparseable dates are omitted and reported in `warnings`);
 * - arrays are always present (possibly empty); single values found where arrays belong are wrapped.
 * Text fields are plain text or Markdown and are NOT sanitised HTML: render them as text, or through
 * the safe Markdown renderer, never with `innerHTML`.
 */

/** Which format the input was recognised as. */
export type CredentialFormat =
  | 'ob3-vc2' // Open Badges 3.0 on VC Data Model 2.0
  | 'ob3-vc1' // Open Badges 3.0 on VC Data Model 1.1
  | 'clr2' // CLR 2.0 ClrCredential
  | 'ob2' // Open Badges 2.0 Assertion
  | 'ob2-badgeclass' // Open Badges 2.0 BadgeClass (catalog entry)
  | 'ob3-achievement' // a bare OB 3.0 Achievement (catalog entry)
  | 'endorsement' // an OB 3.0 EndorsementCredential
  | 'vc'; // another W3C Verifiable Credential (shown generically)

/** An image with a text alternative. */
export interface ImageView {
  /** http(s) or data:image URL. */
  url: string;
  /** Alt text: the image's caption when the issuer gave one, otherwise derived from the name. */
  alt: string;
}

/** An issuer, creator or endorser. */
export interface ProfileView {
  id?: string;
  name?: string;
  /** Home page (http/https). */
  url?: string;
  email?: string;
  image?: ImageView;
  description?: string;
}

/** Who received the credential. Only public identity is shown; hashed identities are never revealed. */
export interface RecipientView {
  name?: string;
  /** A public identifier worth showing (an http(s) URL, a DID, or a plain email when not hashed). */
  id?: string;
  /** True when the subject is identified only by a hashed identity (e.g. `sha256$…`). */
  hashed: boolean;
}

/** A skill, standard or competency the achievement aligns to. */
export interface AlignmentView {
  name: string;
  url?: string;
  code?: string;
  framework?: string;
  description?: string;
  /** OB 3.0 `targetType` (e.g. `CFItem`, `ceasn:Competency`). */
  type?: string;
}

/** A piece of evidence. */
export interface EvidenceView {
  /** Link to the evidence (http/https) when one was given. */
  url?: string;
  name?: string;
  description?: string;
  /** Markdown. */
  narrative?: string;
  genre?: string;
  audience?: string;
}

/** One level of a rubric criterion. */
export interface RubricLevelView {
  id?: string;
  name: string;
  description?: string;
  points?: string;
}

/** A result description (OB 3.0 `ResultDescription`), e.g. a rubric criterion with its levels. */
export interface ResultDescriptionView {
  id?: string;
  name: string;
  resultType?: string;
  allowedValue: string[];
  levels: RubricLevelView[];
  requiredLevel?: string;
  requiredValue?: string;
}

/** A result the recipient achieved (OB 3.0 `Result`). */
export interface ResultView {
  /** One of Completed, Enrolled, Failed, InProgress, OnHold, Provisional, Withdrew (as given). */
  status?: string;
  value?: string;
  /** Name of the rubric level achieved, resolved from `achievedLevel` when possible. */
  achievedLevel?: string;
  /** Name of the result description this result is for, resolved when possible. */
  description?: string;
}

/** An endorsement of the credential, achievement or issuer. */
export interface EndorsementView {
  id?: string;
  endorser?: ProfileView;
  /** Markdown. */
  comment?: string;
  issued?: Date;
}

/** A translation of the achievement offered by the issuer (OB 3.0 `related` with `inLanguage`). */
export interface TranslationView {
  /** BCP 47 language tag. */
  lang: string;
  /** Where that version lives, when it has an http(s) id. */
  url?: string;
  id?: string;
}

/** How a catalog entry is registered for (catalog feeds; OB 3.0 has no such field). */
export interface RegistrationView {
  url?: string;
  opens?: Date;
  closes?: Date;
  cost?: string;
  seats?: number;
}

/** CLR 2.0 association between two achievements or credentials. */
export interface AssociationView {
  type: string;
  sourceId: string;
  targetId: string;
}

/** The normalised display model of one credential or achievement. */
export interface CredentialView {
  /** `credential` = awarded to someone; `achievement` = a catalog entry (no recipient). */
  kind: 'credential' | 'achievement';
  format: CredentialFormat;
  /** Credential id (or achievement id in catalog mode). */
  id?: string;
  /** Display name: credential name, else achievement name; never empty (falls back to a generic label key). */
  name: string;
  /** Plain text or Markdown. */
  description?: string;
  image?: ImageView;
  /** OB 3.0 `achievementType` as given (`MicroCredential`, `Badge`, `ext:…`); elements translate it. */
  achievementType?: string;
  /** The achievement (or OB 2.0 BadgeClass) id; used for matching against pathways. */
  achievementId?: string;
  achievementName?: string;
  issuer?: ProfileView;
  /** Creator of the achievement, when different from the issuer. */
  creator?: ProfileView;
  recipient?: RecipientView;
  /** When it was issued (`validFrom`, `issuanceDate`, or OB 2.0 `issuedOn`). */
  issued?: Date;
  /** OB 3.0 `awardedDate`, when given. */
  awarded?: Date;
  /** Not valid before (same as `issued` for most formats). */
  validFrom?: Date;
  /** Expiry (`validUntil`, `expirationDate`, OB 2.0 `expires`). */
  validUntil?: Date;
  criteria?: { narrative?: string; url?: string };
  alignments: AlignmentView[];
  tags: string[];
  creditsAvailable?: number;
  creditsEarned?: number;
  fieldOfStudy?: string;
  specialization?: string;
  humanCode?: string;
  version?: string;
  evidence: EvidenceView[];
  results: ResultView[];
  resultDescriptions: ResultDescriptionView[];
  endorsements: EndorsementView[];
  /** The language the credential's text is in (BCP 47), when declared. */
  language?: string;
  translations: TranslationView[];
  registration?: RegistrationView;
  /** CLR 2.0: the credentials bundled inside, each normalised. */
  credentials: CredentialView[];
  /** CLR 2.0: associations between achievements. */
  associations: AssociationView[];
  /** Whether the input carried a proof (embedded `proof`, a JWS, or OB 2.0 verification). Not a verification result. */
  hasProof: boolean;
  /** Non-fatal problems found while normalising (e.g. an unsafe URL was dropped), for developers. */
  warnings: string[];
  /** The parsed source document (JSON object, or the decoded JWT payload), for the verifier. */
  source: unknown;
  /** The compact JWS string when the input was one. */
  jws?: string;
}

/** True when the credential has a `validUntil` in the past relative to `now`. */
export function isExpired(view: Pick<CredentialView, 'validUntil'>, now: Date = new Date()): boolean {
  return view.validUntil !== undefined && view.validUntil.getTime() < now.getTime();
}

/** True when the credential's `validFrom` is in the future relative to `now`. */
export function isNotYetValid(view: Pick<CredentialView, 'validFrom'>, now: Date = new Date()): boolean {
  return view.validFrom !== undefined && view.validFrom.getTime() > now.getTime();
}

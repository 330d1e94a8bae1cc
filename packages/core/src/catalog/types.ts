/**
 * The catalog model: one entry per micro-credential offering. An entry keeps its OB 3.0
 * `Achievement` (what `<mc-credential-card>` shows in catalog mode) and adds the facts a
 * micro-credential catalog needs that Open Badges lacks.
 */

/** How an offering is delivered. */
export type CatalogFormat = 'self-paced' | 'cohort' | 'blended';

/** The kinds of evidence a micro-credential may require (others are kept as given). */
export type EvidenceKind =
  | 'lesson-plan'
  | 'student-work'
  | 'video'
  | 'reflection'
  | 'observation'
  | 'artifact'
  | 'other'
  | (string & {});

/** One piece of evidence a learner must submit. */
export interface RequiredEvidence {
  name: string;
  description?: string;
  kind?: EvidenceKind;
}

/** How to register (all optional). Dates are `Date` objects; `url` is http(s) only. */
export interface CatalogRegistration {
  url?: string;
  opens?: Date;
  closes?: Date;
  /** Free text, e.g. "Free" or "$25". */
  cost?: string;
  seats?: number;
}

/** A skill or standard the offering aligns to (OB 3.0 `alignment`). */
export interface CatalogSkill {
  name: string;
  url?: string;
  code?: string;
  framework?: string;
}

/** A translation offered by the issuer (OB 3.0 `related` with `inLanguage`). */
export interface CatalogTranslation {
  lang: string;
  id?: string;
}

/** One catalog entry: an achievement plus micro-credential facts, all validated and tidied. */
export interface CatalogEntry {
  /** The achievement id (required; entries without one are reported and skipped). */
  id: string;
  name: string;
  description?: string;
  /** The OB 3.0 Achievement object (with the feed's extension fields), for `<mc-credential-card>`. */
  achievement: Record<string, unknown>;
  /** OB 3.0 `achievementType`, e.g. `MicroCredential`. */
  achievementType?: string;
  issuer?: { id?: string; name?: string; url?: string };
  /** Estimated effort as given (ISO 8601 duration, e.g. `PT10H`). */
  effort?: string;
  /** Estimated effort in minutes (from `effort`), for sorting and range filters. */
  effortMinutes?: number;
  format?: CatalogFormat;
  registration?: CatalogRegistration;
  requiredEvidence: RequiredEvidence[];
  subjects: string[];
  gradeBands: string[];
  audience: string[];
  /** Ids of the stacks (pathways) this entry belongs to. */
  stacks: string[];
  skills: CatalogSkill[];
  tags: string[];
  /** BCP 47 language of the entry's text. */
  language?: string;
  translations: CatalogTranslation[];
  /** When the offering was published (for "newest first"). */
  published?: Date;
}

/** A stack (pathway) declared by a catalog feed. */
export interface CatalogStack {
  id: string;
  name: string;
  description?: string;
  /** The raw pathway definition (see `parsePathway`), when the feed gave one. */
  pathway?: unknown;
}

/** A problem found while reading a feed: the entry was skipped or a field was dropped. */
export interface CatalogIssue {
  /** Where, e.g. `achievements[3].registration.opens`, `row 7`, `@graph[2]`. */
  path: string;
  message: string;
}

/** A parsed catalog. */
export interface Catalog {
  /** `json` (catalog feed or bare achievements), `csv` or `ctdl`. */
  source: 'json' | 'csv' | 'ctdl';
  name?: string;
  publisher?: { id?: string; name?: string; url?: string };
  entries: CatalogEntry[];
  stacks: CatalogStack[];
  /** Entries skipped and fields dropped, in words. */
  issues: CatalogIssue[];
  /** CTDL and CSV: input properties/columns that have no place in the catalog model. */
  unmapped: string[];
}

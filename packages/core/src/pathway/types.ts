/**
 * Pathways (stacks) of micro-credentials, progress records, and computed progress.
 */
import type { CredentialView } from '../model/credential-view.js';

/** A skill/standard reference a requirement may be matched by (when the pathway allows it). */
export interface AlignmentRef {
  url?: string;
  code?: string;
}

interface RequirementBase {
  /** Unique within the pathway (the achievement id for single requirements unless given). */
  id: string;
  name?: string;
  /** The language of `name` (BCP 47), when known: a catalog entry's `inLanguage`. */
  language?: string;
  description?: string;
  /** Not needed for its group (only meaningful inside an all-of group). */
  optional: boolean;
  /** Ids of requirements (or achievement ids outside the pathway) to complete first. */
  prerequisites: string[];
}

/** Earn one achievement. */
export interface AchievementRequirement extends RequirementBase {
  kind: 'achievement';
  /** The OB 3.0 achievement id (or OB 2.0 BadgeClass id) that satisfies it. */
  achievementId: string;
  /** Other ids that satisfy it too (e.g. the OB 2.0 BadgeClass of the same badge). */
  alsoMatches: string[];
  /** The issuer's translations of the achievement that its catalog holds (OB 3.0 `related` with `inLanguage`), with their names. */
  translations?: { lang: string; id: string; name: string }[];
  /** Alignments that satisfy it when the pathway sets `matchAlignments`. */
  alignments: AlignmentRef[];
  /** Expired credentials count for this requirement (overrides the pathway's setting). */
  acceptExpired?: boolean;
}

/** A group: all of its children (`all`), or any `n` of them (`n-of`). */
export interface GroupRequirement extends RequirementBase {
  kind: 'all' | 'n-of';
  /** How many children are needed (`all`: every non-optional child). */
  n: number;
  children: PathwayRequirement[];
  /** An achievement that satisfies the whole group when held (e.g. a sub-stack's credential). */
  achievementId?: string;
}

/** A node of a pathway's requirement tree. */
export type PathwayRequirement = AchievementRequirement | GroupRequirement;

/** A pathway (stack): a requirement tree leading to a stack credential. */
export interface Pathway {
  id: string;
  name: string;
  /** The language of `name` and `description` (BCP 47), when known: a catalog stack's is its first entry's. */
  language?: string;
  description?: string;
  /** The stack credential's achievement (id, and the Achievement object when known). */
  achievement?: { id: string; name?: string; source?: Record<string, unknown> };
  /** The requirement tree; its root is always a group. */
  root: GroupRequirement;
  /** Expired credentials count (default false). */
  acceptExpired: boolean;
  /** Credentials may satisfy requirements through matching alignments (default false). */
  matchAlignments: boolean;
  /** Problems found while building the pathway (unknown prerequisites, cycles, n too large…). */
  issues: { path: string; message: string }[];
}

/** The state of one requirement for one learner. */
export type RequirementState =
  | 'not-started'
  | 'in-progress'
  | 'submitted'
  | 'in-review'
  | 'returned'
  | 'earned'
  | 'expired'
  | 'revoked'
  | 'suspended'
  | 'not-yet-valid';

/**
 * The states a progress record may carry (`revoked`, `suspended` and `not-yet-valid` come only from
 * credentials).
 */
export type RecordState = Exclude<RequirementState, 'revoked' | 'suspended' | 'not-yet-valid'>;

/** The level reached on one rubric criterion, in reviewer feedback. */
export interface CriterionLevel {
  /** The criterion (a `ResultDescription` id or name). */
  criterion: string;
  /** The level reached (a `RubricCriterionLevel` id or name). */
  level: string;
}

/** Reviewer feedback on a returned (or reviewed) submission. */
export interface ReviewFeedback {
  /** Markdown: render it safely, never as HTML. */
  comment?: string;
  reviewer?: string;
  date?: Date;
  criteria: CriterionLevel[];
}

/** One learner's progress on one achievement, as the host's API reports it. */
export interface ProgressRecord {
  achievementId: string;
  state: RecordState;
  learner?: string;
  /** 0–100, for `in-progress`. */
  percent?: number;
  /** When the evidence was submitted. */
  submitted?: Date;
  /** When a review result is expected (`in-review`). */
  expected?: Date;
  /** When this record last changed (the newest record of an achievement wins). */
  updated?: Date;
  feedback?: ReviewFeedback;
  /** The id of the credential earned (`earned`). */
  credentialId?: string;
  /** Where the learner continues (an http(s) URL), e.g. the submission form. */
  url?: string;
}

/** A credential the learner holds, with what is known about its status. */
export interface HeldCredential {
  view: CredentialView;
  /** Revoked (from a verification or the issuer); revoked credentials never count. */
  revoked?: boolean;
  /** Suspended by its issuer (from a verification); a suspended credential does not count while suspended. */
  suspended?: boolean;
}

/** The computed progress of one requirement. */
export interface RequirementProgress {
  requirement: PathwayRequirement;
  state: RequirementState;
  /** Counts toward its group. */
  satisfied: boolean;
  optional: boolean;
  /** Groups: children satisfied (capped at `required`); single requirements: 1 or 0. */
  done: number;
  /** Groups: children needed; single requirements: 1. */
  required: number;
  /** Groups: the children's progress. */
  children: RequirementProgress[];
  /** The credential that satisfies it (or the expired, revoked, suspended or not yet valid one that does not). */
  credential?: CredentialView;
  /** The progress record used. */
  record?: ProgressRecord;
  /** Prerequisites not yet met (requirement or achievement ids). */
  blockedBy: string[];
  /** Satisfied by an expired credential the pathway accepts. */
  expiredAccepted?: boolean;
}

/** The computed progress through a pathway. */
export interface PathwayProgress {
  pathway: Pathway;
  root: RequirementProgress;
  /** The stack is complete (its requirements are met, or the stack credential is held). */
  complete: boolean;
  /** Top-level "k of n": `done` of `required`. */
  done: number;
  required: number;
  /** 0–100. */
  percent: number;
  /** The learner's valid stack credential, when held. */
  stackCredential?: CredentialView;
  /** Actionable requirements, most urgent first: returned, in progress, expired, revoked, not started (never a suspended one: its issuer acts). */
  nextSteps: RequirementProgress[];
  /** Requirements waiting on a reviewer (submitted, in review). */
  waiting: RequirementProgress[];
  /** Every requirement's progress by requirement id. */
  byId: Map<string, RequirementProgress>;
}

/** Pathways (stacks), progress records and `computeProgress`. */
export type * from './types.js';
export {
  parsePathway,
  pathwaysFromCatalog,
  pathwayFromAssociations,
  pathwayFromRelated,
  walkRequirements,
  MAX_PATHWAY_DEPTH,
} from './build.js';
export type { BuildPathwayOptions } from './build.js';
export { parseProgressRecords } from './records.js';
export { safeRecords } from './safe.js';
export type { RecordIssue } from './records.js';
export { computeProgress } from './progress.js';
export type { ComputeProgressOptions } from './progress.js';
export { fetchPathway, fetchProgress, readPathway } from './fetch.js';

import { isObj } from '../parse/parse-input.js';
/**
 * VC Data Model MUSTs beyond the minimal shape (issue 14 §1): subjects that make claims, typed
 * `evidence` / `termsOfUse` / `refreshService` / `credentialSchema` entries, schemas with an `id`,
 * and well-formed `relatedResource` entries. Part of the `schema` check (checks.ts); the digests of
 * related resources are checked by related-resources.ts.
 */
type Obj = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z\d+.-]*:\S+$/i.test(v);
const typed = (v: Obj): boolean =>
  typeof v['type'] === 'string' ||
  (Array.isArray(v['type']) && v['type'].length > 0 && v['type'].every((t) => typeof t === 'string'));
/** The data-model problems of a VC-shaped document, in words (empty when it conforms). */
export function modelProblems(doc: Obj): string[] {
  const problems: string[] = [];
  const subject = doc['credentialSubject'];
  if (subject !== undefined && list(subject).some((s) => !isObj(s) || Object.keys(s).length === 0))
    problems.push('its credentialSubject must be objects that each make a claim');
  for (const field of ['evidence', 'termsOfUse', 'refreshService', 'credentialSchema']) {
    const entries = list(doc[field]);
    if (entries.some((e) => !isObj(e) || !typed(e)))
      problems.push(`every ${field} entry must be an object with a type`);
    if (field === 'credentialSchema' && entries.some((e) => isObj(e) && !isUrl(e['id'])))
      problems.push('every credentialSchema entry must have an id that is a URL');
  }
  const related = list(doc['relatedResource']);
  const ids = related.map((r) => (isObj(r) && isUrl(r['id']) ? r['id'] : undefined));
  if (ids.some((id) => id === undefined))
    problems.push('every relatedResource entry must be an object with an id that is a URL');
  else if (new Set(ids).size !== ids.length) problems.push('a relatedResource id appears more than once');
  if (related.some((r) => isObj(r) && r['digestSRI'] === undefined && r['digestMultibase'] === undefined))
    problems.push('every relatedResource entry must have a digestSRI or a digestMultibase');
  return problems;
}

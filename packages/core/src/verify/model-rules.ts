import { isObj } from '../parse/parse-input.js';
/**
 * VC Data Model MUSTs beyond the minimal shape (issue 14 §1, and the W3C VCDM 2.0 test suite's
 * verifier assertions): later `@context` items that are URLs or objects; an `id` that is a single
 * URL (on the credential, its subjects, issuer and typed entries); `type` values that are strings;
 * an issuer that is a URL; subjects that make claims; `name` / `description` that are strings or
 * language value objects; typed `evidence` / `termsOfUse` / `refreshService` / `credentialSchema` /
 * `credentialStatus` / `renderMethod` / `confidenceMethod` entries, schemas with an `id`, and
 * well-formed `relatedResource` entries. Part of the `schema` check (checks.ts); the digests of
 * related resources are checked by related-resources.ts.
 */
type Obj = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z\d+.-]*:\S+$/i.test(v);
const typed = (v: Obj): boolean =>
  typeof v['type'] === 'string' ||
  (Array.isArray(v['type']) && v['type'].length > 0 && v['type'].every((t) => typeof t === 'string'));
/** `id`, when present (even `null`), is one URL. */
const badId = (v: unknown): boolean => isObj(v) && 'id' in v && !isUrl(v['id']);
/** A string, or a language value object (`@value` with at most `@language` and `@direction`). */
const text = (v: unknown): boolean =>
  typeof v === 'string' ||
  (isObj(v) &&
    typeof v['@value'] === 'string' &&
    Object.keys(v).every((k) => k === '@value' || k === '@language' || k === '@direction'));
/** Typed entries that MUST specify their `type`; ids, when given, are URLs. */
const TYPED = [
  'evidence',
  'termsOfUse',
  'refreshService',
  'credentialSchema',
  'credentialStatus',
  'renderMethod',
  'confidenceMethod',
];

/** The data-model problems of a VC-shaped document, in words (empty when it conforms). */
export function modelProblems(doc: Obj): string[] {
  const problems: string[] = [];
  if (Array.isArray(doc['@context']) && doc['@context'].slice(1).some((c) => !isUrl(c) && !isObj(c)))
    problems.push('its later @context entries must be URLs or objects');
  if (badId(doc)) problems.push('its id must be a single URL');
  if (list(doc['type']).some((t) => typeof t !== 'string')) problems.push('its type values must be strings');
  const issuer = doc['issuer'];
  const issuerId = isObj(issuer) ? issuer['id'] : issuer;
  if (typeof issuerId === 'string' && !isUrl(issuerId))
    problems.push('its issuer must be a URL or an object whose id is a URL');
  for (const [v, what] of [
    [doc, ''],
    [issuer, 'issuer '],
  ] as const)
    for (const field of ['name', 'description'])
      if (isObj(v) && v[field] !== undefined && !list(v[field]).every(text))
        problems.push(`its ${what}${field} must be a string or a language value object`);
  const subject = doc['credentialSubject'];
  if (subject !== undefined && list(subject).some((s) => !isObj(s) || Object.keys(s).length === 0))
    problems.push('its credentialSubject must be objects that each make a claim');
  if (list(subject).some(badId)) problems.push('every credentialSubject id must be a single URL');
  for (const field of TYPED) {
    const entries = list(doc[field]);
    if (entries.some((e) => !isObj(e) || !typed(e)))
      problems.push(`every ${field} entry must be an object with a type`);
    if (field === 'credentialSchema' && entries.some((e) => isObj(e) && !isUrl(e['id'])))
      problems.push('every credentialSchema entry must have an id that is a URL');
    else if (entries.some(badId)) problems.push(`every ${field} id must be a single URL`);
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

/**
 * Undoes our documented schema leniencies so a document can be fed to the official (strict) OB 3.0
 * JSON Schema: single values where the JSON Schema wants arrays are wrapped (`proof`, `type`,
 * `alignment`…), and bare image URLs become `{id, type: "Image"}`. Used only by the ajv cross-check.
 */
const ARRAY_KEYS = new Set([
  'alignment',
  'allowedValue',
  'credentialSchema',
  'endorsement',
  'endorsementJwt',
  'evidence',
  'identifier',
  'otherIdentifier',
  'proof',
  'related',
  'result',
  'resultDescription',
  'rubricCriterionLevel',
  'tag',
  'termsOfUse',
]);
/** Objects under these keys have a plain-string `type` in the JSON Schema. */
const STRING_TYPE_PARENTS = new Set([
  'proof',
  'credentialSchema',
  'credentialStatus',
  'refreshService',
  'termsOfUse',
  'image',
  'identifier',
  'otherIdentifier',
  'geo',
]);

/** A deep copy of `doc` in the strict shape the official JSON Schema expects. */
export function toStrictShape(doc: unknown, parentKey = ''): unknown {
  if (Array.isArray(doc)) return doc.map((x) => toStrictShape(x, parentKey));
  if (doc === null || typeof doc !== 'object') return doc;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    let value = v;
    // `identifier` and `resultDescription` are also plain-string fields (IdentifierEntry, Result):
    // only wrap single objects, or strings under string-list keys.
    const stringList = k === 'tag' || k === 'allowedValue' || k === 'endorsementJwt';
    if (
      ARRAY_KEYS.has(k) &&
      !Array.isArray(value) &&
      (stringList || (value !== null && typeof value === 'object'))
    )
      value = [value];
    if (k === 'image' && typeof value === 'string') value = { id: value, type: 'Image' };
    if (k === 'type' && typeof value === 'string' && !STRING_TYPE_PARENTS.has(parentKey)) value = [value];
    out[k] = toStrictShape(value, k === 'type' ? '' : k);
  }
  return out;
}

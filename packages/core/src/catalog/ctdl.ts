/**
 * Credential Engine CTDL JSON-LD (`ceterms:`) → catalog entries. Maps what has a place in the
 * catalog model (name, description, image, subject webpage, duration, cost, subjects, audience,
 * language, keywords, competencies, delivery type, owner, `isPartOf`) and reports every other
 * property in `unmapped`, so nothing is dropped silently.
 */
import { McError } from '../model/errors.js';
import { addEntries, readCatalogEntry } from './feed.js';
import type { Catalog, CatalogEntry } from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;
const toArray = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** CTDL credential classes (all map to an OB 3.0 `achievementType`). */
const CLASSES: Record<string, string> = {
  MicroCredential: 'MicroCredential',
  Badge: 'Badge',
  DigitalBadge: 'Badge',
  OpenBadge: 'Badge',
  Certificate: 'Certificate',
  CertificateOfCompletion: 'CertificateOfCompletion',
  ProfessionalCertificate: 'Certificate',
  Certification: 'Certification',
  License: 'License',
  Diploma: 'Diploma',
  SecondarySchoolDiploma: 'SecondarySchoolDiploma',
  AssociateDegree: 'AssociateDegree',
  BachelorDegree: 'BachelorDegree',
  MasterDegree: 'MasterDegree',
  Degree: 'Degree',
  ApprenticeshipCertificate: 'ApprenticeshipCertificate',
  JourneymanCertificate: 'JourneymanCertificate',
  MasterCertificate: 'MasterCertificate',
  QualityAssuranceCredential: 'QualityAssuranceCredential',
  Credential: 'Achievement',
};

/** Properties this mapping reads (anything else is reported as unmapped). */
const MAPPED = new Set([
  '@id', '@type', '@context', 'ceterms:ctid', 'ceterms:name', 'ceterms:description', 'ceterms:image',
  'ceterms:subjectWebpage', 'ceterms:estimatedDuration', 'ceterms:estimatedCost', 'ceterms:subject',
  'ceterms:keyword', 'ceterms:audienceType', 'ceterms:audienceLevelType', 'ceterms:inLanguage',
  'ceterms:ownedBy', 'ceterms:offeredBy', 'ceterms:isPartOf', 'ceterms:learningDeliveryType',
  'ceterms:dateEffective', 'ceterms:requires', 'ceterms:targetCompetency', 'ceterms:availableOnlineAt',
  'ceterms:codedNotation',
]); // prettier-ignore

/** A language-map or plain value as text: the `preferred` language when present, else the first. */
function text(v: unknown, preferred = 'en'): string | undefined {
  for (const item of toArray(v)) {
    if (typeof item === 'string' && item.trim()) return item.trim();
    if (isObj(item)) {
      if (typeof item['@value'] === 'string') return item['@value'];
      const keys = Object.keys(item);
      const key = keys.find((k) => k.toLowerCase().startsWith(preferred)) ?? keys[0];
      const value = key !== undefined ? text(item[key]) : undefined;
      if (value) return value;
    }
  }
  return undefined;
}
const texts = (v: unknown): string[] =>
  toArray(v).flatMap((item) => {
    if (isObj(item) && !('@value' in item) && !Object.keys(item).some((k) => k.startsWith('ceterms:')))
      return Object.values(item).flatMap((x) => toArray(x).filter((s): s is string => typeof s === 'string'));
    const t = isObj(item) ? (text(item['ceterms:targetNodeName']) ?? text(item)) : text(item);
    return t ? [t] : [];
  });
const id = (v: unknown): string | undefined => {
  const first = toArray(v)[0];
  return typeof first === 'string'
    ? first
    : isObj(first) && typeof first['@id'] === 'string'
      ? first['@id']
      : undefined;
};
/** Concept-scheme terms such as `audience:Teacher` or `deliveryType:OnlineOnly` → their local name in words. */
const term = (v: unknown): string[] =>
  toArray(v).flatMap((t) => {
    const raw = isObj(t) ? (text(t['ceterms:targetNodeName']) ?? text(t['ceterms:targetNode'])) : text(t);
    if (!raw) return [];
    const local = raw.replace(/^.*[:/#]/, '');
    return [local.replace(/([a-z])([A-Z])/g, '$1 $2')];
  });

function delivery(v: unknown): string | undefined {
  const values = term(v).map((t) => t.toLowerCase());
  if (values.some((t) => t.includes('blended'))) return 'blended';
  if (values.some((t) => t.includes('in person')))
    return values.some((t) => t.includes('online')) ? 'blended' : 'cohort';
  if (values.some((t) => t.includes('online'))) return 'self-paced';
  return undefined;
}

/**
 * Reads CTDL JSON-LD: a graph (`@graph`) or a single credential. Non-credential nodes (organisations,
 * condition profiles) are used to resolve names and otherwise ignored.
 * A credential that cannot be mapped is skipped and listed in `issues` (`skipped: …`), as the JSON
 * feed does; a field it cannot use (e.g. a currency that is not an ISO 4217 code) is dropped with an
 * issue.
 * @throws {McError} `schema` when no CTDL credential is found.
 */
export function parseCatalogCtdl(input: unknown): Catalog {
  const nodes = isObj(input) && Array.isArray(input['@graph']) ? input['@graph'] : toArray(input);
  const byId = new Map<string, Obj>();
  for (const n of nodes) if (isObj(n) && typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const catalog: Catalog = { source: 'ctdl', entries: [], stacks: [], issues: [], unmapped: [] };
  const unmapped = new Set<string>();
  const paths: string[] = [];
  let found = 0;
  const entries = nodes.flatMap((n, i) => {
    if (!isObj(n)) return [];
    const type = toArray(n['@type']).find(
      (t): t is string => typeof t === 'string' && t.replace(/^ceterms:/, '') in CLASSES,
    );
    if (!type) return [];
    const path = `@graph[${i}]`;
    found++;
    // One entry that cannot be mapped is skipped and reported, as the JSON feed does; the rest are read.
    try {
      const entry = mapCredential(n, type, path, byId, catalog, unmapped);
      paths.push(path);
      return [entry];
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      catalog.issues.push({ path, message: `skipped: it could not be read (${reason})` });
      return [];
    }
  });
  if (!found)
    throw new McError('schema', 'No Credential Engine (CTDL) credential was found in this JSON-LD document.');
  addEntries(catalog, entries, paths);
  catalog.unmapped = [...unmapped].sort();
  return catalog;
}

/** ISO 4217 currency codes are three letters. */
const CURRENCY = /^[A-Z]{3}$/;

/** One CTDL credential node → a catalog entry (fields it cannot use are dropped with an issue). */
function mapCredential(
  n: Obj,
  type: string,
  path: string,
  byId: Map<string, Obj>,
  catalog: Catalog,
  unmapped: Set<string>,
): CatalogEntry | undefined {
  for (const key of Object.keys(n)) if (!MAPPED.has(key)) unmapped.add(key);
  const ctid = typeof n['ceterms:ctid'] === 'string' ? n['ceterms:ctid'] : undefined;
  const a: Obj = {
    type: ['Achievement'],
    id: n['@id'] ?? (ctid ? `urn:ctid:${ctid.replace(/^ce-/, '')}` : undefined),
    name: text(n['ceterms:name']),
    achievementType: CLASSES[type.replace(/^ceterms:/, '')],
  };
  const description = text(n['ceterms:description']);
  if (description) a['description'] = description;
  const image = text(n['ceterms:image']);
  if (image) a['image'] = { id: image, type: 'Image' };
  const webpage = text(n['ceterms:subjectWebpage']) ?? text(n['ceterms:availableOnlineAt']);
  const requires = toArray(n['ceterms:requires']).filter(isObj);
  const narrative = requires
    .map((r) => text(r['ceterms:description']))
    .filter(Boolean)
    .join('\n\n');
  if (webpage || narrative)
    a['criteria'] = { ...(webpage ? { id: webpage } : {}), ...(narrative ? { narrative } : {}) };
  const duration = toArray(n['ceterms:estimatedDuration']).filter(isObj)[0];
  const exact = duration
    ? (text(duration['ceterms:exactDuration']) ?? text(duration['ceterms:maximumDuration']))
    : undefined;
  if (exact) a['effort'] = exact;
  const cost = toArray(n['ceterms:estimatedCost']).filter(isObj)[0];
  if (cost) {
    const price = cost['ceterms:price'];
    const given = cost['ceterms:currency'];
    const currency = given == null || given === '' ? 'USD' : text(given)?.toUpperCase();
    if (currency === undefined || !CURRENCY.test(currency))
      catalog.issues.push({
        path: `${path}.ceterms:estimatedCost`,
        message: `currency ${JSON.stringify(given)?.slice(0, 40)} is not an ISO 4217 code (three letters); cost ignored`,
      });
    else if (typeof price === 'number' && Number.isFinite(price))
      a['registration'] = {
        cost:
          price === 0 ? 'Free' : new Intl.NumberFormat('en', { style: 'currency', currency }).format(price),
      };
  }
  const subjects = texts(n['ceterms:subject']);
  if (subjects.length) a['subjects'] = subjects;
  const keywords = texts(n['ceterms:keyword']);
  if (keywords.length) a['tag'] = keywords;
  const audience = term(n['ceterms:audienceType']);
  if (audience.length) a['audience'] = audience;
  const levels = term(n['ceterms:audienceLevelType']);
  if (levels.length) a['gradeBands'] = levels;
  const lang = text(n['ceterms:inLanguage']);
  if (lang) a['inLanguage'] = lang;
  const format = delivery(n['ceterms:learningDeliveryType']);
  if (format) a['format'] = format;
  const effective = text(n['ceterms:dateEffective']);
  if (effective) a['published'] = effective;
  const parts = toArray(n['ceterms:isPartOf'])
    .map((p) => id(p) ?? text(p))
    .filter((p): p is string => !!p);
  if (parts.length) a['stacks'] = parts;
  const competencies = [
    ...toArray(n['ceterms:targetCompetency']),
    ...requires.flatMap((r) => toArray(r['ceterms:targetCompetency'])),
  ].filter(isObj);
  const alignment = competencies.flatMap((c) => {
    const name = text(c['ceterms:targetNodeName']);
    if (!name) return [];
    const url = text(c['ceterms:targetNode']);
    return [
      {
        type: ['Alignment'],
        targetName: name,
        ...(url ? { targetUrl: url } : {}),
        targetType: 'ceasn:Competency',
      },
    ];
  });
  if (alignment.length) a['alignment'] = alignment;
  const code = text(n['ceterms:codedNotation']);
  if (code) a['humanCode'] = code;
  const ownerId = id(n['ceterms:ownedBy']) ?? id(n['ceterms:offeredBy']);
  if (ownerId) {
    const owner = byId.get(ownerId);
    const name = owner ? text(owner['ceterms:name']) : undefined;
    const url = owner ? text(owner['ceterms:subjectWebpage']) : undefined;
    a['creator'] = { id: ownerId, type: ['Profile'], ...(name ? { name } : {}), ...(url ? { url } : {}) };
  }
  return readCatalogEntry(a, path, catalog.issues);
}

/** Whether a parsed JSON document looks like CTDL JSON-LD. */
export function isCtdl(input: unknown): boolean {
  const nodes = isObj(input) && Array.isArray(input['@graph']) ? input['@graph'] : toArray(input);
  const ctx = isObj(input) ? JSON.stringify(input['@context'] ?? '') : '';
  return (
    /credreg\.net|credentialengine/i.test(ctx) ||
    nodes.some(
      (n) => isObj(n) && toArray(n['@type']).some((t) => typeof t === 'string' && t.startsWith('ceterms:')),
    )
  );
}

/**
 * `safeCatalog()`: the checks a parsed catalog feed gets, applied to a `Catalog` handed over as a
 * JavaScript object (e.g. `<mc-catalog>.items`), which only *looks* parsed. Every address goes
 * through the normaliser's http(s) test (`idUrl`), every text through its control-character
 * cleaner, and every list and date is checked for its type, so what reaches an `href`, an event or
 * the page's JSON-LD is the same whatever door the catalog came in by.
 */
import { idUrl, str, text } from '../normalize/fields.js';
import type {
  Catalog,
  CatalogEntry,
  CatalogFormat,
  CatalogIssue,
  CatalogRegistration,
  CatalogSkill,
  CatalogStack,
  RequiredEvidence,
} from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => [
  ...new Set(list(v).flatMap((s) => (typeof s === 'string' ? (str(s) ?? []) : []))),
];
const date = (v: unknown): Date | undefined =>
  v instanceof Date && !Number.isNaN(v.getTime()) ? new Date(v.getTime()) : undefined;
const FORMATS: readonly CatalogFormat[] = ['self-paced', 'cohort', 'blended'];

/** An object without the `undefined` fields (so a dropped address leaves no key behind). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** A profile (`{ id?, name?, url? }`) with an http(s) `url` only; undefined when nothing is left. */
function profile(v: unknown): { id?: string; name?: string; url?: string } | undefined {
  if (!isObj(v)) return undefined;
  const p = defined({ id: str(v['id']), name: str(v['name']), url: idUrl(v['url']) });
  return p.id || p.name ? p : undefined;
}

function registration(v: unknown): CatalogRegistration | undefined {
  if (!isObj(v)) return undefined;
  const seats = v['seats'];
  const r: CatalogRegistration = defined({
    url: idUrl(v['url']),
    opens: date(v['opens']),
    closes: date(v['closes']),
    cost: str(v['cost']),
    seats: typeof seats === 'number' && Number.isInteger(seats) && seats >= 0 ? seats : undefined,
  });
  return Object.keys(r).length ? r : undefined;
}

function skill(v: unknown): CatalogSkill[] {
  const name = isObj(v) ? str(v['name']) : undefined;
  if (!isObj(v) || !name) return [];
  return [defined({ name, url: idUrl(v['url']), code: str(v['code']), framework: str(v['framework']) })];
}

function evidence(v: unknown): RequiredEvidence[] {
  const name = isObj(v) ? str(v['name']) : undefined;
  if (!isObj(v) || !name) return [];
  return [defined({ name, description: text(v['description']), kind: str(v['kind']) })];
}

/** One entry, checked; undefined (with an issue) without an id, a name or an achievement object. */
function entry(v: unknown, path: string, issues: CatalogIssue[]): CatalogEntry | undefined {
  const id = isObj(v) ? str(v['id']) : undefined;
  const name = isObj(v) ? str(v['name']) : undefined;
  if (!isObj(v) || !id || !name || !isObj(v['achievement'])) {
    issues.push({ path, message: 'skipped: an entry needs an id, a name and an achievement' });
    return undefined;
  }
  const minutes = v['effortMinutes'];
  const format = v['format'] as CatalogFormat;
  return defined({
    id,
    name,
    description: text(v['description']),
    // Shown only through <mc-credential-card>, whose normaliser checks it as any credential.
    achievement: v['achievement'] as Obj,
    achievementType: str(v['achievementType']),
    issuer: profile(v['issuer']),
    effort: str(v['effort']),
    effortMinutes:
      typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 ? minutes : undefined,
    format: FORMATS.includes(format) ? format : undefined,
    registration: registration(v['registration']),
    requiredEvidence: list(v['requiredEvidence']).flatMap(evidence),
    subjects: strings(v['subjects']),
    gradeBands: strings(v['gradeBands']),
    audience: strings(v['audience']),
    stacks: strings(v['stacks']),
    skills: list(v['skills']).flatMap(skill),
    tags: strings(v['tags']),
    language: str(v['language']),
    translations: list(v['translations']).flatMap((t) => {
      const lang = isObj(t) ? str(t['lang']) : undefined;
      return lang ? [defined({ lang, id: str((t as Obj)['id']) })] : [];
    }),
    published: date(v['published']),
  });
}

function stack(v: unknown): CatalogStack[] {
  const id = isObj(v) ? str(v['id']) : undefined;
  const name = isObj(v) ? str(v['name']) : undefined;
  if (!isObj(v) || !id || !name) return [];
  return [defined({ id, name, description: text(v['description']), pathway: v['pathway'] })];
}

/**
 * The most entries a catalog keeps (issue 11 item 12): a feed of 100,000 entries stalled the page
 * for seconds while it was indexed. Entries beyond it are dropped with one issue saying how many;
 * district catalogs hold tens to hundreds.
 */
export const CATALOG_ENTRY_LIMIT = 5000;

/**
 * A copy of `input` (a `Catalog` built or changed outside the parsers) with every field checked as
 * the feed parser checks it: addresses that are not absolute http(s) URLs dropped (`javascript:`,
 * `data:`, `vbscript:`, scheme-relative, obfuscated with spaces or control characters), text
 * without control characters, duplicate ids and entries without an id or name skipped (listed in
 * `issues`). Never throws; the input is not changed.
 */
export function safeCatalog(input: Catalog): Catalog {
  const issues: CatalogIssue[] = list(input.issues).flatMap((i) =>
    isObj(i) && typeof i['path'] === 'string' && typeof i['message'] === 'string'
      ? [{ path: i['path'], message: i['message'] }]
      : [],
  );
  const seen = new Set<string>();
  const all = list(input.entries);
  if (all.length > CATALOG_ENTRY_LIMIT)
    issues.push({
      path: 'entries',
      message: `skipped: ${all.length - CATALOG_ENTRY_LIMIT} entries beyond the first ${CATALOG_ENTRY_LIMIT}`,
    });
  const entries = all.slice(0, CATALOG_ENTRY_LIMIT).flatMap((v, i) => {
    const e = entry(v, `entries[${i}]`, issues);
    if (!e) return [];
    if (seen.has(e.id)) {
      issues.push({ path: `entries[${i}]`, message: `skipped: duplicate id ${e.id}` });
      return [];
    }
    seen.add(e.id);
    return [e];
  });
  const source = input.source === 'csv' || input.source === 'ctdl' ? input.source : 'json';
  return defined({
    source,
    name: str(input.name),
    publisher: profile(input.publisher),
    entries,
    stacks: list(input.stacks).flatMap(stack),
    issues,
    unmapped: strings(input.unmapped),
  });
}

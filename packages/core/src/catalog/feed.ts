/**
 * The JSON catalog feed: `{ "type": "CatalogFeed", "name", "publisher", "stacks": [...],
 * "achievements": [...] }` (or a bare array of achievements), each an OB 3.0 `Achievement` with
 * the extension fields `effort`, `format`, `registration`, `requiredEvidence`, `subjects`,
 * `gradeBands`, `audience`, `stacks` and `published`. See the README's "Data formats".
 */
import * as z from 'zod/mini';
import { McError } from '../model/errors.js';
import { durationMinutes } from './duration.js';
import {
  CatalogAchievementSchema,
  CatalogFeedSchema,
  CatalogStackSchema,
  EffortSchema,
  FormatSchema,
  RegistrationSchema,
  RequiredEvidenceListSchema,
  TextListSchema,
} from './schema.js';
import type {
  Catalog,
  CatalogEntry,
  CatalogIssue,
  CatalogRegistration,
  CatalogSkill,
  CatalogStack,
  CatalogTranslation,
  RequiredEvidence,
} from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;
const toArray = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
/** Control characters are removed from every string taken from a feed. */
// eslint-disable-next-line no-control-regex
const clean = (v: string): string => v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
const str = (v: unknown): string | undefined => {
  const s = typeof v === 'string' ? clean(v) : typeof v === 'number' ? String(v) : '';
  return s || undefined;
};
const httpUrl = (v: unknown): string | undefined => {
  const s = str(v);
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
};
const date = (v: unknown): Date | undefined => {
  const s = str(v);
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};
const firstMessage = (e: z.core.$ZodError): string => {
  const issue = e.issues[0];
  const at = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
  return `${issue?.message ?? 'is not valid'}${at}`;
};
const uniq = (list: string[]): string[] => [...new Set(list)];

/** Checks one optional field with `schema`; on failure records an issue and returns `undefined`. */
function field<T>(
  o: Obj,
  key: string,
  schema: z.core.$ZodType<T>,
  path: string,
  issues: CatalogIssue[],
): T | undefined {
  const value = o[key];
  if (value === undefined || value === null || value === '') return undefined;
  const r = z.safeParse(schema, value);
  if (r.success) return r.data;
  issues.push({ path: `${path}.${key}`, message: `${key} ${firstMessage(r.error)}; ignored` });
  return undefined;
}

const list = (o: Obj, key: string, path: string, issues: CatalogIssue[]): string[] =>
  uniq(
    toArray(field(o, key, TextListSchema, path, issues))
      .map((s) => clean(String(s)))
      .filter(Boolean),
  );

function profile(v: unknown): Catalog['publisher'] {
  if (typeof v === 'string') return httpUrl(v) ? { id: v } : { name: str(v) };
  if (!isObj(v)) return undefined;
  const p = { id: str(v['id']), name: str(v['name']), url: httpUrl(v['url']) };
  return p.id || p.name ? p : undefined;
}

function registration(o: Obj, path: string, issues: CatalogIssue[]): CatalogRegistration | undefined {
  const r = field(o, 'registration', RegistrationSchema, path, issues);
  if (!r) return undefined;
  const out: CatalogRegistration = {};
  const url = httpUrl(r.url);
  if (url) out.url = url;
  const opens = date(r.opens);
  const closes = date(r.closes);
  if (opens) out.opens = opens;
  if (closes) out.closes = closes;
  if (opens && closes && closes < opens)
    issues.push({ path: `${path}.registration`, message: 'registration closes before it opens' });
  const cost = str(r.cost);
  if (cost) out.cost = cost;
  if (r.seats !== undefined) out.seats = r.seats;
  return Object.keys(out).length ? out : undefined;
}

function evidence(o: Obj, path: string, issues: CatalogIssue[]): RequiredEvidence[] {
  return toArray(field(o, 'requiredEvidence', RequiredEvidenceListSchema, path, issues)).flatMap((e) => {
    if (typeof e === 'string') return [{ name: clean(e) }];
    if (!isObj(e)) return [];
    const item: RequiredEvidence = { name: clean(String(e['name'])) };
    const description = str(e['description']);
    const kind = str(e['kind']);
    if (description) item.description = description;
    if (kind) item.kind = kind.toLowerCase().replace(/[\s_]+/g, '-');
    return [item];
  });
}

function skills(v: unknown): CatalogSkill[] {
  return toArray(v).flatMap((a) => {
    if (!isObj(a)) return [];
    const name = str(a['targetName']);
    if (!name) return [];
    const skill: CatalogSkill = { name };
    const url = httpUrl(a['targetUrl']);
    const code = str(a['targetCode']);
    const framework = str(a['targetFramework']);
    if (url) skill.url = url;
    if (code) skill.code = code;
    if (framework) skill.framework = framework;
    return [skill];
  });
}

function translations(v: unknown): CatalogTranslation[] {
  return toArray(v).flatMap((r) => {
    if (!isObj(r)) return [];
    const lang = str(r['inLanguage']);
    if (!lang) return [];
    const id = str(r['id']);
    return [id ? { lang, id } : { lang }];
  });
}

/**
 * Reads one catalog entry (an OB 3.0 Achievement plus extension fields). Returns `undefined`, with
 * an issue, when it lacks an id or a name; bad optional fields are dropped with an issue each.
 * `language` is the feed's default (its own `inLanguage`), for an entry that declares none.
 */
export function readCatalogEntry(
  input: unknown,
  path: string,
  issues: CatalogIssue[],
  language?: string,
): CatalogEntry | undefined {
  const base = z.safeParse(CatalogAchievementSchema, input);
  if (!base.success) {
    issues.push({ path, message: `skipped: ${firstMessage(base.error)}` });
    return undefined;
  }
  const o = base.data as Obj;
  const id = clean(base.data.id);
  const effort = field(o, 'effort', EffortSchema, path, issues);
  const format = field(o, 'format', FormatSchema, path, issues);
  const reg = registration(o, path, issues);
  const achievement: Obj = { ...o };
  // The card reads `registration` itself; give it the validated version only.
  if (reg) achievement['registration'] = { ...(o['registration'] as Obj) };
  else delete achievement['registration'];
  if (!achievement['type']) achievement['type'] = ['Achievement'];
  const issuer = profile(o['creator'] ?? o['issuer']);
  const entry: CatalogEntry = {
    id,
    name: clean(base.data.name),
    achievement,
    requiredEvidence: evidence(o, path, issues),
    subjects: list(o, 'subjects', path, issues),
    gradeBands: list(o, 'gradeBands', path, issues),
    audience: list(o, 'audience', path, issues),
    stacks: list(o, 'stacks', path, issues),
    skills: skills(o['alignment']),
    tags: list(o, 'tag', path, issues),
    translations: translations(o['related']),
  };
  const description = str(o['description']);
  const type = str(o['achievementType']);
  language = str(o['inLanguage']) ?? language;
  const published = date(o['published'] ?? o['dateCreated']);
  if (description) entry.description = description;
  if (type) entry.achievementType = type;
  if (issuer) entry.issuer = issuer;
  if (effort) {
    entry.effort = effort.toUpperCase();
    const minutes = durationMinutes(effort);
    if (minutes !== undefined) entry.effortMinutes = minutes;
  }
  if (format) entry.format = format;
  if (reg) entry.registration = reg;
  if (language) entry.language = language;
  if (published) entry.published = published;
  return entry;
}

/** Reads a stack declaration (`{ id, name, description?, requirement? }`). */
export function readCatalogStack(
  input: unknown,
  path: string,
  issues: CatalogIssue[],
): CatalogStack | undefined {
  const r = z.safeParse(CatalogStackSchema, input);
  if (!r.success) {
    issues.push({ path, message: `stack skipped: ${firstMessage(r.error)}` });
    return undefined;
  }
  const stack: CatalogStack = { id: clean(r.data.id), name: clean(r.data.name) };
  const description = str(r.data.description);
  if (description) stack.description = description;
  if (isObj(input) && (input['requirement'] !== undefined || input['achievement'] !== undefined))
    stack.pathway = input;
  else if (isObj(input) && Array.isArray(input['achievements'])) {
    // `{ achievements: [id, …] }`: all of the listed achievements, in order.
    const ids = input['achievements'].filter((a): a is string => typeof a === 'string' && a.trim() !== '');
    if (ids.length) stack.pathway = { ...input, requirement: { allOf: ids } };
  }
  return stack;
}

/** Adds entries, dropping duplicates of an id already read (the first wins). */
export function addEntries(catalog: Catalog, entries: (CatalogEntry | undefined)[], paths: string[]): void {
  const seen = new Set(catalog.entries.map((e) => e.id));
  entries.forEach((entry, i) => {
    if (!entry) return;
    if (seen.has(entry.id)) {
      catalog.issues.push({ path: paths[i]!, message: `skipped: duplicate id ${entry.id}` });
      return;
    }
    seen.add(entry.id);
    catalog.entries.push(entry);
  });
}

/**
 * Reads a JSON catalog feed (already parsed): a feed object or a bare array of achievements.
 * @throws {McError} `schema` when it is neither.
 */
export function parseCatalogFeed(input: unknown): Catalog {
  const doc = Array.isArray(input) ? { achievements: input } : input;
  const feedInput =
    isObj(doc) && !doc['achievements'] ? { ...doc, achievements: doc['entries'] ?? doc['items'] } : doc;
  const feed = z.safeParse(CatalogFeedSchema, feedInput);
  if (!feed.success)
    throw new McError(
      'schema',
      'This is not a catalog feed: expected an object with an "achievements" array, or an array of achievements.',
      { details: { issues: feed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } },
    );
  const catalog: Catalog = { source: 'json', entries: [], stacks: [], issues: [], unmapped: [] };
  const name = str(feed.data.name);
  if (name) catalog.name = name;
  const publisher = profile(feed.data.publisher);
  if (publisher) catalog.publisher = publisher;
  const paths = feed.data.achievements.map((_, i) => `achievements[${i}]`);
  // the feed's language: what its entries are written in unless one says otherwise (WCAG 3.1.2)
  const language = typeof feed.data.inLanguage === 'string' ? str(feed.data.inLanguage) : undefined;
  addEntries(
    catalog,
    feed.data.achievements.map((a, i) => readCatalogEntry(a, paths[i]!, catalog.issues, language)),
    paths,
  );
  for (const [i, s] of (feed.data.stacks ?? []).entries()) {
    const stack = readCatalogStack(s, `stacks[${i}]`, catalog.issues);
    if (stack && !catalog.stacks.some((x) => x.id === stack.id)) catalog.stacks.push(stack);
  }
  // A stack that lists its achievements makes them members (for the stack facet).
  for (const stack of catalog.stacks) {
    const listed =
      isObj(stack.pathway) && Array.isArray(stack.pathway['achievements'])
        ? stack.pathway['achievements']
        : [];
    for (const entry of catalog.entries)
      if (listed.includes(entry.id) && !entry.stacks.includes(stack.id)) entry.stacks.push(stack.id);
  }
  return catalog;
}

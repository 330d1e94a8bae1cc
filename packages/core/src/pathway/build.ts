/**
 * Building pathways: from the pathway document (JSON), from a catalog's stacks, from CLR 2.0
 * associations, and from an OB 3.0 Achievement's `related` list.
 */
import * as z from 'zod/mini';
import { McError } from '../model/errors.js';
import type { AssociationView } from '../model/credential-view.js';
import type { Catalog } from '../catalog/types.js';
import { PathwaySchema, RequirementSchema } from './schema.js';
import type { AchievementRequirement, GroupRequirement, Pathway, PathwayRequirement } from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;
type Issues = Pathway['issues'];
const toStrings = (v: unknown): string[] =>
  (v == null ? [] : Array.isArray(v) ? v : [v])
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim());
const opt = <T extends object>(o: T, extra: Record<string, unknown>): T => {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') (o as Obj)[k] = v;
  return o;
};

/** Largest depth of a requirement tree. */
export const MAX_PATHWAY_DEPTH = 16;

function leaf(
  id: string,
  achievementId: string,
  extra: Partial<AchievementRequirement> = {},
): AchievementRequirement {
  return {
    kind: 'achievement',
    id,
    achievementId,
    optional: false,
    prerequisites: [],
    alsoMatches: [],
    alignments: [],
    ...extra,
  };
}

function group(
  id: string,
  kind: 'all' | 'n-of',
  children: PathwayRequirement[],
  n?: number,
): GroupRequirement {
  return {
    kind,
    id,
    n: kind === 'all' ? children.filter((c) => !c.optional).length : (n ?? 1),
    children,
    optional: false,
    prerequisites: [],
  };
}

/** Reads one requirement (recursively); `undefined` (with an issue) when unusable. */
function readRequirement(
  input: unknown,
  path: string,
  fallbackId: string,
  issues: Issues,
  depth: number,
): PathwayRequirement | undefined {
  if (depth > MAX_PATHWAY_DEPTH) {
    issues.push({ path, message: 'requirement tree is nested too deeply; ignored' });
    return undefined;
  }
  const r = z.safeParse(RequirementSchema, Array.isArray(input) ? { allOf: input } : input);
  if (!r.success) {
    issues.push({
      path,
      message: 'not a requirement (expected an achievement id, {achievement}, {allOf} or {nOf, of}); ignored',
    });
    return undefined;
  }
  const v = r.data;
  if (typeof v === 'string') return leaf(v, v);
  const base = {
    optional: v.optional === true,
    prerequisites: toStrings(v.prerequisites),
  };
  const named = (req: PathwayRequirement): PathwayRequirement =>
    opt(req, { name: v.name, description: v.description?.trim() });
  if ('allOf' in v || 'of' in v) {
    const list = ('allOf' in v ? v.allOf : (v as { of: unknown[] }).of) as unknown[];
    const id = v.id ?? v.achievement ?? fallbackId;
    const children = list.flatMap((c, i) => {
      const child = readRequirement(
        c,
        `${path}.${'allOf' in v ? 'allOf' : 'of'}[${i}]`,
        `${id}/${i + 1}`,
        issues,
        depth + 1,
      );
      return child ? [child] : [];
    });
    const g = group(id, 'allOf' in v ? 'all' : 'n-of', children, 'nOf' in v ? Number(v.nOf) : undefined);
    if (g.kind === 'n-of' && g.n > children.length) {
      issues.push({
        path,
        message: `needs ${g.n} of ${children.length} requirements; it can never be met, so all ${children.length} are required`,
      });
      g.n = children.length;
    }
    Object.assign(g, base);
    if (v.achievement) g.achievementId = v.achievement;
    return named(g);
  }
  const a = v as {
    achievement: string;
    id?: string;
    alsoMatches?: unknown;
    alignment?: { targetUrl?: string; targetCode?: string }[];
    acceptExpired?: boolean;
  };
  const req = leaf(a.id ?? a.achievement, a.achievement, {
    ...base,
    alsoMatches: toStrings(a.alsoMatches),
    alignments: (a.alignment ?? []).flatMap((x) => {
      const ref = opt({}, { url: x.targetUrl?.trim(), code: x.targetCode?.trim() });
      return Object.keys(ref).length ? [ref] : [];
    }),
  });
  if (a.acceptExpired !== undefined) req.acceptExpired = a.acceptExpired;
  return named(req);
}

/** Every requirement of the tree, depth first. */
export function walkRequirements(root: PathwayRequirement): PathwayRequirement[] {
  const out: PathwayRequirement[] = [];
  const visit = (r: PathwayRequirement): void => {
    out.push(r);
    if (r.kind !== 'achievement') r.children.forEach(visit);
  };
  visit(root);
  return out;
}

/**
 * Makes ids unique, resolves prerequisites (requirement ids, or achievement ids of requirements in
 * the tree; other ids stay as outside prerequisites) and breaks prerequisite cycles, with issues.
 */
function finish(pathway: Pathway): Pathway {
  const all = walkRequirements(pathway.root);
  const seen = new Set<string>();
  for (const r of all) {
    let id = r.id;
    for (let i = 2; seen.has(id); i++) id = `${r.id}#${i}`;
    r.id = id;
    seen.add(id);
  }
  const byAchievement = new Map<string, string>();
  for (const r of all)
    if (r.kind === 'achievement' && !byAchievement.has(r.achievementId))
      byAchievement.set(r.achievementId, r.id);
  for (const r of all)
    r.prerequisites = [
      ...new Set(r.prerequisites.map((p) => (seen.has(p) ? p : (byAchievement.get(p) ?? p)))),
    ].filter((p) => p !== r.id);
  // Break cycles: depth-first over prerequisite edges, dropping edges back into the current path.
  const byId = new Map(all.map((r) => [r.id, r]));
  const state = new Map<string, 1 | 2>();
  const visit = (r: PathwayRequirement): void => {
    state.set(r.id, 1);
    for (const p of [...r.prerequisites]) {
      const target = byId.get(p);
      if (!target) continue;
      if (state.get(p) === 1) {
        r.prerequisites = r.prerequisites.filter((x) => x !== p);
        pathway.issues.push({ path: r.id, message: `prerequisite ${p} would form a cycle; ignored` });
      } else if (!state.has(p)) visit(target);
    }
    state.set(r.id, 2);
  };
  for (const r of all) if (!state.has(r.id)) visit(r);
  return pathway;
}

/**
 * Reads a pathway document (see the README's "Data formats"):
 * `{ id, name, description?, achievement?, acceptExpired?, matchAlignments?, requirement }`.
 * @throws {McError} `schema` when it is not a pathway or has no usable requirement.
 */
export function parsePathway(input: unknown): Pathway {
  const doc = z.safeParse(PathwaySchema, input);
  if (!doc.success)
    throw new McError('schema', 'This is not a pathway: it needs an "id", a "name" and a "requirement".', {
      details: { issues: doc.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  const d = doc.data;
  const issues: Issues = [];
  const stack = typeof d.achievement === 'string' ? { id: d.achievement } : d.achievement;
  const root = readRequirement(d.requirement, 'requirement', `${d.id}#root`, issues, 0);
  if (!root) throw new McError('schema', 'The pathway has no usable requirement.', { details: { issues } });
  const tree = root.kind === 'achievement' ? opt(group(`${d.id}#root`, 'all', [root]), {}) : root;
  if (stack && tree.achievementId === undefined) tree.achievementId = stack.id;
  const pathway: Pathway = opt(
    {
      id: d.id.trim(),
      name: d.name.trim(),
      root: tree,
      acceptExpired: d.acceptExpired === true,
      matchAlignments: d.matchAlignments === true,
      issues,
    } as Pathway,
    {
      description: d.description?.trim(),
      achievement: stack
        ? opt(
            { id: stack.id.trim() },
            {
              name: (stack as { name?: string }).name?.trim(),
              source: isObj(d.achievement) ? d.achievement : undefined,
            },
          )
        : undefined,
    },
  );
  return finish(pathway);
}

/**
 * The pathways of a catalog's stacks: a stack's own requirement tree when the feed gives one,
 * otherwise all of the entries that list the stack in `stacks` (in feed order).
 */
export function pathwaysFromCatalog(catalog: Catalog): Pathway[] {
  const byId = new Map(catalog.entries.map((e) => [e.id, e]));
  const translations = new Map(
    catalog.entries.map((e) => [e.id, e.translations.flatMap((t) => (t.id ? [t.id] : []))]),
  );
  return catalog.stacks.flatMap((stack) => {
    let pathway: Pathway;
    if (stack.pathway) {
      try {
        pathway = parsePathway({ name: stack.name, ...(stack.pathway as Obj), id: stack.id });
      } catch (e) {
        catalog.issues.push({
          path: `stack ${stack.id}`,
          message: e instanceof Error ? e.message : String(e),
        });
        return [];
      }
    } else {
      const members = catalog.entries.filter((e) => e.stacks.includes(stack.id));
      if (!members.length) return [];
      pathway = finish(
        opt(
          {
            id: stack.id,
            name: stack.name,
            root: group(
              `${stack.id}#root`,
              'all',
              members.map((e) => leaf(e.id, e.id)),
            ),
            acceptExpired: false,
            matchAlignments: false,
            issues: [],
          } as Pathway,
          { description: stack.description },
        ),
      );
    }
    for (const r of walkRequirements(pathway.root)) {
      if (r.kind !== 'achievement') continue;
      const entry = byId.get(r.achievementId);
      if (!r.name && entry) {
        r.name = entry.name;
        if (entry.language) r.language = entry.language;
      }
      const versions = entry?.translations.flatMap(({ lang, id }) => {
        const name = id && byId.get(id)?.name;
        return name ? [{ lang, id, name }] : [];
      });
      if (versions?.length) r.translations = versions; // the tracker shows the page's language
      // The same achievement in another language (OB 3.0 `related` with `inLanguage`) satisfies it too.
      for (const t of translations.get(r.achievementId) ?? [])
        if (t !== r.achievementId && !r.alsoMatches.includes(t)) r.alsoMatches.push(t);
    }
    const first = catalog.entries.find((e) => e.stacks.includes(stack.id));
    if (first?.language && !pathway.language) pathway.language = first.language;
    return [pathway];
  });
}

/** Options of {@link pathwayFromAssociations} and {@link pathwayFromRelated}. */
export interface BuildPathwayOptions {
  /** The pathway id (default: the root achievement id). */
  id?: string;
  /** The pathway name (default: the root's name, else its id). */
  name?: string;
  /** The stack (root) achievement id; found from the associations when omitted. */
  root?: string;
  /** Names of achievements by id, for display. */
  names?: Map<string, string> | Record<string, string>;
}

const nameOf = (names: BuildPathwayOptions['names'], id: string): string | undefined =>
  names instanceof Map ? names.get(id) : names?.[id];

/**
 * A pathway from CLR 2.0 associations: `isPartOf` (source is part of target), `isParentOf`,
 * `isChildOf` and `precedes` (source is a prerequisite of target). Achievements with parts become
 * all-of groups that the achievement itself also satisfies; the root is `options.root` or the
 * achievement that is nobody's part.
 * @throws {McError} `schema` when the associations describe no parts.
 */
export function pathwayFromAssociations(
  associations: readonly AssociationView[],
  options: BuildPathwayOptions = {},
): Pathway {
  const parts = new Map<string, string[]>();
  const parents = new Map<string, string>();
  const before = new Map<string, string[]>();
  const issues: Issues = [];
  const addPart = (parent: string, child: string): void => {
    if (parent === child) return;
    if (parents.has(child) && parents.get(child) !== parent) {
      issues.push({
        path: child,
        message: `${child} is part of more than one achievement; only ${parents.get(child)} is used`,
      });
      return;
    }
    parents.set(child, parent);
    const list = parts.get(parent) ?? [];
    if (!list.includes(child)) list.push(child);
    parts.set(parent, list);
  };
  for (const a of associations) {
    const type = a.type.replace(/^.*[:#/]/, '');
    if (type === 'isPartOf' || type === 'isChildOf') addPart(a.targetId, a.sourceId);
    else if (type === 'isParentOf') addPart(a.sourceId, a.targetId);
    else if (type === 'precedes') before.set(a.targetId, [...(before.get(a.targetId) ?? []), a.sourceId]);
  }
  const rootId = options.root ?? [...parts.keys()].find((p) => !parents.has(p));
  if (!rootId || !parts.has(rootId))
    throw new McError(
      'schema',
      'These associations do not say which achievements make up a stack (no isPartOf / isParentOf).',
    );
  const build = (id: string, depth: number, trail: Set<string>): PathwayRequirement => {
    const name = nameOf(options.names, id);
    const prerequisites = before.get(id) ?? [];
    const children = parts.get(id);
    if (!children || depth > MAX_PATHWAY_DEPTH || trail.has(id))
      return opt(leaf(id, id, { prerequisites }), { name });
    const next = new Set(trail).add(id);
    const g = group(
      id,
      'all',
      children.map((c) => build(c, depth + 1, next)),
    );
    g.achievementId = id;
    g.prerequisites = prerequisites;
    return opt(g, { name });
  };
  const root = build(rootId, 0, new Set()) as GroupRequirement;
  const name = options.name ?? nameOf(options.names, rootId) ?? rootId;
  return finish({
    id: options.id ?? rootId,
    name,
    achievement: opt({ id: rootId }, { name: nameOf(options.names, rootId) }),
    root,
    acceptExpired: false,
    matchAlignments: false,
    issues,
  });
}

/**
 * A pathway from an OB 3.0 stack Achievement whose `related` entries (those without `inLanguage`,
 * which mark translations) are its parts: all of them are required.
 * @throws {McError} `schema` when the achievement has no id or no such `related` entries.
 */
export function pathwayFromRelated(achievement: unknown, options: BuildPathwayOptions = {}): Pathway {
  const a = isObj(achievement) ? achievement : {};
  const id = typeof a['id'] === 'string' ? a['id'].trim() : '';
  const related = (Array.isArray(a['related']) ? a['related'] : [a['related']]).filter(
    (r): r is Obj => isObj(r) && typeof r['id'] === 'string' && !r['inLanguage'],
  );
  if (!id || !related.length)
    throw new McError(
      'schema',
      'This achievement lists no related achievements (other than translations) to build a stack from.',
    );
  const name = typeof a['name'] === 'string' ? a['name'].trim() : undefined;
  const root = group(
    `${id}#root`,
    'all',
    related.map((r) => {
      const rid = (r['id'] as string).trim();
      return opt(leaf(rid, rid), {
        name: nameOf(options.names, rid) ?? (typeof r['name'] === 'string' ? r['name'] : undefined),
      });
    }),
  );
  root.achievementId = id;
  return finish({
    id: options.id ?? id,
    name: options.name ?? name ?? id,
    achievement: opt({ id, source: a }, { name }),
    root,
    acceptExpired: false,
    matchAlignments: false,
    issues: [],
  });
}

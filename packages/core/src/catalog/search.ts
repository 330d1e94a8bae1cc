/**
 * Searching a catalog: accent- and case-insensitive text search, facets with counts (each facet
 * counted with every other facet's filter applied, so counts say what a click would give), and
 * sorting. Built once per catalog, so each keystroke only scans precomputed folded text.
 */
import type { CatalogEntry } from './types.js';

/** Facets a catalog can be filtered by. */
export type CatalogFacet = 'subject' | 'gradeBand' | 'format' | 'effort' | 'stack' | 'skill';

/** The facets, in display order. */
export const CATALOG_FACETS: readonly CatalogFacet[] = [
  'subject',
  'gradeBand',
  'format',
  'effort',
  'stack',
  'skill',
];

/** Effort ranges (facet `effort`): under 5 hours, 5 to 15 hours, over 15 hours. */
export type EffortRange = 'under-5h' | '5-15h' | 'over-15h';

/** Sort orders. */
export type CatalogSort = 'name' | 'effort' | 'newest';

/** What to look for. Values within a facet are alternatives (OR); facets combine with AND. */
export interface CatalogQuery {
  text?: string;
  filters?: Partial<Record<CatalogFacet, readonly string[]>>;
  sort?: CatalogSort;
}

/** One facet value with how many results it would give. */
export interface FacetCount {
  value: string;
  count: number;
}

/** Search results. */
export interface CatalogResult {
  entries: CatalogEntry[];
  /** Per facet, every value present in the catalog with its count (values with 0 included when selected). */
  facets: Record<CatalogFacet, FacetCount[]>;
}

/** Lower case, without diacritics (`Educación` → `educacion`), with runs of spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The effort range of an entry, when its effort is known. */
export function effortRange(minutes: number | undefined): EffortRange | undefined {
  if (minutes === undefined) return undefined;
  return minutes < 300 ? 'under-5h' : minutes <= 900 ? '5-15h' : 'over-15h';
}

const EFFORT_ORDER: EffortRange[] = ['under-5h', '5-15h', 'over-15h'];

/** The values of `facet` for one entry. */
export function facetValues(entry: CatalogEntry, facet: CatalogFacet): string[] {
  switch (facet) {
    case 'subject':
      return entry.subjects;
    case 'gradeBand':
      return entry.gradeBands;
    case 'format':
      return entry.format ? [entry.format] : [];
    case 'effort': {
      const r = effortRange(entry.effortMinutes);
      return r ? [r] : [];
    }
    case 'stack':
      return entry.stacks;
    case 'skill':
      return entry.skills.map((s) => s.name);
  }
}

/** A reusable search index over catalog entries. */
export class CatalogIndex {
  readonly entries: readonly CatalogEntry[];
  private readonly haystacks: string[];
  private readonly values: Record<CatalogFacet, string[][]>;
  private readonly orders: Record<CatalogSort, number[]>;

  constructor(entries: readonly CatalogEntry[], locale = 'en') {
    this.entries = entries;
    this.haystacks = entries.map((e) =>
      foldText(
        [
          e.name,
          e.description ?? '',
          e.issuer?.name ?? '',
          ...e.subjects,
          ...e.gradeBands,
          ...e.audience,
          ...e.tags,
          ...e.skills.flatMap((s) => [s.name, s.code ?? '']),
        ].join(' \u0001 '),
      ),
    );
    this.values = Object.fromEntries(
      CATALOG_FACETS.map((f) => [f, entries.map((e) => facetValues(e, f))]),
    ) as Record<CatalogFacet, string[][]>;
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const byName = entries
      .map((_, i) => i)
      .sort((a, b) => collator.compare(entries[a]!.name, entries[b]!.name));
    const rank = new Int32Array(entries.length);
    byName.forEach((i, r) => (rank[i] = r));
    const last = Number.POSITIVE_INFINITY;
    this.orders = {
      name: byName,
      effort: [...byName].sort(
        (a, b) =>
          (entries[a]!.effortMinutes ?? last) - (entries[b]!.effortMinutes ?? last) || rank[a]! - rank[b]!,
      ),
      newest: [...byName].sort(
        (a, b) =>
          (entries[b]!.published?.getTime() ?? -last) - (entries[a]!.published?.getTime() ?? -last) ||
          rank[a]! - rank[b]!,
      ),
    };
  }

  /** Entries matching `query`, in its sort order, with facet counts. */
  search(query: CatalogQuery = {}): CatalogResult {
    const tokens = foldText(query.text ?? '')
      .split(' ')
      .filter(Boolean);
    const active = CATALOG_FACETS.filter((f) => (query.filters?.[f]?.length ?? 0) > 0);
    const selected = active.map((f) => new Set(query.filters![f]));
    const counts = Object.fromEntries(CATALOG_FACETS.map((f) => [f, new Map<string, number>()])) as Record<
      CatalogFacet,
      Map<string, number>
    >;
    for (const f of CATALOG_FACETS) for (const v of query.filters?.[f] ?? []) counts[f].set(v, 0);
    const entries: CatalogEntry[] = [];
    const count = (f: CatalogFacet, i: number): void => {
      const map = counts[f];
      for (const v of this.values[f][i]!) map.set(v, (map.get(v) ?? 0) + 1);
    };
    for (const i of this.orders[query.sort ?? 'name']) {
      const hay = this.haystacks[i]!;
      if (tokens.length && !tokens.every((t) => hay.includes(t))) continue;
      let failed = -1;
      let failures = 0;
      for (let k = 0; k < active.length && failures < 2; k++) {
        const set = selected[k]!;
        if (!this.values[active[k]!][i]!.some((v) => set.has(v))) {
          failed = k;
          failures++;
        }
      }
      if (failures === 0) {
        entries.push(this.entries[i]!);
        for (const f of CATALOG_FACETS) count(f, i);
      } else if (failures === 1) count(active[failed]!, i);
    }
    const facets = Object.fromEntries(
      CATALOG_FACETS.map((f) => {
        const list = [...counts[f]].map(([value, n]) => ({ value, count: n }));
        list.sort(
          f === 'effort'
            ? (a, b) =>
                EFFORT_ORDER.indexOf(a.value as EffortRange) - EFFORT_ORDER.indexOf(b.value as EffortRange)
            : (a, b) => b.count - a.count || a.value.localeCompare(b.value),
        );
        return [f, list];
      }),
    ) as Record<CatalogFacet, FacetCount[]>;
    return { entries, facets };
  }
}

/** Searching, filtering, sorting and grouping wallet items by their summaries (fast: no normalising). */
import type { VerificationReport } from '../verify/types.js';
import type { WalletSummary, WalletVerification, WalletVerifyOutcome } from './types.js';

/** What a wallet item must have to be searched, filtered, sorted and grouped. */
export interface WalletItem {
  summary: WalletSummary;
  verification?: WalletVerification | undefined;
  featured?: boolean;
  order: number;
}

/** The status a wallet filters by. `unverified` covers not yet checked, failed and could not check. */
export type WalletStatus = 'verified' | 'expired' | 'revoked' | 'suspended' | 'notYetValid' | 'unverified';

/** Filters; every one given must match. */
export interface WalletQuery {
  /** Words, each of which must appear in the name, issuer, type, stack or tags (case-insensitive). */
  text?: string;
  issuer?: string;
  type?: string;
  year?: number;
  status?: WalletStatus;
}

/** Sort orders: the owner's order, name, newest or oldest first, or issuer. */
export type WalletSort = 'order' | 'name' | 'newest' | 'oldest' | 'issuer';
/** Groupings. */
export type WalletGroup = 'none' | 'issuer' | 'stack' | 'year' | 'type';

/** One group of items; `key` is `''` for items without a value (no issuer, no year…). */
export interface WalletItemGroup<T> {
  key: string;
  items: T[];
}

/** Checks that inform but do not decide whether a credential is verified. */
const INFORMATIVE = ['recipient', 'endorsements', 'refresh'];

/**
 * The outcome a verification report is summarised as. For an authentic credential (its proof
 * passed, its issuer passed or was not asked): revoked, then suspended (by its issuer, and not
 * revoked), then expired, before any other failure. A forged one is invalid whatever its status
 * list or dates say: they are its claims, not its issuer's. Not yet valid when its signature passed
 * and the only checks that failed say its validity period (`validFrom`, or a token's `nbf`) has not
 * begun — as the verify button says it.
 */
export function verificationOutcome(report: VerificationReport): WalletVerifyOutcome {
  if (report.verified) return 'verified';
  const failed = report.checks.filter((c) => c.outcome === 'failed');
  const outcome = (id: string) => report.checks.find((c) => c.id === id)?.outcome;
  const any = (code: string) =>
    outcome('proof') === 'passed' &&
    /^(passed|skipped)$/.test(outcome('issuer')!) &&
    failed.some((c) => c.code === code);
  if (any('revoked')) return 'revoked';
  if (any('suspended')) return 'suspended';
  if (any('expired')) return 'expired';
  const deciding = failed.filter((c) => !INFORMATIVE.includes(c.id));
  if (
    deciding.length > 0 &&
    report.checks.some((c) => c.id === 'proof' && c.outcome === 'passed') &&
    deciding.every((c) => c.code === 'not-yet-valid' || c.code === 'jwt-not-yet-valid')
  )
    return 'notYetValid';
  return failed.length > 0 ? 'invalid' : 'unknown';
}

/**
 * The status of an item at `now`: revoked or suspended when its last check said so, expired when it
 * said so or its expiry date has passed, not yet valid when its last check said so.
 */
export function statusOf(item: WalletItem, now: Date = new Date()): WalletStatus {
  const outcome = item.verification?.outcome;
  if (outcome === 'revoked' || outcome === 'suspended') return outcome;
  const until = item.summary.validUntil;
  if (outcome === 'expired' || (until && Date.parse(until) < now.getTime())) return 'expired';
  return outcome === 'verified' || outcome === 'notYetValid' ? outcome : 'unverified';
}

/** Prepares a query once (lower-cased words), for filtering many items per keystroke. */
export function matcher(query: WalletQuery, now: Date = new Date()): (item: WalletItem) => boolean {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const { issuer, type, year, status } = query;
  return (item) => {
    const s = item.summary;
    if (issuer !== undefined && (s.issuer ?? '') !== issuer) return false;
    if (type !== undefined && s.type !== type) return false;
    if (year !== undefined && s.year !== year) return false;
    if (status !== undefined && statusOf(item, now) !== status) return false;
    for (const w of words) if (!s.text.includes(w)) return false;
    return true;
  };
}

/** The items that match `query`, in their given order. */
export function filterItems<T extends WalletItem>(items: readonly T[], query: WalletQuery, now?: Date): T[] {
  return items.filter(matcher(query, now));
}

const time = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/** Sorted copy of `items`; featured items come first in the owner's order. Names compare with `collator`. */
export function sortItems<T extends WalletItem>(
  items: readonly T[],
  sort: WalletSort,
  collator: Intl.Collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }),
): T[] {
  const byOrder = (a: T, b: T) => a.order - b.order;
  const compare: Record<WalletSort, (a: T, b: T) => number> = {
    order: (a, b) => Number(!!b.featured) - Number(!!a.featured) || byOrder(a, b),
    name: (a, b) => collator.compare(a.summary.name, b.summary.name) || byOrder(a, b),
    issuer: (a, b) =>
      collator.compare(a.summary.issuer ?? '\uffff', b.summary.issuer ?? '\uffff') ||
      collator.compare(a.summary.name, b.summary.name),
    newest: (a, b) => (time(b.summary.issued) || 0) - (time(a.summary.issued) || 0) || byOrder(a, b),
    oldest: (a, b) =>
      (time(a.summary.issued) || Infinity) - (time(b.summary.issued) || Infinity) || byOrder(a, b),
  };
  return [...items].sort(compare[sort]);
}

/** Groups items (keeping their order inside each group); groups sorted by key, the empty key last. */
export function groupItems<T extends WalletItem>(
  items: readonly T[],
  group: WalletGroup,
  collator: Intl.Collator = new Intl.Collator(undefined, { numeric: true }),
): WalletItemGroup<T>[] {
  if (group === 'none') return [{ key: '', items: [...items] }];
  const map = new Map<string, T[]>();
  for (const item of items) {
    const s = item.summary;
    const key = String((group === 'year' ? s.year : group === 'type' ? s.type : s[group]) ?? '');
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(item);
  }
  const keys = [...map.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : group === 'year' ? Number(b) - Number(a) : collator.compare(a, b),
  );
  return keys.map((key) => ({ key, items: map.get(key)! }));
}

/** The values present in some items, for filter menus. */
export interface WalletFacets {
  issuers: string[];
  types: string[];
  years: number[];
}

/** The values present, for filter menus: issuers and types sorted (by `collator`), years newest first. */
export function facets(
  items: readonly WalletItem[],
  collator: Intl.Collator = new Intl.Collator(undefined, { sensitivity: 'base' }),
): WalletFacets {
  const issuers = new Set<string>();
  const types = new Set<string>();
  const years = new Set<number>();
  for (const { summary: s } of items) {
    if (s.issuer) issuers.add(s.issuer);
    types.add(s.type);
    if (s.year !== undefined) years.add(s.year);
  }
  return {
    issuers: [...issuers].sort(collator.compare),
    types: [...types].sort(collator.compare),
    years: [...years].sort((a, b) => b - a),
  };
}

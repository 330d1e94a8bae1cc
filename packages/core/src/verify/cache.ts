/**
 * Caches for fetched documents (DID documents, status lists, JWKS), scoped to the `fetch` function
 * that produced them so that two callers with different networks never share answers.
 */

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

const byFetch = new WeakMap<object, Map<string, Entry>>();

/** Default lifetime of a cached document (5 minutes). */
export const DEFAULT_TTL_MS = 5 * 60 * 1000;

/**
 * Returns the cached value for `key`, or runs `load` and caches its result until `ttl(result)` ms
 * after `nowMs` (failures are not cached).
 */
export async function cached<T>(
  fetchFn: object,
  key: string,
  nowMs: number,
  load: () => Promise<T>,
  ttl: (value: T) => number = () => DEFAULT_TTL_MS,
  keep: (value: T) => boolean = () => true,
): Promise<T> {
  let map = byFetch.get(fetchFn);
  if (!map) byFetch.set(fetchFn, (map = new Map()));
  const hit = map.get(key);
  if (hit && hit.expires > nowMs) return hit.value as Promise<T>;
  if (map.size > 500) map.clear();
  const value = load();
  const entry: Entry = { expires: nowMs + DEFAULT_TTL_MS, value };
  map.set(key, entry);
  try {
    const v = await value;
    if (!keep(v)) map.delete(key);
    else entry.expires = nowMs + Math.max(0, Math.min(ttl(v), 24 * 3600 * 1000));
    return v;
  } catch (e) {
    map.delete(key);
    throw e;
  }
}

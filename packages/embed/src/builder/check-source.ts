/**
 * The embed builder's check of an address: loads it as the element would (from this page, across
 * origins) and tells what is wrong in a stable code the page translates — unreachable, blocked by
 * CORS, 404, an error status, not JSON, or the wrong kind of thing (a credential where a catalog is
 * wanted…). The catalog and pathway are read with core's own parsers (lazy chunks the catalog and
 * tracker load anyway), so "it is a catalog" means what the catalog element means by it.
 */
import type { FrameElement } from '../frame/params.js';

/** What an address holds, as far as the builder can tell. */
export type SourceKind = 'credential' | 'catalog' | 'pathway' | 'list' | 'other';

/** Why an address cannot be used. */
export type SourceProblem =
  | 'unreachable'
  | 'cors'
  | 'not-found'
  | 'forbidden'
  | 'http-error'
  | 'timeout'
  | 'too-large'
  | 'not-json'
  | 'wrong-kind'
  | 'empty-catalog'
  | 'no-stack';

/** The answer of {@link checkSource}. */
export type SourceCheck =
  | {
      ok: true;
      kind: SourceKind;
      /** The credential's, pathway's or catalog's own name, when it has one (for the frame's title). */
      name?: string;
      /** How many entries or credentials it holds (catalog, list). */
      count?: number;
    }
  | { ok: false; problem: SourceProblem; status?: number; kind?: SourceKind };

/** What each element needs. */
export const NEEDS: Record<FrameElement, SourceKind[]> = {
  card: ['credential'],
  verify: ['credential'],
  catalog: ['catalog'],
  tracker: ['pathway', 'catalog'],
  wallet: ['list'],
};

/** Largest body read (the elements' own limit for a catalog). */
const MAX_BODY = 10_000_000;
/** How long an address may take to answer. */
const TIMEOUT_MS = 15_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const typesOf = (o: Obj): unknown[] => [o['type']].flat();
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const JWS = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** A credential (VC, Open Badges 2.0 assertion or CLR) or a compact JWS. */
function isCredential(v: unknown): boolean {
  if (typeof v === 'string') return JWS.test(v.trim());
  if (!isObj(v)) return false;
  const types = typesOf(v);
  return (
    types.some((t) => t === 'VerifiableCredential' || t === 'Assertion' || t === 'ClrCredential') ||
    v['credentialSubject'] !== undefined ||
    (v['badge'] !== undefined && v['recipient'] !== undefined)
  );
}

/** A list of credentials the wallet reads: an array, an OB 3.0 API answer, a wallet export, a CLR. */
function listCount(v: unknown): number | undefined {
  if (Array.isArray(v)) return v.filter(isCredential).length === v.length ? v.length : undefined;
  if (!isObj(v)) return undefined;
  if (typesOf(v).includes('ClrCredential')) return 1;
  for (const key of ['credential', 'compactJwsString', 'credentials']) {
    const list = v[key];
    if (Array.isArray(list)) return list.length;
  }
  return undefined;
}

/** The name of a credential object or the subject of a JWS's payload. */
function credentialName(v: unknown): string | undefined {
  if (isObj(v)) {
    const subject = isObj(v['credentialSubject']) ? v['credentialSubject'] : undefined;
    const achievement = subject && isObj(subject['achievement']) ? subject['achievement'] : undefined;
    return (
      text(v['name']) ??
      text(achievement?.['name']) ??
      (isObj(v['badge']) ? text(v['badge']['name']) : undefined)
    );
  }
  if (typeof v === 'string') {
    try {
      const part = v.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(part + '='.repeat((4 - (part.length % 4)) % 4)), (c) =>
        c.charCodeAt(0),
      );
      const payload = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      return credentialName(isObj(payload) && isObj(payload['vc']) ? payload['vc'] : payload);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The catalog the data is, by core's parser, or undefined. */
async function asCatalog(data: unknown): Promise<{ name?: string; count: number } | undefined> {
  const { parseCatalog } = await import('@microcred/core/catalog/parse.js');
  try {
    const catalog = parseCatalog(data);
    return { count: catalog.entries.length, ...(catalog.name ? { name: catalog.name } : {}) };
  } catch {
    return undefined;
  }
}

/** Loads `url` without reading its body through CORS: resolves when something answered at all. */
async function answersWithoutCors(url: string, fetchImpl: typeof fetch): Promise<boolean> {
  try {
    await fetchImpl(url, { mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads `url` and tells whether `element` can show it, or what is wrong.
 * @example await checkSource('catalog', 'https://district.example/catalog.json')
 */
export async function checkSource(
  element: FrameElement,
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<SourceCheck> {
  const address = new URL(url);
  const fragment = decodeURIComponent(address.hash.slice(1));
  address.hash = '';
  let res: Response;
  try {
    res = await fetchImpl(address.href, {
      credentials: 'omit',
      headers: { Accept: 'application/ld+json, application/json;q=0.9, text/csv;q=0.8, text/plain;q=0.5' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'TimeoutError') return { ok: false, problem: 'timeout' };
    // A fetch that fails outright is either a server that does not allow other sites to read it
    // (it answers a request that does not ask to read it), or no server at all.
    return {
      ok: false,
      problem: (await answersWithoutCors(address.href, fetchImpl)) ? 'cors' : 'unreachable',
    };
  }
  if (!res.ok) {
    const problem =
      res.status === 404 || res.status === 410
        ? 'not-found'
        : res.status === 401 || res.status === 403
          ? 'forbidden'
          : 'http-error';
    return { ok: false, problem, status: res.status };
  }
  const body = await res.text();
  if (body.length > MAX_BODY) return { ok: false, problem: 'too-large' };
  const trimmed = body.replace(/^\uFEFF/, '').trim();
  let data: unknown = trimmed;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      data = JSON.parse(trimmed) as unknown;
    } catch {
      return { ok: false, problem: 'not-json' };
    }
  } else if (!JWS.test(trimmed) && element !== 'catalog' && element !== 'tracker') {
    // Only a catalog may be CSV; everything else is JSON or a compact JWS.
    return { ok: false, problem: 'not-json' };
  }

  const wanted = NEEDS[element];
  if (wanted.includes('credential') && isCredential(data)) {
    const name = credentialName(data);
    return { ok: true, kind: 'credential', ...(name ? { name } : {}) };
  }
  if (wanted.includes('list')) {
    const count = listCount(data);
    if (count !== undefined) return { ok: true, kind: 'list', count };
  }
  if (wanted.includes('pathway')) {
    const { readPathway } = await import('@microcred/core/pathway/fetch.js');
    try {
      const pathway = readPathway(data, fragment || undefined);
      return { ok: true, kind: 'pathway', ...(pathway.name ? { name: pathway.name } : {}) };
    } catch {
      if (await asCatalog(data)) return { ok: false, problem: 'no-stack', kind: 'catalog' };
    }
  }
  if (wanted.includes('catalog') && element === 'catalog') {
    const catalog = await asCatalog(data);
    if (catalog && catalog.count > 0) return { ok: true, kind: 'catalog', ...catalog };
    if (catalog) return { ok: false, problem: 'empty-catalog', kind: 'catalog' };
  }
  // Wrong kind: say what it is instead, when that is clear.
  const kind: SourceKind = isCredential(data)
    ? 'credential'
    : listCount(data) !== undefined
      ? 'list'
      : (await asCatalog(data))
        ? 'catalog'
        : 'other';
  return { ok: false, problem: 'wrong-kind', kind };
}

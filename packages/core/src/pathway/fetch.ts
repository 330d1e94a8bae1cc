/**
 * `fetchPathway(url, { fetch, signal })` and `fetchProgress(url, { fetch, signal })`: standalone
 * fetchers for the API client. A pathway URL may serve a pathway document, a catalog feed (its first
 * stack, or the stack named by the URL's fragment), a CLR 2.0 credential (its associations) or an
 * OB 3.0 stack Achievement (its `related`).
 */
import { McError } from '../model/errors.js';
import { fetchText, type FetchDataOptions } from '../catalog/fetch.js';
import { parseCatalog } from '../catalog/parse.js';
import { normalizeCredential } from '../normalize/normalize.js';
import { parsePathway, pathwayFromAssociations, pathwayFromRelated, pathwaysFromCatalog } from './build.js';
import { parseProgressRecords } from './records.js';

export { parseProgressRecords };
import type { Pathway, ProgressRecord } from './types.js';

const JSON_ACCEPT = 'application/json, application/ld+json;q=0.9';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new McError('invalid-json', 'The document is not valid JSON.', { cause: e });
  }
}

/**
 * Reads a pathway from any of its source shapes (see {@link fetchPathway}); `stack` picks a stack of
 * a catalog feed by id.
 * @throws {McError} `schema` when no pathway can be built.
 */
export function readPathway(data: unknown, stack?: string): Pathway {
  const o = data as Record<string, unknown>;
  if (o && typeof o === 'object' && !Array.isArray(o)) {
    if ('requirement' in o) return parsePathway(o);
    const types = [o['type']].flat();
    if (types.includes('ClrCredential') || o['credentialSubject'] !== undefined) {
      const view = normalizeCredential(o);
      const names = new Map(
        view.credentials.flatMap((c) =>
          c.achievementId ? [[c.achievementId, c.achievementName ?? c.name]] : [],
        ),
      );
      return pathwayFromAssociations(view.associations, { names, name: view.name });
    }
    if (types.includes('Achievement') && Array.isArray(o['related'])) return pathwayFromRelated(o);
  }
  const catalog = parseCatalog(data);
  const pathways = pathwaysFromCatalog(catalog);
  const found = stack ? pathways.find((p) => p.id === stack) : pathways[0];
  if (!found)
    throw new McError(
      'schema',
      stack ? `The catalog has no stack "${stack}".` : 'The catalog declares no stack.',
    );
  return found;
}

/** Downloads and reads a pathway. The URL's fragment (`#stack-id`) picks a stack of a catalog feed. */
export async function fetchPathway(url: string, options: FetchDataOptions = {}): Promise<Pathway> {
  const hash = url.indexOf('#');
  const stack = hash >= 0 ? decodeURIComponent(url.slice(hash + 1)) : undefined;
  const { text } = await fetchText(hash >= 0 ? url.slice(0, hash) : url, JSON_ACCEPT, options);
  return readPathway(parseJson(text), stack || undefined);
}

/** Downloads and reads a learner's progress records (`{ learner?, records: [...] }`). */
export async function fetchProgress(url: string, options: FetchDataOptions = {}): Promise<ProgressRecord[]> {
  const { text } = await fetchText(url, JSON_ACCEPT, options);
  return parseProgressRecords(parseJson(text)).records;
}

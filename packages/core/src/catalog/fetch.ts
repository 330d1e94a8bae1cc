/**
 * `fetchCatalog(url, { fetch, signal })`: downloads a catalog (JSON feed, CSV or CTDL JSON-LD) and
 * parses it. Standalone so the API client (`createClient`) can expose it; all network access goes
 * through the `fetch` option.
 */
import { McError } from '../model/errors.js';
import { McHttpError, McNetworkError, McTimeoutError } from '../model/errors-remote.js';
import { readBodyText } from '../fetch/read-body.js';
import { parseCatalog } from './parse.js';
import type { Catalog } from './types.js';

/** Options of the catalog, pathway and progress fetchers. */
export interface FetchDataOptions {
  /** The `fetch` to use (default: the global one): lets hosts add auth, caching or test doubles. */
  fetch?: typeof fetch;
  /** Cancels the request; the promise then rejects with `McError('aborted')`. */
  signal?: AbortSignal;
  /** Time limit in milliseconds (default 15000). */
  timeoutMs?: number;
}

/** The `Accept` header of `fetchCatalog`. */
export const CATALOG_ACCEPT = 'application/json, application/ld+json;q=0.9, text/csv;q=0.8, text/plain;q=0.5';

/**
 * GETs `url` and returns the body as text with its content type. Typed errors: `McHttpError`
 * (non-2xx), `McNetworkError`, `McTimeoutError`, `McError('aborted')`, `McError('too-large')`.
 * @internal shared by the catalog, pathway and progress fetchers.
 */
export async function fetchText(
  url: string,
  accept: string,
  options: FetchDataOptions = {},
  maxLength = 10_000_000,
): Promise<{ text: string; contentType: string; url: string }> {
  let href: string;
  try {
    href = new URL(url, globalThis.location?.href).href;
  } catch (e) {
    throw new McError('unsupported-format', `"${url}" is not a web address.`, { cause: e });
  }
  if (!/^https?:/i.test(href))
    throw new McError('unsupported-format', `Only http(s) addresses can be fetched: ${href}`);
  if (options.signal?.aborted) throw new McError('aborted', 'The request was cancelled.');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? 15_000);
  const abort = (): void => controller.abort();
  options.signal?.addEventListener('abort', abort);
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(href, {
        headers: { Accept: accept },
        signal: controller.signal,
        credentials: 'same-origin',
      });
    } catch (e) {
      throw failure(e, href, timedOut, options.signal);
    }
    if (!response.ok) {
      let body: unknown;
      try {
        const t = await readBodyText(response, maxLength);
        body = t ? JSON.parse(t) : undefined;
      } catch {
        body = undefined;
      }
      throw new McHttpError(response.status, href, `The address ${href} answered ${response.status}.`, {
        body,
      });
    }
    let text: string;
    try {
      text = await readBodyText(
        response,
        maxLength,
        () => new McError('too-large', `The document at ${href} is too large.`),
      );
    } catch (e) {
      throw failure(e, href, timedOut, options.signal);
    }
    return { text, contentType: response.headers.get('content-type') ?? '', url: href };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
}

function failure(e: unknown, href: string, timedOut: boolean, signal?: AbortSignal): McError {
  if (e instanceof McError) return e;
  if (timedOut)
    return new McTimeoutError('timeout', `The address ${href} took too long to answer.`, { cause: e });
  if (signal?.aborted) return new McError('aborted', 'The request was cancelled.', { cause: e });
  return new McNetworkError('network', `The address ${href} could not be reached.`, { cause: e });
}

/**
 * Downloads and parses a catalog: a JSON catalog feed, CSV (`text/csv`, or any body that is not
 * JSON) or CTDL JSON-LD.
 * @throws {McError} as `fetchText` and `parseCatalog` do.
 */
export async function fetchCatalog(url: string, options: FetchDataOptions = {}): Promise<Catalog> {
  const { text, contentType } = await fetchText(url, CATALOG_ACCEPT, options);
  const format = /csv/i.test(contentType) ? 'csv' : undefined;
  return parseCatalog(text, format ? { format } : {});
}

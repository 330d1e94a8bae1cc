/**
 * `fetchCredential(url)`: downloads a credential with content negotiation, bounded size and time,
 * typed errors, and (for Open Badges 2.0 hosted assertions) the linked BadgeClass and Issuer.
 */
import { McError, McFormatError, McParseError } from '../model/errors.js';
import { McHttpError, McNetworkError, McTimeoutError } from '../model/errors-remote.js';
import { MAX_INPUT_SIZE, isCompactJws, parseCredentialInput } from '../parse/parse-input.js';
import { readBody } from './read-body.js';
import { isObj } from '../parse/parse-input.js';

/** Options for {@link fetchCredential}. */
export interface FetchCredentialOptions {
  /** The `fetch` to use (default: the global one). Lets hosts add auth, caching or test doubles. */
  fetch?: typeof fetch;
  /** Cancels the request(s); the promise then rejects with `McError('aborted')`. */
  signal?: AbortSignal;
  /** Time limit per request in milliseconds (default 15000). */
  timeoutMs?: number;
}

/** The `Accept` header sent with every request. */
export const CREDENTIAL_ACCEPT = 'application/ld+json, application/json;q=0.9, text/plain;q=0.5';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function httpMessage(url: string, status: number, statusText: string): string {
  const reason = statusText || REASONS[status] || 'an error';
  const why =
    status === 404
      ? 'there is no credential at this address. Check that the link was copied completely.'
      : status === 410
        ? 'the credential was removed on purpose (for an Open Badges 2.0 badge this means it was revoked).'
        : status === 401 || status === 403
          ? 'the server does not let this page read the credential without signing in.'
          : status === 429
            ? 'the server is receiving too many requests; try again later.'
            : status >= 500
              ? 'the server had a problem; try again later.'
              : 'the server refused the request.';
  return `The address ${url} answered ${status} ${reason}: ${why}`;
}

function checkUrl(url: string): URL {
  let u: URL | undefined;
  try {
    u = new URL(url);
  } catch {
    u = undefined;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new McFormatError(
      'unsupported-format',
      'Only web addresses that start with http:// or https:// can be fetched. Check the credential link.',
      { details: { url: String(url).slice(0, 200) } },
    );
  }
  return u;
}

/** The body, at most {@link MAX_INPUT_SIZE} bytes (the connection is closed past that). */
const readLimited = (res: Response): Promise<Uint8Array> =>
  readBody(
    res,
    MAX_INPUT_SIZE,
    () =>
      new McParseError(
        'too-large',
        'The answer is larger than 2 MB, which is far more than any real credential needs.',
      ),
  );

/** One GET with timeout, abort and error mapping. Resolves to the raw body of a 2xx answer. */
async function get(url: string, options: FetchCredentialOptions): Promise<Uint8Array> {
  const f = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const outer = options.signal;
  const aborted = (): McError => new McError('aborted', 'The download was cancelled.');
  if (outer?.aborted) throw aborted();
  if (typeof f !== 'function')
    throw new McNetworkError('network', 'This environment cannot download anything (no fetch).');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  const fail = (cause: unknown): McError => {
    if (cause instanceof McError) return cause;
    if (timedOut) {
      return new McTimeoutError(
        'timeout',
        `The address ${url} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`,
        {
          cause,
          details: { url, timeoutMs },
        },
      );
    }
    if (outer?.aborted) return aborted();
    return new McNetworkError(
      'network',
      `Could not reach ${url}. The computer may be offline, the address may be wrong, or the server does not let other web pages read it (CORS).`,
      { cause, details: { url } },
    );
  };
  try {
    let res: Response;
    try {
      res = await f(url, {
        headers: { Accept: CREDENTIAL_ACCEPT },
        signal: controller.signal,
        credentials: 'omit',
        redirect: 'follow',
      });
    } catch (e) {
      throw fail(e);
    }
    let body: Uint8Array;
    try {
      body = await readLimited(res);
    } catch (e) {
      throw fail(e);
    }
    if (!res.ok) {
      let parsed: unknown = undefined;
      try {
        const text = new TextDecoder().decode(body);
        try {
          parsed = JSON.parse(text) as unknown;
        } catch {
          parsed = text.slice(0, 2000) || undefined;
        }
      } catch {
        parsed = undefined;
      }
      throw new McHttpError(res.status, url, httpMessage(url, res.status, res.statusText), { body: parsed });
    }
    return body;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** GET + parse: a JSON object, or the compact JWS string when the body is one. */
async function getCredential(
  url: string,
  options: FetchCredentialOptions,
): Promise<Record<string, unknown> | string> {
  const body = await get(url, options);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true })
      .decode(body)
      .replace(/^\uFEFF/, '')
      .trim();
  } catch (cause) {
    throw new McParseError(
      'invalid-json',
      `The address ${url} did not return text, so it holds no credential.`,
      { cause },
    );
  }
  if (isCompactJws(text)) return text;
  try {
    return parseCredentialInput(text).document;
  } catch (e) {
    if (e instanceof McError && (e.code === 'invalid-json' || e.code === 'empty-input')) {
      throw new McParseError(
        e.code,
        /^\s*</.test(text)
          ? `The address ${url} returned a web page, not a credential. Use the link to the credential itself.`
          : `The address ${url} did not return a credential: ${e.message}`,
        { cause: e, details: { url } },
      );
    }
    throw e;
  }
}

const isHttp = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//i.test(v.trim());

function isOb2Assertion(doc: Record<string, unknown>): boolean {
  const t = doc['type'];
  return (
    (Array.isArray(t) ? t.includes('Assertion') : t === 'Assertion') ||
    (doc['recipient'] !== undefined && doc['badge'] !== undefined)
  );
}

/** Fetches a linked resource; returns `undefined` on any failure except a caller abort. */
async function bestEffort(
  url: string,
  options: FetchCredentialOptions,
): Promise<Record<string, unknown> | undefined> {
  try {
    const r = await getCredential(url, options);
    return isObj(r) ? r : undefined;
  } catch (e) {
    if (options.signal?.aborted) throw new McError('aborted', 'The download was cancelled.', { cause: e });
    return undefined;
  }
}

/**
 * Downloads a credential from an http(s) URL.
 *
 * Sends `Accept: application/ld+json, application/json;q=0.9, text/plain;q=0.5`. A JSON body is
 * parsed with the same rules as `parseCredentialInput`; a body that is a compact JWS is returned as
 * that string. For an Open Badges 2.0 Assertion whose `badge` is a URL, the BadgeClass is fetched and
 * embedded, and so is its `issuer` when that is a URL (best effort: on failure the assertion is
 * returned as it is, and `normalizeCredential` shows what it can).
 *
 * @throws {McFormatError} `unsupported-format` for a non-http(s) URL.
 * @throws {McHttpError} for a non-2xx answer (`status`, `url`, parsed `body`).
 * @throws {McNetworkError} `network` when the server cannot be reached (offline, DNS, CORS).
 * @throws {McTimeoutError} `timeout` after `timeoutMs`.
 * @throws {McError} `aborted` when `signal` aborts.
 * @throws {McParseError} `too-large` (over 2 MB), `invalid-json`, `too-deep`…
 */
export async function fetchCredential(
  url: string,
  options: FetchCredentialOptions = {},
): Promise<Record<string, unknown> | string> {
  const href = checkUrl(url).href;
  const doc = await getCredential(href, options);
  if (typeof doc === 'string' || !isOb2Assertion(doc) || !isHttp(doc['badge'])) return doc;
  const badge = await bestEffort(doc['badge'].trim(), options);
  if (!badge) return doc;
  if (isHttp(badge['issuer'])) {
    const issuer = await bestEffort(badge['issuer'].trim(), options);
    if (issuer) badge['issuer'] = issuer;
  }
  return { ...doc, badge };
}

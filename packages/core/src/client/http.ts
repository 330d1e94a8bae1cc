/**
 * The client's request engine: one HTTP exchange with a timeout, the caller's abort signal, a size
 * cap and typed errors; retries with exponential backoff (and `Retry-After`) for idempotent methods
 * only — a POST is never sent twice.
 */
import { McError, McParseError } from '../model/errors.js';
import { McHttpError, McNetworkError, McTimeoutError } from '../model/errors-remote.js';
import { readBodyText } from '../fetch/read-body.js';
import { ImsxStatusInfoSchema } from './api-schemas.js';

/** Largest API response body read (10 MB: a page of credentials can be large). */
export const MAX_RESPONSE_SIZE = 10 * 1024 * 1024;

/** Settings shared by every request a client makes. */
export interface RequestSettings {
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/** One request. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
}

/** A successful (2xx) answer, read completely. */
export interface RawResponse {
  status: number;
  url: string;
  headers: Headers;
  text: string;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Statuses worth another try: the server may answer differently in a moment. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The `Retry-After` header of each HTTP error this module raised. */
const retryAfterOf = new WeakMap<McHttpError, string | null>();

const aborted = (cause?: unknown): McError =>
  new McError('aborted', 'The request was cancelled.', cause === undefined ? undefined : { cause });

/** Parses `Retry-After` (delta seconds or an HTTP date) to milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Waits `ms`, or rejects with `aborted` when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The body as text, at most {@link MAX_RESPONSE_SIZE} bytes (the connection is closed past that). */
const readText = (res: Response): Promise<string> =>
  readBodyText(
    res,
    MAX_RESPONSE_SIZE,
    () =>
      new McParseError(
        'too-large',
        'The server answered with more than 10 MB, which this client does not read.',
      ),
  );

/** The error body: an `Imsx_StatusInfo` when it is one, else the parsed JSON or (short) text. */
function errorBody(text: string): unknown {
  if (!text) return undefined;
  try {
    const json = JSON.parse(text) as unknown;
    const info = ImsxStatusInfoSchema.safeParse(json);
    return info.success ? info.data : json;
  } catch {
    return text.slice(0, 2000);
  }
}

function httpError(status: number, statusText: string, url: string, text: string): McHttpError {
  const body = errorBody(text);
  const described =
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { imsx_description?: unknown }).imsx_description === 'string'
      ? (body as { imsx_description: string }).imsx_description.slice(0, 300)
      : undefined;
  const why =
    status === 401
      ? 'the access token is missing, wrong or expired.'
      : status === 403
        ? 'the access token does not allow this.'
        : status === 404
          ? 'there is nothing at this address.'
          : status === 429
            ? 'the server is receiving too many requests; try again later.'
            : status >= 500
              ? 'the server had a problem; try again later.'
              : 'the server refused the request.';
  return new McHttpError(
    status,
    url,
    `${url} answered ${status}${statusText ? ` ${statusText}` : ''}: ${described ?? why}`,
    { body },
  );
}

/** One attempt. Throws typed errors; resolves only for 2xx. */
async function attempt(spec: RequestSpec, settings: RequestSettings): Promise<RawResponse> {
  const outer = spec.signal;
  if (outer?.aborted) throw aborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const onAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  const fail = (cause: unknown): McError => {
    if (cause instanceof McError) return cause;
    if (timedOut)
      return new McTimeoutError(
        'timeout',
        `${spec.url} did not answer within ${Math.round(settings.timeoutMs / 100) / 10} seconds.`,
        { cause, details: { url: spec.url, timeoutMs: settings.timeoutMs } },
      );
    if (outer?.aborted) return aborted(cause);
    return new McNetworkError(
      'network',
      `Could not reach ${spec.url}. The computer may be offline, the address may be wrong, or the server does not let this page read it (CORS).`,
      { cause, details: { url: spec.url } },
    );
  };
  try {
    let res: Response;
    let text: string;
    try {
      // Called unbound: `window.fetch` throws "Illegal invocation" when called as a method of another object.
      const fetchFn = settings.fetch;
      res = await fetchFn(spec.url, {
        method: spec.method,
        headers: spec.headers,
        ...(spec.body === undefined ? {} : { body: spec.body }),
        signal: controller.signal,
        credentials: 'omit',
        redirect: 'follow',
      });
      text = await readText(res);
    } catch (e) {
      throw fail(e);
    }
    if (res.status < 200 || res.status > 299) {
      const error = httpError(res.status, res.statusText, spec.url, text);
      retryAfterOf.set(error, res.headers.get('retry-after'));
      throw error;
    }
    return { status: res.status, url: res.url || spec.url, headers: res.headers, text };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** Whether `error` is worth another try, and after how long (undefined: do not retry). */
export function retryDelay(error: unknown, tryIndex: number, settings: RequestSettings): number | undefined {
  let hinted: number | undefined;
  if (error instanceof McHttpError) {
    if (!TRANSIENT.has(error.status)) return undefined;
    hinted = parseRetryAfter(retryAfterOf.get(error) ?? null);
  } else if (!(error instanceof McNetworkError || error instanceof McTimeoutError)) {
    return undefined;
  }
  if (hinted !== undefined) return hinted <= settings.maxRetryDelayMs ? hinted : undefined;
  const backoff = settings.retryDelayMs * 2 ** tryIndex;
  // "Full jitter" in the upper half, so many clients do not retry in lock-step.
  return Math.min(settings.maxRetryDelayMs, backoff / 2 + Math.random() * (backoff / 2));
}

/**
 * Sends a request, retrying transient failures (network errors, timeouts, 408/425/429/5xx) of
 * idempotent methods up to `settings.retries` times. A POST is sent exactly once.
 */
export async function request(spec: RequestSpec, settings: RequestSettings): Promise<RawResponse> {
  const retries = IDEMPOTENT.has(spec.method) ? Math.max(0, settings.retries) : 0;
  for (let i = 0; ; i++) {
    try {
      return await attempt(spec, settings);
    } catch (error) {
      const wait = i < retries ? retryDelay(error, i, settings) : undefined;
      if (wait === undefined) throw error;
      await sleep(wait, spec.signal);
    }
  }
}

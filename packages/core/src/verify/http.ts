/**
 * Network access for the verifier: every request goes through `ctx.fetch`, with a timeout, the
 * caller's abort signal, a size cap, and failures returned as values (never thrown).
 */
import type { VerifyContext } from './context.js';

/** Largest response body read (2 MB). */
const MAX_BODY = 2 * 1024 * 1024;

/** A fetched resource, or why it could not be fetched. */
export type FetchResult =
  | { ok: true; status: number; url: string; text: string; contentType: string }
  | {
      ok: false;
      status?: number;
      reason: 'http' | 'network' | 'timeout' | 'aborted' | 'too-large' | 'bad-url';
    };

/** True for http(s) URLs (the only ones the verifier will fetch). */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url);
}

/** Fetches `url` as text through `ctx.fetch`. Never throws (except nothing: every failure is a value). */
export async function fetchText(
  ctx: VerifyContext,
  url: string,
  accept = 'application/json',
): Promise<FetchResult> {
  if (!isHttpUrl(url) || typeof ctx.fetch !== 'function') return { ok: false, reason: 'bad-url' };
  if (ctx.signal?.aborted) return { ok: false, reason: 'aborted' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const onAbort = (): void => controller.abort();
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Called unbound: `window.fetch` throws "Illegal invocation" when called as a method of another object.
    const fetchFn = ctx.fetch;
    const res = await fetchFn(url, {
      headers: { accept },
      signal: controller.signal,
      redirect: 'follow',
      credentials: 'omit',
    });
    if (!res.ok) return { ok: false, status: res.status, reason: 'http' };
    const length = Number(res.headers.get('content-length') ?? '0');
    if (length > MAX_BODY) return { ok: false, status: res.status, reason: 'too-large' };
    const text = await res.text();
    if (text.length > MAX_BODY) return { ok: false, status: res.status, reason: 'too-large' };
    return {
      ok: true,
      status: res.status,
      url: res.url || url,
      text,
      contentType: res.headers.get('content-type') ?? '',
    };
  } catch {
    if (ctx.signal?.aborted) return { ok: false, reason: 'aborted' };
    return { ok: false, reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onAbort);
  }
}

/** Fetches and parses JSON; a body that is not a JSON object is a failure. */
export async function fetchJson(
  ctx: VerifyContext,
  url: string,
  accept = 'application/json, application/ld+json, application/did+json',
): Promise<
  { ok: true; json: Record<string, unknown>; text: string } | { ok: false; status?: number; reason: string }
> {
  const r = await fetchText(ctx, url, accept);
  if (!r.ok) return r;
  try {
    const json = JSON.parse(r.text) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      return { ok: false, reason: 'not-json' };
    return { ok: true, json: json as Record<string, unknown>, text: r.text };
  } catch {
    return { ok: false, reason: 'not-json' };
  }
}

/** Plain-English description of a fetch failure. */
export function describeFailure(r: { status?: number; reason: string }): string {
  switch (r.reason) {
    case 'http':
      return `the server answered with HTTP ${r.status ?? '?'}`;
    case 'timeout':
      return 'the server did not answer in time';
    case 'aborted':
      return 'the check was cancelled';
    case 'too-large':
      return 'the answer was too large';
    case 'bad-url':
      return 'the address is not a web (https) address';
    case 'not-json':
      return 'the answer was not a JSON document';
    default:
      return 'the server could not be reached';
  }
}

/**
 * The verifier's one guarded fetch: every request the verifier makes goes through `fetchText` /
 * `fetchJson` (through `ctx.fetch`), which
 * - spends the verification's shared budget: no request starts after the overall deadline or once
 *   `maxRequests` have been made, and each request's timeout is cut to what is left of the deadline;
 * - follows redirects only within the requested origin: an answer from another site is not the
 *   issuer's answer (`reason: 'redirected'`);
 * - caps the body size while reading it (the stream is cancelled past the cap);
 * - honours the caller's abort signal, and returns every failure as a value (never throws).
 */
import { McError } from '../model/errors.js';
import { readBody } from '../fetch/read-body.js';
import type { CheckCode, FetchLimitCode } from './codes.js';
import type { VerifyContext } from './context.js';

/** Largest response body read (2 MB). */
const MAX_BODY = 2 * 1024 * 1024;

/** Why a resource could not be fetched. */
export type FetchFailureReason =
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'too-large'
  | 'bad-url'
  /** The answer came from another origin than the one asked (a cross-site redirect). */
  | 'redirected'
  /** The verification's overall deadline passed. */
  | 'deadline'
  /** The verification had already made all the requests it may make. */
  | 'budget';

/** A fetched resource, or why it could not be fetched. */
export type FetchResult =
  | { ok: true; status: number; url: string; text: string; bytes: Uint8Array; contentType: string }
  | { ok: false; status?: number; reason: FetchFailureReason };

/** True for http(s) URLs (the only ones the verifier will fetch). */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url);
}

/**
 * Is `final` (a response's `url`) the same origin as `requested`? The one exception allowed is the
 * same host moving from http to https on the default ports (an issuer's server upgrading to TLS):
 * the answer still comes from the host that was asked, now authenticated.
 */
export function sameOrigin(requested: string, final: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(requested);
    b = new URL(final);
  } catch {
    return false;
  }
  if (a.origin === b.origin) return true;
  return (
    a.protocol === 'http:' &&
    b.protocol === 'https:' &&
    a.hostname === b.hostname &&
    a.port === '' &&
    b.port === ''
  );
}

/** Fetches `url` as text through `ctx.fetch`, within the verification's budget. Never throws. */
export async function fetchText(
  ctx: VerifyContext,
  url: string,
  accept = 'application/json',
): Promise<FetchResult> {
  if (!isHttpUrl(url) || typeof ctx.fetch !== 'function') return { ok: false, reason: 'bad-url' };
  if (ctx.signal?.aborted) return { ok: false, reason: 'aborted' };
  const budget = ctx.budget;
  const left = budget.deadline - Date.now();
  if (budget.expired || left <= 0) {
    budget.expired = true;
    return { ok: false, reason: 'deadline' };
  }
  if (budget.requests >= budget.maxRequests) return { ok: false, reason: 'budget' };
  budget.requests++;
  const controller = new AbortController();
  const byDeadline = left < ctx.timeoutMs;
  let cut: 'timeout' | 'deadline' | undefined;
  const timer = setTimeout(
    () => {
      cut = byDeadline ? 'deadline' : 'timeout';
      if (byDeadline) budget.expired = true;
      controller.abort();
    },
    byDeadline ? left : ctx.timeoutMs,
  );
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
    // OB 3.0 / VC status lists, DID documents and hosted badges are the issuer's answer only when the
    // issuer's origin gives it; a redirect to another site (even to a 404/410) decides nothing.
    if (res.url && !sameOrigin(url, res.url)) {
      // No status: the other site's 404 or 410 must not be read as the issuer's.
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'redirected' };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, status: res.status, reason: 'http' };
    }
    const bytes = await readBody(res, MAX_BODY);
    return {
      ok: true,
      status: res.status,
      url: res.url || url,
      // the bytes too: a related resource's digest is of its bytes, not of their UTF-8 reading
      text: new TextDecoder().decode(bytes),
      bytes,
      contentType: res.headers.get('content-type') ?? '',
    };
  } catch (e) {
    if (e instanceof McError && e.code === 'too-large') return { ok: false, reason: 'too-large' };
    if (ctx.signal?.aborted) return { ok: false, reason: 'aborted' };
    return { ok: false, reason: cut ?? 'network' };
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

/**
 * The check code for a fetch failure: the three limits of the guarded fetch have their own codes
 * (`fetch-redirected`, `deadline-passed`, `budget-exhausted`); any other failure keeps the
 * caller's `fallback` (e.g. `status-unavailable`). All of them make a check `unknown`.
 */
export function failureCode<C extends CheckCode>(r: { reason: string }, fallback: C): C | FetchLimitCode {
  switch (r.reason) {
    case 'redirected':
      return 'fetch-redirected';
    case 'deadline':
      return 'deadline-passed';
    case 'budget':
      return 'budget-exhausted';
    default:
      return fallback;
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
    case 'redirected':
      return "the issuer's address sent us to another site, whose answer is not the issuer's";
    case 'deadline':
      return 'the time allowed for this verification ran out';
    case 'budget':
      return 'this verification had already made all the requests it is allowed';
    default:
      return 'the server could not be reached';
  }
}

/**
 * The per-call verification context: resolved options shared by every step (time, network, caches),
 * and the one request budget of the whole verification.
 */
import type { VerifyOptions } from './types.js';

/** Default overall deadline of one verification (30 s): see {@link VerifyOptions.deadlineMs}. */
export const DEFAULT_DEADLINE_MS = 30_000;
/** Default request budget of one verification (40): see {@link VerifyOptions.maxRequests}. */
export const DEFAULT_MAX_REQUESTS = 40;

/**
 * What one verification may still spend on the network. ONE object per `verifyCredential()` call,
 * shared by reference by every nested context (status lists, CLR members, endorsements, key
 * documents, refresh), so nesting can never multiply it.
 */
export interface VerifyBudget {
  /** Wall-clock time (`Date.now()`) after which no request starts and running ones are cut off. */
  deadline: number;
  /** Requests started so far. */
  requests: number;
  /** Requests allowed in all. */
  maxRequests: number;
  /** Set when a request was cut off by the deadline (timers may fire a millisecond early). */
  expired?: boolean;
}

/** Resolved options threaded through the verifier. */
export interface VerifyContext {
  now: Date;
  fetch: typeof fetch;
  signal?: AbortSignal;
  timeoutMs: number;
  skewMs: number;
  refresh: boolean;
  /** Nesting depth (status list credentials, endorsements, CLR members) to stop loops. */
  depth: number;
  /** The verification's deadline and request budget, shared by reference (never copied). */
  budget: VerifyBudget;
  /**
   * The proof purpose Data Integrity proofs must have, and the verification relationship their key
   * must be listed under (default `assertionMethod`; presentations: `authentication`).
   */
  purpose?: 'assertionMethod' | 'authentication';
}

/** A whole, non-negative number option, or the default. */
const count = (v: number | undefined, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : fallback;

/** Builds the context from user options, with defaults. */
export function makeContext(options: VerifyOptions = {}): VerifyContext {
  const f = options.fetch ?? globalThis.fetch?.bind(globalThis);
  return {
    now: options.now ?? new Date(),
    fetch: f,
    ...(options.signal ? { signal: options.signal } : {}),
    timeoutMs: options.timeoutMs ?? 10_000,
    skewMs: (options.skewSeconds ?? 300) * 1000,
    refresh: options.refresh ?? true,
    depth: 0,
    budget: {
      deadline: Date.now() + count(options.deadlineMs, DEFAULT_DEADLINE_MS),
      requests: 0,
      maxRequests: count(options.maxRequests, DEFAULT_MAX_REQUESTS),
    },
  };
}

/** The same context one level deeper (for credentials verified on behalf of another); same budget. */
export function deeper(ctx: VerifyContext): VerifyContext {
  return { ...ctx, depth: ctx.depth + 1, refresh: false };
}

/**
 * The per-call verification context: resolved options shared by every step (time, network, caches).
 */
import type { VerifyOptions } from './types.js';

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
}

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
  };
}

/** The same context one level deeper (for credentials verified on behalf of another). */
export function deeper(ctx: VerifyContext): VerifyContext {
  return { ...ctx, depth: ctx.depth + 1, refresh: false };
}

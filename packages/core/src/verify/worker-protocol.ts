/** Messages between `verifyMany()` (the page) and its worker (./verify-worker.ts). */
import type { VerificationReport } from './types.js';

/** A response copied into plain data. */
export interface PlainResponse {
  status: number;
  statusText: string;
  url: string;
  headers: [string, string][];
  body: string;
  /** The page stopped reading the body at its cap: the answer is larger than the verifier reads. */
  tooLarge?: true;
}

/** Page → worker. */
export type ToWorker =
  | {
      type: 'verify';
      index: number;
      input: unknown;
      /** `now` as epoch milliseconds. */
      now: number;
      /** When true, the worker asks the page to make every request (the page's `options.fetch`). */
      proxyFetch: boolean;
      timeoutMs?: number;
      deadlineMs?: number;
      maxRequests?: number;
      skewSeconds?: number;
      refresh?: boolean;
    }
  /** The answer to a proxied request (no `response`: the request failed). */
  | { type: 'fetched'; id: number; response?: PlainResponse };

/**
 * Worker → page. A report is plain data, copied by the structured clone: a presentation's report
 * (`report.presentation`, with a report per enclosed credential) travels inside it as it is.
 */
export type FromWorker =
  | { type: 'result'; index: number; report: VerificationReport }
  | { type: 'fetch'; id: number; url: string; init: { method?: string; headers?: [string, string][] } }
  | { type: 'abort-fetch'; id: number };

/**
 * `verifyMany()`: a wallet's "verify all". In browsers the verifications run in a module Web Worker
 * (./verify-worker.ts, its own entry so bundlers emit it as a separate file), so the page never
 * sees a long task; where there is no `Worker` (Node) or it cannot start (a CSP without
 * `worker-src`, a bundler that did not emit the file), they run in this thread, one at a time,
 * yielding between credentials.
 *
 * The worker entry is ./verify-worker.ts: its own module, so a build can emit it as a separate
 * file (the unbundled core build does: `dist/verify/verify-worker.js`).
 *
 * Network access in the worker: functions cannot be sent to a worker, so when `options.fetch` is
 * given every request the worker makes is PROXIED to this thread through `postMessage` and carried
 * out by that function (the contract "options.fetch carries ALL network access" holds in both
 * modes). Without `options.fetch` the worker uses its own global `fetch` (same origin, same CSP
 * `connect-src`, no page cookies: requests are made with `credentials: 'omit'` anyway).
 */
import { readBody } from '../fetch/read-body.js';
import { McError } from '../model/errors.js';
import { hasTrustedTypes, trustedWorkerUrl } from '../trusted-types.js';
import type { VerificationReport, VerifyOptions } from './types.js';
import { verifyCredential } from './verify.js';
import type { FromWorker, PlainResponse, ToWorker } from './worker-protocol.js';

/** Options of `verifyMany()`: those of `verifyCredential()` plus progress and worker control. */
export interface VerifyManyOptions extends VerifyOptions {
  /** Called after each credential, in completion order. */
  onProgress?: (done: number, total: number, index: number, report: VerificationReport) => void;
  /** Use a Web Worker where available (default true). */
  worker?: boolean;
  /** Credentials verified at the same time (default 4; they mostly wait for the network). */
  concurrency?: number;
  /**
   * Where the worker module is (default: `verify-worker.js` beside this module, as published in
   * `@microcred/core/dist/verify/`, through `new URL('./verify-worker.js', import.meta.url)`, which
   * bundlers such as Vite and webpack see and emit). Set it when the files were moved by hand; when
   * the worker cannot start, verification falls back to this thread.
   */
  workerUrl?: string | URL;
}

const aborted = (): VerificationReport => ({
  verified: false,
  format: 'unknown',
  checks: [{ id: 'proof', outcome: 'unknown', code: 'aborted', message: 'The check was cancelled.' }],
});

/**
 * Most bytes of one answer the page copies to the worker: twice the verifier's own cap (2 MB), so
 * every answer the verifier could accept arrives whole, and a 50 MB one is not read to the end here.
 */
const MAX_COPIED = 4 * 1024 * 1024;

/**
 * Copies a Response into plain data a worker can receive. The body is read under
 * {@link MAX_COPIED} (the stream is cancelled past it) and an answer over it is sent as `tooLarge`,
 * without its body.
 */
async function serialise(res: Response): Promise<PlainResponse> {
  const head = { status: res.status, statusText: res.statusText, url: res.url, headers: [...res.headers] };
  const over = new Error('too large');
  try {
    return { ...head, body: new TextDecoder().decode(await readBody(res, MAX_COPIED, () => over)) };
  } catch (e) {
    if (e !== over) throw e;
    return { ...head, body: '', tooLarge: true };
  }
}

/**
 * Starts the verify worker. Where the page has Trusted Types its address goes through Microcred's
 * policy (../trusted-types.ts); when the policy is refused this throws, and `verifyMany` verifies
 * on the page.
 */
function startWorker(workerUrl: string | URL | undefined): Worker {
  const RealWorker = globalThis.Worker;
  const trusted = (url: string | URL): string | URL => {
    const value = trustedWorkerUrl(url);
    if (value === undefined) throw new TypeError('microcred: the verify worker address was not trusted');
    return value;
  };
  if (workerUrl) return new RealWorker(trusted(workerUrl), { type: 'module' });
  if (!hasTrustedTypes())
    return new Worker(new URL('./verify-worker.js', import.meta.url), { type: 'module' });
  // The line below must stay as written, the pattern bundlers recognise to emit the worker (our own
  // builds keep it, vite.config.ts keepWorkerUrls), so the address it makes can only be made
  // trusted inside the constructor: for this one synchronous call, `Worker` is one that passes it
  // through the policy first.
  globalThis.Worker = function (url: string | URL, init?: WorkerOptions) {
    return new RealWorker(trusted(url), init);
  } as unknown as typeof Worker;
  try {
    return new Worker(new URL('./verify-worker.js', import.meta.url), { type: 'module' });
  } finally {
    globalThis.Worker = RealWorker;
  }
}

function inWorker(
  inputs: unknown[],
  options: VerifyManyOptions,
  results: (VerificationReport | undefined)[],
  report: (i: number, r: VerificationReport) => void,
): Promise<number[]> {
  return new Promise((resolve) => {
    const worker = startWorker(options.workerUrl);
    const limit = Math.max(1, options.concurrency ?? 4);
    const requests = new Map<number, AbortController>();
    let next = 0;
    let running = 0;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      worker.terminate();
      for (const c of requests.values()) c.abort();
      options.signal?.removeEventListener('abort', onAbort);
      // anything not done yet (a worker that failed to start or crashed) is retried in this thread
      resolve(results.flatMap((r, i) => (r ? [] : [i])));
    };
    const onAbort = (): void => {
      for (let i = 0; i < inputs.length; i++) if (!results[i]) report(i, aborted());
      finish();
    };
    const post = (m: ToWorker): void => {
      try {
        worker.postMessage(m);
      } catch {
        // e.g. an input that cannot be copied to the worker (DataCloneError): the rest is verified here
        finish();
      }
    };
    const pump = (): void => {
      while (running < limit && next < inputs.length && !finished) {
        const index = next++;
        running++;
        post({
          type: 'verify',
          index,
          input: inputs[index],
          now: (options.now ?? new Date()).getTime(),
          proxyFetch: typeof options.fetch === 'function',
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
          ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests } : {}),
          ...(options.skewSeconds !== undefined ? { skewSeconds: options.skewSeconds } : {}),
          ...(options.refresh !== undefined ? { refresh: options.refresh } : {}),
        });
      }
      if (running === 0 && next >= inputs.length) finish();
    };
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'result') {
        running--;
        report(m.index, m.report);
        pump();
      } else if (m.type === 'fetch') {
        const controller = new AbortController();
        requests.set(m.id, controller);
        const signal = options.signal
          ? AbortSignal.any([options.signal, controller.signal])
          : controller.signal;
        options.fetch!(m.url, { ...m.init, signal })
          .then(serialise)
          .then(
            (response) => post({ type: 'fetched', id: m.id, response }),
            () => post({ type: 'fetched', id: m.id }),
          )
          .finally(() => requests.delete(m.id));
      } else if (m.type === 'abort-fetch') {
        requests.get(m.id)?.abort();
      }
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      finish();
    });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    else pump();
  });
}

/**
 * Verifies many credentials, off the main thread where possible (see the module comment for how
 * network access works in the worker). The reports come back in input order; bad input gives failed
 * checks, never a rejection. Aborting (`options.signal`) reports the unfinished ones as `aborted`.
 */
export async function verifyMany(
  inputs: readonly unknown[],
  options: VerifyManyOptions = {},
): Promise<VerificationReport[]> {
  if (options.now !== undefined && (!(options.now instanceof Date) || Number.isNaN(options.now.getTime()))) {
    throw new McError('invalid-option', 'verifyMany: options.now must be a valid Date.');
  }
  const list = [...inputs];
  const results: (VerificationReport | undefined)[] = new Array(list.length).fill(undefined);
  let done = 0;
  const report = (i: number, r: VerificationReport): void => {
    if (results[i]) return;
    results[i] = r;
    options.onProgress?.(++done, list.length, i, r);
  };
  let todo = list.map((_, i) => i);
  if (options.worker !== false && typeof Worker === 'function' && list.length > 0) {
    try {
      todo = await inWorker(list, options, results, report);
    } catch {
      // no worker here (e.g. blocked by a Content Security Policy): verify in this thread
    }
  }
  const { onProgress: _p, worker: _w, concurrency: _c, ...single } = options;
  for (const i of todo) {
    if (options.signal?.aborted) report(i, aborted());
    else report(i, await verifyCredential(list[i], single));
    await new Promise((r) => setTimeout(r, 0));
  }
  return results as VerificationReport[];
}

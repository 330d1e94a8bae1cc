/**
 * The module Web Worker of `verifyMany()`: verifies what the page sends, one message per credential.
 * With `proxyFetch`, every request goes back to the page (its `options.fetch`) through
 * `postMessage`; otherwise the worker's own global `fetch` is used.
 */
import type { FromWorker, PlainResponse, ToWorker } from './worker-protocol.js';

/**
 * The verifier proper, imported at once but dynamically: a bundler then emits it as one chunk that
 * the page's `verifyCredential` loads as well, instead of a shared chunk behind a small entry that
 * a page would fetch first. If it cannot load, the error reaches the page, which verifies in its
 * own thread.
 */
const verifier = import('./verify-credential.js');
verifier.catch(reportError);

interface WorkerScope {
  postMessage(m: FromWorker): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const pending = new Map<number, (r: PlainResponse | undefined) => void>();
let ids = 0;

/** A `fetch` that asks the page to make the request. */
const proxiedFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
  new Promise((resolve, reject) => {
    const id = ++ids;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const onAbort = (): void => {
      pending.delete(id);
      scope.postMessage({ type: 'abort-fetch', id });
      reject(new DOMException('Aborted', 'AbortError'));
    };
    if (init.signal?.aborted) return onAbort();
    init.signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(id, (r) => {
      init.signal?.removeEventListener('abort', onAbort);
      if (!r) return reject(new TypeError('Network request failed'));
      // An answer the page stopped reading at its cap is declared larger than any cap, so the
      // guarded fetch refuses it (too-large) as it refuses any content-length over its own.
      const headers: [string, string][] = r.tooLarge
        ? [
            ...r.headers.filter(([name]) => name.toLowerCase() !== 'content-length'),
            ['content-length', String(Number.MAX_SAFE_INTEGER)],
          ]
        : r.headers;
      const res = new Response(r.status === 204 || r.status === 304 ? null : r.body, {
        status: r.status,
        statusText: r.statusText,
        headers,
      });
      Object.defineProperty(res, 'url', { value: r.url });
      resolve(res);
    });
    scope.postMessage({
      type: 'fetch',
      id,
      url,
      init: { method: init.method ?? 'GET', headers: [...new Headers(init.headers)] },
    });
  });

scope.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type === 'fetched') {
    const done = pending.get(m.id);
    pending.delete(m.id);
    done?.(m.response);
    return;
  }
  void verifier
    .then(({ runVerification }) =>
      runVerification(m.input, {
        now: new Date(m.now),
        ...(m.proxyFetch ? { fetch: proxiedFetch as typeof fetch } : {}),
        ...(m.timeoutMs !== undefined ? { timeoutMs: m.timeoutMs } : {}),
        ...(m.deadlineMs !== undefined ? { deadlineMs: m.deadlineMs } : {}),
        ...(m.maxRequests !== undefined ? { maxRequests: m.maxRequests } : {}),
        ...(m.skewSeconds !== undefined ? { skewSeconds: m.skewSeconds } : {}),
        ...(m.refresh !== undefined ? { refresh: m.refresh } : {}),
      }),
    )
    .then((report) => scope.postMessage({ type: 'result', index: m.index, report }));
});

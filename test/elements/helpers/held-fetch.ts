/**
 * A `fetch` for `<mc-provider>` that holds every request to an address ending in `/held.json` until
 * it is aborted (and says when one arrives), and answers every other request with `body`. For
 * tests of stale and interrupted loads: no timers, only promises and abort signals.
 */
export interface HeldFetch {
  fetch: (url: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The signal of each held request, in order. */
  held: AbortSignal[];
  /** Every address asked for, in order. */
  asked: string[];
  /** Resolves when the next held request arrives. */
  nextHeld(): Promise<AbortSignal>;
}

export function heldFetch(body: (url: string) => unknown): HeldFetch {
  let arrived: ((signal: AbortSignal) => void) | undefined;
  const held: AbortSignal[] = [];
  const asked: string[] = [];
  return {
    held,
    asked,
    nextHeld: () => new Promise((resolve) => (arrived = resolve)),
    fetch: (url, init) => {
      asked.push(String(url));
      if (!String(url).endsWith('/held.json'))
        return Promise.resolve(
          new Response(JSON.stringify(body(String(url))), {
            headers: { 'content-type': 'application/json' },
          }),
        );
      const signal = init!.signal!;
      held.push(signal);
      arrived?.(signal);
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    },
  };
}

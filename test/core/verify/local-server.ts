/**
 * Real local HTTP servers for the verifier's network tests: each server is its own origin
 * (127.0.0.1 on its own port), counts the requests it receives, and can be named like a real host
 * through {@link hostFetch} (a `fetch` that plays DNS: `https://a.test` → this server), so did:web
 * and https key documents can be served locally too.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request path received, in order. */
  requests: string[];
  server: Server;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with `handler`, on a free port. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse, origin: string) => void,
): Promise<LocalServer> {
  const requests: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    handler(req, res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends JSON. */
export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Sends a redirect. */
export function redirect(res: ServerResponse, location: string, status = 302): void {
  res.writeHead(status, { location });
  res.end();
}

/**
 * A fresh `fetch` (so the verifier's per-`fetch` caches start empty) that resolves the given host
 * names to local servers, e.g. `{ 'https://a.test': a.origin }`, and reports the final `url` of
 * each response under its host name again, so a redirect from one local server to another looks
 * like one from `a.test` to `b.test`. Other URLs fail (except 127.0.0.1), as the network does offline.
 */
export function hostFetch(hosts: Record<string, string> = {}): typeof fetch {
  const pairs = Object.entries(hosts);
  const swap = (url: string, from: 0 | 1): string | undefined => {
    for (const pair of pairs) {
      const [a, b] = from === 0 ? pair : [pair[1], pair[0]];
      if (url === a || url.startsWith(`${a}/`)) return b + url.slice(a.length);
    }
    return undefined;
  };
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const local = swap(url, 0) ?? (url.startsWith('http://127.0.0.1:') ? url : undefined);
    // Tests never reach the real network: an unlisted host fails like an unknown DNS name.
    if (!local) throw new TypeError(`fetch failed: ${url} is not a test host`);
    const res = await fetch(local, init);
    Object.defineProperty(res, 'url', { value: swap(res.url, 1) ?? res.url });
    return res;
  }) as typeof fetch;
}

/**
 * `toNodeListener(handler)`: serves a Fetch-standard handler (such as `createVcApiHandler()`) from
 * `node:http` / `node:https` — builds a `Request` from the `IncomingMessage` and writes the
 * `Response` back. No `node:` import, so the module loads on any runtime; the request types are
 * structural.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createVcApiHandler, toNodeListener } from '@microcred/core/vc-api';
 * createServer(toNodeListener(createVcApiHandler())).listen(8080);
 */

/** What `toNodeListener` reads of a `node:http` `IncomingMessage`. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** The socket: its `encrypted` is true on TLS sockets (`node:https`). */
  socket?: object | null;
}

/** What `toNodeListener` uses of a `node:http` `ServerResponse`. */
export interface NodeResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: Uint8Array): unknown;
}

/**
 * A `node:http` request listener that answers with `handler`. The request body is read in full
 * before the handler runs (at most `maxBodyBytes`, default 2 MB: beyond it the answer is 413 and
 * the rest is not read); a handler that throws becomes a 500.
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
  { maxBodyBytes = 2 * 1024 * 1024 }: { maxBodyBytes?: number } = {},
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    let response: Response;
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
          headers.append(name, v);
      const method = (req.method ?? 'GET').toUpperCase();
      const chunks: Uint8Array[] = [];
      let size = 0;
      let tooLarge = false;
      if (method !== 'GET' && method !== 'HEAD') {
        for await (const chunk of req) {
          const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
          size += bytes.byteLength;
          if (size > maxBodyBytes) {
            tooLarge = true;
            break;
          }
          chunks.push(bytes);
        }
      }
      const tls = (req.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true;
      const origin = `${tls ? 'https' : 'http'}://${headers.get('host') ?? 'localhost'}`;
      if (tooLarge) {
        response = new Response(
          JSON.stringify({ type: 'about:blank', title: 'Content Too Large', status: 413 }),
          { status: 413, headers: { 'content-type': 'application/problem+json', connection: 'close' } },
        );
      } else {
        const body = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) body.set(c, (at += c.byteLength) - c.byteLength);
        response = await handler(
          new Request(new URL(req.url ?? '/', origin), {
            method,
            headers,
            ...(method !== 'GET' && method !== 'HEAD' ? { body } : {}),
          }),
        );
      }
    } catch {
      response = new Response(
        JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
        {
          status: 500,
          headers: { 'content-type': 'application/problem+json' },
        },
      );
    }
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => (out[name] = value));
    res.writeHead(response.status, out);
    res.end(new Uint8Array(await response.arrayBuffer()));
  };
}

/**
 * The one body reader of core: reads a `Response` body with a size cap that is enforced WHILE
 * reading. The stream is cancelled (which closes the connection) the moment more than `maxBytes`
 * have arrived, so a server sending 50 MB costs about `maxBytes`, never 50 MB. Used by the
 * verifier's guarded fetch, `fetchCredential`, the API client and the catalog/pathway fetchers.
 */
import { McParseError } from '../model/errors.js';
import { readCapped } from './read-capped.js';

/** The default `too-large` error of {@link readBody}. */
const tooLargeError = (maxBytes: number): McParseError =>
  new McParseError(
    'too-large',
    `The answer is larger than ${Math.round(maxBytes / 1024 / 1024) || 1} MB, which is more than Microcred reads.`,
    { details: { maxBytes } },
  );

/**
 * Reads the body of `res` as bytes, at most `maxBytes` of them.
 *
 * A declared `content-length` above the cap is refused before reading. Otherwise the body stream is
 * read chunk by chunk and cancelled as soon as the running total passes the cap. Only a response
 * without a body stream (some test doubles, old runtimes) is read with `arrayBuffer()` and checked
 * afterwards.
 *
 * @param tooLarge makes the error thrown when the body is over the cap (default: `McParseError('too-large')`).
 * @throws the `tooLarge()` error; or whatever the stream throws (network error, abort).
 */
export async function readBody(
  res: Response,
  maxBytes: number,
  tooLarge: () => Error = () => tooLargeError(maxBytes),
): Promise<Uint8Array> {
  if (Number(res.headers.get('content-length')) > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    if (all.byteLength > maxBytes) throw tooLarge();
    return all;
  }
  return readCapped(res.body, maxBytes, tooLarge);
}

/**
 * {@link readBody}, decoded as UTF-8 the way `Response.text()` decodes (a byte order mark is
 * dropped, invalid bytes become U+FFFD).
 */
export async function readBodyText(res: Response, maxBytes: number, tooLarge?: () => Error): Promise<string> {
  return new TextDecoder().decode(await readBody(res, maxBytes, tooLarge));
}

/**
 * `readCapped()`: a byte stream read to the end under a size cap, enforced while reading. The one
 * loop behind `readBody` (response bodies) and the baked-PNG inflater; no imports, so it costs the
 * chunks that carry it nothing more.
 */

/**
 * Reads `stream` to the end, at most `maxBytes` bytes: the stream is cancelled and `tooLarge(size)`
 * thrown the moment the running total passes the cap (`size` is what had arrived by then). Also
 * used for the output of an inflater (baked PNG text), where the same cap stops a zlib bomb.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: (size: number) => Error,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(size);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

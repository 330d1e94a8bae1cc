/**
 * `readBody`, core's one body reader (issue 11 item 11): the size cap is enforced while reading,
 * so a 50 MB body is cancelled after about the cap. The body is a pull stream that counts what was
 * pulled from it (a stand-in for a server that writes only what is asked for); the servers of
 * verify/guarded-fetch.test.ts show the same over real sockets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError } from '@microcred/core';
import { readBody, readBodyText } from '../../packages/core/src/fetch/read-body.js';

const CHUNK = 64 * 1024;

/** A body of `total` bytes of "a", made only as it is pulled; reports pulls and cancellation. */
function pulled(total: number): { res: Response; stats: { pulled: number; cancelled: boolean } } {
  const stats = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled >= total) return controller.close();
        const n = Math.min(CHUNK, total - stats.pulled);
        stats.pulled += n;
        controller.enqueue(new Uint8Array(n).fill(0x61));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { res: new Response(body), stats };
}

describe('readBody', () => {
  it('stops a 50 MB body just past the cap and cancels the stream', async () => {
    const { res, stats } = pulled(50 * 1024 * 1024);
    await assert.rejects(
      readBody(res, 2 * 1024 * 1024),
      (e: unknown) => e instanceof McError && e.code === 'too-large',
    );
    assert.equal(stats.cancelled, true);
    assert.ok(stats.pulled <= 2 * 1024 * 1024 + CHUNK, `pulled ${stats.pulled} bytes`);
  });
  it('reads a body up to the cap whole, in one piece', async () => {
    const { res, stats } = pulled(3 * CHUNK + 5);
    const bytes = await readBody(res, 3 * CHUNK + 5);
    assert.equal(bytes.byteLength, 3 * CHUNK + 5);
    assert.ok(bytes.every((b) => b === 0x61));
    assert.equal(stats.cancelled, false);
  });
  it('refuses a declared content-length over the cap before reading', async () => {
    const { res: inner, stats } = pulled(10 * CHUNK);
    const res = new Response(inner.body, { headers: { 'content-length': String(10 * CHUNK) } });
    await assert.rejects(
      readBody(res, CHUNK),
      (e: unknown) => e instanceof McError && e.code === 'too-large',
    );
    assert.equal(stats.pulled, 0);
  });
  it('uses the caller’s error, and decodes text like Response.text() (BOM dropped)', async () => {
    await assert.rejects(
      readBody(pulled(2 * CHUNK).res, CHUNK, () => new RangeError('mine')),
      (e: unknown) => e instanceof RangeError && e.message === 'mine',
    );
    assert.equal(await readBodyText(new Response('\uFEFF{"é":1}'), 100), '{"é":1}');
  });
  it('a response without a body stream is still capped', async () => {
    const res = new Response('x'.repeat(100));
    Object.defineProperty(res, 'body', { value: null });
    await assert.rejects(readBody(res, 10), (e: unknown) => e instanceof McError && e.code === 'too-large');
  });
});

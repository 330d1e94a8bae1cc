/**
 * A PNG zlib bomb (issue 11 item 11): an iTXt chunk of about 0.5 MB that inflates to 512 MB.
 * Inflation must stop with `too-large` as soon as the 4 MB cap is passed — shown by the number of
 * bytes it had produced when it stopped (`details.inflated`), not by timing. The bomb is built here:
 * one 4 MB run of zeros, deflated once (a full-flush raw block, self-contained), repeated 128 times
 * inside one zlib stream (RFC 1950 header, final empty block, Adler-32 of the whole output).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { McError, unbake, verifyCredential } from '@microcred/core';
import { MAX_INFLATED } from '../../../packages/core/src/bake/png.js';
import { NOW, offlineFetch, vectorBytes } from './harness.js';

const RUN = 4 * 1024 * 1024;

/** A zlib stream inflating to `runs` × 4 MB of zeros. */
function zlibBomb(runs: number): Buffer {
  const run = zlib.deflateRawSync(Buffer.alloc(RUN), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((((RUN * runs) % 65521) << 16) | 1) >>> 0); // Adler-32 of zeros: A = 1, B = length
  return Buffer.concat([
    Buffer.from([0x78, 0xda]),
    ...Array<Buffer>(runs).fill(run),
    Buffer.from([3, 0]),
    adler,
  ]);
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** PNG §11.3.4.5 iTXt: keyword, NUL, compression flag 1, method 0, language NUL, translated keyword NUL, zlib text. */
function iTXt(keyword: string, compressed: Uint8Array): Buffer {
  const data = Buffer.concat([Buffer.from(`${keyword}\0\x01\x00\0\0`, 'latin1'), compressed]);
  const typed = Buffer.concat([Buffer.from('iTXt', 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([head, typed, crc]);
}

/** The unbaked vector PNG with `chunks` inserted before IEND (the last 12 bytes). */
function pngWith(...chunks: Buffer[]): Uint8Array {
  const png = Buffer.from(vectorBytes('openbadges-bakery/test/unbaked.png'));
  return new Uint8Array(
    Buffer.concat([png.subarray(0, png.length - 12), ...chunks, png.subarray(png.length - 12)]),
  );
}

describe('PNG zlib bomb', () => {
  it('the bomb is real: 0.5 MB that inflates to 512 MB', () => {
    const bomb = zlibBomb(128);
    assert.ok(bomb.length < 600_000, `${bomb.length} bytes`);
    // A small sibling (3 runs, 12 MB) inflates correctly, Adler-32 included.
    assert.equal(zlib.inflateSync(zlibBomb(3)).length, 3 * RUN);
  });
  it('unbake stops inflating just past the 4 MB cap with a typed too-large error', async () => {
    const png = pngWith(iTXt('openbadgecredential', zlibBomb(128)));
    const error = await unbake(png).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof McError, String(error));
    assert.equal(error.code, 'too-large');
    const inflated = error.details?.['inflated'];
    assert.equal(typeof inflated, 'number');
    assert.ok((inflated as number) > MAX_INFLATED, 'it stopped because the cap was passed');
    // Each piece of input fed to the inflater yields at most ~1 MB, so it stops within 1 MB of the cap (of 512 MB).
    assert.ok((inflated as number) < MAX_INFLATED + 1024 * 1024, `inflated ${inflated as number} bytes`);
  });
  it('the cap is for the whole image: a second chunk gets only what the first left', async () => {
    const four = zlibBomb(1); // 4 MB: exactly the cap, allowed alone
    assert.equal((await unbake(pngWith(iTXt('openbadges', four))))?.source, 'openbadges');
    const error = await unbake(pngWith(iTXt('openbadges', four), iTXt('openbadges', four))).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof McError && error.code === 'too-large', String(error));
    assert.ok((error.details?.['inflated'] as number) <= 1024 * 1024, 'the second chunk stopped at once');
  });
  it('verifyCredential reports the bomb as a failed format check (too-large), without inflating it', async () => {
    const r = await verifyCredential(pngWith(iTXt('openbadgecredential', zlibBomb(128))), {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.equal(r.verified, false);
    assert.deepEqual(
      { id: r.checks[0]?.id, outcome: r.checks[0]?.outcome, code: r.checks[0]?.code },
      { id: 'format', outcome: 'failed', code: 'too-large' },
    );
  });
  it('a normal compressed iTXt credential still unbakes', async () => {
    const text = JSON.stringify({ name: 'Émilie’s badge', pad: 'x'.repeat(100_000) });
    const got = await unbake(pngWith(iTXt('openbadgecredential', zlib.deflateSync(Buffer.from(text)))));
    assert.equal(got?.text, text);
    assert.equal(got?.source, 'openbadgecredential');
  });
  it('a text chunk whose "keyword" runs 200 KB before its NUL is no badge, not a RangeError', async () => {
    // PNG §11.3.4.3: "Keyword: 1-79 bytes (character string)" followed by a null separator.
    const got = await unbake(pngWith(iTXt('k'.repeat(200_000), zlib.deflateSync(Buffer.from('{}')))));
    assert.equal(got, undefined);
  });
});

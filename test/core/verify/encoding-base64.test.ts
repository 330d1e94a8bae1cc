// base64UrlDecode (verify/encoding.ts: JWS parts, did:jwk, status lists): what it reads and what it
// refuses, against Node's own base64url decoder (issue 14). In Node 20 this is the lookup-table loop;
// browsers take Uint8Array.fromBase64 for unpadded base64url, which test/elements/encoding-base64.test.ts
// checks against the same loop in Chromium.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base64UrlDecode, base64UrlEncode } from '../../../packages/core/src/verify/encoding.js';

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('base64UrlDecode', () => {
  it('round-trips random bytes of every length 0-200, base64url and base64, padded or not', () => {
    const rnd = prng(14);
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
      const url = Buffer.from(bytes).toString('base64url');
      const std = Buffer.from(bytes).toString('base64');
      assert.deepEqual(base64UrlDecode(url), bytes, url);
      assert.deepEqual(base64UrlDecode(std), bytes, std);
      assert.equal(base64UrlEncode(bytes), url);
    }
  });

  it('ignores non-zero trailing bits, as atob and Node do', () => {
    assert.deepEqual(base64UrlDecode('e30'), Uint8Array.from([0x7b, 0x7d]));
    assert.deepEqual(base64UrlDecode('e31'), Uint8Array.from(Buffer.from('e31', 'base64url')));
    assert.deepEqual(base64UrlDecode('QR'), Uint8Array.from([0x41]));
  });

  it('refuses a length of 1 modulo 4, characters outside both alphabets, whitespace and inner padding', () => {
    for (const bad of ['A', 'AAAAA', 'e30=A', 'ab=c', 'a b', 'ab\n', ' ab', 'ab.c', 'ab%3D', 'é', 'ab\u0000'])
      assert.equal(base64UrlDecode(bad), undefined, JSON.stringify(bad));
  });

  it('reads the empty string as no bytes', () => {
    assert.deepEqual(base64UrlDecode(''), new Uint8Array(0));
  });
});

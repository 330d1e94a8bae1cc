// parseCredentialInput's base64url decoding of a compact JWS (issue 14 made it faster): every part
// decodes to the same JSON as Node's own base64url and UTF-8 decoders give, and every input the
// earlier decoder (atob, then Uint8Array.from with a callback, then a fatal TextDecoder) refused is
// refused with the same code, `invalid-jws`. The earlier decoder is kept here as the reference.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, parseCredentialInput } from '@microcred/core';

const b64url = (bytes: Uint8Array | string): string =>
  (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64url');
const HEADER = b64url('{"alg":"EdDSA"}');

/** The decoder before issue 14, verbatim: the reference for what is accepted and what it reads. */
function earlierB64json(part: string): unknown {
  return JSON.parse(
    new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    ),
  );
}

/** What the earlier decoder made of a payload part: its JSON, or the code it was refused with. */
function earlier(part: string): unknown {
  let v: unknown;
  try {
    v = earlierB64json(part);
  } catch {
    return 'invalid-jws';
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : 'invalid-jws';
}

/** What the parser makes of a payload part now: the JWS payload (no `vc` claim, so as is), or the code. */
function now(part: string): unknown {
  try {
    return parseCredentialInput(`${HEADER}.${part}.c2ln`).document;
  } catch (e) {
    assert.ok(e instanceof McError, `an McError, not ${String(e)}`);
    return e.code;
  }
}

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseCredentialInput: base64url decoding of a compact JWS', () => {
  it('round-trips payloads of every length modulo 4, ASCII and not (accents, CJK, emoji)', () => {
    const words = ['García', 'Núñez', 'café', '学习', 'مرحبا', '🎓', 'x', '"quoted"', '\\', '\u2028'];
    const rnd = prng(14);
    for (let n = 0; n < 400; n++) {
      const name = Array.from(
        { length: Math.floor(rnd() * 12) },
        () => words[Math.floor(rnd() * words.length)],
      ).join(' ');
      const payload = { type: 'VerifiableCredential', name, pad: 'a'.repeat(n % 7) };
      const part = b64url(JSON.stringify(payload));
      assert.deepEqual(now(part), payload, part);
      assert.deepEqual(now(part), earlier(part));
    }
    // every remainder of the length modulo 4 that base64url without padding has (0, 2, 3)
    const remainders = new Set(
      [...Array(12).keys()].map((k) => b64url(`{"a":"${'b'.repeat(k)}"}`).length % 4),
    );
    assert.deepEqual([...remainders].sort(), [0, 2, 3]);
  });

  it('reads the same as before for random bytes: valid UTF-8 JSON or not', () => {
    const rnd = prng(1414);
    for (let n = 0; n < 2000; n++) {
      // a JSON object around random bytes, so that most cases reach the UTF-8 decoder
      const inner = Uint8Array.from({ length: Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 256));
      const bytes = Buffer.concat([Buffer.from('{"k":"'), inner, Buffer.from('"}')]);
      const part = b64url(bytes);
      assert.deepEqual(now(part), earlier(part), `bytes ${Buffer.from(inner).toString('hex')}`);
    }
  });

  it('refuses what was refused before, with the same code', () => {
    const cases = {
      'a length of 1 modulo 4': b64url('{"a":1}') + 'A',
      'overlong UTF-8 (C0 AF)': b64url(Uint8Array.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d])),
      'a surrogate in UTF-8 (ED A0 80)': b64url(
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      ),
      'a lone continuation byte': b64url(
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0x80]), Buffer.from('"}')]),
      ),
      'a cut multi-byte sequence': b64url(
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]),
      ),
      'not JSON': b64url('not json'),
      'JSON, not an object': b64url('[1,2]'),
      'a number': b64url('42'),
    };
    for (const [what, part] of Object.entries(cases)) {
      assert.equal(earlier(part), 'invalid-jws', `${what}: the reference refuses it`);
      assert.equal(now(part), 'invalid-jws', what);
    }
    // the header is decoded the same way
    assert.throws(() => parseCredentialInput(`${b64url('nope')}.${b64url('{}')}.c2ln`), {
      code: 'invalid-jws',
    });
  });

  it('accepts what was accepted before: a byte-order mark, non-zero trailing bits', () => {
    // TextDecoder (fatal, BOM not ignored) drops a leading UTF-8 byte-order mark, as before
    const bom = b64url(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]));
    assert.deepEqual(now(bom), { a: 1 });
    assert.deepEqual(now(bom), earlier(bom));
    // "e30" is {} with zero trailing bits; "e31" sets them: atob ignores them, and so does the parser
    assert.deepEqual(now('e30'), {});
    assert.deepEqual(now('e31'), earlier('e31'));
  });
});

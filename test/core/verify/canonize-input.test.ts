/**
 * RDF canonicalisation works on the caller's document without copying it (issue 14, warm
 * eddsa-rdfc-2022), so verification must leave the credential exactly as it was given; and its
 * synchronous SHA-256 (packages/core/src/verify/jsonld/sha256.ts) must be SHA-256.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { verifyCredential } from '@microcred/core';
import { Sha256Digest, sha256Js } from '../../../packages/core/src/verify/jsonld/sha256.js';
import { badge, freshIssuer } from './fresh-issuer.js';
import { NOW } from './harness.js';

type Obj = Record<string, unknown>;

/** Freezes `v` and everything in it: a write to a frozen object throws in strict-mode code. */
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

const offline = async (): Promise<Response> => new Response('offline', { status: 404 });
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('verification leaves the credential as it was', () => {
  it('an eddsa-rdfc-2022 OB 3.0 credential is verified and unchanged, frozen or not', async () => {
    const issuer = await freshIssuer();
    const signed = await issuer.sign(
      badge(issuer.did, {
        // a node without an id (a blank node the canonicalisation labels) inside an array
        evidence: [{ type: ['Evidence'], narrative: 'Lesson plans', name: 'Plans' }],
      }),
    );
    const before = JSON.stringify(signed);
    const plain = (await verifyCredential(signed, { now: NOW, fetch: offline })) as { verified: boolean };
    assert.equal(plain.verified, true);
    assert.equal(JSON.stringify(signed), before, 'the input object was changed by verification');
    // a second verification of the same object (contexts cached, no copy either time)
    const again = (await verifyCredential(signed, { now: NOW, fetch: offline })) as { verified: boolean };
    assert.equal(again.verified, true);
    assert.equal(JSON.stringify(signed), before);
    const frozen = deepFreeze(structuredClone(signed) as Obj);
    const r = (await verifyCredential(frozen, { now: NOW, fetch: offline })) as { verified: boolean };
    assert.equal(r.verified, true, 'a deep-frozen credential verifies (nothing writes to it)');
    assert.equal(JSON.stringify(frozen), before);
  });
});

describe('synchronous SHA-256', () => {
  // FIPS 180-2, Appendix B: "abc" (B.1), the 448-bit message (B.2) and one million "a" (B.3); and the
  // empty message.
  const cases: [string, string][] = [
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ];
  for (const [msg, want] of cases) {
    it(`FIPS 180-2: ${msg.length} bytes`, () => {
      assert.equal(hex(sha256Js(new TextEncoder().encode(msg))), want);
    });
  }

  it('agrees with node:crypto on every length across the padding boundaries (0-200 bytes) and on UTF-8', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff);
      assert.equal(hex(sha256Js(bytes)), createHash('sha256').update(bytes).digest('hex'), `${n} bytes`);
    }
    // rdf-canonize's digest (node:crypto here, as in any Node; the JavaScript one is checked above)
    const d = new Sha256Digest();
    d.update('_:c14n0 <http://schema.org/name> "Évaluation — 評価 ✓" .\n');
    d.update('<urn:x> <urn:p> _:c14n0 .\n');
    const text = '_:c14n0 <http://schema.org/name> "Évaluation — 評価 ✓" .\n<urn:x> <urn:p> _:c14n0 .\n';
    assert.equal(d.digest(), createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

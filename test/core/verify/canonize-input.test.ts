/**
 * RDF canonicalisation works on the caller's document without copying it (issue 14, warm
 * eddsa-rdfc-2022), so verification must leave the credential exactly as it was given.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
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

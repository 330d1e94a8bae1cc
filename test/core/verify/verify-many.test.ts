/** `verifyMany()`: in Node (no Worker) it verifies in this thread, in order, with progress and abort. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, verifyCredential, verifyMany } from '@microcred/core';
import { NOW, VCF, offlineFetch, vectorJson } from './harness.js';

const valid = vectorJson(`${VCF}/v2/ed25519/didKey/legacy-noStatus-noExpiry.json`);
const tampered = vectorJson(`${VCF}/v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json`);

describe('verifyMany', () => {
  it('gives the same reports as verifyCredential, in input order, with progress', async () => {
    const inputs = [valid, tampered, 'garbage', valid];
    const progress: [number, number, number][] = [];
    const reports = await verifyMany(inputs, {
      now: NOW,
      fetch: offlineFetch(),
      onProgress: (done, total, index) => progress.push([done, total, index]),
    });
    assert.deepEqual(
      reports.map((r) => r.verified),
      [true, false, false, true],
    );
    const single = await verifyCredential(tampered, { now: NOW, fetch: offlineFetch() });
    assert.deepEqual(reports[1], single);
    assert.deepEqual(
      progress.map(([d]) => d),
      [1, 2, 3, 4],
    );
    assert.deepEqual(progress.map(([, , i]) => i).sort(), [0, 1, 2, 3]);
  });
  it('an empty list gives an empty list', async () => {
    assert.deepEqual(await verifyMany([]), []);
  });
  it('aborting reports the unfinished credentials as aborted', async () => {
    const controller = new AbortController();
    const reports = await verifyMany([valid, valid, valid], {
      now: NOW,
      fetch: offlineFetch(),
      signal: controller.signal,
      onProgress: (done) => done === 1 && controller.abort(),
    });
    assert.equal(reports[0]!.verified, true);
    for (const r of reports.slice(1)) {
      assert.equal(r.verified, false);
      assert.equal(
        r.checks.some((c) => c.code === 'aborted'),
        true,
      );
    }
  });
  it('rejects an invalid now with invalid-option', async () => {
    await assert.rejects(
      verifyMany([valid], { now: new Date('x') }),
      (e: unknown) => e instanceof McError && e.code === 'invalid-option',
    );
  });
});

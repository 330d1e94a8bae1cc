/**
 * Data Integrity vectors (vc-test-fixtures, verifier-core): every row of SOURCES.md with an offline
 * result gives the expected outcome, with the network served offline through the `fetch` option.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { expectationsFor } from './expectations.js';
import type { Expected } from './expectations.js';
import { NOW, offlineFetch, vectorText } from './harness.js';

const outcome = (r: VerificationReport, id: string): string | undefined =>
  r.checks.find((c) => c.id === id)?.outcome;
const code = (r: VerificationReport, id: string): string | undefined =>
  r.checks.find((c) => c.id === id)?.code;

async function assertExpected(e: Expected): Promise<void> {
  const r = await verifyCredential(vectorText(e.file), { now: NOW, fetch: offlineFetch() });
  const summary = r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
  assert.equal(r.verified, e.verified, `verified for ${e.file}: ${summary}`);
  if (e.format) assert.equal(code(r, 'format'), e.format, summary);
  if (e.proof) assert.equal(outcome(r, 'proof'), e.proof, `proof: ${summary}`);
  if (e.proofCode) assert.equal(code(r, 'proof'), e.proofCode, `proof code: ${summary}`);
  if (e.validity === 'valid') assert.equal(outcome(r, 'validity'), 'passed', summary);
  else if (e.validity) assert.equal(code(r, 'validity'), e.validity, summary);
  if (e.status) assert.equal(outcome(r, 'status'), e.status, `status: ${summary}`);
  if (e.proof === 'passed') assert.equal(outcome(r, 'issuer'), 'passed', `issuer: ${summary}`);
  if (e.status === 'failed') assert.equal(code(r, 'status'), 'revoked', summary);
}

for (const root of ['vc-test-fixtures/', 'verifier-core/']) {
  describe(`vectors: ${root}`, () => {
    const rows = expectationsFor(root);
    it('has rows to check', () => assert.ok(rows.length > 20, `${rows.length} rows`));
    for (const e of rows) it(e.file.split('/').slice(-3).join('/'), () => assertExpected(e));
  });
}

/**
 * Issue 14 §1, the report contract: every report has the checks `format, proof, issuer, validity,
 * status` (plus the others that apply), in that order — also when the format check fails, and then
 * the rest are `skipped`. A network failure is `unknown`, never `failed`.
 *
 * STANDARDS.md: "The result is a list of checks, each passed / failed / unknown / skipped with a code
 * and a plain-language message — never a single boolean without the breakdown"; §7 "If the list
 * cannot be fetched, the status is unknown — never 'not revoked'."
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bakePng, verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { badge, freshIssuer } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { NOW, OB20, offlineFetch, vectorBytes, vectorJson } from './harness.js';

const REQUIRED = ['format', 'proof', 'issuer', 'validity', 'status'];
const ids = (r: VerificationReport): string[] => r.checks.map((c) => c.id);
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');

/** The five required checks are present, once each, in their order (others may sit between). */
function assertContract(r: VerificationReport): void {
  const positions = REQUIRED.map((id) => ids(r).indexOf(id));
  assert.ok(
    positions.every((p) => p >= 0),
    `every report has ${REQUIRED.join(', ')}: ${summary(r)}`,
  );
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
    `in that order: ${summary(r)}`,
  );
  for (const id of REQUIRED)
    assert.equal(ids(r).filter((x) => x === id).length, 1, `${id} appears once: ${summary(r)}`);
  for (const c of r.checks) {
    assert.equal(typeof c.code, 'string');
    assert.ok(c.message.length > 0, `${c.id} has a message`);
  }
}

/** When the format check did not pass, every other check is skipped. */
function assertRestSkipped(r: VerificationReport): void {
  for (const c of r.checks.slice(1))
    assert.equal(c.outcome, 'skipped', `${c.id} is skipped after the format check: ${summary(r)}`);
  assert.equal(r.verified, false);
}

describe('the report contract (issue 14 §1)', () => {
  let academy: FreshIssuer;
  before(async () => {
    academy = await freshIssuer();
  });

  it('a verified credential: format, schema, proof, issuer, validity, status', async () => {
    const r = await verifyCredential(await academy.sign(badge(academy.did)), {
      now: NOW,
      fetch: offlineFetch(),
    });
    assertContract(r);
    assert.deepEqual(ids(r).slice(0, 6), ['format', 'schema', 'proof', 'issuer', 'validity', 'status']);
    assert.equal(r.verified, true, summary(r));
  });

  for (const [name, input] of [
    ['text that is not JSON', 'not a credential {'],
    ['empty input', ''],
    ['a JSON list', '[1, 2, 3]'],
    ['a JSON object that is no credential', { hello: 'world' }],
    ['a damaged JWS', 'eyJhbGciOiJFZERTQSJ9.eyJpc3Mi.AAAA'],
    ['an image without a badge', vectorBytes('openbadges-bakery/test/unbaked.png')],
  ] as const) {
    it(`the format check fails on ${name}; the other four are there, skipped`, async () => {
      const r = await verifyCredential(input, { now: NOW, fetch: offlineFetch() });
      assert.equal(r.checks[0]?.id, 'format');
      assert.equal(r.checks[0]?.outcome, 'failed', summary(r));
      assertContract(r);
      assertRestSkipped(r);
    });
  }

  it('an achievement (not an award): the format check fails, the rest skipped', async () => {
    const cls = vectorJson(`${OB20}/assets/badgeclass1.json`);
    const r = await verifyCredential(cls, { now: NOW, fetch: offlineFetch() });
    assert.deepEqual([r.checks[0]?.id, r.checks[0]?.code], ['format', 'not-an-award'], summary(r));
    assertContract(r);
    assertRestSkipped(r);
  });

  for (const [why, answer] of [
    ['HTTP 503', 503],
    ['a network error', new TypeError('fetch failed')],
  ] as const) {
    it(`a baked PNG holding an assertion URL that cannot be fetched (${why}) says "could not check"`, async () => {
      const url = 'https://issuer.example/assertions/1';
      const png = bakePng(vectorBytes('openbadges-bakery/test/unbaked.png'), url, { keyword: 'openbadges' });
      const r = await verifyCredential(png, { now: NOW, fetch: offlineFetch({ [url]: answer }) });
      assert.deepEqual([r.checks[0]?.id, r.checks[0]?.outcome], ['format', 'unknown'], summary(r));
      assertContract(r);
      assertRestSkipped(r);
      assert.ok(
        r.checks.every((c) => c.outcome !== 'failed'),
        `a network failure is never "failed": ${summary(r)}`,
      );
    });
  }

  for (const [why, answer] of [
    ['HTTP 503', 503],
    ['a network error', new TypeError('fetch failed')],
  ] as const) {
    it(`an OB 2.0 hosted assertion whose address cannot be fetched (${why}): unknown, nothing failed`, async () => {
      const assertion = vectorJson(`${OB20}/basic-assertion.json`);
      const r = await verifyCredential(assertion, {
        now: NOW,
        fetch: offlineFetch({ [assertion['id'] as string]: answer }),
      });
      assertContract(r);
      assert.equal(r.checks.find((c) => c.id === 'proof')?.outcome, 'unknown', summary(r));
      assert.ok(
        r.checks.every((c) => c.outcome !== 'failed'),
        `a network failure is never "failed": ${summary(r)}`,
      );
      assert.equal(r.verified, false);
    });
  }

  it('a status list that cannot be fetched: status unknown, nothing failed', async () => {
    const list = 'https://academy.example/status/3';
    const signed = await academy.sign(
      badge(academy.did, {
        credentialStatus: {
          id: `${list}#5`,
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: '5',
          statusListCredential: list,
        },
      }),
    );
    for (const answer of [500, new TypeError('fetch failed')]) {
      const r = await verifyCredential(signed, { now: NOW, fetch: offlineFetch({ [list]: answer }) });
      assertContract(r);
      assert.equal(r.checks.find((c) => c.id === 'status')?.outcome, 'unknown', summary(r));
      assert.ok(
        r.checks.every((c) => c.outcome !== 'failed'),
        summary(r),
      );
      assert.equal(r.verified, false);
    }
  });

  it('a did:web issuer whose document cannot be fetched: proof unknown, nothing failed', async () => {
    const doc = await academy.sign(badge(academy.did));
    const proof = { ...(doc['proof'] as Record<string, unknown>) };
    proof['verificationMethod'] = 'did:web:academy.example#key-1';
    const r = await verifyCredential(
      { ...doc, issuer: { id: 'did:web:academy.example', type: ['Profile'], name: 'Academy' }, proof },
      {
        now: NOW,
        fetch: offlineFetch({ 'https://academy.example/.well-known/did.json': new TypeError('down') }),
      },
    );
    assertContract(r);
    assert.equal(r.checks.find((c) => c.id === 'proof')?.outcome, 'unknown', summary(r));
    assert.ok(
      r.checks.every((c) => c.outcome !== 'failed'),
      summary(r),
    );
  });
});

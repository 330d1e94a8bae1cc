/**
 * Issue 11 item 3: a status list speaks for a credential only when its issuer issued it, and only
 * when the list credential itself verifies (not revoked, not expired, signature and issuer good).
 * Every key is fresh; the attacker signs a perfectly valid list with their own key.
 *
 * Bitstring Status List v1.0 §3.2 (note "Issuer validation is use case dependent"): "It is expected
 * that a verifier will ensure that it trusts the issuer of a verifiable credential, as well as the
 * issuer of the associated BitstringStatusListCredential, before using the information contained in
 * either credential for further decision making purposes." Microcred's use case (issue 11): the
 * only issuer it trusts to speak about a credential is the credential's own issuer.
 * STANDARDS.md §7: "Verify the status list credential itself (proof, validity, issuer)."
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { sameIssuer } from '../../../packages/core/src/verify/status.js';
import { badge, encodedList, freshIssuer, statusEntry, statusList } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const LIST = 'https://academy.example/status/1';
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const status = (r: VerificationReport): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === 'status');
  return { outcome: c?.outcome, code: c?.code };
};

describe('status lists come from the credential’s issuer (issue 11 item 3)', () => {
  let academy: FreshIssuer;
  let attacker: FreshIssuer;
  let credential: Obj;
  before(async () => {
    [academy, attacker] = await Promise.all([freshIssuer(), freshIssuer()]);
    credential = await academy.sign(badge(academy.did, { credentialStatus: statusEntry(LIST, 7) }));
  });

  it('control: the issuer’s own list is used (not revoked, and revoked)', async () => {
    const clean = await academy.sign(statusList(LIST, academy.did, [3]));
    const r = await verifyCredential(credential, { now: NOW, fetch: offlineFetch({ [LIST]: clean }) });
    assert.deepEqual(status(r), { outcome: 'passed', code: 'not-revoked' }, summary(r));
    assert.equal(r.verified, true, summary(r));
    const revoked = await academy.sign(statusList(LIST, academy.did, [7]));
    const r2 = await verifyCredential(credential, { now: NOW, fetch: offlineFetch({ [LIST]: revoked }) });
    assert.deepEqual(status(r2), { outcome: 'failed', code: 'revoked' }, summary(r2));
  });

  it('a list validly signed by someone else is unknown, never "not revoked"', async () => {
    const forged = await attacker.sign(statusList(LIST, attacker.did, []));
    const r = await verifyCredential(credential, { now: NOW, fetch: offlineFetch({ [LIST]: forged }) });
    assert.deepEqual(status(r), { outcome: 'unknown', code: 'status-list-wrong-issuer' }, summary(r));
    assert.match(r.checks.find((c) => c.id === 'status')!.message, new RegExp(attacker.did));
    assert.equal(r.verified, false);
  });

  it('a list that names the issuer but is signed by someone else is not trusted', async () => {
    const forged = await attacker.sign(statusList(LIST, academy.did, []));
    const r = await verifyCredential(credential, { now: NOW, fetch: offlineFetch({ [LIST]: forged }) });
    assert.deepEqual(status(r), { outcome: 'unknown', code: 'status-list-unverified' }, summary(r));
    assert.equal(r.verified, false);
  });

  it('a list whose own signature fails is unknown (status-list-unverified)', async () => {
    const list = await academy.sign(statusList(LIST, academy.did, [7]));
    // the bit of this credential switched off after signing
    const tampered = structuredClone(list);
    (tampered['credentialSubject'] as Obj)['encodedList'] = encodedList([]);
    const r = await verifyCredential(credential, { now: NOW, fetch: offlineFetch({ [LIST]: tampered }) });
    assert.deepEqual(status(r), { outcome: 'unknown', code: 'status-list-unverified' }, summary(r));
    assert.equal(r.verified, false);
  });

  it('an expired list is unknown (status-list-expired)', async () => {
    const old = await academy.sign(statusList(LIST, academy.did, [], { validUntil: '2026-06-30T00:00:00Z' }));
    const r = await verifyCredential(credential, { now: NOW, fetch: offlineFetch({ [LIST]: old }) });
    assert.deepEqual(status(r), { outcome: 'unknown', code: 'status-list-expired' }, summary(r));
    assert.equal(r.verified, false);
  });

  it('a list that is itself revoked is unknown (status-list-revoked)', async () => {
    const META = 'https://academy.example/status/lists';
    const meta = await academy.sign(statusList(META, academy.did, [0]));
    const list = await academy.sign(
      statusList(LIST, academy.did, [], { credentialStatus: statusEntry(META, 0) }),
    );
    const r = await verifyCredential(credential, {
      now: NOW,
      fetch: offlineFetch({ [LIST]: list, [META]: meta }),
    });
    assert.deepEqual(status(r), { outcome: 'unknown', code: 'status-list-revoked' }, summary(r));
    assert.equal(r.verified, false);
  });

  it('a list whose own status cannot be checked is unknown (status-list-unchecked)', async () => {
    const META = 'https://academy.example/status/lists-down';
    const list = await academy.sign(
      statusList(LIST, academy.did, [], { credentialStatus: statusEntry(META, 0) }),
    );
    const r = await verifyCredential(credential, {
      now: NOW,
      fetch: offlineFetch({ [LIST]: list, [META]: 503 }),
    });
    assert.deepEqual(status(r), { outcome: 'unknown', code: 'status-list-unchecked' }, summary(r));
    assert.equal(r.verified, false);
  });

  it(
    'a list that lists itself is checked once more, and does not hang the verifier',
    { timeout: 10_000 },
    async () => {
      const list = await academy.sign(
        statusList(LIST, academy.did, [], { credentialStatus: statusEntry(LIST, 9) }),
      );
      const r = await verifyCredential(credential, { now: NOW, fetch: offlineFetch({ [LIST]: list }) });
      assert.deepEqual(status(r), { outcome: 'passed', code: 'not-revoked' }, summary(r));
      const revokedItself = await academy.sign(
        statusList(LIST, academy.did, [9], { credentialStatus: statusEntry(LIST, 9) }),
      );
      const r2 = await verifyCredential(credential, {
        now: NOW,
        fetch: offlineFetch({ [LIST]: revokedItself }),
      });
      assert.deepEqual(status(r2), { outcome: 'unknown', code: 'status-list-revoked' }, summary(r2));
    },
  );

  it('the cache keeps the list’s issuer: a cached list does not vouch for another issuer', async () => {
    const list = await academy.sign(statusList(LIST, academy.did, []));
    const fetch = offlineFetch({ [LIST]: list });
    const first = await verifyCredential(credential, { now: NOW, fetch });
    assert.deepEqual(status(first), { outcome: 'passed', code: 'not-revoked' }, summary(first));
    // the attacker's own credential points at the academy's list, already cached
    const theirs = await attacker.sign(badge(attacker.did, { credentialStatus: statusEntry(LIST, 7) }));
    const second = await verifyCredential(theirs, { now: NOW, fetch });
    assert.deepEqual(
      status(second),
      { outcome: 'unknown', code: 'status-list-wrong-issuer' },
      summary(second),
    );
    // and the academy's credential still uses the cached list
    const third = await verifyCredential(credential, { now: NOW, fetch });
    assert.deepEqual(status(third), { outcome: 'passed', code: 'not-revoked' });
    assert.equal(fetch.requests.filter((u) => u === LIST).length, 1, 'the list was fetched once');
  });

  it('compares issuer ids exactly, and DIDs without their fragment', () => {
    assert.equal(sameIssuer('did:key:z6MkA', 'did:key:z6MkA#z6MkA'), true);
    assert.equal(sameIssuer('did:web:academy.example', 'did:web:academy.example'), true);
    assert.equal(sameIssuer('did:key:z6MkA', 'did:key:z6MkB'), false);
    assert.equal(sameIssuer('https://academy.example/issuer', 'https://academy.example/issuer'), true);
    assert.equal(sameIssuer('https://academy.example/issuer', 'https://academy.example/issuer#x'), false);
    assert.equal(sameIssuer('https://academy.example/issuer', 'https://academy.example/other'), false);
    assert.equal(sameIssuer(undefined, undefined), false);
    assert.equal(sameIssuer('did:key:z6MkA', undefined), false);
  });
});

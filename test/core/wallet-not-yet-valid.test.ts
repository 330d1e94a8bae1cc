/**
 * A credential whose validity period has not begun is kept by the wallet as not yet valid — as the
 * verify button says it — not as "Failed verification" (issue 13 item 6); the progress tracker does
 * not count it yet and says so. VCDM 2.0 §4.9: `validFrom` is "the date and time the credential
 * becomes valid", and a verifier checks that the current time is not before it. The reports are
 * real: credentials signed with a fresh key by the Digital Bazaar stack, verified by
 * `verifyCredential()` as the wallet's Verify all verifies them.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeProgress,
  filterItems,
  normalizeCredential,
  parsePathway,
  statusOf,
  verificationOutcome,
  verifyCredential,
  type WalletVerifyOutcome,
} from '@microcred/core';
import { badge, freshIssuer, statusEntry, statusList, type FreshIssuer } from './verify/fresh-issuer.js';
import { NOW, offlineFetch } from './verify/harness.js';

type Obj = Record<string, unknown>;
const REVOCATION = 'https://academy.example/status/revocation';
const ACHIEVEMENT = 'https://academy.example/achievements/soldering';
/** A month after the tests' pinned NOW. */
const LATER = '2026-12-22T00:00:00Z';

describe('a credential not valid yet in the wallet and the tracker (issue 13 item 6)', () => {
  let academy: FreshIssuer;
  let fetch: typeof globalThis.fetch;
  const signed: Record<'future' | 'futureRevoked' | 'current', Obj> = {} as never;

  before(async () => {
    academy = await freshIssuer();
    const about = (validFrom: string, index: number): Promise<Obj> => {
      const b = badge(academy.did, { validFrom, credentialStatus: statusEntry(REVOCATION, index) });
      const subject = b['credentialSubject'] as Obj;
      const achievement = { ...(subject['achievement'] as Obj), id: ACHIEVEMENT };
      return academy.sign({ ...b, credentialSubject: { ...subject, achievement } });
    };
    [signed.future, signed.futureRevoked, signed.current] = await Promise.all([
      about(LATER, 3),
      about(LATER, 5),
      about('2026-01-01T00:00:00Z', 3),
    ]);
    fetch = offlineFetch({ [REVOCATION]: await academy.sign(statusList(REVOCATION, academy.did, [5])) });
  });

  const verify = (c: Obj) => verifyCredential(c, { fetch, now: NOW });

  it('a real report of an authentic credential whose validFrom is ahead is summarised as notYetValid', async () => {
    const report = await verify(signed.future);
    assert.equal(report.verified, false);
    assert.equal(report.checks.find((c) => c.id === 'validity')?.code, 'not-yet-valid');
    assert.equal(verificationOutcome(report), 'notYetValid');
    assert.equal(verificationOutcome(await verify(signed.current)), 'verified');
  });

  it('not when anything else failed: a broken signature is invalid, a revocation revoked', async () => {
    const forged = { ...signed.future, name: 'Another name' };
    const report = await verify(forged);
    assert.equal(report.checks.find((c) => c.id === 'proof')?.outcome, 'failed');
    assert.equal(verificationOutcome(report), 'invalid');
    assert.equal(verificationOutcome(await verify(signed.futureRevoked)), 'revoked');
  });

  it('the status filter offers it: not verified, not among the unverified ones', () => {
    const item = (name: string, outcome?: WalletVerifyOutcome) => ({
      name,
      order: 0,
      summary: { name, type: 'Badge', text: name },
      ...(outcome ? { verification: { outcome, checked: NOW.toISOString() } } : {}),
    });
    const items = [item('a', 'notYetValid'), item('b', 'invalid'), item('c', 'verified'), item('d')];
    assert.deepEqual(
      items.map((i) => statusOf(i, NOW)),
      ['notYetValid', 'unverified', 'verified', 'unverified'],
    );
    assert.deepEqual(
      filterItems(items, { status: 'notYetValid' }, NOW).map((i) => i.name),
      ['a'],
    );
  });

  it('the tracker: it does not count yet, its requirement says not yet valid, and it is no next step', () => {
    const pathway = parsePathway({ id: 'urn:p', name: 'Makerspace', requirement: { allOf: [ACHIEVEMENT] } });
    const view = normalizeCredential(signed.future);
    const run = (now: Date) => computeProgress(pathway, [{ view }], [], { now, requireCredential: true });
    const before = run(NOW);
    assert.equal(before.byId.get(ACHIEVEMENT)!.state, 'not-yet-valid');
    assert.equal(before.byId.get(ACHIEVEMENT)!.satisfied, false);
    assert.equal(before.byId.get(ACHIEVEMENT)!.credential, view);
    assert.equal(before.complete, false);
    assert.equal(before.root.state, 'not-started');
    assert.deepEqual(before.nextSteps, []);
    // from its validFrom on, it counts
    const after = run(new Date('2026-12-23T00:00:00Z'));
    assert.equal(after.byId.get(ACHIEVEMENT)!.state, 'earned');
    assert.equal(after.complete, true);
    // revoked is said before not yet valid
    assert.equal(
      computeProgress(pathway, [{ view, revoked: true }], [], { now: NOW }).byId.get(ACHIEVEMENT)!.state,
      'revoked',
    );
  });
});

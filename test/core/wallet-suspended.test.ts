/**
 * A credential its issuer suspended is kept by the wallet, filtered and counted by the progress
 * tracker as suspended — not as revoked, nor as a failed verification (issue 13 item 6). Bitstring
 * Status List v1.0 §2.1: `suspension` "is used to temporarily prevent the acceptance of a verifiable
 * credential", while `revocation` "is used to cancel the validity of a verifiable credential. This
 * status is not reversible." The reports are real: credentials signed with a fresh key by the
 * Digital Bazaar stack, with suspension and revocation lists signed by the same issuer, verified by
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
  type WalletItem,
  type WalletVerifyOutcome,
} from '@microcred/core';
import { badge, freshIssuer, statusEntry, statusList, type FreshIssuer } from './verify/fresh-issuer.js';
import { NOW, offlineFetch } from './verify/harness.js';

type Obj = Record<string, unknown>;
const REVOCATION = 'https://academy.example/status/revocation';
const SUSPENSION = 'https://academy.example/status/suspension';
const ACHIEVEMENT = 'https://academy.example/achievements/soldering';
const entry = (url: string, index: number, purpose: string): Obj => ({
  ...statusEntry(url, index),
  statusPurpose: purpose,
});

describe('a suspended credential in the wallet and the tracker (issue 13 item 6)', () => {
  let academy: FreshIssuer;
  let fetch: typeof globalThis.fetch;
  const signed: Record<'valid' | 'suspended' | 'revoked', Obj> = {} as never;

  before(async () => {
    academy = await freshIssuer();
    const about = (name: string, status: Obj): Promise<Obj> => {
      const b = badge(academy.did, { name, credentialStatus: status });
      const subject = b['credentialSubject'] as Obj;
      const achievement = { ...(subject['achievement'] as Obj), id: ACHIEVEMENT };
      return academy.sign({ ...b, credentialSubject: { ...subject, achievement } });
    };
    [signed.valid, signed.suspended, signed.revoked] = await Promise.all([
      about('Not suspended', entry(SUSPENSION, 3, 'suspension')),
      about('Suspended', entry(SUSPENSION, 5, 'suspension')),
      about('Revoked', entry(REVOCATION, 5, 'revocation')),
    ]);
    const list = (url: string, purpose: string): Obj => {
      const l = statusList(url, academy.did, [5]);
      return { ...l, credentialSubject: { ...(l['credentialSubject'] as Obj), statusPurpose: purpose } };
    };
    fetch = offlineFetch({
      [SUSPENSION]: await academy.sign(list(SUSPENSION, 'suspension')),
      [REVOCATION]: await academy.sign(list(REVOCATION, 'revocation')),
    });
  });

  const outcome = async (c: Obj): Promise<WalletVerifyOutcome> =>
    verificationOutcome(await verifyCredential(c, { fetch, now: NOW }));

  it('a real report of a suspended credential is summarised as suspended, of a revoked one as revoked', async () => {
    assert.equal(await outcome(signed.valid), 'verified');
    assert.equal(await outcome(signed.suspended), 'suspended');
    assert.equal(await outcome(signed.revoked), 'revoked');
  });

  it('the wallet filters it as suspended (its last check), not as unverified or revoked', () => {
    const item = (name: string, o?: WalletVerifyOutcome): WalletItem & { name: string } => ({
      name,
      order: 0,
      summary: { name, type: 'Badge', text: name.toLowerCase() },
      ...(o ? { verification: { outcome: o, checked: NOW.toISOString() } } : {}),
    });
    const items = [item('a', 'suspended'), item('b', 'revoked'), item('c'), item('d', 'verified')];
    assert.deepEqual(
      items.map((i) => statusOf(i, NOW)),
      ['suspended', 'revoked', 'unverified', 'verified'],
    );
    assert.deepEqual(
      filterItems(items, { status: 'suspended' }, NOW).map((i) => i.name),
      ['a'],
    );
    assert.deepEqual(
      filterItems(items, { status: 'unverified' }, NOW).map((i) => i.name),
      ['c'],
    );
  });

  it('the tracker: a suspended credential does not count, and its requirement says suspended', () => {
    const pathway = parsePathway({ id: 'urn:p', name: 'Makerspace', requirement: { allOf: [ACHIEVEMENT] } });
    const view = normalizeCredential(signed.suspended);
    const run = (held: Parameters<typeof computeProgress>[1]) =>
      computeProgress(pathway, held, [{ achievementId: ACHIEVEMENT, state: 'earned' }], {
        now: NOW,
        requireCredential: true,
      });
    const suspended = run([{ view, suspended: true }]);
    assert.equal(suspended.byId.get(ACHIEVEMENT)!.state, 'suspended');
    assert.equal(suspended.byId.get(ACHIEVEMENT)!.satisfied, false);
    assert.equal(suspended.complete, false);
    assert.equal(suspended.root.state, 'not-started', 'a suspended step is not progress');
    // nothing for the learner to do: not a next step ("Start …" would be wrong), its issuer acts
    assert.deepEqual(suspended.nextSteps, []);
    // revoked (final) is said before suspended
    assert.equal(run([{ view, suspended: true, revoked: true }]).byId.get(ACHIEVEMENT)!.state, 'revoked');
    // another valid copy counts
    const other = normalizeCredential(signed.valid);
    assert.equal(run([{ view, suspended: true }, { view: other }]).complete, true);
  });
});

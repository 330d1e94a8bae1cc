/**
 * A credential not valid yet, and one its issuer suspended, are kept by the wallet, filtered and
 * followed by the progress tracker as what they are — not as "Failed verification", nor as revoked
 * (issue 13 item 6); one table row per status. VCDM 2.0 §4.9: `validFrom` is "the date and time the
 * credential becomes valid", and a verifier checks that the current time is not before it.
 * Bitstring Status List v1.0 §2.1: `suspension` "is used to temporarily prevent the acceptance of a
 * verifiable credential", while `revocation` "is used to cancel the validity of a verifiable
 * credential. This status is not reversible." The reports are real: credentials signed with a fresh
 * key by the Digital Bazaar stack, with suspension and revocation lists signed by the same issuer
 * (verify/status-lists.ts), verified by `verifyCredential()` as the wallet's Verify all verifies them.
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
  type CredentialView,
  type HeldCredential,
  type WalletItem,
  type WalletVerifyOutcome,
} from '@microcred/core';
import { badge, freshIssuer, type FreshIssuer } from './verify/fresh-issuer.js';
import { NOW } from './verify/harness.js';
import { entry, REVOCATION, revocationAndSuspension, SUSPENSION } from './verify/status-lists.js';

type Obj = Record<string, unknown>;
const ACHIEVEMENT = 'https://academy.example/achievements/soldering';
/** A month after the tests' pinned NOW. */
const LATER = '2026-12-22T00:00:00Z';

/** One status the wallet keeps, and how each part says it. */
interface Kept {
  /** Named in the tests. */
  what: string;
  /** The fields that make an authentic credential so. */
  fields: Obj;
  /** The fields of a credential like it but revoked. */
  revokedFields: Obj;
  /** The failed check that says it. */
  check: { id: string; code: string };
  /** What the wallet keeps it as: its verification outcome, and its status in the filter. */
  outcome: WalletVerifyOutcome & ('notYetValid' | 'suspended');
  /** How the wallet hands it to the tracker. */
  held: (view: CredentialView) => HeldCredential;
  /** What its requirement says in the tracker. */
  state: 'not-yet-valid' | 'suspended';
  /** Its outcome once its signature is broken, when tested. */
  forged?: WalletVerifyOutcome;
  /** The tracker a day after {@link LATER}: the test's name, its requirement's state, whether the pathway is complete. */
  later: { name: string; state: string; complete: boolean };
}

const KEPT: Kept[] = [
  {
    what: 'a credential not valid yet',
    fields: { validFrom: LATER, credentialStatus: entry(REVOCATION, 3, 'revocation') },
    revokedFields: { validFrom: LATER, credentialStatus: entry(REVOCATION, 5, 'revocation') },
    check: { id: 'validity', code: 'not-yet-valid' },
    outcome: 'notYetValid',
    held: (view) => ({ view }),
    state: 'not-yet-valid',
    forged: 'invalid',
    later: { name: 'from its validFrom on, it counts', state: 'earned', complete: true },
  },
  {
    what: 'a suspended credential',
    fields: { credentialStatus: entry(SUSPENSION, 5, 'suspension') },
    revokedFields: { credentialStatus: entry(REVOCATION, 5, 'revocation') },
    check: { id: 'status', code: 'suspended' },
    outcome: 'suspended',
    held: (view) => ({ view, suspended: true }),
    state: 'suspended',
    forged: 'invalid',
    later: {
      name: 'a month on it still does not count (its issuer lifts it, not time)',
      state: 'suspended',
      complete: false,
    },
  },
];

describe('credentials the wallet keeps as not yet valid or suspended (issue 13 item 6)', () => {
  let academy: FreshIssuer;
  let fetch: typeof globalThis.fetch;
  /** Authentic, valid, its status bit off. */
  let valid: Obj;
  /** A credential for ACHIEVEMENT from the fresh issuer, with `fields`. */
  const about = (fields: Obj): Promise<Obj> => {
    const b = badge(academy.did, fields);
    const subject = b['credentialSubject'] as Obj;
    const achievement = { ...(subject['achievement'] as Obj), id: ACHIEVEMENT };
    return academy.sign({ ...b, credentialSubject: { ...subject, achievement } });
  };
  const verify = (c: Obj) => verifyCredential(c, { fetch, now: NOW });
  const pathway = parsePathway({ id: 'urn:p', name: 'Makerspace', requirement: { allOf: [ACHIEVEMENT] } });
  /** The tracker on `held`, beside a host record saying earned (which counts only with a valid credential). */
  const run = (held: HeldCredential[], now = NOW) =>
    computeProgress(pathway, held, [{ achievementId: ACHIEVEMENT, state: 'earned' }], {
      now,
      requireCredential: true,
    });

  before(async () => {
    academy = await freshIssuer();
    [valid, fetch] = await Promise.all([
      about({ credentialStatus: entry(SUSPENSION, 3, 'suspension') }),
      revocationAndSuspension(academy),
    ]);
  });

  for (const k of KEPT) {
    describe(`${k.what} in the wallet and the tracker`, () => {
      let kept: Obj;
      let revoked: Obj;
      before(async () => {
        [kept, revoked] = await Promise.all([about(k.fields), about(k.revokedFields)]);
      });

      it(`a real report of it is summarised as ${k.outcome} (its ${k.check.id} check failed: ${k.check.code}); of a revoked one as revoked, of a valid one as verified`, async () => {
        const report = await verify(kept);
        assert.equal(report.verified, false);
        assert.equal(report.checks.find((c) => c.id === k.check.id)?.code, k.check.code);
        assert.equal(verificationOutcome(report), k.outcome);
        assert.equal(verificationOutcome(await verify(revoked)), 'revoked');
        assert.equal(verificationOutcome(await verify(valid)), 'verified');
      });

      if (k.forged)
        it(`not when anything else failed: a broken signature is ${k.forged}`, async () => {
          const report = await verify({ ...kept, name: 'Another name' });
          assert.equal(report.checks.find((c) => c.id === 'proof')?.outcome, 'failed');
          assert.equal(verificationOutcome(report), k.forged);
        });

      it(`the wallet filters it as ${k.outcome} (its last check), not as verified, unverified or revoked`, () => {
        const item = (name: string, outcome?: WalletVerifyOutcome): WalletItem & { name: string } => ({
          name,
          order: 0,
          summary: { name, type: 'Badge', text: name },
          ...(outcome ? { verification: { outcome, checked: NOW.toISOString() } } : {}),
        });
        const items = [
          item('a', k.outcome),
          item('b', 'invalid'),
          item('c', 'revoked'),
          item('d'),
          item('e', 'verified'),
        ];
        assert.deepEqual(
          items.map((i) => statusOf(i, NOW)),
          [k.outcome, 'unverified', 'revoked', 'unverified', 'verified'],
        );
        const shown = (status: Parameters<typeof filterItems>[1]['status']) =>
          filterItems(items, { status }, NOW).map((i) => i.name);
        assert.deepEqual(shown(k.outcome), ['a']);
        assert.deepEqual(shown('unverified'), ['b', 'd']);
        assert.deepEqual(shown('revoked'), ['c']);
      });

      it(`the tracker: it does not count, its requirement says ${k.state}, and it is no next step`, () => {
        const view = normalizeCredential(kept);
        const held = k.held(view);
        const progress = run([held]);
        assert.equal(progress.byId.get(ACHIEVEMENT)!.state, k.state);
        assert.equal(progress.byId.get(ACHIEVEMENT)!.satisfied, false);
        assert.equal(progress.byId.get(ACHIEVEMENT)!.credential, view);
        assert.equal(progress.complete, false);
        assert.equal(progress.root.state, 'not-started', 'a step that does not count is not progress');
        // nothing for the learner to do: not a next step ("Start …" would be wrong)
        assert.deepEqual(progress.nextSteps, []);
        // revoked (final) is said before it
        assert.equal(run([{ ...held, revoked: true }]).byId.get(ACHIEVEMENT)!.state, 'revoked');
        assert.equal(
          computeProgress(pathway, [{ ...held, revoked: true }], [], { now: NOW }).byId.get(ACHIEVEMENT)!
            .state,
          'revoked',
        );
        // another valid copy counts
        assert.equal(run([held, { view: normalizeCredential(valid) }]).complete, true);
      });

      it(`the tracker: ${k.later.name}`, () => {
        const after = run([k.held(normalizeCredential(kept))], new Date('2026-12-23T00:00:00Z'));
        assert.equal(after.byId.get(ACHIEVEMENT)!.state, k.later.state);
        assert.equal(after.complete, k.later.complete);
      });
    });
  }
});

/**
 * A credential with two status entries — a revocation entry and a suspension entry, both set — is
 * reported revoked, not suspended (issue 13 item 6), and the status check's message still says both.
 *
 * Bitstring Status List v1.0 §2.1 shows a credential carrying both entries ("credentialStatus": [
 * { "statusPurpose": "revocation", … }, { "statusPurpose": "suspension", … } ]) and defines them:
 * `revocation` "Used to cancel the validity of a verifiable credential. This status is not
 * reversible."; `suspension` "Used to temporarily prevent the acceptance of a verifiable credential.
 * This status is reversible." Its Validate Algorithm (§3.2) validates one `credentialStatus` entry
 * and returns one result for it ("set the `purpose` key in result to the value of `statusPurpose`"
 * and "If status is 0, set the `valid` key in result to true; otherwise, set it to false"); it does
 * not say how a verifier sums several results up. The final status (revoked) says most, so it wins.
 *
 * The credentials and both lists are signed with a fresh key by the Digital Bazaar stack, and
 * verified by `verifyCredential()` as a wallet or the verify button verifies them.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verificationOutcome, verifyCredential, type Check } from '@microcred/core';
import { badge, freshIssuer, type FreshIssuer } from './fresh-issuer.js';
import { NOW } from './harness.js';
import { entry, REVOCATION, revocationAndSuspension, SUSPENSION } from './status-lists.js';

type Obj = Record<string, unknown>;

describe('a credential both revoked and suspended (two Bitstring status entries)', () => {
  let academy: FreshIssuer;
  let fetch: typeof globalThis.fetch;

  before(async () => {
    academy = await freshIssuer();
    fetch = await revocationAndSuspension(academy); // bit 5 on in both lists, bit 3 in neither
  });

  const status = async (entries: Obj[]): Promise<{ check: Check; outcome: string }> => {
    const signed = await academy.sign(badge(academy.did, { credentialStatus: entries }));
    const report = await verifyCredential(signed, { fetch, now: NOW });
    return { check: report.checks.find((c) => c.id === 'status')!, outcome: verificationOutcome(report) };
  };

  it('suspension entry listed first, both set: revoked, and the message says revoked and suspended', async () => {
    const { check, outcome } = await status([
      entry(SUSPENSION, 5, 'suspension'),
      entry(REVOCATION, 5, 'revocation'),
    ]);
    assert.equal(check.outcome, 'failed');
    assert.equal(check.code, 'revoked');
    assert.match(check.message, /revoked/);
    assert.match(check.message, /suspended/);
    assert.ok(check.message.indexOf('revoked') < check.message.indexOf('suspended'), 'revoked said first');
    assert.equal(outcome, 'revoked');
  });

  it('revocation entry listed first, both set: revoked too (the order of the entries does not decide)', async () => {
    const { check, outcome } = await status([
      entry(REVOCATION, 5, 'revocation'),
      entry(SUSPENSION, 5, 'suspension'),
    ]);
    assert.equal(check.code, 'revoked');
    assert.match(check.message, /suspended/);
    assert.equal(outcome, 'revoked');
  });

  it('only the suspension set: suspended, the message says nothing of a revocation', async () => {
    const { check, outcome } = await status([
      entry(REVOCATION, 3, 'revocation'),
      entry(SUSPENSION, 5, 'suspension'),
    ]);
    assert.equal(check.code, 'suspended');
    assert.doesNotMatch(check.message, /revoked/);
    assert.equal(outcome, 'suspended');
  });

  it('neither set: the status check passes', async () => {
    const { check, outcome } = await status([
      entry(REVOCATION, 3, 'revocation'),
      entry(SUSPENSION, 3, 'suspension'),
    ]);
    assert.equal(check.outcome, 'passed');
    assert.equal(outcome, 'verified');
  });
});

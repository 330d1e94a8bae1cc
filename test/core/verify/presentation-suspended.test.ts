/**
 * A credential its issuer suspended, inside a presentation, is said to be suspended — not revoked —
 * by the verify button's outcome rules (issue 14). Bitstring Status List v1.0 §2.1: `suspension`
 * "is used to temporarily prevent the acceptance of a verifiable credential", while `revocation` "is
 * used to cancel the validity of a verifiable credential. This status is not reversible." The
 * reports are real: credentials signed with fresh keys by the Digital Bazaar stack, suspension and
 * revocation lists signed by the same issuer, a presentation signed by its holder, all verified by
 * `verifyCredential()` as the button verifies them; the words come from the button's pure rules
 * (packages/elements/src/verify-button/verify-button-outcome.ts), run here in Node.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import {
  outcomeOf,
  revokedWord,
} from '../../../packages/elements/src/verify-button/verify-button-outcome.js';
import { en } from '../../../packages/elements/src/i18n/en.js';
import { es } from '../../../packages/elements/src/i18n/es.js';
import { badge, freshIssuer } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { freshSigner } from './fresh-signer.js';
import type { FreshSigner } from './fresh-signer.js';
import { NOW } from './harness.js';
import { entry, REVOCATION, revocationAndSuspension, SUSPENSION } from './status-lists.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');

describe('a suspended credential in a presentation is suspended, not revoked (issue 14)', () => {
  let academy: FreshIssuer;
  let learner: FreshSigner;
  let fetch: typeof globalThis.fetch;
  let valid: Obj;
  let suspended: Obj;
  let revoked: Obj;
  const present = (credentials: Obj[]): Promise<Obj> =>
    learner.signPresentation(
      {
        '@context': [VC2],
        type: ['VerifiablePresentation'],
        holder: learner.did,
        verifiableCredential: credentials,
      },
      { challenge: 'c-1' },
    );

  before(async () => {
    [academy, learner] = await Promise.all([freshIssuer(), freshSigner()]);
    const about = (name: string, extra: Obj = {}): Promise<Obj> =>
      academy.sign(
        badge(academy.did, {
          name,
          credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: learner.did },
          ...extra,
        }),
      );
    [valid, suspended, revoked] = await Promise.all([
      about('Valid badge', { credentialStatus: entry(SUSPENSION, 3, 'suspension') }),
      about('Suspended badge', { credentialStatus: entry(SUSPENSION, 5, 'suspension') }),
      about('Revoked badge', { credentialStatus: entry(REVOCATION, 5, 'revocation') }),
    ]);
    fetch = await revocationAndSuspension(academy);
  });

  it('one suspended credential beside a verified one: the button says Suspended, of the presentation and of that credential', async () => {
    const r = await verifyCredential(await present([valid, suspended]), { now: NOW, fetch });
    const [first, second] = r.presentation!.credentials;
    assert.equal(first!.verified, true, summary(first!));
    const status = second!.checks.find((c) => c.id === 'status');
    assert.deepEqual([status?.outcome, status?.code], ['failed', 'suspended'], summary(second!));
    assert.equal(r.verified, false);
    // the button's state stays `revoked` (authentic, but its issuer has stopped it); its word does not
    assert.equal(outcomeOf(r), 'revoked');
    assert.equal(revokedWord(r), 'verify.suspended');
    assert.equal(outcomeOf(second!), 'revoked');
    assert.equal(revokedWord(second!), 'verify.suspended');
    assert.equal(en['verify.suspended'], 'Suspended');
    assert.equal(es['verify.suspended'], 'Suspendida');
  });

  it('a revoked credential beside a suspended one: Revoked (a revocation is final); each credential keeps its own word', async () => {
    const r = await verifyCredential(await present([suspended, revoked]), { now: NOW, fetch });
    const [s, v] = r.presentation!.credentials;
    assert.equal(v!.checks.find((c) => c.id === 'status')?.code, 'revoked', summary(v!));
    assert.equal(outcomeOf(r), 'revoked');
    assert.equal(revokedWord(r), 'verify.revoked');
    assert.equal(revokedWord(s!), 'verify.suspended');
    assert.equal(revokedWord(v!), 'verify.revoked');
  });

  it('a suspended credential on its own is Suspended too, and a revoked one Revoked', async () => {
    const s = await verifyCredential(suspended, { now: NOW, fetch });
    assert.equal(outcomeOf(s), 'revoked', summary(s));
    assert.equal(revokedWord(s), 'verify.suspended');
    const v = await verifyCredential(revoked, { now: NOW, fetch });
    assert.equal(outcomeOf(v), 'revoked', summary(v));
    assert.equal(revokedWord(v), 'verify.revoked');
  });
});

/**
 * Issue 14 §2: a presentation given where a credential is expected (`verifyCredential()`,
 * `verifyMany()`, the verify button) is verified as a presentation, and answered as a credential
 * report that keeps the report contract (format, proof, issuer, validity, status, in order; here
 * `issuer` is the holder check, `validity` and `status` are skipped, `credentials` sums up the
 * enclosed ones) with the full presentation report in `presentation`. Presentations signed by the
 * Digital Bazaar stack (eddsa-rdfc-2022, purpose authentication) and by `jose` (VP-JWT), fresh keys.
 *
 * VC Data Integrity, "Proof Purposes": the challenge is there to "mitigate replay attacks"; no
 * verifier asked for one here, so the challenge and domain checks are `skipped`, never passed.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as jose from 'jose';
import { verifyCredential, verifyMany } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { badge, freshIssuer, statusEntry, statusList } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { freshSigner } from './fresh-signer.js';
import type { FreshSigner } from './fresh-signer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const LIST = 'https://academy.example/status/1';
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const outcomes = (r: VerificationReport): string[] => r.checks.map((c) => `${c.id}:${c.outcome}`);

describe('a presentation given to verifyCredential is verified as one (issue 14 §2)', () => {
  let academy: FreshIssuer;
  let learner: FreshSigner;
  let first: Obj;
  let second: Obj;
  let revocable: Obj;
  let fetch: ReturnType<typeof offlineFetch>;
  const vp = (credentials: Obj[]): Obj => ({
    '@context': [VC2],
    type: ['VerifiablePresentation'],
    holder: learner.did,
    verifiableCredential: credentials,
  });
  const about = (extra: Obj = {}): Obj =>
    badge(academy.did, {
      credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: learner.did },
      ...extra,
    });

  before(async () => {
    [academy, learner] = await Promise.all([freshIssuer(), freshSigner()]);
    [first, second, revocable] = await Promise.all([
      academy.sign(about()),
      academy.sign(about({ id: 'urn:uuid:5b0e3c52-3f1e-4a7e-9a0c-5a1f3f6a2b10', name: 'Second badge' })),
      academy.sign(about({ name: 'Revoked badge', credentialStatus: statusEntry(LIST, 7) })),
    ]);
    fetch = offlineFetch({ [LIST]: await academy.sign(statusList(LIST, academy.did, [7])) });
  });

  it('a valid presentation holding two credentials is verified, with the report contract and both reports', async () => {
    const signed = await learner.signPresentation(vp([first, second]), { challenge: 'c-1' });
    const r = await verifyCredential(signed, { now: NOW, fetch });
    assert.equal(r.verified, true, summary(r));
    assert.equal(r.format, 'vp');
    assert.deepEqual(outcomes(r), [
      'format:passed',
      'proof:passed',
      'issuer:passed',
      'validity:skipped',
      'status:skipped',
      'credentials:passed',
    ]);
    // the issuer line is the holder check: the presentation was signed by its holder
    assert.equal(r.checks[2]!.code, 'holder-bound');
    assert.equal(r.checks[3]!.code, 'not-checked');
    assert.equal(r.checks[4]!.code, 'not-checked');
    assert.equal(r.credential, undefined);
    const p = r.presentation!;
    assert.equal(p.verified, true);
    assert.equal(p.holder, learner.did);
    assert.deepEqual(
      p.credentials.map((c) => [c.verified, c.credential?.name]),
      [
        [true, 'Formative Assessment'],
        [true, 'Second badge'],
      ],
    );
    // no verifier asked for a challenge or a domain: not checked, never passed
    for (const id of ['challenge', 'domain'])
      assert.equal(p.checks.find((c) => c.id === id)?.outcome, 'skipped', id);
  });

  it('the same presentation as JSON text, and through verifyMany, gives the same answer', async () => {
    const signed = await learner.signPresentation(vp([first, second]), { challenge: 'c-1' });
    const [a, b] = await verifyMany(
      [JSON.stringify(signed), new TextEncoder().encode(JSON.stringify(signed))],
      {
        now: NOW,
        fetch,
        worker: false,
      },
    );
    for (const r of [a!, b!]) {
      assert.equal(r.verified, true, summary(r));
      assert.equal(r.presentation?.credentials.length, 2);
    }
  });

  it('a tampered presentation proof is not verified (proof failed), its credentials still reported', async () => {
    const signed = await learner.signPresentation(vp([first, second]), { challenge: 'c-1' });
    const tampered = { ...signed, holder: 'did:example:someone-else' };
    const r = await verifyCredential(tampered, { now: NOW, fetch });
    assert.equal(r.verified, false, summary(r));
    assert.equal(r.checks.find((c) => c.id === 'proof')?.outcome, 'failed', summary(r));
    assert.equal(r.presentation?.verified, false);
    assert.equal(r.presentation?.credentials.length, 2);
  });

  it('a presentation holding one revoked credential is not verified; that credential’s report says revoked', async () => {
    const signed = await learner.signPresentation(vp([first, revocable]), { challenge: 'c-1' });
    const r = await verifyCredential(signed, { now: NOW, fetch });
    assert.equal(r.verified, false, summary(r));
    // the presentation itself is sound: signed by its holder
    assert.deepEqual(outcomes(r).slice(0, 3), ['format:passed', 'proof:passed', 'issuer:passed']);
    assert.equal(r.checks.find((c) => c.id === 'credentials')?.outcome, 'failed', summary(r));
    const [ok, revoked] = r.presentation!.credentials;
    assert.equal(ok!.verified, true);
    const status = revoked!.checks.find((c) => c.id === 'status');
    assert.deepEqual([status?.outcome, status?.code], ['failed', 'revoked']);
  });

  it('a VP-JWT and an EnvelopedVerifiablePresentation are verified as presentations', async () => {
    const { publicKey, privateKey } = await jose.generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const did = `did:jwk:${Buffer.from(JSON.stringify(await jose.exportJWK(publicKey))).toString('base64url')}`;
    const credential = await academy.sign(
      badge(academy.did, { credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: did } }),
    );
    const jwt = await new jose.SignJWT({
      vp: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [credential],
      },
      iss: did,
      iat: Math.floor(NOW.getTime() / 1000) - 60,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: `${did}#0` })
      .sign(privateKey);
    const enveloped = {
      '@context': [VC2],
      type: 'EnvelopedVerifiablePresentation',
      id: `data:application/vp+jwt,${jwt}`,
    };
    for (const input of [jwt, enveloped]) {
      const r = await verifyCredential(input, { now: NOW, fetch });
      assert.equal(r.verified, true, summary(r));
      assert.equal(r.format, 'vp-jwt');
      assert.equal(r.presentation?.credentials[0]?.verified, true);
    }
  });

  it('a credential is still verified as a credential (no presentation report)', async () => {
    const r = await verifyCredential(first, { now: NOW, fetch });
    assert.equal(r.verified, true, summary(r));
    assert.equal(r.presentation, undefined);
  });

  it('a presentation inside a presentation is not verified as a presentation (one level only)', async () => {
    const inner = await learner.signPresentation(vp([first]), { challenge: 'c-1' });
    const outer = await learner.signPresentation(vp([inner]), { challenge: 'c-2' });
    const r = await verifyCredential(outer, { now: NOW, fetch });
    assert.equal(r.verified, false, summary(r));
    assert.equal(r.presentation?.credentials[0]?.verified, false);
    assert.equal(r.presentation?.credentials[0]?.presentation, undefined);
  });
});

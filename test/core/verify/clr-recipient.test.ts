/** CLR 2.0 members, endorsements, and `verifyRecipient` (sha256$/md5$ hashed identities). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { verifyCredential, verifyRecipient } from '@microcred/core';
import { CLR20, NOW, OB20, VCF, fragmentKeyDocs, offlineFetch, vectorJson, vectorText } from './harness.js';

describe('CLR 2.0 and endorsements', () => {
  it('every embedded credential of the CLR is verified (the spec vector: all members valid)', async () => {
    const doc = vectorJson(`${CLR20}/simple.json`);
    const r = await verifyCredential(doc, { now: NOW, fetch: offlineFetch(fragmentKeyDocs(doc)) });
    const c = r.checks.find((x) => x.id === 'credentials');
    assert.equal(c?.outcome, 'passed', JSON.stringify(r.checks));
    assert.equal(r.verified, true);
  });
  it('complex.json: members signed with a bare did:key for a urn:uuid issuer fail, and say so', async () => {
    const r = await verifyCredential(vectorText(`${CLR20}/complex.json`), {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.equal(r.checks.find((x) => x.id === 'credentials')?.code, 'credentials-failed');
    assert.equal(r.verified, false);
  });
  it('a tampered member fails the record', async () => {
    const doc = vectorJson(`${CLR20}/simple.json`);
    const subject = doc['credentialSubject'] as { verifiableCredential: Record<string, unknown>[] };
    const inner = subject.verifiableCredential[0]!;
    subject.verifiableCredential[0] = { ...inner, name: `${String(inner['name'])} (edited)` };
    const r = await verifyCredential(doc, { now: NOW, fetch: offlineFetch(fragmentKeyDocs(doc)) });
    assert.equal(r.checks.find((x) => x.id === 'credentials')?.outcome, 'failed');
  });
  it('endorsements embedded in a credential are verified (non-blocking)', async () => {
    const endorsement = vectorJson(
      `${VCF}/v2/bothSignatureTypes/didkey/legacy-noStatus-notExpired-endorsement.json`,
    );
    const host = vectorJson(
      `${VCF}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json`,
    );
    const r = await verifyCredential(
      { ...host, endorsement: [endorsement] },
      { now: NOW, fetch: offlineFetch() },
    );
    assert.equal(r.checks.find((x) => x.id === 'endorsements')?.outcome, 'passed', JSON.stringify(r.checks));
  });
});

describe('verifyRecipient', () => {
  it('OB 2.0 sha256$ hashed email with salt (basic-assertion: nobody@example.org + deadsea)', async () => {
    const doc = vectorJson(`${OB20}/basic-assertion.json`);
    assert.equal((await verifyRecipient(doc, { email: 'nobody@example.org' })).outcome, 'passed');
    assert.equal((await verifyRecipient(doc, { email: 'somebody@example.org' })).outcome, 'failed');
  });
  it('md5$ hashed identities (WebCrypto has no MD5)', async () => {
    const identity = `md5$${createHash('md5')
      .update('learner@example.org' + 'pepper')
      .digest('hex')}`;
    const doc = {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      recipient: { type: 'email', hashed: true, salt: 'pepper', identity },
    };
    assert.equal((await verifyRecipient(doc, { email: 'learner@example.org' })).outcome, 'passed');
    assert.equal((await verifyRecipient(doc, { email: 'other@example.org' })).outcome, 'failed');
  });
  it('OB 3.0 identifier[] with a hashed email', async () => {
    const doc = vectorJson(
      `${VCF}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json`,
    );
    const r = await verifyRecipient(doc, { email: 'nobody@example.org' });
    assert.ok(['passed', 'failed'].includes(r.outcome));
    assert.equal((await verifyRecipient(doc, {})).outcome, 'skipped');
  });
  it('credentialSubject.id matches an id', async () => {
    const doc = { credentialSubject: { id: 'did:example:learner' } };
    assert.equal((await verifyRecipient(doc, { id: 'did:example:learner' })).outcome, 'passed');
    assert.equal((await verifyRecipient('garbage', { id: 'x' })).outcome, 'failed');
  });
});

/**
 * Issue 14 §2, Verifiable Presentations: `verifyPresentation()` on presentations made by independent
 * implementations with fresh keys — Data Integrity presentations signed by the Digital Bazaar stack
 * (@digitalbazaar/vc `signPresentation`, eddsa-rdfc-2022) and VC-JWT presentations signed by `jose` —
 * and every mutation a replaying or impersonating presenter could try. (The shared vectors hold no
 * presentation: SOURCES.md.)
 *
 * VC Data Integrity, "Proof Purposes": "authentication … Indicates that a given proof is only to be
 * used for the purposes of an authentication protocol"; the proof options `challenge` ("mitigate
 * replay attacks") and `domain` ("restrict … to a particular security domain"), both signed. VCDM
 * 2.0 "Presentations": "holder … a URL for the entity that is generating the presentation".
 * VC-JWT (VCDM 1.1 §6.3.1): `iss` is the holder, `nonce` and `aud` carry challenge and domain.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as jose from 'jose';
import { verifyPresentation } from '@microcred/core';
import type { PresentationReport } from '@microcred/core';
import { badge, freshIssuer } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { freshSigner } from './fresh-signer.js';
import type { FreshSigner } from './fresh-signer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const CHALLENGE = 'c0ae1c8e-c7e7-469f-b252-86e6a0e7387e';
const DOMAIN = 'https://hiring.example';
const summary = (r: PresentationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const get = (r: PresentationReport, id: string): [string | undefined, string | undefined] => {
  const c = r.checks.find((x) => x.id === id);
  return [c?.outcome, c?.code];
};
const options = { challenge: CHALLENGE, domain: DOMAIN, now: NOW, fetch: offlineFetch() };

describe('verifyPresentation: Data Integrity presentations (issue 14 §2)', () => {
  let academy: FreshIssuer;
  let learner: FreshSigner;
  let stranger: FreshSigner;
  let credential: Obj;
  /** The same badge, awarded to someone else than the learner. */
  let aboutAnother: Obj;
  const vp = (extra: Obj = {}): Obj => ({
    '@context': [VC2],
    type: ['VerifiablePresentation'],
    holder: learner.did,
    verifiableCredential: [credential],
    ...extra,
  });

  before(async () => {
    [academy, learner, stranger] = await Promise.all([freshIssuer(), freshSigner(), freshSigner()]);
    credential = await academy.sign(
      badge(academy.did, {
        credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: learner.did },
      }),
    );
    aboutAnother = await academy.sign(
      badge(academy.did, {
        credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: 'did:example:teacher-12' },
      }),
    );
  });

  it('a presentation signed by its holder for this challenge and domain verifies, with its credential', async () => {
    const signed = await learner.signPresentation(vp(), { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(
      r.checks.map((c) => c.id),
      ['format', 'proof', 'holder', 'challenge', 'domain', 'credentials', 'subject'],
    );
    assert.ok(
      r.checks.every((c) => c.outcome === 'passed'),
      summary(r),
    );
    assert.equal(r.verified, true, summary(r));
    assert.equal(r.format, 'vp');
    assert.equal(r.holder, learner.did);
    assert.equal(r.credentials.length, 1);
    assert.equal(r.credentials[0]!.verified, true);
    assert.equal(r.credentials[0]!.credential?.name, 'Formative Assessment');
    // the same presentation as JSON text
    assert.equal((await verifyPresentation(JSON.stringify(signed), options)).verified, true);
  });

  it('a credential about someone else than the holder is reported, not taken as presented by its subject (issue 14)', async () => {
    // VCDM 2.0 §"Subject-Holder Relationships": the holder is often, not always, the subject; a
    // verifier must not read a presentation of someone else's credential as presented by its subject.
    const signed = await learner.signPresentation(vp({ verifiableCredential: [credential, aboutAnother] }), {
      challenge: CHALLENGE,
      domain: DOMAIN,
    });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'holder'), ['passed', 'holder-bound'], summary(r));
    assert.deepEqual(get(r, 'credentials'), ['passed', 'credentials-verified'], summary(r));
    assert.deepEqual(get(r, 'subject'), ['unknown', 'subject-not-holder'], summary(r));
    const subject = r.checks.find((c) => c.id === 'subject')!.message;
    assert.match(subject, /did:example:teacher-12/);
    assert.match(subject, /1 of 2/);
    // a credential naming no subject id is not shown to be about the holder either
    const { id: _id, ...noId } = badge('x')['credentialSubject'] as Obj;
    const anonymous = await academy.sign(badge(academy.did, { credentialSubject: noId }));
    const r2 = await verifyPresentation(
      await learner.signPresentation(vp({ verifiableCredential: [anonymous] }), {
        challenge: CHALLENGE,
        domain: DOMAIN,
      }),
      options,
    );
    assert.deepEqual(get(r2, 'subject'), ['unknown', 'subject-not-holder'], summary(r2));
    assert.match(r2.checks.find((c) => c.id === 'subject')!.message, /names no subject id/);
  });

  it('without a challenge asked for, challenge and domain are skipped (not passed)', async () => {
    const signed = await learner.signPresentation(vp(), { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(signed, { now: NOW, fetch: offlineFetch() });
    assert.deepEqual(get(r, 'challenge'), ['skipped', 'challenge-not-requested']);
    assert.deepEqual(get(r, 'domain'), ['skipped', 'domain-not-requested']);
    assert.equal(r.verified, true, summary(r));
  });

  it('a wrong challenge fails (a replayed presentation)', async () => {
    const signed = await learner.signPresentation(vp(), { challenge: 'an-old-challenge', domain: DOMAIN });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'challenge'), ['failed', 'challenge-mismatch']);
    assert.equal(r.verified, false);
  });

  it('a wrong domain fails', async () => {
    const signed = await learner.signPresentation(vp(), {
      challenge: CHALLENGE,
      domain: 'https://evil.example',
    });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'domain'), ['failed', 'domain-mismatch'], summary(r));
    assert.equal(r.verified, false);
  });

  it('a proof without the domain asked for fails', async () => {
    const signed = await learner.signPresentation(vp(), { challenge: CHALLENGE });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'domain'), ['failed', 'domain-missing'], summary(r));
  });

  it('editing the signed challenge, the holder or a credential breaks the proof', async () => {
    const signed = await learner.signPresentation(vp(), { challenge: 'an-old-challenge', domain: DOMAIN });
    const forged = structuredClone(signed);
    (forged['proof'] as Obj)['challenge'] = CHALLENGE;
    let r = await verifyPresentation(forged, options);
    assert.deepEqual(get(r, 'proof'), ['failed', 'proof-bad-signature'], summary(r));
    assert.equal(r.verified, false);
    const good = await learner.signPresentation(vp(), { challenge: CHALLENGE, domain: DOMAIN });
    const swapped = { ...structuredClone(good), holder: stranger.did };
    r = await verifyPresentation(swapped, options);
    assert.equal(get(r, 'proof')[0], 'failed', summary(r));
    const tampered = structuredClone(good);
    (tampered['verifiableCredential'] as Obj[])[0]!['name'] = 'Master Teacher';
    r = await verifyPresentation(tampered, options);
    assert.deepEqual(get(r, 'proof'), ['failed', 'proof-bad-signature'], summary(r));
    assert.equal(r.verified, false);
  });

  it('a proof made for assertionMethod (not authentication) fails', async () => {
    const signed = await learner.signUnchecked(vp());
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'proof'), ['failed', 'proof-wrong-purpose'], summary(r));
    assert.equal(r.verified, false);
  });

  it('a presentation naming another holder than the signer fails holder binding', async () => {
    const signed = await stranger.signPresentation(vp(), { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'holder'), ['failed', 'holder-mismatch'], summary(r));
    assert.match(r.checks.find((c) => c.id === 'holder')!.message, new RegExp(stranger.did));
    assert.equal(r.verified, false);
  });

  it('a presentation without a holder cannot be bound: unknown, not verified', async () => {
    const { holder: _h, ...anonymous } = vp();
    const signed = await learner.signPresentation(anonymous, { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'holder'), ['unknown', 'holder-missing'], summary(r));
    assert.equal(r.verified, false);
  });

  it('a validly signed presentation of a tampered credential: credentials failed', async () => {
    const bad = { ...structuredClone(credential), name: 'Master Teacher' };
    const signed = await learner.signPresentation(vp({ verifiableCredential: [credential, bad] }), {
      challenge: CHALLENGE,
      domain: DOMAIN,
    });
    const r = await verifyPresentation(signed, options);
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'credentials'), ['failed', 'credentials-failed'], summary(r));
    assert.deepEqual(
      r.credentials.map((c) => c.verified),
      [true, false],
    );
    assert.equal(r.verified, false);
  });

  it('an unsigned presentation, and things that are not presentations', async () => {
    let r = await verifyPresentation(vp(), options);
    assert.deepEqual(get(r, 'proof'), ['failed', 'proof-missing'], summary(r));
    assert.equal(r.verified, false);
    for (const input of ['not json', '[]', credential, { ...vp(), type: ['VerifiableCredential'] }, 42]) {
      r = await verifyPresentation(input, options);
      assert.equal(get(r, 'format')[0], 'failed', summary(r));
      assert.ok(
        r.checks.slice(1).every((c) => c.outcome === 'skipped'),
        summary(r),
      );
      assert.equal(r.verified, false);
    }
  });
});

describe('verifyPresentation: a did:web holder and its authentication keys (issue 14 §2)', () => {
  // Controlled Identifiers / DID Core: "The authentication verification relationship is used to
  // specify how the DID subject is expected to be authenticated"; a key listed only under
  // assertionMethod does not authenticate its controller.
  const HOLDER = 'did:web:learner.example';
  const DOC_URL = 'https://learner.example/.well-known/did.json';
  let learner: FreshSigner;
  let academy: FreshIssuer;
  let credential: Obj;
  const didDocument = (relationship: string): Obj => ({
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: HOLDER,
    verificationMethod: [
      {
        id: `${HOLDER}#key-1`,
        type: 'Multikey',
        controller: HOLDER,
        publicKeyMultibase: learner.publicKeyMultibase,
      },
    ],
    [relationship]: [`${HOLDER}#key-1`],
  });
  const presentation = (): Obj => ({
    '@context': [VC2],
    type: ['VerifiablePresentation'],
    holder: HOLDER,
    verifiableCredential: [credential],
  });
  before(async () => {
    [learner, academy] = await Promise.all([freshSigner(HOLDER), freshIssuer()]);
    credential = await academy.sign(badge(academy.did));
  });

  it('a key listed under authentication binds the holder', async () => {
    const signed = await learner.signPresentation(presentation(), { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(signed, {
      ...options,
      fetch: offlineFetch({ [DOC_URL]: didDocument('authentication') }),
    });
    assert.deepEqual(get(r, 'holder'), ['passed', 'holder-bound'], summary(r));
    assert.equal(r.verified, true, summary(r));
  });

  it('a key listed only under assertionMethod does not authenticate the holder', async () => {
    const signed = await learner.signPresentation(presentation(), { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(signed, {
      ...options,
      fetch: offlineFetch({ [DOC_URL]: didDocument('assertionMethod') }),
    });
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'holder'), ['failed', 'holder-mismatch'], summary(r));
    assert.equal(r.verified, false);
  });

  it('the holder’s document cannot be fetched: unknown, never verified', async () => {
    const signed = await learner.signPresentation(presentation(), { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(signed, { ...options, fetch: offlineFetch({ [DOC_URL]: 503 }) });
    assert.equal(get(r, 'proof')[0], 'unknown', summary(r));
    assert.ok(
      r.checks.every((c) => c.outcome !== 'failed'),
      summary(r),
    );
    assert.equal(r.verified, false);
  });
});

describe('verifyPresentation: VC-JWT presentations signed by jose (issue 14 §2)', () => {
  let academy: FreshIssuer;
  let credential: Obj;
  let holder: { did: string; key: CryptoKey };
  let other: { did: string; key: CryptoKey };
  const didJwk = async (): Promise<{ did: string; key: CryptoKey }> => {
    const { publicKey, privateKey } = await jose.generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwk = await jose.exportJWK(publicKey);
    return { did: `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`, key: privateKey };
  };
  const sign = (
    signer: { did: string; key: CryptoKey },
    claims: Obj = {},
    vpExtra: Obj = {},
  ): Promise<string> =>
    new jose.SignJWT({
      vp: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [credential],
        ...vpExtra,
      },
      iss: signer.did,
      aud: DOMAIN,
      nonce: CHALLENGE,
      iat: Math.floor(NOW.getTime() / 1000) - 60,
      exp: Math.floor(NOW.getTime() / 1000) + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: `${signer.did}#0` })
      .sign(signer.key);

  before(async () => {
    academy = await freshIssuer();
    [holder, other] = await Promise.all([didJwk(), didJwk()]);
    credential = await academy.sign(
      badge(academy.did, {
        credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: holder.did },
      }),
    );
  });

  it('a presentation token with the right nonce and audience verifies', async () => {
    const r = await verifyPresentation(await sign(holder), options);
    assert.equal(r.format, 'vp-jwt');
    assert.ok(
      r.checks.every((c) => c.outcome === 'passed'),
      summary(r),
    );
    assert.equal(r.verified, true);
    assert.equal(r.holder, holder.did);
    assert.equal(r.credentials[0]?.verified, true);
  });

  it('wrong nonce, wrong audience, expired, tampered, holder mismatch: each fails', async () => {
    let r = await verifyPresentation(await sign(holder, { nonce: 'old' }), options);
    assert.deepEqual(get(r, 'challenge'), ['failed', 'challenge-mismatch'], summary(r));
    r = await verifyPresentation(await sign(holder, { aud: 'https://evil.example' }), options);
    assert.deepEqual(get(r, 'domain'), ['failed', 'domain-mismatch'], summary(r));
    r = await verifyPresentation(
      await sign(holder, { exp: Math.floor(NOW.getTime() / 1000) - 3600 }),
      options,
    );
    assert.deepEqual(get(r, 'proof'), ['failed', 'jwt-expired'], summary(r));
    const [h, p, s] = (await sign(holder)).split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Obj;
    payload['nonce'] = 'changed';
    r = await verifyPresentation(
      `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`,
      options,
    );
    assert.deepEqual(get(r, 'proof'), ['failed', 'proof-bad-signature'], summary(r));
    r = await verifyPresentation(await sign(other, {}, { holder: holder.did }), options);
    assert.deepEqual(get(r, 'holder'), ['failed', 'holder-mismatch'], summary(r));
    for (const bad of [r]) assert.equal(bad.verified, false);
  });

  it('a token signed with another key than its kid says fails', async () => {
    const forged = await new jose.SignJWT({ vp: { type: ['VerifiablePresentation'] }, nonce: CHALLENGE })
      .setProtectedHeader({ alg: 'EdDSA', kid: `${holder.did}#0` })
      .setIssuer(holder.did)
      .setAudience(DOMAIN)
      .sign(other.key);
    const r = await verifyPresentation(forged, options);
    assert.deepEqual(get(r, 'proof'), ['failed', 'proof-bad-signature'], summary(r));
    assert.equal(r.verified, false);
  });
});

/**
 * Credentials issued by independent implementations with FRESH keys, verified by ours: the Digital
 * Bazaar stack (@digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite + ed25519-multikey)
 * signs OB 3.0 credentials on VCDM 2.0 and 1.1, jose signs VC-JWTs; one changed field must fail.
 * Also `1EdTechCredentialRefresh`, with refreshed credentials signed the same way.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};

function credential(issuer: string, version: 1 | 2, extra: Obj = {}): Obj {
  // the refresh service type is defined by the OB 3.0 extensions context
  const ext = 'refreshService' in extra ? ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'] : [];
  return {
    '@context':
      version === 2
        ? ['https://www.w3.org/ns/credentials/v2', OB303, ...ext]
        : [
            'https://www.w3.org/2018/credentials/v1',
            OB303,
            ...ext,
            'https://w3id.org/security/data-integrity/v2',
          ],
    id: 'urn:uuid:7d1c5b8e-2f4a-4e0b-9a3c-5e8f6d2b1a90',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Classroom Assessment',
    issuer: { id: issuer, type: ['Profile'], name: 'District Academy', url: 'https://academy.example' },
    [version === 2 ? 'validFrom' : 'issuanceDate']: '2026-01-15T00:00:00Z',
    credentialSubject: {
      id: 'did:example:educator-7',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://academy.example/achievements/1',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Classroom Assessment',
        description: 'Designs assessments aligned to standards.',
        criteria: { narrative: 'Submitted a **portfolio**.' },
      },
    },
    ...extra,
  };
}

/** A did:key issuer with a fresh Ed25519 key, signing through the Digital Bazaar stack. */
async function dbIssuer(): Promise<{
  did: string;
  sign: (c: Obj) => Promise<Obj>;
  check: (c: Obj) => Promise<boolean>;
}> {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  const id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = id;
  const method = { id, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase };
  const docs: Record<string, unknown> = {
    [did]: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [method],
      assertionMethod: [id],
    },
    [id]: { '@context': 'https://w3id.org/security/multikey/v1', ...method },
  };
  const documentLoader = async (url: string): Promise<unknown> => {
    const text = CONTEXTS[url];
    const document = text ? (JSON.parse(text) as unknown) : docs[url];
    if (!document) throw new Error(`offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  return {
    did,
    sign: (c) =>
      vc.issue({
        credential: structuredClone(c),
        suite: new DataIntegrityProof({ signer: key.signer(), date: NOW, cryptosuite: eddsaRdfc2022 }),
        documentLoader,
      }),
    check: async (c) =>
      (
        await vc.verifyCredential({
          credential: c,
          suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
          documentLoader,
          now: NOW,
        })
      ).verified,
  };
}

describe('independent issuer: Digital Bazaar, eddsa-rdfc-2022, fresh keys', () => {
  let issuer: Awaited<ReturnType<typeof dbIssuer>>;
  before(async () => {
    issuer = await dbIssuer();
  });
  for (const version of [2, 1] as const) {
    it(`OB 3.0 on VCDM ${version === 2 ? '2.0' : '1.1'} verifies (and Digital Bazaar agrees)`, async () => {
      const signed = await issuer.sign(credential(issuer.did, version));
      assert.equal((signed['proof'] as Obj)['cryptosuite'], 'eddsa-rdfc-2022');
      assert.equal(await issuer.check(signed), true);
      const r = await verifyCredential(signed, { now: NOW, fetch: offlineFetch() });
      assert.equal(r.verified, true, summary(r));
      assert.equal(r.format, version === 2 ? 'ob3-vc2' : 'ob3-vc1');
      assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' });
      assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' });
    });
    it(`VCDM ${version === 2 ? '2.0' : '1.1'}: one changed field fails the proof (both verifiers)`, async () => {
      const signed = await issuer.sign(credential(issuer.did, version));
      const tampered = structuredClone(signed);
      ((tampered['credentialSubject'] as Obj)['achievement'] as Obj)['name'] = 'Classroom Assessment II';
      assert.equal(await issuer.check(tampered), false);
      const r = await verifyCredential(tampered, { now: NOW, fetch: offlineFetch() });
      assert.equal(r.verified, false);
      assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
    });
  }
  it('a credential signed by one did:key but naming another issuer fails the issuer binding', async () => {
    const other = await dbIssuer();
    const signed = await issuer.sign(credential(other.did, 2));
    const r = await verifyCredential(signed, { now: NOW, fetch: offlineFetch() });
    assert.equal(check(r, 'proof').outcome, 'passed');
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-mismatch' });
    assert.equal(r.verified, false);
  });
});

describe('independent issuer: jose VC-JWT, fresh keys', () => {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  for (const [alg, options] of [
    ['EdDSA', { crv: 'Ed25519' }],
    ['ES256', {}],
  ] as const) {
    it(`${alg}: VCDM 1.1 in a vc claim (iss, jti, nbf) verifies; tampering fails`, async () => {
      const { publicKey, privateKey } = await generateKeyPair(alg, { ...options, extractable: true });
      const did = `did:jwk:${b64(await exportJWK(publicKey))}`;
      const claims = credential(did, 1);
      const jwt = await new SignJWT({ vc: claims })
        .setProtectedHeader({ alg, kid: `${did}#0`, typ: 'JWT' })
        .setIssuer(did)
        .setJti(String(claims['id']))
        .setSubject('did:example:educator-7')
        .setNotBefore(Math.floor(Date.parse('2026-01-15T00:00:00Z') / 1000))
        .sign(privateKey);
      const r = await verifyCredential(jwt, { now: NOW, fetch: offlineFetch() });
      assert.equal(r.verified, true, summary(r));
      assert.equal(r.format, 'ob3-vc1');
      const [h, p, s] = jwt.split('.') as [string, string, string];
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { vc: Obj };
      payload.vc['name'] = 'Changed';
      const bad = await verifyCredential(`${h}.${b64(payload)}.${s}`, { now: NOW, fetch: offlineFetch() });
      assert.deepEqual(check(bad, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
    });
  }
});

describe('1EdTechCredentialRefresh', () => {
  const REFRESH = 'https://academy.example/refresh/7';
  const service = { refreshService: { id: REFRESH, type: '1EdTechCredentialRefresh' } };
  let issuer: Awaited<ReturnType<typeof dbIssuer>>;
  let original: Obj;
  before(async () => {
    issuer = await dbIssuer();
    original = await issuer.sign(credential(issuer.did, 2, service));
  });

  it('refreshes once, verifies the refreshed credential and reports it', async () => {
    const fresh = await issuer.sign(credential(issuer.did, 2, { name: 'Classroom Assessment (renewed)' }));
    const fetch = offlineFetch({ [REFRESH]: fresh });
    const r = await verifyCredential(original, { now: NOW, fetch });
    assert.equal(r.verified, true, summary(r));
    assert.equal(r.credential?.name, 'Classroom Assessment (renewed)');
    assert.deepEqual(check(r, 'refresh'), { outcome: 'passed', code: 'refreshed' });
    assert.equal(r.checks.at(-1)?.id, 'refresh');
    assert.deepEqual(
      fetch.requests.filter((u) => u === REFRESH),
      [REFRESH],
    );
  });
  it('a refreshed credential that itself offers refresh is not followed again', async () => {
    const fresh = await issuer.sign(credential(issuer.did, 2, { ...service, name: 'Again' }));
    const fetch = offlineFetch({ [REFRESH]: fresh });
    const r = await verifyCredential(original, { now: NOW, fetch });
    assert.equal(r.credential?.name, 'Again');
    assert.equal(fetch.requests.filter((u) => u === REFRESH).length, 1);
  });
  it('keeps the original when the refreshed one fails its proof', async () => {
    const fresh = await issuer.sign(credential(issuer.did, 2));
    fresh['name'] = 'Forged';
    const r = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: fresh }) });
    assert.equal(r.verified, true, summary(r));
    assert.equal(r.credential?.name, 'Classroom Assessment');
    assert.deepEqual(check(r, 'refresh'), { outcome: 'failed', code: 'refresh-rejected' });
  });
  it('keeps the original when another issuer answers', async () => {
    const other = await dbIssuer();
    const fresh = await other.sign(credential(other.did, 2, { name: 'Other' }));
    const r = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: fresh }) });
    assert.equal(r.credential?.name, 'Classroom Assessment');
    assert.deepEqual(check(r, 'refresh'), { outcome: 'failed', code: 'refresh-other-issuer' });
  });
  it('keeps the original when the service is unreachable or answers garbage', async () => {
    const down = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: 503 }) });
    assert.equal(down.verified, true);
    assert.deepEqual(check(down, 'refresh'), { outcome: 'unknown', code: 'refresh-unavailable' });
    const junk = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: 'junk' }) });
    assert.equal(junk.verified, true);
    assert.deepEqual(check(junk, 'refresh'), { outcome: 'failed', code: 'refresh-rejected' });
  });
  it('does not refresh when the original proof fails, or when refresh is off', async () => {
    const tampered = { ...original, name: 'Tampered' };
    const fetch = offlineFetch();
    const r = await verifyCredential(tampered, { now: NOW, fetch });
    assert.deepEqual(check(r, 'refresh'), { outcome: 'skipped', code: 'refresh-not-attempted' });
    const off = await verifyCredential(original, { now: NOW, fetch, refresh: false });
    assert.deepEqual(check(off, 'refresh'), { outcome: 'skipped', code: 'refresh-disabled' });
    assert.equal(off.verified, true);
    assert.equal(fetch.requests.includes(REFRESH), false);
  });
});

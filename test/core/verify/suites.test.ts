/**
 * The Data Integrity suites behind the suite table (beyond the Ed25519 ones Microcred signs with):
 * `ecdsa-rdfc-2019` and `ecdsa-jcs-2019` (P-256, P-384) and the legacy `Ed25519Signature2018`, each
 * against its spec's published vectors (test/fixtures/*, see SOURCE.md there), real credentials from
 * the JFF plugfest, credentials made by the Digital Bazaar implementations with fresh keys, and
 * mutations that must all fail.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { createSignCryptosuite } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import { Ed25519VerificationKey2018 } from '@digitalbazaar/ed25519-verification-key-2018';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { NOW } from './harness.js';

type Obj = Record<string, unknown>;
const ecdsaJcs2019 = createSignCryptosuite();
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};
const fixture = (path: string): Obj =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')) as Obj;

/** A fetch that serves `docs` by URL and answers 404 to anything else. */
function serve(docs: Record<string, unknown> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const doc = docs[url];
    return doc === undefined
      ? new Response('not found', { status: 404 })
      : new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const documentLoader = (docs: Record<string, unknown>) => async (url: string) => {
  const text = CONTEXTS[url];
  const document = text ? (JSON.parse(text) as unknown) : docs[url];
  if (!document) throw new Error(`offline: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

function credential(issuer: string, version: 1 | 2): Obj {
  return {
    '@context':
      version === 2
        ? [
            'https://www.w3.org/ns/credentials/v2',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
          ]
        : [
            'https://www.w3.org/2018/credentials/v1',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
            ...(version === 1 ? [] : []),
          ],
    id: 'urn:uuid:0b7e6c1e-8a5f-4a44-9f0e-2c4b7d5e6f70',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Lab Safety',
    issuer: { id: issuer, type: ['Profile'], name: 'Northside College' },
    [version === 2 ? 'validFrom' : 'issuanceDate']: '2026-02-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-3',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://northside.example/achievements/lab-safety',
        type: ['Achievement'],
        name: 'Lab Safety',
        description: 'Handles lab equipment safely.',
        criteria: { narrative: 'Passed the practical.' },
      },
    },
  };
}

/** Changes that must each make a signed credential fail (never pass). */
const MUTATIONS: [string, (c: Obj) => void][] = [
  ['the credential name', (c) => void (c['name'] = 'Lab Safety II')],
  [
    'a nested achievement field',
    (c) => {
      (((c['credentialSubject'] as Obj)['achievement'] as Obj)['name'] as string) += '!';
    },
  ],
  ['the subject id', (c) => void ((c['credentialSubject'] as Obj)['id'] = 'did:example:someone-else')],
  ['the proof date', (c) => void ((c['proof'] as Obj)['created'] = '2026-03-01T00:00:00Z')],
  ['an added proof option', (c) => void ((c['proof'] as Obj)['domain'] = 'example.org')],
  ['the proof purpose', (c) => void ((c['proof'] as Obj)['proofPurpose'] = 'authentication')],
  ['a removed proof date', (c) => void delete (c['proof'] as Obj)['created']],
  ['an added credential field', (c) => void (c['description'] = 'added later')],
];

/** Flips one character in the middle of a signature string. */
const flip = (s: string): string => {
  const i = Math.floor(s.length / 2);
  return s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
};

describe('ecdsa-rdfc-2019 and ecdsa-jcs-2019: the W3C vc-di-ecdsa test vectors', () => {
  for (const name of ['signedECDSAP256', 'signedECDSAP384', 'signedJCSECDSAP256', 'signedJCSECDSAP384']) {
    it(`${name} has a valid proof`, async () => {
      const doc = fixture(`vc-di-ecdsa/${name}.json`);
      const r = await verifyCredential(doc, { now: NOW, fetch: serve() });
      assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
      // the vectors name https://vc.example/issuers/5678 as issuer but sign with a did:key: crypto only
      assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-mismatch' });
    });
    it(`${name}: a changed field, a changed signature or the other canonicalisation fails`, async () => {
      const doc = fixture(`vc-di-ecdsa/${name}.json`);
      const variants: Obj[] = [];
      const a = structuredClone(doc);
      (a['credentialSubject'] as Obj)['alumniOf'] = 'The School of Counterexamples';
      variants.push(a);
      const b = structuredClone(doc);
      (b['proof'] as Obj)['proofValue'] = flip((b['proof'] as Obj)['proofValue'] as string);
      variants.push(b);
      const c = structuredClone(doc);
      const cs = (c['proof'] as Obj)['cryptosuite'];
      (c['proof'] as Obj)['cryptosuite'] = cs === 'ecdsa-rdfc-2019' ? 'ecdsa-jcs-2019' : 'ecdsa-rdfc-2019';
      variants.push(c);
      for (const v of variants) {
        const r = await verifyCredential(v, { now: NOW, fetch: serve() });
        assert.equal(check(r, 'proof').outcome, 'failed', summary(r));
        assert.equal(r.verified, false);
      }
    });
  }
  it('a P-256 signature does not pass as P-384 (the key decides the curve and hash)', async () => {
    const p256 = fixture('vc-di-ecdsa/signedJCSECDSAP256.json');
    const p384 = fixture('vc-di-ecdsa/signedJCSECDSAP384.json');
    (p256['proof'] as Obj)['verificationMethod'] = (p384['proof'] as Obj)['verificationMethod'];
    const r = await verifyCredential(p256, { now: NOW, fetch: serve() });
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
  });
  it('an Ed25519 key cannot verify an ECDSA proof (key-wrong-type)', async () => {
    const doc = fixture('vc-di-ecdsa/signedJCSECDSAP256.json');
    const did = 'did:key:z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj';
    (doc['proof'] as Obj)['verificationMethod'] = `${did}#z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj`;
    const r = await verifyCredential(doc, { now: NOW, fetch: serve() });
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'key-wrong-type' });
  });
  it('a did:key whose compressed point is not on the curve is refused', async () => {
    const doc = fixture('vc-di-ecdsa/signedJCSECDSAP256.json');
    // zDn… with the x coordinate changed: almost every x has no point (or another y)
    const vm = (doc['proof'] as Obj)['verificationMethod'] as string;
    const bad = vm.replace(/zDnaep/g, 'zDnaeq');
    (doc['proof'] as Obj)['verificationMethod'] = bad;
    const r = await verifyCredential(doc, { now: NOW, fetch: serve() });
    assert.equal(check(r, 'proof').outcome, 'failed', summary(r));
  });
});

type Curve = 'P-256' | 'P-384';

/** A did:web issuer (controller document served by the test fetch) with a fresh ECDSA key. */
async function ecdsaIssuer(curve: Curve, method: 'Multikey' | 'JsonWebKey' | 'did:key') {
  const did = method === 'did:key' ? '' : `did:web:${curve.toLowerCase()}.college.example`;
  const kp = await EcdsaMultikey.generate({ curve });
  const controller = method === 'did:key' ? `did:key:${kp.publicKeyMultibase}` : did;
  const id = `${controller}#${method === 'JsonWebKey' ? 'key-1' : kp.publicKeyMultibase}`;
  kp.id = id;
  kp.controller = controller;
  const jwk = await EcdsaMultikey.toJwk({ keyPair: kp });
  const vm =
    method === 'JsonWebKey'
      ? { id, type: 'JsonWebKey', controller, publicKeyJwk: jwk }
      : { id, type: 'Multikey', controller, publicKeyMultibase: kp.publicKeyMultibase };
  const didDoc = {
    '@context': [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/jwk/v1',
    ],
    id: controller,
    verificationMethod: [vm],
    assertionMethod: [id],
  };
  const url =
    method === 'did:key' ? '' : `https://${curve.toLowerCase()}.college.example/.well-known/did.json`;
  const loaderDocs = {
    [controller]: didDoc,
    [id]: { '@context': 'https://w3id.org/security/multikey/v1', ...vm },
  };
  return {
    did: controller,
    fetch: serve(url ? { [url]: didDoc } : {}),
    sign: (c: Obj, suite: unknown) =>
      vc.issue({
        credential: structuredClone(c),
        suite: new DataIntegrityProof({
          signer: kp.signer(),
          date: '2026-11-21T12:00:00Z',
          cryptosuite: suite,
        }),
        documentLoader: documentLoader(loaderDocs),
      }),
  };
}

describe('independent issuer: Digital Bazaar ECDSA suites, fresh keys', () => {
  const cases: [Curve, 'Multikey' | 'JsonWebKey' | 'did:key', 'rdfc' | 'jcs', 1 | 2][] = [
    ['P-256', 'did:key', 'rdfc', 2],
    ['P-384', 'did:key', 'rdfc', 2],
    ['P-256', 'did:key', 'jcs', 2],
    ['P-384', 'did:key', 'jcs', 2],
    ['P-256', 'Multikey', 'rdfc', 1],
    ['P-384', 'Multikey', 'jcs', 1],
  ];
  for (const [curve, method, canon, version] of cases) {
    const label = `ecdsa-${canon}-2019, ${curve}, ${method}, VCDM ${version === 2 ? '2.0' : '1.1'}`;
    let issuer: Awaited<ReturnType<typeof ecdsaIssuer>>;
    let signed: Obj;
    before(async () => {
      issuer = await ecdsaIssuer(curve, method);
      const c = credential(issuer.did, version);
      if (version === 1) (c['@context'] as string[]).push('https://w3id.org/security/data-integrity/v2');
      signed = await issuer.sign(c, canon === 'rdfc' ? ecdsaRdfc2019 : ecdsaJcs2019);
    });
    it(`${label}: verifies, issuer bound`, async () => {
      assert.equal((signed['proof'] as Obj)['cryptosuite'], `ecdsa-${canon}-2019`);
      const r = await verifyCredential(signed, { now: NOW, fetch: issuer.fetch });
      assert.equal(r.verified, true, summary(r));
      assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' });
    });
    it(`${label}: every mutation fails`, async () => {
      for (const [what, mutate] of MUTATIONS) {
        const m = structuredClone(signed);
        mutate(m);
        const r = await verifyCredential(m, { now: NOW, fetch: issuer.fetch });
        assert.equal(r.verified, false, `${what}: ${summary(r)}`);
        assert.equal(check(r, 'proof').outcome, 'failed', `${what}: ${summary(r)}`);
      }
      const m = structuredClone(signed);
      (m['proof'] as Obj)['proofValue'] = flip((m['proof'] as Obj)['proofValue'] as string);
      const r = await verifyCredential(m, { now: NOW, fetch: issuer.fetch });
      assert.equal(check(r, 'proof').outcome, 'failed', summary(r));
    });
  }
  it('a JsonWebKey verification method (P-384, did:web) verifies', async () => {
    const issuer = await ecdsaIssuer('P-384', 'JsonWebKey');
    const signed = await issuer.sign(credential(issuer.did, 2), ecdsaRdfc2019);
    const r = await verifyCredential(signed, { now: NOW, fetch: issuer.fetch });
    assert.equal(r.verified, true, summary(r));
  });
  it('signed by one fresh key, naming another issuer: issuer-mismatch', async () => {
    const a = await ecdsaIssuer('P-256', 'did:key');
    const b = await ecdsaIssuer('P-256', 'did:key');
    const signed = await a.sign(credential(b.did, 2), ecdsaJcs2019);
    const r = await verifyCredential(signed, { now: NOW, fetch: a.fetch });
    assert.equal(check(r, 'proof').outcome, 'passed');
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-mismatch' });
  });
});

describe('Ed25519Signature2018: JFF plugfest 1 credentials and fresh keys', () => {
  for (const name of ['plugfest-1-ex-1', 'plugfest-1-ex-2']) {
    it(`JFF plugfest 1 ${name} verifies`, async () => {
      const r = await verifyCredential(fixture(`jff-plugfest-1/${name}.json`), { now: NOW, fetch: serve() });
      assert.equal(r.verified, true, summary(r));
      assert.equal(r.format, 'ob3-vc1');
    });
    it(`JFF plugfest 1 ${name}: a changed field or header fails`, async () => {
      const doc = fixture(`jff-plugfest-1/${name}.json`);
      const a = structuredClone(doc);
      (((a['credentialSubject'] as Obj)['achievement'] as Obj)['name'] as string) += ' (edited)';
      const b = structuredClone(doc);
      const jws = (b['proof'] as Obj)['jws'] as string;
      // the same signature under a header claiming an encoded payload: refused
      const header = Buffer.from('{"alg":"EdDSA","b64":true,"crit":["b64"]}').toString('base64url');
      (b['proof'] as Obj)['jws'] = `${header}..${jws.split('..')[1]}`;
      const c = structuredClone(doc);
      (c['proof'] as Obj)['jws'] = flip(jws);
      const d = structuredClone(doc);
      (d['proof'] as Obj)['type'] = 'Ed25519Signature2020';
      for (const [i, v] of [a, b, c, d].entries()) {
        const r = await verifyCredential(v, { now: NOW, fetch: serve() });
        assert.equal(check(r, 'proof').outcome, 'failed', `variant ${i}: ${summary(r)}`);
      }
    });
  }

  let did: string;
  let fetch2018: typeof fetch;
  let sign2018: (c: Obj) => Promise<Obj>;
  before(async () => {
    did = 'did:web:registrar.example';
    const key = await Ed25519VerificationKey2018.generate({ controller: did, id: `${did}#key-2018` });
    const vm = {
      id: key.id,
      type: 'Ed25519VerificationKey2018',
      controller: did,
      publicKeyBase58: key.publicKeyBase58,
    };
    const didDoc = {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [vm],
      assertionMethod: [key.id],
    };
    fetch2018 = serve({ 'https://registrar.example/.well-known/did.json': didDoc });
    sign2018 = (c) =>
      vc.issue({
        credential: structuredClone(c),
        suite: new Ed25519Signature2018({ key, date: '2026-11-21T12:00:00Z' }),
        documentLoader: documentLoader({
          [did]: didDoc,
          [key.id]: { '@context': 'https://w3id.org/security/v2', ...vm },
        }),
      });
  });
  it('a credential signed by @digitalbazaar/ed25519-signature-2018 with a fresh key verifies', async () => {
    const signed = await sign2018(credential(did, 1));
    assert.equal((signed['proof'] as Obj)['type'], 'Ed25519Signature2018');
    const r = await verifyCredential(signed, { now: NOW, fetch: fetch2018 });
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' });
  });
  it('every mutation of it fails', async () => {
    const signed = await sign2018(credential(did, 1));
    for (const [what, mutate] of MUTATIONS) {
      const m = structuredClone(signed);
      mutate(m);
      const r = await verifyCredential(m, { now: NOW, fetch: fetch2018 });
      assert.equal(r.verified, false, `${what}: ${summary(r)}`);
      assert.equal(check(r, 'proof').outcome, 'failed', `${what}: ${summary(r)}`);
    }
  });
});

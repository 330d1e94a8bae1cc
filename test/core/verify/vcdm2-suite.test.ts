/**
 * Issue 14 ("Verifier 2"): what the W3C VC Data Model 2.0 test suite (w3c/vc-data-model-2.0-test-suite)
 * asks of a verifier, checked on `verifyCredential` / `verifyPresentation` themselves (the HTTP side
 * is test/core/vc-api-vcdm2-suite.test.ts). The suite's fixtures are rebuilt here with fresh keys:
 * each credential is signed by the Digital Bazaar stack without its own data-model checks
 * (fresh-signer.ts), so that its proof is valid and only the conformance check can fail. A document
 * that JSON-LD itself refuses (the stack cannot sign it) is made by editing a signed one: its proof
 * then fails too, and the test asserts the `schema` check says why the document does not conform.
 *
 * VCDM 2.0 §1.3 Conformance: "A conforming verifier implementation … MUST produce errors when
 * non-conforming documents are detected."
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { verifyCredential, verifyPresentation } from '@microcred/core';
import type { PresentationReport, VerificationReport } from '@microcred/core';
import { freshSigner } from './fresh-signer.js';
import type { FreshSigner } from './fresh-signer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';
const summary = (r: VerificationReport | PresentationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const get = (r: VerificationReport | PresentationReport, id: string): [string?, string?] => {
  const c = r.checks.find((x) => x.id === id);
  return [c?.outcome, c?.code];
};
const options = { now: NOW, fetch: offlineFetch() };

describe('VCDM 2.0 test suite: credentials a verifier must refuse (issue 14)', () => {
  let s: FreshSigner;
  /** The suite's credential-ok.json, issued by the signer. */
  const credential = (extra: Obj = {}): Obj => ({
    '@context': [VC2],
    type: ['VerifiableCredential'],
    issuer: s.did,
    credentialSubject: { id: 'did:example:subject' },
    ...extra,
  });
  const signed = async (extra: Obj = {}): Promise<VerificationReport> =>
    verifyCredential(await s.signUnchecked(credential(extra)), options);
  /** A signed conforming credential with `edit` applied after signing (JSON-LD would refuse to sign it). */
  const edited = async (edit: (c: Obj) => void): Promise<VerificationReport> => {
    const c = await s.signUnchecked(credential());
    edit(c);
    return verifyCredential(c, options);
  };
  const refused = (r: VerificationReport, pattern: RegExp, proofValid: boolean): void => {
    assert.deepEqual(get(r, 'schema'), ['failed', 'schema-invalid'], summary(r));
    assert.match(r.checks.find((c) => c.id === 'schema')!.message, pattern);
    if (proofValid) assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.equal(r.verified, false);
  };

  before(async () => {
    s = await freshSigner();
  });

  it('control: the suite-shaped credential, with every optional member done right, verifies', async () => {
    const r = await signed({
      '@context': [VC2, EXAMPLES, { ExampleType: 'https://example.org/#ExampleType' }],
      id: 'urn:uuid:6a0f6ad3-7b3e-4a5e-9a61-1f5d3a3b1c10',
      type: ['VerifiableCredential', 'ExampleType'],
      issuer: { id: s.did, name: [{ '@value': 'Academia', '@language': 'es' }, 'Academy'] },
      name: { '@value': 'Example', '@language': 'en' },
      description: 'A credential with every member the suite sends.',
      validFrom: '2024-01-01T00:00:00Z',
      validUntil: '2030-01-01T00:00:00-05:00',
      credentialSubject: [{ id: 'did:example:subject' }, { name: 'Alice' }],
      evidence: { id: 'https://example.org/evidence/1', type: ['Evidence'] },
      renderMethod: { id: 'https://example.org/render/1', type: 'ExampleRender' },
    });
    assert.deepEqual(get(r, 'schema'), ['passed', 'schema-valid'], summary(r));
    assert.equal(r.verified, true, summary(r));
  });

  // §11.1 Language and Base Direction, and §4.6 (the suite's *-language-direction-en-ok fixtures): a
  // language value object may carry "@direction". The Digital Bazaar cryptosuites canonicalise it as
  // an i18n datatype (rdfDirection "i18n-datatype"); before issue 14 our safe-mode canonicaliser
  // refused it as an undefined term, so such a credential never verified.
  it('a name with @language and @direction verifies, and its direction is signed', async () => {
    const c = await s.signUnchecked(
      credential({ name: { '@value': 'شهادة', '@language': 'ar', '@direction': 'rtl' } }),
    );
    const r = await verifyCredential(c, options);
    assert.equal(r.verified, true, summary(r));
    const flipped = { ...c, name: { '@value': 'شهادة', '@language': 'ar', '@direction': 'ltr' } };
    const f = await verifyCredential(flipped, options);
    assert.deepEqual(get(f, 'proof'), ['failed', 'proof-bad-signature'], summary(f));
  });

  // §4.4 Identifiers: "If present, the value of the id property MUST be a single URL" (fixtures
  // credential-id-nonidentifier-fail, -multi-id-fail, -not-url-id-fail, -id-subject-multi-fail).
  for (const [why, edit] of [
    ['id null', (c: Obj) => (c['id'] = null)],
    ['two ids', (c: Obj) => (c['id'] = ['urn:uuid:1', 'urn:uuid:2'])],
    ['an id that is not a URL', (c: Obj) => (c['id'] = 'not a url')],
  ] as const)
    it(`credential: ${why} is an error`, async () => {
      refused(await edited(edit), /its id must be a single URL/, false);
    });
  it('credentialSubject with two ids is an error', async () => {
    const r = await edited((c) => (c['credentialSubject'] = { id: ['did:example:1', 'did:example:2'] }));
    refused(r, /credentialSubject id must be a single URL/, false);
  });

  // §4.3 Contexts: "Subsequent items in the ordered set MUST be composed of any combination of URLs
  // and/or objects" (credential-context-combo3-fail: "https ://not-a-url/…"; combo4-fail: a number).
  for (const bad of ['https ://not-a-url/contexts/example/v1', 123192875])
    it(`@context item ${JSON.stringify(bad)} is an error`, async () => {
      refused(
        await edited((c) => (c['@context'] = [VC2, bad])),
        /@context entries must be URLs or objects/,
        false,
      );
    });

  // §4.5 Types: "The value of the type property MUST be one or more terms and/or absolute URL strings."
  it('a type value that is not a string is an error', async () => {
    refused(
      await edited((c) => (c['type'] = ['VerifiableCredential', 4])),
      /type values must be strings/,
      false,
    );
  });

  // §4.7 Issuer: "The value of the issuer property MUST be either a URL, or an object containing an id
  // property whose value is a URL" (credential-issuer-no-url-fail, -object-id-no-url-fail).
  for (const issuer of ['not-a-url', { id: 'not a url' }])
    it(`issuer ${JSON.stringify(issuer)} is an error`, async () => {
      refused(
        await edited((c) => (c['issuer'] = issuer)),
        /issuer must be a URL or an object whose id is a URL/,
        false,
      );
    });

  // §4.6 Names and Descriptions: "If present, the value of the name property MUST be a string or a
  // language value object" — likewise description, and on the issuer (the *-extra-prop-en-fail
  // fixtures add "url" to the value object). A number can be signed: the proof is valid.
  it('name as a number is an error (signed)', async () => {
    refused(await signed({ name: 5 }), /its name must be a string or a language value object/, true);
  });
  for (const [field, edit] of [
    ['name', (c: Obj) => (c['name'] = { '@value': 'x', '@language': 'en', url: 'did:example:c' })],
    [
      'description',
      (c: Obj) => (c['description'] = { '@value': 'x', '@language': 'en', url: 'did:example:c' }),
    ],
    ['issuer name', (c: Obj) => (c['issuer'] = { id: s.did, name: { '@value': 'x', url: 'did:example:c' } })],
    [
      'issuer description',
      (c: Obj) => (c['issuer'] = { id: s.did, description: { '@value': 'x', url: 'x:y' } }),
    ],
  ] as const)
    it(`${field}: a language value object with an extra member is an error`, async () => {
      refused(
        await edited(edit),
        new RegExp(`its ${field} must be a string or a language value object`),
        false,
      );
    });

  // §4.5 Types (the table of objects that MUST have a type: credentialStatus …) and §4.10 Status;
  // §5.10 Reserved Extension Points: "implementations MUST specify a type property in the value
  // associated with the reserved property" (confidenceMethod, renderMethod).
  for (const field of ['credentialStatus', 'renderMethod', 'confidenceMethod'])
    it(`${field} without type is an error (signed)`, async () => {
      refused(
        await signed({ [field]: { id: 'https://example.org/x/1' } }),
        new RegExp(`every ${field} entry must be an object with a type`),
        true,
      );
    });
  // credential-status-nonurl-id-fail: "https ://not-a-url/statusList/4"
  it('credentialStatus whose id is not a URL is an error', async () => {
    const r = await edited(
      (c) =>
        (c['credentialStatus'] = {
          id: 'https ://not-a-url/statusList/4',
          type: 'https://example.org/examples#X',
        }),
    );
    refused(r, /every credentialStatus id must be a single URL/, false);
  });
  it('evidence whose id is not a URL is an error', async () => {
    refused(
      await edited((c) => (c['evidence'] = { id: 'lesson one', type: ['Evidence'] })),
      /every evidence id must be a single URL/,
      false,
    );
  });

  // §1.3: {type: ["NonconformingDocument"]} (the suite posts it to both endpoints).
  it('a nonconforming document is an error, as a credential and as a presentation', async () => {
    const doc = { type: ['NonconformingDocument'] };
    const r = await verifyCredential(doc, options);
    assert.deepEqual(get(r, 'format'), ['failed', 'not-a-credential'], summary(r));
    const p = await verifyPresentation(doc, options);
    assert.deepEqual(get(p, 'format'), ['failed', 'not-a-presentation'], summary(p));
    assert.equal(r.verified || p.verified, false);
  });
});

describe('VCDM 2.0 test suite: presentations (issue 14)', () => {
  // §4.13: "holder … OPTIONAL". verifyPresentation asks for a holder by default (who presents is not
  // established); with requireHolder: false it answers as the data model does, which is what the
  // VC API does (test/core/vc-api-vcdm2-suite.test.ts). The holder named must be the signer either way.
  let s: FreshSigner;
  const sign = (p: Obj): Promise<Obj> =>
    s.signPresentation(
      { '@context': [VC2], type: ['VerifiablePresentation'], ...p },
      { challenge: 'u8sXyKb0', domain: 'github.com/w3c/vc-data-model-2.0-test-suite' },
    );

  before(async () => {
    s = await freshSigner();
  });

  it('a signed presentation without holder is valid but not verified by verifyPresentation', async () => {
    const r = await verifyPresentation(await sign({ verifiableCredential: [] }), options);
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'holder'), ['unknown', 'holder-missing'], summary(r));
    assert.equal(r.verified, false);
  });
  it('with requireHolder: false a signed presentation without holder verifies, its holder check skipped', async () => {
    const vp = await sign({ verifiableCredential: [] });
    const r = await verifyPresentation(vp, { ...options, requireHolder: false });
    assert.deepEqual(get(r, 'holder'), ['skipped', 'holder-missing'], summary(r));
    assert.equal(r.verified, true, summary(r));
    // a holder that is named must still be the signer
    const other = await verifyPresentation(await sign({ holder: 'did:example:acme' }), {
      ...options,
      requireHolder: false,
    });
    assert.equal(other.verified, false, summary(other));
  });
  it('holder as an object with a URL id verifies; a holder other than the signer fails', async () => {
    const ok = await verifyPresentation(await sign({ holder: { id: s.did } }), options);
    assert.equal(ok.verified, true, summary(ok));
    const acme = await verifyPresentation(await sign({ holder: 'did:example:acme' }), options);
    assert.deepEqual(get(acme, 'holder'), ['failed', 'holder-mismatch'], summary(acme));
    assert.equal(acme.verified, false);
  });
});

describe('VCDM 2.0 test suite: enveloped credentials and presentations (issue 14)', () => {
  // §4.12.1 / §4.12.2: "The @context property of the object MUST be present and include a context,
  // such as the base context for this specification" (the suite sets it to [] and to the examples
  // context only). Built with jose and a fresh did:jwk: each control verifies, so each refusal is
  // the @context rule's.
  let did: string;
  let key: CryptoKey;
  const jwt = (payload: Obj, typ: string): Promise<string> =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid: `${did}#0`, typ })
      .sign(key);

  before(async () => {
    const pair = await generateKeyPair('EdDSA', { extractable: true });
    const { kty, crv, x } = await exportJWK(pair.publicKey);
    did = `did:jwk:${Buffer.from(JSON.stringify({ kty, crv, x })).toString('base64url')}`;
    key = pair.privateKey;
  });

  it('EnvelopedVerifiableCredential without the VC 2.0 context is an error', async () => {
    const token = await jwt(
      {
        '@context': [VC2],
        type: ['VerifiableCredential'],
        issuer: did,
        credentialSubject: { id: 'did:example:subject' },
      },
      'vc+jwt',
    );
    const envelope = {
      '@context': VC2,
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${token}`,
    };
    const ok = await verifyCredential(envelope, options);
    assert.equal(ok.verified, true, summary(ok));
    for (const context of [[], [EXAMPLES], EXAMPLES]) {
      const r = await verifyCredential({ ...envelope, '@context': context }, options);
      assert.deepEqual(get(r, 'format'), ['failed', 'not-a-credential'], summary(r));
      assert.equal(r.verified, false);
    }
  });

  it('EnvelopedVerifiablePresentation without the VC 2.0 context is an error', async () => {
    const token = await jwt({ '@context': [VC2], type: ['VerifiablePresentation'], holder: did }, 'vp+jwt');
    const envelope = {
      '@context': VC2,
      type: 'EnvelopedVerifiablePresentation',
      id: `data:application/vp+jwt,${token}`,
    };
    const ok = await verifyPresentation(envelope, options);
    assert.equal(ok.verified, true, summary(ok));
    for (const context of [[], [EXAMPLES]]) {
      const r = await verifyPresentation({ ...envelope, '@context': context }, options);
      assert.deepEqual(get(r, 'format'), ['failed', 'not-a-presentation'], summary(r));
      assert.equal(r.verified, false);
    }
  });
});

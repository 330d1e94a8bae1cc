/**
 * `<mc-verify-button>` on credentials secured with COSE (VC-JOSE-COSE §3.3, `application/vc+cose`) in
 * a real browser: the COSE chunk and its CBOR decoder load on demand, the signature is checked with
 * the browser's WebCrypto (ES256, ES384, Ed25519), and the answer is given in words. The COSE_Sign1
 * objects are made with fresh keys by test/embed/cose-sign.ts (a small CBOR writer of the tests' own) (the Node tests,
 * test/core/verify/cose.test.ts, use cose-js and node-cbor as the independent issuers).
 */
import { expect, html } from '@open-wc/testing';
import type { McVerifyButton } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW } from './verify-button.helpers.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { coseIssuer as issuer, credential } from '../embed/cose-sign.js';

const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('<mc-verify-button> on COSE-secured credentials (application/vc+cose)', () => {
  afterEach(unmountAll);

  for (const alg of ['ES256', 'ES384', 'EdDSA'] as const) {
    it(`${alg}: verified, in words, as bytes and as an EnvelopedVerifiableCredential`, async () => {
      const { did, sign } = await issuer(alg);
      const cose = await sign(credential(did));
      const enveloped = {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+cose;base64,${btoa(String.fromCharCode(...cose))}`,
      };
      for (const input of [cose, enveloped]) {
        const el = await mount<McVerifyButton>(
          html`<mc-verify-button .credential=${input} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
        );
        await el.verify();
        await el.updateComplete;
        expect(el.state, JSON.stringify(el.report?.checks)).to.equal('verified');
        const h = new VerifyButtonHarness(el);
        expect(h.summary).to.equal('Verified');
        expect(h.checks.map((c) => c.textContent).join(' ')).to.contain(
          'The signing key belongs to the issuer',
        );
      }
    });
  }

  it('a changed credential is invalid, and damaged COSE is said to be damaged COSE, not bad JSON', async () => {
    const { did, sign } = await issuer('ES256');
    const cose = await sign(credential(did));
    const changed = cose.slice();
    const at = new TextDecoder('latin1').decode(changed).indexOf('Laser');
    changed[at] = 'M'.charCodeAt(0);
    let el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${changed} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.state).to.equal('invalid');
    unmountAll();
    el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${cose.subarray(0, cose.length - 30)}
        .now=${NOW}
        .fetch=${offline}
      ></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.report?.checks[0]?.code).to.equal('cose-malformed');
    const words = new VerifyButtonHarness(el).checks.map((c) => c.textContent).join(' ');
    expect(words).to.contain('secured with COSE (CBOR) is damaged');
    expect(words).to.not.contain('JSON');
  });

  it('a presentation secured with COSE (application/vp+cose) is verified as a presentation, in words', async () => {
    // VC-JOSE-COSE §3.3.2: "The unsecured verifiable presentation is the unencoded COSE_Sign1
    // payload"; "Credentials in verifiable presentations MUST be secured" (here with COSE too)
    const [academy, learner] = await Promise.all([issuer('ES256'), issuer('EdDSA')]);
    const vc = await academy.sign(credential(academy.did));
    const presentation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: learner.did,
      verifiableCredential: [
        {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+cose;base64,${btoa(String.fromCharCode(...vc))}`,
        },
      ],
    };
    const vp = await learner.sign(presentation, 'vp');
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${vp} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.state, JSON.stringify(el.report?.presentation?.checks)).to.equal('verified');
    expect(el.report!.format).to.equal('vp-cose');
    const h = new VerifyButtonHarness(el);
    expect(h.summary).to.equal('Verified');
    const checks = h.checks.map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(checks).to.include(
      'Holder: Passed. The person presenting it signed the presentation with their own key.',
    );
    expect(checks).to.include(
      'Credentials in this presentation: Passed. Every credential in this presentation is verified.',
    );
    // a byte of the presentation changed after it was signed: invalid, though its credential is genuine
    unmountAll();
    const changed = vp.slice();
    const at = new TextDecoder('latin1').decode(changed).indexOf('"holder":"did:jwk:') + 20;
    changed[at] = changed[at] === 0x41 ? 0x42 : 0x41; // another base64url letter of the holder's did:jwk
    const bad = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${changed} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
    );
    await bad.verify();
    await bad.updateComplete;
    expect(bad.state).to.equal('invalid');
    expect(bad.report!.presentation!.checks.find((c) => c.id === 'proof')?.outcome).to.equal('failed');
  });
});

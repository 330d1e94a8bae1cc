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
});

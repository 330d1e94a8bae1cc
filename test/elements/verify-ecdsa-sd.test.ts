/**
 * `ecdsa-sd-2023` derived proofs verify in a real browser: the W3C vc-di-ecdsa derived vector
 * (test/fixtures/vc-di-ecdsa, see SOURCE.md there) on the page and in `<mc-verify-button>`'s verify
 * worker, where the `suite-ecdsa-sd` chunk is loaded on demand (WebCrypto P-256). The Node tests
 * (test/core/verify/ecdsa-sd.test.ts) cover the 1EdTech credential, the independent issuer and
 * every mutation; this file shows the same code runs in Chromium, a changed disclosed value and a
 * base proof never verified (could not check: it is for the holder).
 */
import { expect, html } from '@open-wc/testing';
import { verifyCredential, type VerificationReport } from '@microcred/core';
import type { McVerifyButton } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, vectorJson } from './verify-button.helpers.js';

const VECTOR = '/test/fixtures/vc-di-ecdsa/derivedRevealDocument.json';
/** The vector is crypto-only and offline (its key is a did:key): nothing is fetched. */
const offline = (async () => new Response('not found', { status: 404 })) as typeof fetch;
const proof = (r: VerificationReport) => {
  const c = r.checks.find((x) => x.id === 'proof');
  return { outcome: c?.outcome, code: c?.code };
};
type Obj = Record<string, unknown>;

describe('ecdsa-sd-2023 in Chromium', function () {
  (this as { timeout(ms: number): void }).timeout(30000);
  afterEach(() => unmountAll());

  it('the W3C derived vector verifies on the page', async () => {
    const r = await verifyCredential(await vectorJson(VECTOR), { now: NOW, fetch: offline });
    expect(proof(r)).to.deep.equal({ outcome: 'passed', code: 'proof-valid' });
  });

  /** The report of `<mc-verify-button>` (which verifies in core's worker) for `credential`. */
  async function viaButton(credential: Obj): Promise<VerificationReport> {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${credential} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
    );
    const r = await el.verify();
    if (!r) throw new Error('the verify button gave no report');
    return r;
  }

  it('in the verify button’s worker the vector passes', async () => {
    const r = await viaButton(await vectorJson(VECTOR));
    expect(proof(r)).to.deep.equal({ outcome: 'passed', code: 'proof-valid' });
  });

  it('in the verify button’s worker a changed disclosed value fails', async () => {
    const changed = await vectorJson(VECTOR);
    const sails = (changed['credentialSubject'] as Obj)['sails'] as Obj[];
    sails[0]!['size'] = 6.2;
    const r = await viaButton(changed);
    expect(proof(r)).to.deep.equal({ outcome: 'failed', code: 'proof-bad-signature' });
  });

  it('a base proof (header 0xd9 0x5d 0x00) is refused as not derived', async () => {
    const base = await vectorJson(VECTOR);
    const p = base['proof'] as Obj;
    // "u2V0B…" is 0xd9 0x5d 0x01; "u2V0A…" the same bytes with the base proof's header
    p['proofValue'] = `u2V0A${(p['proofValue'] as string).slice(5)}`;
    const r = await viaButton(base);
    expect(proof(r)).to.deep.equal({ outcome: 'unknown', code: 'proof-not-derived' });
  });
});

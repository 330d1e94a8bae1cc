/**
 * `bbs-2023` derived proofs verify in a real browser: the W3C vc-di-bbs derived vector
 * (test/fixtures/vc-di-bbs, see SOURCE.md there) on the page and in `<mc-verify-button>`'s verify
 * worker, where the `suite-bbs` chunk (BBS ProofVerify on @noble/curves) is loaded on demand. The
 * Node tests (test/core/verify/bbs.test.ts) cover the independent issuer and the mutations; this
 * file shows the same code runs in Chromium, with a changed disclosed value still failing.
 */
import { expect, html } from '@open-wc/testing';
import { verifyCredential, type VerificationReport } from '@microcred/core';
import type { McVerifyButton } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, vectorJson } from './verify-button.helpers.js';

const VECTOR = '/test/fixtures/vc-di-bbs/derivedRevealDocument.json';
/** The vector is crypto-only and offline: nothing is fetched. */
const offline = (async () => new Response('not found', { status: 404 })) as typeof fetch;
const proof = (r: VerificationReport) => {
  const c = r.checks.find((x) => x.id === 'proof');
  return { outcome: c?.outcome, code: c?.code };
};

describe('bbs-2023 in Chromium', function () {
  // a pairing-based proof takes a good part of a second in JavaScript, more on a loaded machine
  (this as { timeout(ms: number): void }).timeout(60000);
  afterEach(() => unmountAll());

  it('the W3C derived vector verifies on the page', async () => {
    const r = await verifyCredential(await vectorJson(VECTOR), { now: NOW, fetch: offline });
    expect(proof(r)).to.deep.equal({ outcome: 'passed', code: 'proof-valid' });
  });

  /** The report of `<mc-verify-button>` (which verifies in core's worker) for `credential`. */
  async function viaButton(credential: Record<string, unknown>): Promise<VerificationReport> {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${credential} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
    );
    const report = await el.verify();
    if (!report) throw new Error('the button gave no report');
    return report;
  }

  it('in the verify button’s worker the vector passes', async () => {
    const r = await viaButton(await vectorJson(VECTOR));
    expect(proof(r)).to.deep.equal({ outcome: 'passed', code: 'proof-valid' });
  });

  it('in the verify button’s worker a changed disclosed value fails', async () => {
    const changed = await vectorJson(VECTOR);
    (changed['credentialSubject'] as Record<string, unknown>)['sailNumber'] = 'Earth102';
    const r = await viaButton(changed);
    expect(proof(r)).to.deep.equal({ outcome: 'failed', code: 'proof-bad-signature' });
  });
});

import { expect, html } from '@open-wc/testing';
import type { McVerifyButton } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, VV, vectorFetch, vectorJson } from './verify-button.helpers.js';
import { VerifyButtonHarness } from './harness/verify-button.js';

const h = (el: McVerifyButton): VerifyButtonHarness => new VerifyButtonHarness(el);

/** A fetch that waits until the test releases it: makes the `verifying` state observable. */
function heldFetch(): { fetch: typeof fetch; called: Promise<void>; release: () => void } {
  let release!: () => void;
  let call!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const called = new Promise<void>((resolve) => (call = resolve));
  const inner = vectorFetch();
  const f: typeof fetch = async (input, init) => {
    call();
    await gate;
    return inner(input, init);
  };
  return { fetch: f, called, release };
}

for (const lang of ['en', 'es']) {
  describe(`<mc-verify-button> accessibility (${lang})`, () => {
    afterEach(unmountAll);

    async function button(credential: unknown, f: typeof fetch = vectorFetch()): Promise<McVerifyButton> {
      const wrapper = await mount(
        html`<div lang=${lang}>
          <mc-verify-button .credential=${credential} .now=${NOW} .fetch=${f}></mc-verify-button>
        </div>`,
      );
      return wrapper.querySelector('mc-verify-button')!;
    }

    it('is accessible idle, with a live region ready before anything happens', async () => {
      const el = await button(await vectorJson(VV.valid));
      expect(el.state).to.equal('idle');
      expect(h(el).liveRegion).to.exist;
      expect(h(el).button.textContent!.trim()).to.equal(lang === 'en' ? 'Verify' : 'Verificar');
      await expect(el).to.be.accessible();
    });

    it('is accessible while verifying (progress announced, button marked busy)', async () => {
      const held = heldFetch();
      const el = await button(await vectorJson(VV.valid), held.fetch);
      const done = el.verify();
      await held.called; // the verifier is asking for the status list: rendered long since
      expect(el.state).to.equal('verifying');
      expect(el.matches(':state(verifying)')).to.equal(true);
      expect(h(el).liveText).to.equal(
        lang === 'en' ? 'Checking the credential…' : 'Comprobando la credencial…',
      );
      expect(h(el).button.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      held.release();
      await done;
    });

    const outcomes = [
      ['valid', 'verified', 'Verified', 'Verificada'],
      ['expired', 'expired', 'Expired', 'Vencida'],
      ['revoked', 'revoked', 'Revoked', 'Revocada'],
      ['tampered', 'invalid', 'Failed verification', 'No superó la verificación'],
      ['badStatusUrl', 'unknown', 'Could not verify', 'No se pudo verificar'],
    ] as const;
    for (const [vector, state, en, es] of outcomes) {
      it(`is accessible ${state} (${vector}), checks closed and open`, async () => {
        const el = await button(await vectorJson(VV[vector]));
        await el.verify();
        await el.updateComplete;
        expect(el.state).to.equal(state);
        expect(el.matches(`:state(${state})`)).to.equal(true);
        expect(h(el).summary).to.equal(lang === 'en' ? en : es);
        await expect(el).to.be.accessible();
        el.shadowRoot!.querySelector('details')!.open = true;
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible in the error state (nothing to verify)', async () => {
      const wrapper = await mount(html`<div lang=${lang}><mc-verify-button></mc-verify-button></div>`);
      const el = wrapper.querySelector('mc-verify-button')!;
      await el.verify();
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(el.error?.code).to.equal('empty-input');
      expect(h(el).summary).to.equal(lang === 'en' ? 'Could not verify' : 'No se pudo verificar');
      await expect(el).to.be.accessible();
    });

    it('is accessible inside a card (status slot), before and after verifying', async () => {
      const credential = await vectorJson(VV.valid);
      const wrapper = await mount(
        html`<div lang=${lang}>
          <mc-credential-card .credential=${credential} .now=${NOW}>
            <mc-verify-button slot="status" .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
          </mc-credential-card>
        </div>`,
      );
      const card = wrapper.querySelector('mc-credential-card')!;
      const el = wrapper.querySelector('mc-verify-button')!;
      await expect(card).to.be.accessible();
      await el.verify();
      await el.updateComplete;
      expect(el.state).to.equal('verified');
      await expect(card).to.be.accessible();
    });
  });
}

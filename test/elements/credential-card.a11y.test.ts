import { expect, html, oneEvent } from '@open-wc/testing';
import type { McCredentialCard } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import type { McTestHeldCard } from './helpers/card.js';
import { catalogEntry, NOW, V, vector } from './helpers/card.js';
import { CardHarness } from './harness/card.js';

for (const lang of ['en', 'es']) {
  describe(`<mc-credential-card> accessibility (${lang})`, () => {
    afterEach(unmountAll);

    async function card(
      credential: unknown,
      variant: 'full' | 'compact' = 'full',
    ): Promise<McCredentialCard> {
      const wrapper = await mount(
        html`<div lang=${lang}>
          <mc-credential-card .credential=${credential} .now=${NOW} variant=${variant}></mc-credential-card>
        </div>`,
      );
      const el = wrapper.querySelector('mc-credential-card')!;
      await el.updateComplete;
      expect(el.state).to.equal('loaded');
      return el;
    }

    it('is accessible while loading', async () => {
      const wrapper = await mount(
        html`<div lang=${lang}><mc-test-held-card src="/vectors/held.json"></mc-test-held-card></div>`,
      );
      const el = wrapper.querySelector<McTestHeldCard>('mc-test-held-card')!;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(CardHarness.of(el).loadingStatus).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible loaded, full card (every section)', async () => {
      const el = await card(await vector(V.full));
      expect(CardHarness.of(el).section('criteria')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible loaded, compact tile', async () => {
      await expect(await card(await vector(V.full), 'compact')).to.be.accessible();
    });

    it('is accessible with Markdown criteria and a public recipient (OB 3.0 on VCDM 1.1)', async () => {
      await expect(await card(await vector(V.v1))).to.be.accessible();
    });

    it('is accessible as a catalog entry (achievement), full and compact', async () => {
      const full = await card(catalogEntry);
      expect(full.matches(':state(achievement)')).to.equal(true);
      await expect(full).to.be.accessible();
      await expect(await card(catalogEntry, 'compact')).to.be.accessible();
    });

    it('is accessible expired, full and compact', async () => {
      const full = await card(await vector(V.expired));
      expect(full.matches(':state(expired)')).to.equal(true);
      await expect(full).to.be.accessible();
      await expect(await card(await vector(V.expired), 'compact')).to.be.accessible();
    });

    it('is accessible for an OB 2.0 assertion with a hashed recipient', async () => {
      await expect(await card(await vector(V.ob2))).to.be.accessible();
    });

    it('is accessible in the error state (404)', async () => {
      const wrapper = await mount(html`<div lang=${lang}><mc-credential-card></mc-credential-card></div>`);
      const el = wrapper.querySelector('mc-credential-card')!;
      const failed = oneEvent(el, 'mc-error');
      el.src = '/vectors/does-not-exist.json';
      await failed;
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(CardHarness.of(el).errorAlert).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible empty (no credential given)', async () => {
      const wrapper = await mount(html`<div lang=${lang}><mc-credential-card></mc-credential-card></div>`);
      const el = wrapper.querySelector('mc-credential-card')!;
      expect(el.state).to.equal('empty');
      await expect(el).to.be.accessible();
    });
  });
}

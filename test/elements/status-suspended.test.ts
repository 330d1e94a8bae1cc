// "Suspended" end to end (issue 13 item 6): a credential its issuer suspended is kept by the wallet
// as suspended — whether Verify all or the dialog's verify button found it — stored so, read back
// so, and said so by the wallet tile and the progress tracker in the words and icon the verify
// button uses (not "Revoked", nor "Failed verification"). Bitstring Status List v1.0 §2.1: a
// suspension is temporary, a revocation "is not reversible", so the two are never said alike.
// The credential and its suspension list are signed here with a fresh key (helpers/suspended.ts).
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/verify-button/mc-verify-button.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import type { McProgressTracker } from '@microcred/elements/progress-tracker/progress-tracker.js';
import type { McVerifyButton } from '@microcred/elements';
import { statusIcon } from '@microcred/elements/status/status.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { deleteWallets, newKey, root, until } from './helpers/wallet.js';
import { SOLDERING, suspendedCredential } from './helpers/suspended.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW, VV, vectorJson } from './verify-button.helpers.js';

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

const WORDS = { en: 'Suspended', es: 'Suspendida' } as const;

/** The tiles' status chips: words and icon path. */
const chips = (el: McBadgeWallet) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~=chip]')].map((c) => ({
    words: (c.textContent ?? '').trim(),
    icon: c.querySelector('path')?.getAttribute('d') ?? null,
  }));

/** An owner wallet on `key` beside a tracker that follows it (`wallet` attribute). */
async function ownerWithTracker(key: string, lang: string, fetch: typeof globalThis.fetch) {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-badge-wallet id="w" editable storage-key=${key} .now=${NOW} .fetch=${fetch}></mc-badge-wallet>
      <mc-progress-tracker
        wallet="w"
        .now=${NOW}
        .pathway=${{ id: 'urn:makerspace', name: 'Makerspace', requirement: { allOf: [SOLDERING] } }}
      ></mc-progress-tracker>
    </div>`,
  );
  const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
  await el.ready;
  return { el, tracker: wrapper.querySelector<McProgressTracker>('mc-progress-tracker')! };
}

/** The tracker's step for the suspended credential's achievement: its state, words and icon. */
const step = (tracker: McProgressTracker) => {
  const s = tracker.shadowRoot!.querySelector<HTMLElement>('[part~=step]')!;
  return {
    state: s.dataset['state'],
    words: s.querySelector('.state-words')?.textContent?.trim(),
    icon: s.querySelector('.state path')?.getAttribute('d') ?? null,
  };
};

for (const lang of ['en', 'es'] as const) {
  describe(`a suspended credential (${lang})`, () => {
    it('the wallet keeps it as suspended: the tile and the tracker say Suspended with its icon, and a reload reads it back', async () => {
      const { jwt, fetch } = await suspendedCredential();
      const key = newKey();
      const { el, tracker } = await ownerWithTracker(key, lang, fetch);
      const [result] = await el.importItems([{ kind: 'text', text: jwt }]);
      expect(result!.status).to.equal('imported');
      // an import is verified at once, quietly; saved, the stored record carries this browser's result
      await until(el, () => !!el.records[0]?.verification && !el.matches(':state(verifying)'));
      expect(el.records[0]!.verification!.outcome).to.equal('suspended');
      expect(chips(el)).to.deep.equal([{ words: WORDS[lang], icon: statusIcon.suspended }]);
      // Verify all's summary in the live region counts it as suspended
      await el.verifyAll();
      expect(el.records[0]!.verification!.outcome).to.equal('suspended');
      expect(new WalletHarness(el).status).to.contain(lang === 'en' ? '1 suspended' : '1 suspendidas');
      // the tracker (told by mc-wallet-change once saved): not earned, and said as the button says it
      await settled(tracker);
      expect(step(tracker)).to.deep.equal({
        state: 'suspended',
        words: WORDS[lang],
        icon: statusIcon.suspended,
      });
      // stored: another wallet on the same key reads "suspended" back
      unmountAll();
      const again = await ownerWithTracker(key, lang, fetch);
      await until(again.el, () => chips(again.el).length === 1);
      expect(again.el.records[0]!.verification!.outcome).to.equal('suspended');
      expect(chips(again.el)).to.deep.equal([{ words: WORDS[lang], icon: statusIcon.suspended }]);
      await expect(again.el).to.be.accessible();
    });
  });
}

describe('a suspended credential verified in the wallet dialog', () => {
  it('the dialog’s verify button says Suspended, and the tile then says Suspended too (not Revoked)', async () => {
    const { jwt, fetch } = await suspendedCredential();
    const wrapper = await mount(
      html`<mc-badge-wallet .credentials=${[jwt]} .now=${NOW} .fetch=${fetch}></mc-badge-wallet>`,
    );
    const el = wrapper as unknown as McBadgeWallet;
    await el.ready;
    expect(new WalletHarness(el).chips).to.deep.equal(['Not checked yet']);
    new WalletHarness(el).openDetailsButton.click();
    await until(el, () => !!root(el).querySelector('dialog[open] mc-verify-button'));
    const vb = root(el).querySelector('dialog mc-verify-button') as McVerifyButton;
    await settled(root(el).querySelector('dialog')!);
    new VerifyButtonHarness(vb).button.click();
    await until(el, () => vb.report !== undefined);
    expect(new VerifyButtonHarness(vb).summary).to.equal('Suspended');
    await until(el, () => chips(el)[0]?.icon === statusIcon.suspended);
    expect(chips(el)).to.deep.equal([{ words: 'Suspended', icon: statusIcon.suspended }]);
  });
});

describe('the status filter', () => {
  it('offers Suspended, and it shows only the suspended credential', async () => {
    const { jwt, fetch } = await suspendedCredential();
    const wrapper = await mount(
      html`<mc-badge-wallet
        verify-shown
        .credentials=${[jwt, await vectorJson(VV.revoked)]}
        .now=${NOW}
        .fetch=${fetch}
      ></mc-badge-wallet>`,
    );
    const el = wrapper as unknown as McBadgeWallet;
    await el.ready;
    await until(
      el,
      () => chips(el).every((c) => c.icon !== statusIcon.unchecked) && !el.matches(':state(verifying)'),
    );
    expect(chips(el).map((c) => c.words)).to.have.members(['Suspended', 'Revoked']);
    const select = [...root(el).querySelectorAll('select')].find((s) =>
      [...s.options].some((o) => o.value === 'revoked'),
    )!;
    expect([...select.options].map((o) => o.value)).to.include('suspended');
    select.value = 'suspended';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(el, () => chips(el).length === 1);
    expect(chips(el)).to.deep.equal([{ words: 'Suspended', icon: statusIcon.suspended }]);
  });
});

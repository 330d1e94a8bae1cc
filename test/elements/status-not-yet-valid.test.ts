// "Not yet valid" end to end (issue 13 item 6): an authentic credential whose validity period has
// not begun (its `validFrom` ahead) is kept by the wallet as not yet valid — whether Verify all or
// the dialog's verify button found it — stored so, read back so, and said so by the wallet tile and
// the progress tracker in the words and icon the verify button uses, not "Failed verification".
// VCDM 2.0 §4.9: `validFrom` is "the date and time the credential becomes valid". The credential
// is signed here with a fresh key (helpers/suspended.ts, its status bit off).
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

const WORDS = { en: 'Not yet valid', es: 'Aún no es válida' } as const;
const SUM = { en: '1 not yet valid', es: '1 aún no son válidas' } as const;

/** A credential valid from 30 days after NOW, authentic and neither revoked nor suspended. */
const notYetValid = () =>
  suspendedCredential({
    validFrom: new Date(NOW.getTime() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    suspended: false,
  });

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

/** The tracker's step for the credential's achievement: its state, words and icon. */
const step = (tracker: McProgressTracker) => {
  const s = tracker.shadowRoot!.querySelector<HTMLElement>('[part~=step]')!;
  return {
    state: s.dataset['state'],
    words: s.querySelector('.state-words')?.textContent?.trim(),
    icon: s.querySelector('.state path')?.getAttribute('d') ?? null,
  };
};

for (const lang of ['en', 'es'] as const) {
  describe(`a credential not valid yet (${lang})`, () => {
    it('the wallet keeps it as not yet valid: the tile and the tracker say so with the calendar icon, and a reload reads it back', async () => {
      const { jwt, fetch } = await notYetValid();
      const key = newKey();
      const { el, tracker } = await ownerWithTracker(key, lang, fetch);
      const [result] = await el.importItems([{ kind: 'text', text: jwt }]);
      expect(result!.status).to.equal('imported');
      await until(el, () => !!el.records[0]?.verification && !el.matches(':state(verifying)'));
      expect(el.records[0]!.verification!.outcome).to.equal('notYetValid');
      expect(chips(el)).to.deep.equal([{ words: WORDS[lang], icon: statusIcon.notYetValid }]);
      // Verify all's summary in the live region counts it as not yet valid
      await el.verifyAll();
      expect(el.records[0]!.verification!.outcome).to.equal('notYetValid');
      expect(new WalletHarness(el).status).to.contain(SUM[lang]);
      // the tracker: not earned yet, and said as the button says it
      await settled(tracker);
      expect(step(tracker)).to.deep.equal({
        state: 'not-yet-valid',
        words: WORDS[lang],
        icon: statusIcon.notYetValid,
      });
      // stored: another wallet on the same key reads it back
      unmountAll();
      const again = await ownerWithTracker(key, lang, fetch);
      await until(again.el, () => chips(again.el).length === 1);
      expect(again.el.records[0]!.verification!.outcome).to.equal('notYetValid');
      expect(chips(again.el)).to.deep.equal([{ words: WORDS[lang], icon: statusIcon.notYetValid }]);
      await expect(again.el).to.be.accessible();
    });
  });
}

describe('a credential not valid yet, verified in the wallet dialog', () => {
  it('the dialog’s verify button says Not yet valid, and the tile then says it too (not Failed verification)', async () => {
    const { jwt, fetch } = await notYetValid();
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
    expect(new VerifyButtonHarness(vb).summary).to.equal('Not yet valid');
    await until(el, () => chips(el)[0]?.icon === statusIcon.notYetValid);
    expect(chips(el)).to.deep.equal([{ words: 'Not yet valid', icon: statusIcon.notYetValid }]);
  });
});

describe('the status filter', () => {
  it('offers Not yet valid, and it shows only the credential not valid yet', async () => {
    const { jwt, fetch } = await notYetValid();
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
    expect(chips(el).map((c) => c.words)).to.have.members(['Not yet valid', 'Revoked']);
    const select = [...root(el).querySelectorAll('select')].find((s) =>
      [...s.options].some((o) => o.value === 'revoked'),
    )!;
    const option = [...select.options].find((o) => o.value === 'notYetValid');
    expect(option?.textContent?.trim()).to.equal('Not yet valid');
    select.value = 'notYetValid';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(el, () => chips(el).length === 1);
    expect(chips(el)).to.deep.equal([{ words: 'Not yet valid', icon: statusIcon.notYetValid }]);
  });
});

// "Not yet valid" and "Suspended" end to end (issue 13 item 6), one table row per status: a
// credential not valid yet (its `validFrom` ahead), and one its issuer suspended, are kept by the
// wallet as what they are — whether Verify all or the dialog's verify button found it — stored so,
// read back so, and said so by the wallet tile and the progress tracker in the words and icon the
// verify button uses: not "Failed verification", nor "Revoked".
// VCDM 2.0 §4.9: `validFrom` is "the date and time the credential becomes valid". Bitstring Status
// List v1.0 §2.1: a suspension is temporary, a revocation "is not reversible", so the two are never
// said alike. The credentials (and the suspension list) are signed here with a fresh key
// (helpers/suspended.ts).
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
import { notYetValid, SOLDERING, suspendedCredential } from './helpers/suspended.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW, VV, vectorJson } from './verify-button.helpers.js';

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

type Lang = 'en' | 'es';

/** One status the wallet keeps, and how each part says it. */
interface Kept {
  /** Named in the tests. */
  what: string;
  /** The credential (compact `vc+jwt`) and a `fetch` that serves what verifying it needs. */
  make: () => Promise<{ jwt: string; fetch: typeof globalThis.fetch }>;
  /** The wallet test's name. */
  kept: string;
  /** The stored outcome, and the status filter's option value. */
  outcome: 'notYetValid' | 'suspended';
  /** The icon path shared by the button, the tile and the tracker. */
  icon: string;
  /** Its words on the button, the tile, the tracker and the filter option. */
  words: Record<Lang, string>;
  /** Verify all's summary counts it so. */
  sum: Record<Lang, string>;
  /** The tracker step's `data-state`. */
  state: 'not-yet-valid' | 'suspended';
  /** What the tile must not say instead. */
  not: string;
}

const KEPT: Kept[] = [
  {
    what: 'a credential not valid yet',
    make: notYetValid,
    kept: 'the wallet keeps it as not yet valid: the tile and the tracker say so with the calendar icon, and a reload reads it back',
    outcome: 'notYetValid',
    icon: statusIcon.notYetValid,
    words: { en: 'Not yet valid', es: 'Aún no es válida' },
    sum: { en: '1 not yet valid', es: '1 aún no son válidas' },
    state: 'not-yet-valid',
    not: 'Failed verification',
  },
  {
    what: 'a suspended credential',
    make: () => suspendedCredential(),
    kept: 'the wallet keeps it as suspended: the tile and the tracker say Suspended with its icon, and a reload reads it back',
    outcome: 'suspended',
    icon: statusIcon.suspended,
    words: { en: 'Suspended', es: 'Suspendida' },
    sum: { en: '1 suspended', es: '1 suspendidas' },
    state: 'suspended',
    not: 'Revoked',
  },
];

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

for (const k of KEPT) {
  for (const lang of ['en', 'es'] as const) {
    describe(`${k.what} (${lang})`, () => {
      it(k.kept, async () => {
        const { jwt, fetch } = await k.make();
        const key = newKey();
        const { el, tracker } = await ownerWithTracker(key, lang, fetch);
        const [result] = await el.importItems([{ kind: 'text', text: jwt }]);
        expect(result!.status).to.equal('imported');
        // an import is verified at once, quietly; saved, the stored record carries this browser's result
        await until(el, () => !!el.records[0]?.verification && !el.matches(':state(verifying)'));
        expect(el.records[0]!.verification!.outcome).to.equal(k.outcome);
        expect(chips(el)).to.deep.equal([{ words: k.words[lang], icon: k.icon }]);
        // Verify all's summary in the live region counts it so
        await el.verifyAll();
        expect(el.records[0]!.verification!.outcome).to.equal(k.outcome);
        expect(new WalletHarness(el).status).to.contain(k.sum[lang]);
        // the tracker (told by mc-wallet-change once saved): not earned, and said as the button says it
        await settled(tracker);
        expect(step(tracker)).to.deep.equal({ state: k.state, words: k.words[lang], icon: k.icon });
        // stored: another wallet on the same key reads it back
        unmountAll();
        const again = await ownerWithTracker(key, lang, fetch);
        await until(again.el, () => chips(again.el).length === 1);
        expect(again.el.records[0]!.verification!.outcome).to.equal(k.outcome);
        expect(chips(again.el)).to.deep.equal([{ words: k.words[lang], icon: k.icon }]);
        await expect(again.el).to.be.accessible();
      });
    });
  }

  describe(`${k.what}, verified in the wallet dialog`, () => {
    it(`the dialog’s verify button says ${k.words.en}, and the tile then says it too (not ${k.not})`, async () => {
      const { jwt, fetch } = await k.make();
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
      expect(new VerifyButtonHarness(vb).summary).to.equal(k.words.en);
      await until(el, () => chips(el)[0]?.icon === k.icon);
      expect(chips(el)).to.deep.equal([{ words: k.words.en, icon: k.icon }]);
    });
  });

  describe('the status filter', () => {
    it(`offers ${k.words.en}, and it shows only ${k.what.replace(/^a /, 'the ')}`, async () => {
      const { jwt, fetch } = await k.make();
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
      expect(chips(el).map((c) => c.words)).to.have.members([k.words.en, 'Revoked']);
      const select = [...root(el).querySelectorAll('select')].find((s) =>
        [...s.options].some((o) => o.value === 'revoked'),
      )!;
      expect([...select.options].map((o) => o.value)).to.include(k.outcome);
      const option = [...select.options].find((o) => o.value === k.outcome);
      expect(option?.textContent?.trim()).to.equal(k.words.en);
      select.value = k.outcome;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await until(el, () => chips(el).length === 1);
      expect(chips(el)).to.deep.equal([{ words: k.words.en, icon: k.icon }]);
    });
  });
}

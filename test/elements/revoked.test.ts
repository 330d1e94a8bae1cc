// What a revoked credential says (issue 13 item 6), in English and Spanish: once the wallet knows a
// credential is revoked (its verify button found so, with the real status list of a public vector),
// its dialog offers no way to share it — no LinkedIn, no copy link, no embed code — and says
// "Revoked" in words instead. Sharing a credential its issuer withdrew would present it as valid.
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/verify-button/mc-verify-button.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import type { McVerifyButton } from '@microcred/elements';
import { root, until } from './helpers/wallet.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW, VV, vectorFetch, vectorJson, verifiedButton } from './verify-button.helpers.js';

afterEach(unmountAll);

async function openRevoked(lang: string, path: string) {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-badge-wallet
        embed-script="https://cdn.example/microcred.js"
        .credentials=${[await vectorJson(path)]}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-badge-wallet>
    </div>`,
  );
  const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
  await el.ready;
  new WalletHarness(el).openDetailsButton.click();
  await until(el, () => !!root(el).querySelector('dialog[open] mc-verify-button'));
  const dialog = root(el).querySelector('dialog')!;
  await settled(dialog);
  return { el, dialog };
}

/** Verifies in the dialog (its verify button, as a person would) and waits for the outcome. */
async function verify(el: McBadgeWallet, dialog: HTMLDialogElement): Promise<void> {
  const vb = dialog.querySelector('mc-verify-button') as unknown as HTMLElement & { result?: unknown };
  new VerifyButtonHarness(vb as unknown as McVerifyButton).button.click();
  await until(el, () => vb.result !== undefined);
  await el.updateComplete;
}

/**
 * How many rendered elements (in the dialog and the shadow roots inside it) say exactly `word`,
 * each with an icon beside it: what a person sees, hidden parts left out.
 */
function shown(dialog: HTMLDialogElement, word: string): number {
  let n = 0;
  const visit = (node: ParentNode) => {
    for (const e of node.querySelectorAll<HTMLElement>('*')) {
      if (e.shadowRoot) visit(e.shadowRoot);
      const own = [...e.childNodes]
        .map((c) => (c.nodeType === 3 ? c.textContent : ''))
        .join('')
        .trim();
      if (own === word && e.checkVisibility() && e.closest('p, li, span')?.querySelector('svg')) n++;
    }
  };
  visit(dialog);
  return n;
}

const sharing = (dialog: HTMLDialogElement): string[] =>
  [...dialog.querySelectorAll('.share a, .share button, .share textarea')].map(
    (e) => e.textContent!.trim() || e.localName,
  );

for (const lang of ['en', 'es']) {
  describe(`a revoked credential (${lang})`, () => {
    it('offers no sharing once it is known to be revoked, and says so in words', async () => {
      const { el, dialog } = await openRevoked(lang, VV.revoked);
      expect(sharing(dialog).length, 'sharing before anything is known').to.be.greaterThan(0);
      await verify(el, dialog);
      expect(sharing(dialog), 'no LinkedIn, copy link or embed code').to.deep.equal([]);
      // Why, in words: its issuer revoked it (the status itself is said once, by the verify button).
      expect(dialog.querySelector('.share')!.textContent).to.contain(
        lang === 'es'
          ? 'No se ofrece compartirla: su emisor revocó'
          : 'Sharing is not offered: its issuer revoked',
      );
      await expect(el).to.be.accessible();
    });

    it('says "Revoked" once, with one icon: the card in the dialog does not repeat the button', async () => {
      const { el, dialog } = await openRevoked(lang, VV.revoked);
      await verify(el, dialog);
      const word = lang === 'es' ? 'Revocada' : 'Revoked';
      expect(shown(dialog, word), 'visible elements that say it').to.equal(1);
    });

    it('says "Expired" once, with one icon, once the button found it expired', async () => {
      const { el, dialog } = await openRevoked(lang, VV.expired);
      const word = lang === 'es' ? 'Vencida' : 'Expired';
      expect(shown(dialog, word), 'the card says it before verifying').to.equal(1);
      await verify(el, dialog);
      expect(shown(dialog, word), 'only the button says it after').to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('still offers sharing for a credential that verified', async () => {
      const { el, dialog } = await openRevoked(lang, VV.valid);
      await verify(el, dialog);
      expect(sharing(dialog).length).to.be.greaterThan(0);
    });
  });
}

describe('revoked and expired, told apart without colour and leading with the outcome', () => {
  const summaryOf = async (path: string, lang: string) => {
    const h = await verifiedButton(path, lang);
    return {
      words: h.summaryWords,
      reason: h.reason,
      icon: h.summaryIcon,
      colour: getComputedStyle(h.summaryElement!).borderTopColor,
    };
  };

  for (const lang of ['en', 'es']) {
    it(`${lang}: different words, icon shape and colour token; the reason starts with the outcome`, async () => {
      const revoked = await summaryOf(VV.revoked, lang);
      const expired = await summaryOf(VV.expired, lang);
      expect(revoked.words).to.not.equal(expired.words);
      expect(revoked.icon, 'icon shape').to.not.equal(expired.icon);
      expect(revoked.colour, 'colour token').to.not.equal(expired.colour);
      // "Lead with the outcome": the first words say what happened, not "It is authentic, but…".
      const lead =
        lang === 'es' ? ['Revocada por su emisor', 'Vencida'] : ['Revoked by its issuer', 'Expired'];
      expect(revoked.reason.startsWith(lead[0]!), revoked.reason).to.be.true;
      expect(expired.reason.startsWith(lead[1]!), expired.reason).to.be.true;
    });
  }
});

// The card in the one status vocabulary (issue 13 item 6: "one status vocabulary and icon set
// across elements; revoked and expired distinguishable without colour"): its flags draw the shared
// status icons (status/status.ts: revoked a struck circle, suspended a pause sign, expired a clock,
// not yet valid a calendar, verified a tick) with the shared words (`verify.<status>`), and a status
// is said once: while the verify button in its status slot shows a result, the card draws no flag of
// its own (the button says the status, with its icon and its reason). Real vectors, their real
// status list, and a credential suspended by a real (fresh-key) suspension list.
import { expect, html } from '@open-wc/testing';
import type { McCredentialCard, McVerifyButton } from '@microcred/elements';
import { statusIcon, type Status } from '@microcred/elements/status/status.js';
import { en } from '@microcred/elements/i18n/en.js';
import { es } from '@microcred/elements/i18n/es.js';
import { mount, unmountAll } from './helpers/dom.js';
import { CardHarness } from './harness/card.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { NOW, VV, vectorFetch, vectorJson } from './verify-button.helpers.js';
import { suspendedCredential } from './helpers/suspended.js';

afterEach(unmountAll);

const WORDS = { en, es };
const iconOf = (el: Element | null): string | null =>
  el?.querySelector('svg path')?.getAttribute('d') ?? null;
const words = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What each credential comes to, and the `fetch` that serves its status list. */
async function credential(status: 'verified' | 'revoked' | 'suspended' | 'expired') {
  if (status === 'suspended') {
    const { jwt, fetch } = await suspendedCredential();
    return { input: jwt as unknown, fetch };
  }
  const path = { verified: VV.valid, revoked: VV.revoked, expired: VV.expired }[status];
  return { input: (await vectorJson(path)) as unknown, fetch: vectorFetch() };
}

/** A card holding `status`'s credential with a verify button in its status slot, verified. */
async function verifiedInCard(status: 'verified' | 'revoked' | 'suspended' | 'expired', lang: string) {
  const { input, fetch } = await credential(status);
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-credential-card .credential=${input} .now=${NOW}>
        <mc-verify-button slot="status" .now=${NOW} .fetch=${fetch}></mc-verify-button>
      </mc-credential-card>
    </div>`,
  );
  const card = wrapper.querySelector('mc-credential-card') as McCredentialCard;
  const button = wrapper.querySelector('mc-verify-button') as McVerifyButton;
  await button.verify();
  await button.updateComplete;
  await card.updateComplete;
  return { card, button };
}

/** Every status icon drawn in the card and the elements inside it (shadow roots included). */
function statusIcons(card: Element): string[] {
  const shapes = new Set(Object.values(statusIcon));
  const found: string[] = [];
  const walk = (root: ParentNode) => {
    for (const path of root.querySelectorAll('path')) {
      const d = path.getAttribute('d')!;
      // the verify button's collapsed list of checks draws an icon per check; it is not the status
      if (shapes.has(d) && !path.closest('details')) found.push(d);
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(card.shadowRoot!);
  walk(card);
  return found;
}

for (const lang of ['en', 'es'] as const) {
  const t = WORDS[lang];
  describe(`the card's flags: the shared status icons and words (${lang})`, () => {
    it('expired: the clock and the shared word', async () => {
      const card = await mount<McCredentialCard>(
        html`<mc-credential-card
          lang=${lang}
          .credential=${await vectorJson(VV.expired)}
          .now=${NOW}
        ></mc-credential-card>`,
      );
      const flag = CardHarness.of(card).expiredFlag;
      expect(iconOf(flag)).to.equal(statusIcon.expired);
      expect(words(flag)).to.equal(t['verify.expired']);
    });

    it('not yet valid: the calendar, not the warning triangle', async () => {
      const input = await vectorJson(VV.validOffline);
      // validFrom 2025-01-09: a day before it, the credential is not valid yet
      const card = await mount<McCredentialCard>(
        html`<mc-credential-card
          lang=${lang}
          .credential=${input}
          .now=${new Date('2025-01-08T00:00:00Z')}
        ></mc-credential-card>`,
      );
      const flag = card.shadowRoot!.querySelector('.flag');
      expect(iconOf(flag)).to.equal(statusIcon.notYetValid);
      expect(words(flag)).to.contain(t.notYetValid.split('{date}')[0]!.trim());
    });

    for (const status of ['verified', 'revoked', 'suspended'] as const) {
      it(`${status}: once the verify button is taken out, the card's flag says it with the shared icon and word`, async () => {
        const { card, button } = await verifiedInCard(status, lang);
        const moved = new Promise((r) =>
          card
            .shadowRoot!.querySelector('slot[name=status]')!
            .addEventListener('slotchange', r, { once: true }),
        );
        button.remove();
        await moved;
        await card.updateComplete;
        const flag = CardHarness.of(card).verdict;
        expect(iconOf(flag), 'icon').to.equal(statusIcon[status as Status]);
        expect(words(flag)).to.equal(t[`verify.${status}`]);
        await expect(card).to.be.accessible();
      });
    }
  });
}

describe('a status is said once: the verify button in the card says it, the card draws no flag', () => {
  for (const status of ['verified', 'revoked', 'suspended', 'expired'] as const) {
    it(`${status}: one status icon and one status word in the card`, async () => {
      const { card, button } = await verifiedInCard(status, 'en');
      const h = CardHarness.of(card);
      expect(h.verdict, 'no verdict flag').to.equal(null);
      expect(h.expiredFlag, 'no expired flag').to.equal(null);
      expect(new VerifyButtonHarness(button).summaryWords).to.equal(en[`verify.${status}`]);
      expect(statusIcons(card)).to.deep.equal([statusIcon[status]]);
      // the card's own state still says it, for the page's styles
      expect(card.matches(`:state(${status === 'suspended' ? 'revoked' : status})`)).to.equal(true);
      await expect(card).to.be.accessible();
    });
  }

  it('an expired credential: the card says Expired until its verify button has a result', async () => {
    const card = await mount<McCredentialCard>(
      html`<mc-credential-card .credential=${await vectorJson(VV.expired)} .now=${NOW}>
        <mc-verify-button slot="status" .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
      </mc-credential-card>`,
    );
    expect(words(CardHarness.of(card).expiredFlag)).to.equal('Expired');
    expect(statusIcons(card)).to.deep.equal([statusIcon.expired]);
    await card.querySelector<McVerifyButton>('mc-verify-button')!.verify();
    await card.updateComplete;
    expect(CardHarness.of(card).expiredFlag).to.equal(null);
    expect(statusIcons(card)).to.deep.equal([statusIcon.expired]);
  });

  it('a verify button beside the card (named by for) with a result: the card draws no flag either', async () => {
    const wrapper = await mount(
      html`<div>
        <mc-credential-card
          id="beside"
          .credential=${await vectorJson(VV.expired)}
          .now=${NOW}
        ></mc-credential-card>
        <mc-verify-button for="beside" .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
      </div>`,
    );
    const card = wrapper.querySelector('mc-credential-card') as McCredentialCard;
    const button = wrapper.querySelector('mc-verify-button') as McVerifyButton;
    await card.updateComplete;
    expect(words(CardHarness.of(card).expiredFlag), 'before: the card says it').to.equal('Expired');
    await button.verify();
    await button.updateComplete;
    await card.updateComplete;
    expect(new VerifyButtonHarness(button).summaryWords).to.equal('Expired');
    expect(CardHarness.of(card).expiredFlag, 'after: only the button says it').to.equal(null);
    await expect(wrapper).to.be.accessible();
  });
});

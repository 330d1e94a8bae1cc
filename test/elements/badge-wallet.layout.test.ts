// <mc-badge-wallet> layout: 320 px reflow (no horizontal overflow, in display and owner mode, en and
// es; the dialog on a 320 px screen, a long address included), forced colours (the block exists and gives system colours to chips, marks, buttons, the dialog
// and focus rings) and print (controls hidden, tiles kept whole, an open credential printed alone).
// axe cannot run in forced-colours mode, so these check the styles the mode relies on.
import { expect, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { NOW } from './helpers/card.js';
import { deleteWallets, newKey, offline } from './helpers/wallet.js';
import { WalletHarness } from './harness/wallet.js';

const R = '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources';

async function credentials(): Promise<unknown[]> {
  const get = async (path: string) => (await (await fetch(path)).json()) as Record<string, unknown>;
  const full = await get('/vectors/obv3-examples/ref/full_ex.json');
  return [
    full,
    await get(`${R}/ob30/simple.json`),
    { ...full, id: 'urn:uuid:4a1c0d2e-1111-4000-8000-000000000001' },
  ];
}

async function wallet(mode: 'display' | 'owner', lang: string, width = 320): Promise<McBadgeWallet> {
  const creds = await credentials();
  const key = newKey();
  const wrapper = await mount(
    html`<div lang=${lang} style=${`inline-size: ${width}px`}>
      ${
        mode === 'owner'
          ? html`<mc-badge-wallet
              editable
              storage-key=${key}
              .now=${NOW}
              .fetch=${offline}
            ></mc-badge-wallet>`
          : html`<mc-badge-wallet .credentials=${creds} .now=${NOW}></mc-badge-wallet>`
      }
    </div>`,
  );
  const el = wrapper.querySelector('mc-badge-wallet')!;
  await el.ready;
  if (mode === 'owner') await el.importItems(creds.map((value) => ({ kind: 'data' as const, value })));
  const h = new WalletHarness(el);
  await h.settleAll();
  for (const card of h.cards) await settled(card);
  return el;
}

/** Every box (through shadow roots) whose right edge passes the wallet's (or `within`'s). */
function overflowing(el: HTMLElement, within: Element = el): string[] {
  const limit = within.getBoundingClientRect().right + 0.5;
  const out: string[] = [];
  const walk = (root: ParentNode) => {
    for (const node of root.querySelectorAll('*')) {
      const r = node.getBoundingClientRect();
      if (r.width > 0 && r.right > limit)
        out.push(`${node.localName}.${node.className} (${Math.round(r.right)})`);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(within === el ? el.shadowRoot! : within);
  return out;
}

/** The wallet's @media rules by condition. */
function mediaRules(el: HTMLElement, condition: string): CSSMediaRule[] {
  return el
    .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
    .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === condition);
}

afterEach(async () => {
  await emulateMedia({ media: 'screen' });
  await setViewport({ width: 800, height: 600 });
  unmountAll();
  await deleteWallets();
});

describe('<mc-badge-wallet> layout', () => {
  for (const mode of ['display', 'owner'] as const) {
    for (const lang of ['en', 'es']) {
      it(`reflows at 320 px with no horizontal overflow (${mode}, ${lang})`, async () => {
        const el = await wallet(mode, lang);
        expect(new WalletHarness(el).cards.length).to.equal(3);
        expect(el.scrollWidth).to.be.at.most(320);
        expect(overflowing(el)).to.deep.equal([]);
      });
    }
  }

  for (const lang of ['en', 'es']) {
    it(`opens a credential on a 320 px screen with no horizontal overflow, long address included (${lang})`, async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await wallet('display', lang);
      el.credentials = [
        {
          ...((await credentials())[0] as object),
          id: 'https://badges.example.edu/credentials/4a1c0d2e-1111-4000-8000-000000000001-a-very-long-path',
        },
      ];
      const h = new WalletHarness(el);
      await h.settle();
      const dialog = await h.openDetails(0);
      expect(dialog.querySelector('.share a'), 'the long address is shown').to.exist;
      expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
      expect(overflowing(el, dialog)).to.deep.equal([]);
    });
  }

  it('points the move arrows the way the credentials run: left to right, and mirrored right to left', async () => {
    const el = await wallet('owner', 'en');
    const arrows = (dir: string) => {
      el.parentElement!.dir = dir;
      const h = new WalletHarness(el);
      const [earlier, later] = h.moveButtons(h.items[1]!).map((b) => b.querySelector('.icon'));
      // Unmirrored, the icon points to the left (the inline start in a left-to-right page).
      const mirrored = (icon: Element) => getComputedStyle(icon).transform !== 'none';
      return [mirrored(earlier!), mirrored(later!)];
    };
    expect(arrows('ltr'), 'earlier points left, later right').to.deep.equal([false, true]);
    expect(arrows('rtl'), 'earlier points right, later left').to.deep.equal([true, false]);
  });

  it('has a forced-colours block that gives chips, marks, buttons and the dialog system colours', async () => {
    const el = await wallet('owner', 'en');
    const [rule] = mediaRules(el, '(forced-colors: active)');
    expect(rule, '@media (forced-colors: active)').to.exist;
    const text = rule!.cssText.toLowerCase();
    for (const selector of ['.chip', '.mark', 'button', 'dialog', ':focus-visible'])
      expect(text).to.include(selector);
    expect(text).to.include('canvastext');

    // (The test browser does not emulate forced colours, so the rules are checked, not rendered.)
    for (const rule of mediaRules(el, '(forced-colors: active)')[0]!.cssRules) {
      expect((rule as CSSStyleRule).style.length, rule.cssText).to.be.above(0);
    }
  });

  it('prints the credentials without controls, and an open credential alone', async () => {
    const el = await wallet('owner', 'en', 800);
    expect(mediaRules(el, 'print')).to.have.length(1);
    await emulateMedia({ media: 'print' });
    expect(matchMedia('print').matches).to.be.true;
    const shown = (selector: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)].filter(
        (e) => getComputedStyle(e).display !== 'none',
      );
    const h = new WalletHarness(el);
    expect([h.toolbar!].filter((e) => getComputedStyle(e).display !== 'none')).to.have.length(0);
    expect(h.actions.filter((e) => getComputedStyle(e).display !== 'none')).to.have.length(0);
    expect(shown('button')).to.have.length(0);
    expect(shown('mc-credential-card')).to.have.length(3);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.tile')!).breakInside).to.equal('avoid');

    el.openDetails(el.records[0]!.key);
    expect((await h.openedDialog()).open).to.be.true;
    expect(getComputedStyle(h.grids[0]!).display).to.equal('none');
    const dialog = getComputedStyle(h.dialog!);
    expect(dialog.position, 'not fixed: printed once, not on every page').to.equal('absolute');
    expect(dialog.maxBlockSize).to.equal('none');
  });
});

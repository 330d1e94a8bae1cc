// Structure and reflow of the dialogs (issue 13 items 5 and 7), in English and Spanish.
// - WCAG 1.3.1 Info and Relationships: "Information, structure, and relationships conveyed through
//   presentation can be programmatically determined" — a dialog's title is a heading, said once.
// - WCAG 1.4.10 Reflow: content "can be presented without loss of information or functionality,
//   and without requiring scrolling in two dimensions for: vertical scrolling content at a width
//   equivalent to 320 CSS pixels; horizontal scrolling content at a height equivalent to 256 CSS
//   pixels" — a word broken in two ("Clo|se") is lost information; a title filling a 320 × 256
//   window leaves no room for the content.
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/verify-button/mc-verify-button.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { offline, root, until } from './helpers/wallet.js';
import { NOW, V, vector } from './helpers/card.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';
import { CardHarness } from './harness/card.js';
import { CatalogHarness } from './harness/catalog.js';
import { WalletHarness } from './harness/wallet.js';

afterEach(async () => {
  unmountAll();
  await setViewport({ width: 800, height: 600 });
});

/** The accessible name a dialog points at (aria-labelledby): a hidden copy of the name in its language. */
const nameOf = (d: Element): string =>
  norm((d.getRootNode() as ShadowRoot).getElementById(d.getAttribute('aria-labelledby')!)?.textContent);

/** Every element under `root`, through open shadow roots. */
function deepAll(r: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const node of r.querySelectorAll('*')) {
    out.push(node);
    if (node.shadowRoot) out.push(...deepAll(node.shadowRoot));
  }
  return out;
}
const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
/**
 * Elements that show exactly `text` on their own (headings, spans), in `r`: the outermost of a nest
 * (a heading around a `<span dir="auto">` says it once), and not a name inside a sentence of ours
 * ("Register for <span lang>…</span>", marked for its language), whose parent has words of its own,
 * nor a hidden one (the copy of a name a dialog is named by, shown nowhere).
 */
const saying = (r: Element, text: string): Element[] =>
  deepAll(r).filter(
    (e) =>
      norm(e.textContent) === text &&
      !e.closest('[hidden]') &&
      norm(e.parentElement?.textContent) !== text &&
      ![...(e.parentElement?.childNodes ?? [])].some(
        (n) => n.nodeType === Node.TEXT_NODE && norm(n.textContent),
      ) &&
      !(e.shadowRoot && deepAll(e.shadowRoot).some((c) => norm(c.textContent) === text)),
  );

/** How many lines the text of `e` takes. */
function lines(e: Element): number {
  const range = document.createRange();
  range.selectNodeContents(e);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}

async function openCatalog(lang: string) {
  const wrapper = await mount(
    html`<div lang=${lang}><mc-catalog .items=${lakesideCatalogFeed} .now=${NOW}></mc-catalog></div>`,
  );
  const el = wrapper.querySelector('mc-catalog')!;
  await settled(el);
  const dialog = await new CatalogHarness(el).open(0);
  await settled(dialog);
  const card = dialog.querySelector('mc-credential-card')!;
  await settled(card);
  return { el, dialog, name: el.results[0]!.name };
}

async function openWallet(lang: string) {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-badge-wallet .credentials=${[await vector(V.full)]} .now=${NOW} .fetch=${offline}></mc-badge-wallet>
    </div>`,
  );
  const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
  await el.ready;
  new WalletHarness(el).openDetailsButton.click();
  await until(el, () => !!root(el).querySelector('dialog[open] mc-credential-card'));
  const dialog = root(el).querySelector('dialog')!;
  await settled(dialog);
  await settled(dialog.querySelector('mc-credential-card')!);
  return { el, dialog };
}

for (const lang of ['en', 'es']) {
  describe(`dialog structure and reflow (${lang})`, () => {
    it('catalog: the dialog is named by the entry, whose name is a heading, said once', async () => {
      const { el, dialog, name } = await openCatalog(lang);
      expect(nameOf(dialog)).to.equal(name);
      const said = saying(dialog, name);
      expect(
        said.map((e) => e.localName),
        'the name is shown once, as a heading',
      ).to.deep.equal([said[0]?.localName]);
      expect(said[0]!.localName).to.match(/^h[1-6]$/);
      // Focus is on the dialog (named by the entry), not on <body>.
      expect(el.shadowRoot!.activeElement).to.equal(dialog);
    });

    it('catalog: at 320 × 256 the entry (its card) starts in the first half of the window', async () => {
      await setViewport({ width: 320, height: 256 });
      const { dialog } = await openCatalog(lang);
      const card = dialog.querySelector('mc-credential-card')!;
      const top = card.getBoundingClientRect().top - dialog.getBoundingClientRect().top;
      expect(top, 'what comes before the entry fits in a third of the window').to.be.lessThan(256 / 3);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    });

    it('wallet: the credential dialog says its name once (not as h2 and h3)', async () => {
      const { dialog } = await openWallet(lang);
      const name = nameOf(dialog);
      expect(name).to.not.equal('');
      const said = saying(dialog, name);
      expect(said).to.have.length(1);
      expect(said[0]!.localName).to.match(/^h[1-6]$/);
    });

    for (const [width, zoom] of [
      [320, 1],
      [1280, 4],
    ] as const)
      it(`wallet: Close stays one word at ${width} px${zoom > 1 ? ' and 400 % text' : ''}`, async () => {
        await setViewport({ width: width / zoom, height: 640 });
        const { dialog } = await openWallet(lang);
        const close = dialog.querySelector<HTMLElement>('.close')!;
        expect(lines(close), `"${norm(close.textContent)}" on one line`).to.equal(1);
        expect(close.getBoundingClientRect().right).to.be.at.most(dialog.getBoundingClientRect().right);
      });

    it('catalog: results have one tab stop each (Details), not an issuer link before every one', async () => {
      const wrapper = await mount(
        html`<div lang=${lang}><mc-catalog .items=${lakesideCatalogFeed} .now=${NOW}></mc-catalog></div>`,
      );
      const el = wrapper.querySelector('mc-catalog')!;
      await settled(el);
      const items = new CatalogHarness(el).items;
      expect(items.length).to.be.greaterThan(1);
      for (const item of items) {
        const stops = deepAll(item).filter((e) => e.matches('a[href], button, input, select, textarea'));
        expect(
          stops.map((e) => e.localName),
          norm(item.textContent).slice(0, 40),
        ).to.deep.equal(['button']);
      }
      // The full card (the dialog) still links its issuer.
      const { dialog } = await openCatalog(lang);
      const card = dialog.querySelector('mc-credential-card')!;
      expect(CardHarness.of(card).issuerLink?.hasAttribute('href'), 'an issuer link').to.equal(true);
    });
  });
}

// Every heading an element draws follows its `heading-level` (packages/elements/README.md, "Heading
// levels"; issue 13): no fixed h2 or h3 that ignores the page the element is placed in.
// - WCAG 1.3.1 Info and Relationships: "Information, structure, and relationships conveyed through
//   presentation can be programmatically determined or are available in text."
// - WCAG 2.4.6 Headings and Labels: "Headings and labels describe topic or purpose." A heading at
//   the wrong level puts a section under the wrong parent in the outline screen reader users move by.
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import type { McCatalog } from '@microcred/elements/catalog/catalog.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { offline, root, until } from './helpers/wallet.js';
import { NOW, V, vector } from './helpers/card.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';
import { WalletHarness } from './harness/wallet.js';

afterEach(unmountAll);

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

describe('heading levels follow heading-level', () => {
  for (const level of [2, 3, 4]) {
    it(`catalog at ${level}: "Filters" is an h${level}, beside the results' names (h${level}), not above them`, async () => {
      const wrapper = await mount(
        html`<div lang="en">
          <mc-catalog .items=${lakesideCatalogFeed} .now=${NOW} heading-level=${level}></mc-catalog>
        </div>`,
      );
      const el = wrapper.querySelector<McCatalog>('mc-catalog')!;
      await settled(el);
      const filters = el.shadowRoot!.querySelector('#filters-title')!;
      expect(filters.localName).to.equal(`h${level}`);
      expect(norm(filters.querySelector('.title')?.textContent)).to.equal('Filters');
      const card = el.shadowRoot!.querySelector('mc-credential-card')!;
      await settled(card);
      expect(card.shadowRoot!.querySelector('[part~="name"]')?.localName).to.equal(`h${level}`);
    });
  }

  // The dialog shows the card at max(2, N); Share and Download belong to that credential: one below.
  for (const [level, card, sections] of [
    [2, 2, 3],
    [3, 3, 4],
    [5, 5, 6],
    [6, 6, 6],
  ] as const) {
    it(`wallet at ${level}: the credential dialog's Share and Download are h${sections}, under its name (h${card})`, async () => {
      const wrapper = await mount(
        html`<div lang="en">
          <mc-badge-wallet
            .credentials=${[await vector(V.full)]}
            .now=${NOW}
            .fetch=${offline}
            heading-level=${level}
          ></mc-badge-wallet>
        </div>`,
      );
      const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
      await el.ready;
      new WalletHarness(el).openDetailsButton.click();
      await until(el, () => !!root(el).querySelector('dialog[open] #share-title'));
      const dialog = root(el).querySelector('dialog')!;
      const shown = dialog.querySelector('mc-credential-card')!;
      await settled(shown);
      expect(shown.shadowRoot!.querySelector('[part~="name"]')?.localName).to.equal(`h${card}`);
      expect(dialog.querySelector('#share-title')?.localName).to.equal(`h${sections}`);
      expect(dialog.querySelector('#export-title')?.localName).to.equal(`h${sections}`);
    });
  }
});

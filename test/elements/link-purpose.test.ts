// Link purpose and distinct control names in the catalog and the wallet (issue 13 item 7), in
// English and Spanish.
// - WCAG 2.4.4 Link Purpose (In Context): "The purpose of each link can be determined from the link
//   text alone or from the link text together with its programmatically determined link context" —
//   five buttons all named "View details" do not say which credential each opens; an identical
//   issuer link before every tile's own button is clutter between a person and the results.
// - WCAG 2.4.6 Headings and Labels: "Headings and labels describe topic or purpose."
import { expect, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import '@microcred/elements/credential-card/mc-credential-card.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { manyCredentials, offline, until } from './helpers/wallet.js';
import { when } from './helpers/when.js';
import { CardHarness } from './harness/card.js';
import { CatalogHarness } from './harness/catalog.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW } from './helpers/card.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';

afterEach(unmountAll);

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}
/** The names of the page's buttons, from Chromium's accessibility tree (through shadow roots). */
async function buttonNames(): Promise<string[]> {
  const names: string[] = [];
  const walk = (n: AxNode): void => {
    if (n.role === 'button' && n.name) names.push(n.name);
    n.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as AxNode);
  return names;
}
/** What a Details button shows. */
const seen = (b: HTMLElement): string => norm(b.textContent);
/** A Details button's name: the hidden sentence it points at (aria-labelledby). */
const named = (b: HTMLElement): string =>
  norm((b.getRootNode() as ShadowRoot).getElementById(b.getAttribute('aria-labelledby') ?? '')?.textContent);

/** Each tile's card name (as shown), its Details button (`button(item)`), and its issuer fact. */
function tiles(items: HTMLElement[], button: (item: HTMLElement) => HTMLButtonElement) {
  return items.map((item) => {
    const card = CardHarness.of(item.querySelector('mc-credential-card')!);
    return { name: card.name, button: button(item), issuer: card.section('issuer') };
  });
}

async function catalog(lang: string) {
  const wrapper = await mount(
    html`<div lang=${lang}><mc-catalog .items=${lakesideCatalogFeed} .now=${NOW}></mc-catalog></div>`,
  );
  const el = wrapper.querySelector('mc-catalog')!;
  await settled(el);
  for (const card of el.shadowRoot!.querySelectorAll('mc-credential-card')) await settled(card);
  const h = new CatalogHarness(el);
  const buttons = h.detailsButtons;
  expect(buttons, 'one Details button per result').to.have.length(h.items.length);
  return tiles(h.items, (item) => buttons.find((b) => item.contains(b))!);
}

async function wallet(lang: string, credentials: unknown[]) {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-badge-wallet .credentials=${credentials} .now=${NOW} .fetch=${offline}></mc-badge-wallet>
    </div>`,
  );
  const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
  await el.ready;
  const h = new WalletHarness(el);
  await until(
    el,
    () =>
      h.cards.length === credentials.length &&
      h.cards.every((c) => !!c.shadowRoot && !!CardHarness.of(c).heading),
  );
  return tiles(h.items, (item) => h.detailsButton(item));
}

for (const lang of ['en', 'es']) {
  const details = lang === 'en' ? 'Details' : 'Detalles';

  describe(`names and links of the tiles (${lang})`, () => {
    it('catalog: each Details button is named by its entry ("Details: name"), no two alike', async () => {
      const shown = await catalog(lang);
      expect(shown.length).to.be.greaterThan(4);
      for (const t of shown) {
        expect(t.name).to.not.equal('');
        // The visible word comes first in the name (2.5.3 Label in Name), then the entry.
        expect(seen(t.button)).to.equal(details);
        expect(named(t.button)).to.equal(`${details}: ${t.name}`);
      }
      const names = shown.map((t) => named(t.button));
      expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
      // …and the browser names each button so (test/elements/names-in-sentences.test.ts marks the name's language).
      expect(await buttonNames()).to.include.members(names);
    });

    it('wallet: each Details button is named by its credential ("Details: name"), no two alike', async () => {
      const shown = await wallet(lang, await manyCredentials(5));
      expect(shown).to.have.length(5);
      for (const t of shown) {
        expect(seen(t.button)).to.equal(details);
        expect(named(t.button)).to.equal(`${details}: ${t.name}`);
      }
      const names = shown.map((t) => named(t.button));
      expect(new Set(names).size, names.join(' | ')).to.equal(5);
      expect(await buttonNames()).to.include.members(names);
    });

    it('compact tiles (catalog and wallet) name their issuer as text, without a link; the full card links it', async () => {
      const credentials = await manyCredentials(3);
      for (const shown of [await catalog(lang), await wallet(lang, credentials)])
        for (const t of shown) {
          expect(norm(t.issuer?.textContent), t.name).to.not.equal('');
          expect(t.issuer!.querySelector('a'), t.name).to.equal(null);
        }
      // Not for want of an issuer address: the same credential in full links its issuer.
      const card = await mount(
        html`<mc-credential-card
          lang=${lang}
          .credential=${credentials[0]}
          .now=${NOW}
        ></mc-credential-card>`,
      );
      await when(card, () => !!CardHarness.of(card).issuerLink);
      expect(CardHarness.of(card).issuerLink!.hasAttribute('href'), 'an issuer link').to.equal(true);
    });
  });
}

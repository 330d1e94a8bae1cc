// Issuer names inside our own sentences and accessible names carry their language (issue 13 item
// 3, WCAG 3.1.2 Language of Parts: "The human language of each passage or phrase in the content can
// be programmatically determined"). On a Spanish page with English credential names: the
// tracker's call to action ("Comenzar <name>"), the catalog's and the wallet's Details buttons
// ("Detalles: <name>": a hidden sentence they point at with aria-labelledby, not a flat aria-label)
// and the catalog's register link ("Inscribirse en <name>") mark the name with
// lang="en" (lang="" when the issuer declared no language), and the words around it stay the page's.
// Chromium's own accessibility tree gives the names.
import { expect, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import '@microcred/elements/credential-card/mc-credential-card.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { NOW } from './helpers/card.js';
import { deleteWallets, newKey, ownerWallet, until } from './helpers/wallet.js';
import { CatalogHarness } from './harness/catalog.js';
import { TrackerHarness } from './harness/tracker.js';
import { WalletHarness } from './harness/wallet.js';

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

const FEED = 'https://district.example/achievements';
const issuer = { id: 'https://district.example/', type: ['Profile'], name: 'Lakeside USD' };
/** Two English entries (one with a way to register) and one whose language nobody declared. */
const feed = {
  type: 'CatalogFeed',
  name: 'Lakeside',
  stacks: [{ id: 'literacy', name: 'Literacy' }],
  achievements: [
    {
      id: `${FEED}/reading`,
      type: ['Achievement'],
      name: 'Foundations of Reading',
      inLanguage: 'en',
      creator: issuer,
      criteria: { narrative: 'Teach three lessons.' },
      stacks: ['literacy'],
      registration: { url: 'https://district.example/register/reading', cost: 'Free' },
    },
    {
      id: `${FEED}/writing`,
      type: ['Achievement'],
      name: 'Writing Workshop',
      inLanguage: 'en',
      creator: issuer,
      criteria: { narrative: 'Run a workshop.' },
      stacks: ['literacy'],
    },
    {
      id: `${FEED}/math`,
      type: ['Achievement'],
      name: 'Number Talks',
      creator: issuer,
      criteria: { narrative: 'Lead five number talks.' },
      stacks: ['literacy'],
    },
  ],
};

/** An unsigned OB 3.0 credential in English for the feed's achievement `i` (shown, not verified). */
const credential = (i: number) => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:0f6d7f2e-1c1b-4d43-9a57-00000000000${i}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer,
  validFrom: '2026-01-10T00:00:00Z',
  name: feed.achievements[i]!.name,
  inLanguage: 'en',
  credentialSubject: { type: ['AchievementSubject'], achievement: feed.achievements[i]! },
});

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}
/** The names of the page's buttons and links (or `roles`), from Chromium's accessibility tree (through shadow roots). */
async function controlNames(roles = ['button', 'link']): Promise<string[]> {
  const names: string[] = [];
  const walk = (n: AxNode): void => {
    if (roles.includes(n.role!) && n.name) names.push(n.name);
    n.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as AxNode);
  return names;
}

/**
 * The issuer names marked inside `el`'s sentence — its own text, or for a control named by a hidden
 * sentence it points at (aria-labelledby), that sentence: each one's text and `lang`.
 */
const marked = (el: Element): [string, string | null][] => {
  const by = el.getAttribute('aria-labelledby');
  const sentence = by ? (el.getRootNode() as ShadowRoot).getElementById(by)! : el;
  return [...sentence.querySelectorAll('span[dir=auto]')].map((s) => [
    s.textContent!.trim(),
    s.getAttribute('lang'),
  ]);
};

describe('names inside our sentences carry the issuer text language (Spanish page, English names)', () => {
  it('catalog: each Details button is named "Detalles: <name>" by a sentence, the name lang=en (lang="" when undeclared)', async () => {
    const wrapper = await mount(
      html`<main lang="es"><mc-catalog .items=${feed} .now=${NOW}></mc-catalog></main>`,
    );
    const el = wrapper.querySelector('mc-catalog')!;
    await settled(el);
    const buttons = new CatalogHarness(el).detailsButtons;
    expect(buttons).to.have.length(3);
    for (const b of buttons) expect(b.hasAttribute('aria-label'), 'no flat aria-label').to.equal(false);
    expect(buttons.map(marked)).to.have.deep.members([
      [['Foundations of Reading', 'en']],
      [['Writing Workshop', 'en']],
      [['Number Talks', '']],
    ]);
    const names = await controlNames();
    for (const n of ['Foundations of Reading', 'Writing Workshop', 'Number Talks'])
      expect(names, n).to.include(`Detalles: ${n}`);
    await expect(el).to.be.accessible();
  });

  it('catalog: the register link "Inscribirse en <name>" marks the name lang=en', async () => {
    const wrapper = await mount(
      html`<main lang="es"><mc-catalog .items=${feed} .now=${NOW}></mc-catalog></main>`,
    );
    const el = wrapper.querySelector('mc-catalog')!;
    await settled(el);
    const h = new CatalogHarness(el);
    await h.open(0);
    const link = h.register!;
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Inscribirse en Foundations of Reading');
    expect(marked(link)).to.deep.equal([['Foundations of Reading', 'en']]);
    expect(link.getAttribute('lang'), 'our words stay the page language').to.equal(null);
    // as drawn (innerText follows the layout): one line, the space before the name kept
    expect((link as HTMLElement).innerText.trim()).to.equal('Inscribirse en Foundations of Reading');
  });

  it('tracker: a call to action ("Comenzar <name>") marks the name lang=en, our verb stays Spanish', async () => {
    const wrapper = await mount(
      html`<main lang="es">
        <mc-progress-tracker .pathway=${feed} .credentials=${[]} .now=${NOW}></mc-progress-tracker>
      </main>`,
    );
    const el = wrapper.querySelector('mc-progress-tracker')!;
    await settled(el);
    const actions = new TrackerHarness(el as never).actions;
    expect(actions.length).to.be.greaterThan(0);
    for (const a of actions) {
      const [[name, lang]] = marked(a) as [[string, string]];
      expect(lang, name).to.equal(name === 'Number Talks' ? '' : 'en');
      const words = a.textContent!.replace(/\s+/g, ' ').trim();
      expect(words.endsWith(name), words).to.equal(true);
      expect(words.length, 'a Spanish verb before the name').to.be.greaterThan(name.length);
      // As drawn: innerText follows the layout, so a verb and a name laid out as two flex items
      // read "Comenzar\nNumber Talks" and show "ComenzarNumber Talks" (the space between them lost).
      expect((a as HTMLElement).innerText, 'a space before the name').to.include(` ${name}`);
      expect((a as HTMLElement).innerText).not.to.include('\n');
    }
    await expect(el).to.be.accessible();
  });

  it('wallet: each Details button is named "Detalles: <name>" by a sentence, the name lang=en', async () => {
    const wrapper = await mount(
      html`<main lang="es">
        <mc-badge-wallet .credentials=${[credential(0), credential(1)]} .now=${NOW}></mc-badge-wallet>
      </main>`,
    );
    const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
    await el.ready;
    const h = new WalletHarness(el);
    await until(el, () => h.items.length === 2);
    const buttons = h.items.map((i) => h.detailsButton(i));
    for (const b of buttons) expect(b.hasAttribute('aria-label'), 'no flat aria-label').to.equal(false);
    expect(buttons.map(marked)).to.deep.equal([
      [['Foundations of Reading', 'en']],
      [['Writing Workshop', 'en']],
    ]);
    const names = await controlNames();
    for (const n of ['Foundations of Reading', 'Writing Workshop'])
      expect(names, n).to.include(`Detalles: ${n}`);
    await expect(el).to.be.accessible();
  });

  // A dialog is named by the credential whose card it shows. The card's heading is in the card's own
  // shadow root, which aria-labelledby cannot reach: a hidden copy of the name, marked lang, names it.
  it('catalog: the details dialog is named by the entry, the name lang=en, not a flat aria-label', async () => {
    const wrapper = await mount(
      html`<main lang="es"><mc-catalog .items=${feed} .now=${NOW}></mc-catalog></main>`,
    );
    const el = wrapper.querySelector('mc-catalog')!;
    await settled(el);
    const dialog = await new CatalogHarness(el).open(0);
    await settled(dialog);
    expect(dialog.hasAttribute('aria-label'), 'no flat aria-label').to.equal(false);
    expect(marked(dialog)).to.deep.equal([['Foundations of Reading', 'en']]);
    expect(await controlNames(['dialog'])).to.deep.equal(['Foundations of Reading']);
    await expect(el).to.be.accessible();
  });

  it('wallet: the details dialog is named by the credential, the name lang=en, not a flat aria-label', async () => {
    const wrapper = await mount(
      html`<main lang="es">
        <mc-badge-wallet .credentials=${[credential(0), credential(1)]} .now=${NOW}></mc-badge-wallet>
      </main>`,
    );
    const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
    await el.ready;
    const h = new WalletHarness(el);
    await until(el, () => h.items.length === 2);
    const dialog = await h.openDetails(1);
    expect(dialog.hasAttribute('aria-label'), 'no flat aria-label').to.equal(false);
    expect(marked(dialog)).to.deep.equal([['Writing Workshop', 'en']]);
    expect(await controlNames(['dialog'])).to.deep.equal(['Writing Workshop']);
    await expect(el).to.be.accessible();
  });

  it('tracker: the progress bar is named "Progreso en <name>" by a sentence, the name lang=en (full and compact)', async () => {
    for (const compact of [false, true]) {
      const wrapper = await mount(
        html`<main lang="es">
          <mc-progress-tracker
            .pathway=${feed}
            .credentials=${[]}
            .now=${NOW}
            variant=${compact ? 'compact' : 'full'}
          ></mc-progress-tracker>
        </main>`,
      );
      const el = wrapper.querySelector('mc-progress-tracker')!;
      await settled(el);
      const bar = el.shadowRoot!.querySelector('[role=progressbar]')!;
      expect(bar.hasAttribute('aria-label'), 'no flat aria-label').to.equal(false);
      expect(marked(bar)).to.deep.equal([['Literacy', 'en']]);
      expect(await controlNames(['progressbar'])).to.deep.equal(['Progreso en Literacy']);
      await expect(el).to.be.accessible();
      unmountAll();
    }
  });

  // A person's name is in no language we know: HTML §3.2.6.2, lang="" — "the primary language is
  // unknown" — never the page's. Laid out by its own direction (dir="auto", HTML §3.2.6.4), so on
  // an Arabic page "Maya Okafor." keeps its full stop on the right, not drawn ".Maya Okafor".
  it('card: the recipient name is marked lang="" and laid out left to right on an Arabic page', async () => {
    const wrapper = await mount(
      html`<main lang="ar" dir="rtl">
        <mc-credential-card
          .now=${NOW}
          .credential=${{
            ...credential(0),
            credentialSubject: { ...credential(0).credentialSubject, name: 'Maya Okafor.' },
          }}
        ></mc-credential-card>
      </main>`,
    );
    const el = wrapper.querySelector('mc-credential-card')!;
    await settled(el);
    const dd = el.shadowRoot!.querySelector('[part=recipient] dd')!;
    expect(dd.textContent!.trim()).to.equal('Maya Okafor.');
    expect(dd.closest('[lang]')?.getAttribute('lang'), 'unknown language').to.equal('');
    expect(getComputedStyle(dd).direction).to.equal('ltr');
    // our label stays the page's
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=recipient] dt')!).direction).to.equal('rtl');
  });

  it('wallet owner: Manage and each action in it are named "<action>: <name>" by a sentence, the name lang=en', async () => {
    const el = await ownerWallet(newKey(), 'es');
    await el.importItems([
      { kind: 'data', value: credential(0) },
      { kind: 'data', value: credential(1) },
    ]);
    await el.updateComplete;
    const h = new WalletHarness(el);
    await until(el, () => h.items.length === 2);
    const item = h.items.find((i) => i.textContent!.includes('Writing Workshop'))!;
    const manage = h.manage(item);
    await el.updateComplete;
    const controls = [manage.querySelector('summary')!, ...manage.querySelectorAll('button')];
    expect(controls).to.have.length(6); // Manage, feature, hide, move earlier / later, remove
    const sentences: string[] = [];
    for (const c of controls) {
      expect(c.hasAttribute('aria-label'), 'no flat aria-label').to.equal(false);
      expect(marked(c)).to.deep.equal([['Writing Workshop', 'en']]);
      const by = (c.getRootNode() as ShadowRoot).getElementById(c.getAttribute('aria-labelledby')!)!;
      sentences.push(by.textContent!.replace(/\s+/g, ' ').trim());
    }
    expect(sentences[0]).to.equal('Administrar: Writing Workshop');
    const names = await controlNames();
    for (const n of sentences.slice(1)) expect(names, n).to.include(n);
    await expect(el).to.be.accessible();
  });

  // Live region: what a move or a removal says ("<name> movido a la posición 1.") marks the name
  // inside the region's text, so the name is read in its own language within our Spanish sentence.
  it('wallet owner: a move and a removal are announced with the name marked lang=en in the live region', async () => {
    const el = await ownerWallet(newKey(), 'es');
    await el.importItems([
      { kind: 'data', value: credential(0) },
      { kind: 'data', value: credential(1) },
    ]);
    await el.updateComplete;
    const h = new WalletHarness(el);
    await until(el, () => h.items.length === 2);
    const region = el.shadowRoot!.querySelector('[role=status]')!;
    const said = () =>
      [...region.querySelectorAll('span[dir=auto]')].map((s) => [s.textContent, s.getAttribute('lang')]);
    const later = h.items.find((i) => !h.moveButtons(i)[1]!.disabled)!;
    const name = later.textContent!.includes('Writing Workshop')
      ? 'Writing Workshop'
      : 'Foundations of Reading';
    h.moveButtons(later)[1]!.click();
    await until(el, () => said().length === 1);
    expect(said()).to.deep.equal([[name, 'en']]);
    expect(region.textContent!.replace(/\s+/g, ' ').trim()).to.match(new RegExp(`^${name} \\D+ 2\\.$`));
    const other = h.items.find((i) => !i.textContent!.includes(name))!;
    const otherName = name === 'Writing Workshop' ? 'Foundations of Reading' : 'Writing Workshop';
    h.removeButton(other).click();
    await el.updateComplete;
    h.removeButton(other).click();
    await until(el, () => h.items.length === 1);
    await until(el, () => said()[0]?.[0] === otherName);
    expect(said()).to.deep.equal([[otherName, 'en']]);
    await expect(el).to.be.accessible();
  });
});

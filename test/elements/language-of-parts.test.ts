// Language of parts (issue 13 item 3, WCAG 3.1.2): "The human language of each passage or phrase in
// the content can be programmatically determined". An image's text alternative is such a phrase:
// the card gives its <img> the language the issuer declared (inLanguage), as it does the name, so a
// Spanish page reads an English alt with the English voice.
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/credential-card/mc-credential-card.js';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { NOW, catalogEntry, shadow } from './helpers/card.js';

afterEach(unmountAll);

// A 1 × 1 PNG: a real image that loads without the network (an image that fails is replaced by
// initials, which are aria-hidden).
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function card(credential: unknown) {
  const wrapper = await mount(
    html`<section lang="es">
      <mc-credential-card .now=${NOW} .credential=${credential}></mc-credential-card>
    </section>`,
  );
  const el = wrapper.querySelector('mc-credential-card')!;
  await el.updateComplete;
  return el;
}

describe('<mc-credential-card> language of parts', () => {
  it("puts the image's alt in the issuer's declared language, like the name", async () => {
    const el = await card({
      ...catalogEntry,
      inLanguage: 'en',
      image: { id: PNG, type: 'Image', caption: 'A robot on a classroom desk' },
    });
    const img = shadow(el).querySelector('img[part=image]')!;
    expect(img.getAttribute('alt')).to.equal('A robot on a classroom desk');
    expect(img.getAttribute('lang')).to.equal('en');
    expect(shadow(el).querySelector('[part=name]')!.getAttribute('lang')).to.equal('en');
  });

  it('says the language of the alt is unknown (lang="") when the issuer declared none, or an invalid one', async () => {
    for (const inLanguage of [undefined, 'not a language!']) {
      const el = await card({ ...catalogEntry, inLanguage, image: { id: PNG, caption: 'Robot' } });
      // Not the page's Spanish: HTML, "the empty string indicates that the primary language is unknown".
      expect(shadow(el).querySelector('img[part=image]')!.getAttribute('lang'), String(inLanguage)).to.equal(
        '',
      );
      unmountAll();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Issuer text in the catalog, the tracker and the wallet (issue 13 item 3).
//
// The rule (core's model/issuer-text.ts): on a page in language L, an element shows an issuer's
// translation into L when the issuer offers one (OB 3.0 `related` with `inLanguage`) and the element
// has its text; otherwise the text as given. Issuer text carries `lang` = its declared language, and
// `lang=""` when the issuer declared none. HTML (§3.2.6.2 The lang and xml:lang attributes): "Setting
// the attribute to the empty string indicates that the primary language is unknown." WCAG 2.1
// Understanding 3.1.2 asks that the language of each passage be programmatically determined; the
// page's language would determine a wrong one, so unknown is said as unknown rather than inherited.
// Issuer text also gets dir="auto" (HTML §3.2.6.4: "the user agent uses the element's content to
// determine the direction"), so an English name on an Arabic page is laid out left to right.
// ---------------------------------------------------------------------------------------------

const FEED = 'https://district.example/achievements';
const issuer = { id: 'https://district.example/', type: ['Profile'], name: 'Lakeside USD' };
/** An English entry with its Spanish translation in the same feed, a stack of the English one, and an entry of unknown language. */
const feed = {
  type: 'CatalogFeed',
  name: 'Lakeside',
  stacks: [{ id: 'literacy', name: 'Literacy' }],
  achievements: [
    {
      id: `${FEED}/reading`,
      type: ['Achievement'],
      name: 'Foundations of Reading',
      description: 'Phonics and fluency routines.',
      inLanguage: 'en',
      creator: issuer,
      criteria: { narrative: 'Teach three lessons.' },
      stacks: ['literacy'],
      subjects: ['Reading'],
      alignment: [{ type: ['Alignment'], targetName: 'Phonics', targetUrl: 'https://standards.example/p' }],
      related: [{ id: `${FEED}/reading?lang=es`, type: ['Related'], inLanguage: 'es' }],
    },
    {
      id: `${FEED}/reading?lang=es`,
      type: ['Achievement'],
      name: 'Fundamentos de la lectura',
      description: 'Rutinas de fonética y fluidez.',
      inLanguage: 'es',
      creator: issuer,
      criteria: { narrative: 'Imparta tres lecciones.' },
      stacks: ['literacy'],
      subjects: ['Lectura'],
      related: [{ id: `${FEED}/reading`, type: ['Related'], inLanguage: 'en' }],
    },
    {
      id: `${FEED}/math`,
      type: ['Achievement'],
      name: 'Number Talks',
      creator: issuer,
      criteria: { narrative: 'Lead five number talks.' },
      subjects: ['Math'],
    },
  ],
};

/** An unsigned OB 3.0 credential for the feed's achievement `id` (shown, not verified). */
const credentialFor = (id: string) => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:0f6d7f2e-1c1b-4d43-9a57-${id.endsWith('es') ? '00000000000e' : '00000000000a'}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer,
  validFrom: '2026-01-10T00:00:00Z',
  name: feed.achievements.find((a) => a.id === id)!.name,
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: feed.achievements.find((a) => a.id === id)!,
  },
});

async function page(lang: string, credentials: unknown[] = []) {
  const wrapper = await mount(
    html`<main lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>
      <mc-catalog .items=${feed} .now=${NOW}></mc-catalog>
      <mc-progress-tracker .pathway=${feed} .credentials=${credentials} .now=${NOW}></mc-progress-tracker>
      <mc-badge-wallet .credentials=${credentials} .now=${NOW}></mc-badge-wallet>
    </main>`,
  );
  const catalog = wrapper.querySelector('mc-catalog')!;
  const tracker = wrapper.querySelector('mc-progress-tracker')!;
  const wallet = wrapper.querySelector('mc-badge-wallet')!;
  // Each element, then the cards in its shadow root.
  for (const el of [catalog, tracker, wallet]) {
    await settled(el);
    await Promise.all(
      [...el.shadowRoot!.querySelectorAll('mc-credential-card')].map(
        (c) => (c as unknown as { updateComplete: Promise<unknown> }).updateComplete,
      ),
    );
  }
  return { catalog, tracker, wallet };
}

/** The names in the catalog's result cards, each with its `lang`. */
const catalogNames = (catalog: Element) =>
  [...shadow(catalog).querySelectorAll('[part~=item] mc-credential-card')].map((c) => {
    const n = shadow(c).querySelector('[part~=name]')!;
    return [n.textContent!.trim(), n.getAttribute('lang')];
  });
/** The facet option labels (issuer text) of the catalog, each with its `lang` and `dir`. */
const facetLabels = (catalog: Element) =>
  [...shadow(catalog).querySelectorAll('.facet-value > span')].map((s) => [
    s.textContent!.trim(),
    s.getAttribute('lang'),
    s.getAttribute('dir'),
  ]);
/** The tracker's requirement names, each with its `lang`. */
const trackerNames = (tracker: Element) =>
  [...shadow(tracker).querySelectorAll('[part~=requirement-name] span')].map((s) => [
    s.textContent!.trim(),
    s.getAttribute('lang'),
  ]);
const walletNames = (wallet: Element) =>
  [...shadow(wallet).querySelectorAll('[part~=item] mc-credential-card')].map((c) => {
    const n = shadow(c).querySelector('[part~=name]')!;
    return [n.textContent!.trim(), n.getAttribute('lang')];
  });

describe('issuer text in the catalog, tracker and wallet (issue 13 item 3)', () => {
  it("on a Spanish page, marks an English feed's entry names and facet labels lang=en, unknown ones lang=''", async () => {
    const { catalog, tracker } = await page('es');
    // The English entry's Spanish translation is in the feed: it is listed instead of the English one.
    expect(catalogNames(catalog)).to.deep.equal([
      ['Fundamentos de la lectura', 'es'],
      ['Number Talks', ''], // no language declared: the card says unknown (its own test, above)
    ]);
    const labels = facetLabels(catalog);
    expect(labels).to.have.deep.members([
      ['Lectura', 'es', 'auto'],
      ['Math', '', 'auto'], // HTML: "" = the language is unknown
      ['Literacy', 'en', 'auto'], // the stack's first entry is English
    ]);
    // The tracker shows the Spanish translation, from the same feed, by the same rule.
    expect(trackerNames(tracker)).to.deep.equal([
      ['Fundamentos de la lectura', 'es'],
      ['Fundamentos de la lectura', 'es'],
    ]);
    const heading = shadow(tracker).querySelector('[part~=name]')!;
    expect([heading.getAttribute('lang'), heading.querySelector('[dir=auto]')?.textContent]).to.deep.equal([
      'en',
      'Literacy',
    ]);
    await expect(catalog).to.be.accessible();
    await expect(tracker).to.be.accessible();
  });

  it('on an English page lists the English version, in the catalog and the tracker alike', async () => {
    const { catalog, tracker } = await page('en');
    expect(catalogNames(catalog)).to.deep.equal([
      ['Foundations of Reading', 'en'],
      ['Number Talks', ''],
    ]);
    expect(facetLabels(catalog)).to.deep.include.members([
      ['Reading', 'en', 'auto'],
      ['Phonics', 'en', 'auto'],
      ['Math', '', 'auto'],
    ]);
    expect(trackerNames(tracker).map(([n]) => n)).to.deep.equal([
      'Foundations of Reading',
      'Foundations of Reading',
    ]);
  });

  it("shows an issuer's Spanish translation alike in the catalog, the tracker and a wallet on one Spanish page", async () => {
    // The learner holds the Spanish version of the credential.
    const { catalog, tracker, wallet } = await page('es', [credentialFor(`${FEED}/reading?lang=es`)]);
    expect(catalogNames(catalog)[0]).to.deep.equal(['Fundamentos de la lectura', 'es']);
    expect(trackerNames(tracker)[0]).to.deep.equal(['Fundamentos de la lectura', 'es']);
    expect(walletNames(wallet)).to.deep.equal([['Fundamentos de la lectura', 'es']]);
    await expect(wallet).to.be.accessible();
  });

  it('on an Arabic page, lays out issuer text by its own direction (dir=auto): English stays left to right', async () => {
    const { catalog, tracker } = await page('ar');
    const spans = [
      ...shadow(catalog).querySelectorAll<HTMLElement>('.facet-value > span'),
      ...shadow(tracker).querySelectorAll<HTMLElement>('[part~=requirement-name] span, [part~=name] [dir]'),
    ];
    expect(spans.length).to.be.greaterThan(3);
    for (const s of spans) {
      expect(s.getAttribute('dir'), s.textContent!).to.equal('auto');
      expect(s.matches(':dir(ltr)'), s.textContent!).to.be.true;
    }
    // Our own words around them stay right to left.
    expect(shadow(catalog).querySelector('legend')!.matches(':dir(rtl)')).to.be.true;
    await expect(catalog).to.be.accessible();
  });
});

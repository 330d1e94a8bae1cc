/**
 * <mc-catalog> with hostile URLs (issue 11 item 9): whatever door a catalog comes in by — a feed
 * object, an array of achievements, or a `Catalog` that merely looks parsed — no URL that is not
 * http(s) reaches an `href`, the `mc-register` / `mc-catalog-open` / `mc-catalog-load` events, or
 * the JSON-LD the element writes into the page. Hostile vectors are built here (no public source).
 */
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/catalog/mc-catalog.js';
import type { McCatalog } from '@microcred/elements/catalog/catalog.js';
import type { McCatalogOpenEvent, McRegisterEvent } from '@microcred/elements/catalog/catalog-events.js';
import type { Catalog, CatalogEntry } from '@microcred/core';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { CatalogHarness } from './harness/catalog.js';
import { HOSTILE_URLS } from './helpers/hostile-urls.js';

const NOW = new Date('2026-03-15T12:00:00Z');

/** True when `s` is absent or an absolute http(s) URL. */
const safe = (s: unknown): boolean => s === undefined || (typeof s === 'string' && /^https?:\/\//.test(s));

/**
 * Every value in `v` (deep) under a key that holds an address (`url`, `@id`, `image`) that is not
 * an absolute http(s) URL. (Ids such as `issuer.id` may be URNs or DIDs and never reach an `href`;
 * the achievement itself is normalised by the card it is shown in.)
 */
function urlsIn(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => urlsIn(x, out));
  else if (v && typeof v === 'object' && !(v instanceof Date))
    for (const [k, x] of Object.entries(v)) {
      if (k === 'achievement') continue;
      if (/url$|^@id$|^image$/i.test(k) && !safe(x)) out.push(x);
      else urlsIn(x, out);
    }
  return out;
}

/** A `Catalog` object built by hand (it passes the element's "already parsed" test), with `url` everywhere. */
function hostileCatalog(url: string): Catalog {
  const entry = {
    id: 'urn:uuid:1',
    name: 'Reading Across the Curriculum',
    achievement: { id: 'urn:uuid:1', type: ['Achievement'], name: 'Reading Across the Curriculum' },
    requiredEvidence: [],
    subjects: ['Literacy'],
    gradeBands: [],
    audience: [],
    stacks: [],
    skills: [{ name: 'Close reading', url }],
    tags: [],
    translations: [],
    issuer: { id: url, name: 'Lakeside', url },
    registration: { url },
  } as CatalogEntry;
  return {
    source: 'json',
    name: 'Hostile',
    publisher: { name: 'Lakeside', url },
    entries: [entry],
    stacks: [],
    issues: [],
    unmapped: [],
  };
}

/** The same, as a JSON catalog feed (the parser's door). */
const hostileFeed = (url: string): unknown => ({
  type: 'CatalogFeed',
  name: 'Hostile',
  publisher: { name: 'Lakeside', url },
  achievements: [
    {
      id: 'urn:uuid:1',
      type: ['Achievement'],
      name: 'Reading Across the Curriculum',
      creator: { id: url, name: 'Lakeside', url },
      alignment: [{ targetName: 'Close reading', targetUrl: url }],
      registration: { url },
    },
  ],
});

async function mountCatalog(items: unknown): Promise<{ el: McCatalog; loaded: Catalog | undefined }> {
  let loaded: Catalog | undefined;
  const wrapper = await mount(
    html`<div lang="en">
      <mc-catalog
        .items=${items}
        .now=${NOW}
        @mc-catalog-load=${(e: Event) => (loaded = (e as Event & { catalog: Catalog }).catalog)}
      ></mc-catalog>
    </div>`,
  );
  const el = wrapper.querySelector('mc-catalog')!;
  await settled(wrapper);
  return { el, loaded };
}

/** Opens the first entry's dialog; returns the `mc-catalog-open` entry. */
async function openFirst(el: McCatalog): Promise<CatalogEntry> {
  let opened: CatalogEntry | undefined;
  el.addEventListener('mc-catalog-open', (e) => (opened = (e as McCatalogOpenEvent).entry), { once: true });
  await new CatalogHarness(el).open();
  await settled(el.shadowRoot as unknown as Element);
  expect(opened, 'mc-catalog-open fired').to.not.equal(undefined);
  return opened!;
}

describe('<mc-catalog> hostile URLs (issue 11 item 9)', () => {
  afterEach(unmountAll);

  for (const [door, make] of [
    ['a parsed-looking Catalog', hostileCatalog],
    ['a feed object', hostileFeed],
    ['an array of achievements', (u: string) => (hostileFeed(u) as { achievements: unknown[] }).achievements],
  ] as const) {
    it(`drops every non-http(s) URL from ${door} before href, events and JSON-LD`, async () => {
      for (const url of HOSTILE_URLS) {
        const { el, loaded } = await mountCatalog(make(url));
        expect(el.state, url).to.equal('loaded');
        expect(el.results, url).to.have.length(1);
        // events: mc-catalog-load, the public `catalog` getter, mc-catalog-open
        expect(urlsIn(loaded), `mc-catalog-load for ${JSON.stringify(url)}`).to.deep.equal([]);
        expect(urlsIn(el.catalog), `catalog for ${JSON.stringify(url)}`).to.deep.equal([]);
        const entry = await openFirst(el);
        expect(urlsIn(entry), `mc-catalog-open for ${JSON.stringify(url)}`).to.deep.equal([]);
        expect(safe(entry.registration?.url)).to.equal(true);
        // href: no register link (there is no safe address to register at), no unsafe link anywhere
        expect(new CatalogHarness(el).register, url).to.equal(null);
        for (const a of el.shadowRoot!.querySelectorAll('a[href]'))
          expect(safe(a.getAttribute('href')), `href ${a.getAttribute('href')}`).to.equal(true);
        // JSON-LD written into the page
        const ld = el.querySelector('script[type="application/ld+json"]')!.textContent!;
        expect(ld, url).to.not.match(/script:|data:text|^\s*\/\//i);
        expect(urlsIn(JSON.parse(ld)), `JSON-LD for ${JSON.stringify(url)}`).to.deep.equal([]);
        el.close();
        unmountAll();
      }
    });
  }

  it('keeps an http(s) registration address and sends it in mc-register', async () => {
    const { el } = await mountCatalog(hostileCatalog('https://lakeside.example/register?id=1'));
    await openFirst(el);
    const a = new CatalogHarness(el).register!;
    expect(a.getAttribute('href')).to.equal('https://lakeside.example/register?id=1');
    let url = '';
    el.addEventListener(
      'mc-register',
      (e) => {
        url = (e as McRegisterEvent).url;
        e.preventDefault();
      },
      { once: true },
    );
    a.click();
    expect(url).to.equal('https://lakeside.example/register?id=1');
    el.close();
  });

  it('never sends an unsafe address in mc-register, even when an entry is changed after loading', async () => {
    const { el } = await mountCatalog(hostileCatalog('https://lakeside.example/register'));
    // A host mutates the loaded catalog in place (the object it handed over).
    (el.catalog!.entries[0]!.registration as { url: string }).url = 'javascript:alert(1)';
    await openFirst(el);
    expect(new CatalogHarness(el).register).to.equal(null);
    el.close();
  });
});

describe('<mc-catalog> JSON-LD for a large catalog (issue 11 item 12)', () => {
  afterEach(unmountAll);

  it(`describes at most CATALOG_JSONLD_LIMIT entries in the page's JSON-LD, the first ones in feed order`, async () => {
    const { generateCatalogFeed } = await import('../../stories/fixtures/catalog.js');
    const { parseCatalog } = await import('@microcred/core');
    const { CATALOG_JSONLD_LIMIT } = await import('@microcred/core/catalog/jsonld.js');
    const catalog = parseCatalog(generateCatalogFeed(CATALOG_JSONLD_LIMIT + 50));
    const { el } = await mountCatalog(catalog);
    expect(el.catalog!.entries).to.have.length(CATALOG_JSONLD_LIMIT + 50);
    const ld = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!) as {
      '@graph': { name: string }[];
    };
    expect(ld['@graph']).to.have.length(CATALOG_JSONLD_LIMIT);
    expect(ld['@graph'].map((n) => n.name)).to.deep.equal(
      catalog.entries.slice(0, CATALOG_JSONLD_LIMIT).map((e) => e.name),
    );
  });
});

import { expect, html, oneEvent } from '@open-wc/testing';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/provider/mc-provider.js';
import type { McCatalog } from '@microcred/elements/catalog/catalog.js';
import type { McCatalogOpenEvent, McRegisterEvent } from '@microcred/elements/catalog/catalog-events.js';
import type { McErrorEvent } from '@microcred/elements';
import { parseCatalog } from '@microcred/core';
import { afterLangChange, mount, settled, unmountAll } from './helpers/dom.js';
import { CatalogHarness } from './harness/catalog.js';
import { heldFetch } from './helpers/held-fetch.js';
import { lakesideCatalogFeed, generateCatalogFeed, STACKS } from '../../stories/fixtures/catalog.js';

const NOW = new Date('2026-03-15T12:00:00Z');
/** The catalog's harness: its shadow DOM by meaning (harness/catalog.ts). */
const h = (el: McCatalog): CatalogHarness => new CatalogHarness(el);
const root = (el: McCatalog): ShadowRoot => h(el).root;
const $ = <T extends Element = HTMLElement>(el: McCatalog, sel: string): T => h(el).$<T>(sel);
const $$ = (el: McCatalog, sel: string): Element[] => h(el).$$(sel);
const names = (el: McCatalog): string[] => h(el).names;

async function catalog(lang = 'en', items: unknown = lakesideCatalogFeed, attrs = ''): Promise<McCatalog> {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-catalog .items=${items} .now=${NOW} page-size=${attrs === 'small' ? 2 : 24}></mc-catalog>
    </div>`,
  );
  const el = wrapper.querySelector('mc-catalog')!;
  await settled(wrapper);
  return el;
}
const type = (el: McCatalog, text: string): Promise<void> => h(el).search(text);
const toggle = (el: McCatalog, facet: string, label: string): Promise<void> => h(el).toggle(facet, label);

for (const lang of ['en', 'es']) {
  describe(`<mc-catalog> accessibility (${lang})`, () => {
    afterEach(unmountAll);
    it('is accessible loaded, filtered, empty, with the dialog open, loading and in error', async () => {
      const el = await catalog(lang);
      await expect(el).to.be.accessible();
      await type(el, 'reading');
      await expect(el).to.be.accessible();
      await type(el, 'zzzz');
      expect(el.matches(':state(no-results)')).to.equal(true);
      await expect(el).to.be.accessible();
      await type(el, '');
      await h(el).open();
      await settled(root(el) as unknown as Element);
      expect(h(el).dialog.open).to.equal(true);
      await expect(el).to.be.accessible();
      el.close();
      const err = await catalog(lang, { nope: true });
      expect(err.state).to.equal('error');
      await expect(err).to.be.accessible();
    });
  });
}

describe('<mc-catalog> behaviour', () => {
  afterEach(unmountAll);

  it('renders every entry as a compact card and writes JSON-LD into the light DOM', async () => {
    const el = await catalog();
    expect($$(el, 'mc-credential-card[variant=compact]').length).to.equal(12);
    const script = el.querySelector('script[type="application/ld+json"]')!;
    const doc = JSON.parse(script.textContent!);
    expect(doc['@graph']).to.have.length(12);
    expect(doc['@graph'][0]['@type']).to.equal('EducationalOccupationalCredential');
    expect(h(el).count).to.contain('12 micro-credentials');
  });

  it('searches accent- and case-insensitively as you type', async () => {
    const el = await catalog();
    await type(el, 'EDUCACION');
    expect(names(el)).to.deep.equal(['Educación bilingüe en el aula']);
    expect(h(el).count).to.contain('1 of 12');
  });

  it('filters by facets with counts, combines facets, and clears', async () => {
    const el = await catalog();
    await toggle(el, 'Format', 'Cohort');
    expect(el.results.every((e) => e.format === 'cohort')).to.equal(true);
    const n = el.results.length;
    await toggle(el, 'Subject', 'Literacy');
    expect(el.results.length).to.be.below(n);
    ($$(el, '.link-button')[0] as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.results.length).to.equal(12);
  });

  it('sorts by effort and newest', async () => {
    const el = await catalog();
    const select = $<HTMLSelectElement>(el, '#sort');
    select.value = 'effort';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.results[0]!.name).to.equal('Digital Citizenship');
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.results[0]!.name).to.equal('Co-Teaching for Inclusion');
  });

  it('shows a helpful empty state whose button clears everything and focuses the search', async () => {
    const el = await catalog();
    await toggle(el, 'Format', 'Cohort');
    await type(el, 'no such thing');
    const empty = h(el).empty!;
    expect(empty.textContent).to.contain('no such thing');
    expect(empty.querySelectorAll('li')).to.have.length(2);
    const focused = h(el).focusLands(() => $(el, '#search'));
    empty.querySelector('button')!.click();
    await el.updateComplete;
    await focused;
    expect(el.results.length).to.equal(12);
    expect(root(el).activeElement?.id).to.equal('search');
  });

  it('opens details in a modal dialog, returns focus on close, emits events; register is cancelable', async () => {
    const el = await catalog();
    const button = h(el).detailsButtons[0]!;
    const open = oneEvent(el, 'mc-catalog-open');
    button.click();
    const opened = (await open) as unknown as McCatalogOpenEvent;
    expect(opened.entry.name).to.equal(el.results[0]!.name);
    const dialog = h(el).dialog;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain(el.results[0]!.name);
    const register = h(el).register;
    if (register) {
      el.addEventListener('mc-register', (e) => e.preventDefault(), { once: true });
      const seen = oneEvent(el, 'mc-register');
      register.click();
      expect(((await seen) as unknown as McRegisterEvent).url).to.equal(register.href);
    }
    const back = h(el).focusLands(() => button);
    el.close();
    await el.updateComplete;
    await back;
    expect(dialog.open).to.equal(false);
    expect(root(el).activeElement).to.equal(button);
  });

  it('explains closed and not-yet-open registration instead of a register button', async () => {
    const el = await catalog();
    const open = async (name: string): Promise<HTMLDialogElement> => {
      return h(el).open(el.results.findIndex((e) => e.name === name));
    };
    expect((await open('Co-Teaching for Inclusion')).textContent).to.contain('Registration opens');
    el.close();
    await el.updateComplete;
    expect((await open('Data-Informed Instruction')).textContent).to.contain('Registration is closed');
    el.close();
  });

  it('keeps filter state in the URL when url-state is set (and only then); back restores it', async () => {
    const start = location.href;
    const el = await catalog();
    await type(el, 'reading');
    expect(location.search).to.not.contain('mc-q');
    el.urlState = true;
    await el.updateComplete;
    await type(el, '');
    await toggle(el, 'Format', 'Cohort');
    expect(new URL(location.href).searchParams.getAll('mc-format')).to.deep.equal(['cohort']);
    await type(el, 'writing');
    expect(new URL(location.href).searchParams.get('mc-q')).to.equal('writing');
    const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.back();
    await popped;
    await el.updateComplete;
    expect(el.results.some((e) => e.format !== 'cohort')).to.equal(true);
    history.replaceState(null, '', start);
  });

  it('reads initial state from the URL', async () => {
    const start = location.href;
    history.replaceState(null, '', `?mc-q=citizenship&mc-stack=${encodeURIComponent(STACKS.digital)}`);
    const wrapper = await mount(
      html`<div><mc-catalog url-state .items=${lakesideCatalogFeed}></mc-catalog></div>`,
    );
    const el = wrapper.querySelector('mc-catalog')!;
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Digital Citizenship']);
    history.replaceState(null, '', start);
  });

  it('pages results with "Show more" and moves focus to the first new result', async () => {
    const el = await catalog('en', lakesideCatalogFeed, 'small');
    expect(h(el).items).to.have.length(2);
    const focused = h(el).focusLands(() => h(el).detailsButtons[2] ?? null);
    h(el).more!.click();
    await el.updateComplete;
    await focused;
    expect(h(el).items).to.have.length(4);
    expect(root(el).activeElement).to.equal(h(el).detailsButtons[2]);
  });

  it('accepts a parsed Catalog, CSV-derived data, and 1,000 entries', async () => {
    const el = await catalog('en', parseCatalog(generateCatalogFeed(1000)));
    expect(el.results.length).to.equal(1000);
    expect(h(el).items).to.have.length(24);
    await type(el, 'musica');
    expect(el.results.every((e) => /música/i.test(e.name))).to.equal(true);
  });

  it('switches language live', async () => {
    const el = await catalog('en');
    expect($(el, 'label[for=search]').textContent).to.equal('Search micro-credentials');
    el.parentElement!.setAttribute('lang', 'es');
    await afterLangChange(el);
    await el.updateComplete;
    expect($(el, 'label[for=search]').textContent).to.equal('Buscar microcredenciales');
    expect(h(el).count).to.contain('12 microcredenciales');
  });

  it('shows a translated error and fires mc-error for bad input and failed downloads', async () => {
    const wrapper = await mount(html`<div lang="es"></div>`);
    const el = document.createElement('mc-catalog');
    const failed = oneEvent(el, 'mc-error');
    el.src = '/vectors/does-not-exist.json';
    wrapper.append(el);
    const e = (await failed) as unknown as McErrorEvent;
    expect(e.error.code).to.equal('http');
    await el.updateComplete;
    expect(h(el).error).to.contain('HTTP 404');
    const bad = await catalog('en', 'this is not, a catalog');
    expect(bad.state).to.equal('error');
  });

  it('loads from src and fires mc-catalog-load', async () => {
    const blob = URL.createObjectURL(
      new Blob([JSON.stringify(lakesideCatalogFeed)], { type: 'application/json' }),
    );
    const el = document.createElement('mc-catalog');
    const loaded = oneEvent(el, 'mc-catalog-load');
    el.src = `/vectors/../catalog-test-missing.json`;
    el.src = blob.replace('blob:', 'blob:');
    document.body.append(el);
    const r = await Promise.race([loaded, oneEvent(el, 'mc-error')]);
    // blob: URLs are not http(s); the catalog reports that instead of fetching them.
    expect(r.type).to.equal('mc-error');
    el.remove();
    URL.revokeObjectURL(blob);
  });

  it('a new src aborts the download under way; only the latest catalog is shown and announced', async () => {
    const f = heldFetch(() => lakesideCatalogFeed);
    const wrapper = await mount(html`<mc-provider .fetch=${f.fetch}><mc-catalog></mc-catalog></mc-provider>`);
    const el = wrapper.querySelector('mc-catalog')!;
    const events: string[] = [];
    for (const type of ['mc-catalog-load', 'mc-error']) el.addEventListener(type, () => events.push(type));
    const held = f.nextHeld();
    el.src = 'https://district.example/held.json';
    const stale = await held;
    expect(el.state).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    el.src = 'https://district.example/catalog.json';
    await el.updateComplete;
    expect(stale.aborted).to.equal(true);
    expect(el.state).to.equal('loaded');
    expect(el.results.length).to.equal(12);
    expect(events).to.deep.equal(['mc-catalog-load']);
  });

  it('leaving the page aborts the download under way; coming back downloads again', async () => {
    const f = heldFetch(() => lakesideCatalogFeed);
    const wrapper = await mount(html`<mc-provider .fetch=${f.fetch}><mc-catalog></mc-catalog></mc-provider>`);
    const el = wrapper.querySelector('mc-catalog')!;
    let errors = 0;
    el.addEventListener('mc-error', () => errors++);
    const first = f.nextHeld();
    el.src = 'https://district.example/held.json';
    const signal = await first;
    el.remove();
    expect(signal.aborted).to.equal(true);
    await el.updateComplete;
    expect(errors).to.equal(0);
    expect(el.state).to.equal('loading');
    const again = f.nextHeld();
    wrapper.append(el);
    expect((await again).aborted).to.equal(false);
    expect(f.held).to.have.length(2);
    el.remove();
  });

  it('downloads src through the fetch of the nearest <mc-provider>', async () => {
    const asked: string[] = [];
    const fetch = async (url: RequestInfo | URL): Promise<Response> => {
      asked.push(String(url));
      return new Response(JSON.stringify(lakesideCatalogFeed), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const wrapper = await mount(
      html`<mc-provider .fetch=${fetch}
        ><mc-catalog src="https://district.example/catalog.json"></mc-catalog
      ></mc-provider>`,
    );
    const el = wrapper.querySelector('mc-catalog')!;
    await el.updateComplete;
    expect(asked).to.deep.equal(['https://district.example/catalog.json']);
    expect(el.results.length).to.equal(12);
  });

  it('never renders HTML from the feed', async () => {
    const el = await catalog('en', [
      { id: 'urn:x:1', name: '<img src=x onerror=alert(1)>', subjects: ['<b>bold</b>'] },
      { id: 'urn:x:2', name: 'Plain', subjects: ['Math'] },
    ]);
    expect(el.state, el.catalog ? JSON.stringify(el.catalog.issues) : 'no catalog').to.equal('loaded');
    expect(root(el).querySelector('img[src=x]')).to.equal(null);
    expect($(el, 'fieldset').textContent).to.contain('<b>bold</b>');
    const script = el.querySelector('script[type="application/ld+json"]')!;
    expect(script.textContent).to.not.contain('<img');
  });
});

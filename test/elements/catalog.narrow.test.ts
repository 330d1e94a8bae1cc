// <mc-catalog> in a narrow column (issue 13 item 7: "17 filters before the first result at 320 px
// (collapse them)"), in English and Spanish. Narrow is the catalog's own width (a container query:
// it may sit in a CMS column), so the tests set the window's width with nothing else around it.
// - WCAG 1.4.10 Reflow: content "can be presented without loss of information or functionality,
//   and without requiring scrolling in two dimensions for: vertical scrolling content at a width
//   equivalent to 320 CSS pixels" — the filters are one disclosure away, not lost.
// - WCAG 2.4.1 Bypass Blocks: "A mechanism is available to bypass blocks of content that are
//   repeated on multiple Web pages" — the block of facet checkboxes is skipped with one Tab.
// - WCAG 2.4.3 Focus Order: "focusable components receive focus in an order that preserves meaning
//   and operability" — what is collapsed takes no focus; opened, it comes right after its button.
// - WCAG 4.1.2 Name, Role, Value: the disclosure is a button whose state (aria-expanded) and name
//   (the number of filters ticked) are programmatically determined.
import { expect, html } from '@open-wc/testing';
import { a11ySnapshot, sendKeys, setViewport } from '@web/test-runner-commands';
import '@microcred/elements/catalog/mc-catalog.js';
import type { McCatalog } from '@microcred/elements/catalog/catalog.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { CatalogHarness } from './harness/catalog.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const h = (el: McCatalog): CatalogHarness => new CatalogHarness(el);

/** The words each language uses (the catalog's own strings, as a reader meets them). */
const WORDS = {
  en: {
    filters: 'Filters',
    one: 'Filters (1 active)',
    two: 'Filters (2 active)',
    format: 'Format',
    cohort: 'Cohort',
  },
  es: {
    filters: 'Filtros',
    one: 'Filtros (activos: 1)',
    two: 'Filtros (activos: 2)',
    format: 'Modalidad',
    cohort: 'En grupo',
  },
} as const;

afterEach(async () => {
  unmountAll();
  await setViewport({ width: 800, height: 600 });
});

async function catalog(lang: string, width: number): Promise<McCatalog> {
  await setViewport({ width, height: 640 });
  const wrapper = await mount(
    html`<div lang=${lang}><mc-catalog .items=${lakesideCatalogFeed} .now=${NOW}></mc-catalog></div>`,
  );
  const el = wrapper.querySelector('mc-catalog')!;
  await settled(wrapper);
  return el;
}

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

const describe_ = (e: Element | null): string =>
  e
    ? `${e.localName}${e.id ? '#' + e.id : ''}${e.getAttribute('type') === 'checkbox' ? '[checkbox]' : ''}`
    : 'nothing';

/** From the start of the page, the Tab stops before the first result's Details button. */
async function stopsBeforeFirstResult(): Promise<string[]> {
  document.body.tabIndex = -1;
  document.body.focus();
  const stops: string[] = [];
  for (let i = 0; i < 60; i++) {
    await sendKeys({ press: 'Tab' });
    const a = deepActive();
    if (a?.matches('[part~=details-button]')) return stops;
    stops.push(describe_(a));
  }
  throw new Error(`no Details button within 60 Tab presses: ${stops.join(', ')}`);
}

/** Presses Tab until the focused element passes `test` (at most `max` presses). */
async function tabTo(test: (e: Element) => boolean, max = 30): Promise<Element> {
  document.body.tabIndex = -1;
  document.body.focus();
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const a = deepActive();
    if (a && test(a)) return a;
  }
  throw new Error(`not reached by Tab; focus is on ${describe_(deepActive())}`);
}

interface AxNode {
  role?: string;
  name?: string;
  expanded?: boolean;
  children?: AxNode[];
}
/** Every node of the page's accessibility tree (Chromium's, through shadow roots), flattened. */
async function axNodes(): Promise<AxNode[]> {
  const all: AxNode[] = [];
  const walk = (n: AxNode): void => {
    all.push(n);
    n.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as AxNode);
  return all;
}

const toggleOf = (el: McCatalog): HTMLButtonElement => h(el).$<HTMLButtonElement>('[aria-controls=facets]');
const boxes = (el: McCatalog): HTMLInputElement[] =>
  h(el).$$('fieldset input[type=checkbox]') as HTMLInputElement[];
const name = (e: Element): string => (e.textContent ?? '').replace(/\s+/g, ' ').trim();

for (const lang of ['en', 'es'] as const) {
  const w = WORDS[lang];
  describe(`<mc-catalog> at 320 px: the filters behind one disclosure (${lang})`, () => {
    it('the first result is a few Tab stops away (search, sort, the Filters button), not behind every filter', async () => {
      const el = await catalog(lang, 320);
      expect(boxes(el).length, 'the fixture has many filters').to.be.greaterThan(10);
      const stops = await stopsBeforeFirstResult();
      // Issue 13 measured 17 filters before the first result at 320 px; now the filters are one stop.
      expect(stops, `${stops.length} Tab stops before the first result`).to.deep.equal([
        'input#search',
        'select#sort',
        'button',
      ]);
      expect(name(toggleOf(el))).to.equal(w.filters);
    });

    it('closed by default: the filters are neither in the tab order nor in the accessibility tree', async () => {
      const el = await catalog(lang, 320);
      const toggle = toggleOf(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const panel = h(el).$(`#${toggle.getAttribute('aria-controls')}`);
      expect(panel.contains(boxes(el)[0]!), 'aria-controls names the panel of checkboxes').to.equal(true);
      expect(
        boxes(el).some((b) => b.checkVisibility()),
        'a checkbox shows',
      ).to.equal(false);
      const nodes = await axNodes();
      expect(nodes.filter((n) => n.role === 'checkbox')).to.deep.equal([]);
      const button = nodes.find((n) => n.role === 'button' && n.name === w.filters);
      expect(button, 'the disclosure is a button named Filters').to.not.equal(undefined);
      expect(button!.expanded ?? false).to.equal(false);
    });

    for (const key of ['Enter', 'Space'] as const)
      it(`${key} opens it and shows the filters, next in the tab order; a filter ticked there works and is counted`, async () => {
        const el = await catalog(lang, 320);
        const toggle = await tabTo((e) => e.matches('[aria-controls=facets]'));
        await sendKeys({ press: key });
        await el.updateComplete;
        expect(toggle.getAttribute('aria-expanded')).to.equal('true');
        expect(
          boxes(el).every((b) => b.checkVisibility()),
          'every checkbox shows',
        ).to.equal(true);
        let nodes = await axNodes();
        expect(nodes.filter((n) => n.role === 'checkbox').length).to.equal(boxes(el).length);
        expect(nodes.find((n) => n.role === 'button' && n.name === w.filters)?.expanded).to.equal(true);

        // The first filter is the next Tab stop; Space ticks it, and the results follow.
        await sendKeys({ press: 'Tab' });
        const first = deepActive() as HTMLInputElement;
        expect(first).to.equal(boxes(el)[0]);
        await sendKeys({ press: 'Space' });
        await el.updateComplete;
        expect(first.checked).to.equal(true);
        const facet = first.closest('fieldset')!.querySelector('legend')!.textContent!.trim();
        const value = first.labels![0]!.querySelector('.facet-value')!.textContent!.trim();
        expect(el.results.length).to.be.within(1, 11);
        expect(toggle.getAttribute('aria-expanded'), 'still open after a filter').to.equal('true');
        expect(name(toggle)).to.equal(w.one);
        expect(deepActive(), 'focus stays on the checkbox').to.equal(first);
        nodes = await axNodes();
        expect(nodes.some((n) => n.role === 'button' && n.name === w.one)).to.equal(true);

        // A second, in another facet: the count in the name follows.
        await h(el).toggle(w.format, w.cohort);
        expect(name(toggle)).to.equal(w.two);
        expect(facet).to.not.equal('');
        expect(value).to.not.equal('');
      });

    it('closed again, the count and "Clear all filters" stay in view; clearing works and focus lands on the search field', async () => {
      const el = await catalog(lang, 320);
      const toggle = toggleOf(el);
      toggle.click();
      await el.updateComplete;
      await h(el).toggle(w.format, w.cohort);
      const filtered = el.results.length;
      expect(filtered).to.be.below(12);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(boxes(el).some((b) => b.checkVisibility())).to.equal(false);
      expect(name(toggle)).to.equal(w.one);
      expect(el.results.length, 'closing keeps the filter').to.equal(filtered);
      // Keys only: the clear button is the stop after the disclosure.
      const clear = await tabTo((e) => e.matches('.link-button'));
      expect(clear.checkVisibility()).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(el.results.length).to.equal(12);
      expect(name(toggle)).to.equal(w.filters);
      // Focus on the search field (not <body>: the button used is gone); the disclosure follows.
      expect(deepActive(), 'focus on the search field').to.equal(h(el).$('#search'));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(toggle);
    });

    it('is accessible (axe) closed and open, with a filter ticked', async () => {
      const el = await catalog(lang, 320);
      await expect(el).to.be.accessible();
      toggleOf(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await h(el).toggle(w.format, w.cohort);
      await expect(el).to.be.accessible();
      toggleOf(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe(`<mc-catalog> at 800 px: the filters as before (${lang})`, () => {
    it('no disclosure: the filters always show, each a Tab stop, under their "Filters" heading', async () => {
      const el = await catalog(lang, 800);
      const toggle = toggleOf(el);
      expect(toggle.checkVisibility(), 'the disclosure is hidden').to.equal(false);
      expect(boxes(el).every((b) => b.checkVisibility())).to.equal(true);
      const heading = h(el).$('#filters-title');
      expect(heading.innerText.trim()).to.equal(w.filters);
      const nodes = await axNodes();
      expect(nodes.some((n) => n.role === 'button' && n.name?.startsWith(w.filters))).to.equal(false);
      expect(nodes.filter((n) => n.role === 'checkbox').length).to.equal(boxes(el).length);
      const stops = await stopsBeforeFirstResult();
      expect(stops.slice(0, 3)).to.deep.equal(['input#search', 'select#sort', 'input#f-subject-0[checkbox]']);
      expect(stops.filter((s) => s.endsWith('[checkbox]')).length).to.equal(boxes(el).length);
      // Clearing with the keyboard lands on the search field (not <body>).
      await h(el).toggle(w.format, w.cohort);
      await tabTo((e) => e.matches('.link-button'), 40);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(el.results.length).to.equal(12);
      expect(deepActive()).to.equal(h(el).$('#search'));
    });
  });
}

// The catalog/tracker benchmark's page half, bundled by esbuild from scripts/bench/catalog.mjs.
// Exposes `mcCatalogBench` with one function per measure; each returns milliseconds.
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import type { McCatalog } from '@microcred/elements/catalog/catalog.js';
import type { McProgressTracker } from '@microcred/elements/progress-tracker/progress-tracker.js';
import { parseCatalog, parsePathway, parseProgressRecords, type Catalog } from '@microcred/core';
import { generateCatalogFeed } from '../../stories/fixtures/catalog.js';
import { generatePathway, generateRecords } from '../../stories/fixtures/progress.js';

const NOW = new Date('2026-03-15T12:00:00Z');

interface Updatable {
  updateComplete: Promise<unknown>;
}
/** Waits for an element and every Lit element in its shadow root, then forces style and layout. */
async function settle(el: Element & Updatable): Promise<void> {
  await el.updateComplete;
  const inner = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].filter(
    (e): e is Element & Updatable => 'updateComplete' in e,
  );
  await Promise.all(inner.map((e) => e.updateComplete));
  void document.body.offsetHeight;
}

const catalogs = new Map<number, Catalog>();
const catalogOf = (n: number): Catalog => {
  let c = catalogs.get(n);
  if (!c) catalogs.set(n, (c = parseCatalog(generateCatalogFeed(n))));
  return c;
};
let mounted: McCatalog | undefined;

const bench = {
  /** Mounts a catalog of `n` parsed entries; time until it and its result cards have rendered and laid out. */
  async catalogFirstRender(n: number): Promise<number> {
    mounted?.remove();
    const catalog = catalogOf(n);
    const t = performance.now();
    const el = document.createElement('mc-catalog');
    el.now = NOW;
    el.items = catalog;
    document.body.append(el);
    await settle(el);
    const ms = performance.now() - t;
    mounted = el;
    return ms;
  },
  /** Types `text` one character at a time into the mounted catalog; time per keystroke (input → rendered and laid out). */
  async keystrokes(text: string): Promise<number[]> {
    const el = mounted!;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    const times: number[] = [];
    const type = async (value: string): Promise<void> => {
      const t = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle(el);
      times.push(performance.now() - t);
    };
    for (let i = 1; i <= text.length; i++) await type(text.slice(0, i));
    for (let i = text.length - 1; i >= 0; i--) await type(text.slice(0, i));
    return times;
  },
  /** Only the search (core `CatalogIndex.search`) for the same keystrokes: the baseline. */
  searchOnly(text: string): number[] {
    const el = mounted!;
    const index = (el as unknown as { index: { search(q: { text: string }): unknown } }).index;
    const times: number[] = [];
    for (let i = 1; i <= text.length; i++) {
      const t = performance.now();
      index.search({ text: text.slice(0, i) });
      times.push(performance.now() - t);
    }
    return times;
  },
  /** Mounts a tracker for a pathway of `n` requirements with records in every state. */
  async trackerRender(n: number): Promise<number> {
    document.querySelectorAll('mc-progress-tracker').forEach((e) => e.remove());
    const pathway = parsePathway(generatePathway(n));
    const records = parseProgressRecords(generateRecords(n)).records;
    const t = performance.now();
    const el: McProgressTracker = document.createElement('mc-progress-tracker');
    el.now = NOW;
    el.pathway = pathway;
    el.records = records;
    el.credentials = [];
    document.body.append(el);
    await settle(el);
    return performance.now() - t;
  },
};

(globalThis as { mcCatalogBench?: typeof bench }).mcCatalogBench = bench;

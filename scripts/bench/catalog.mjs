#!/usr/bin/env node
// Catalog and tracker benchmark in Chromium: <mc-catalog> with 1,000 entries (first render, filter
// per keystroke) and <mc-progress-tracker> with 50 requirements (render). Prints one line per
// measure, `bench <name>: <median ms> ms`; the search alone (core CatalogIndex) is measured in the
// same run as the baseline, and the keystroke budget (16 ms, one frame) is checked in words.
// Usage: node scripts/bench/catalog.mjs [--only catalog|tracker]
/* global mcCatalogBench, document */
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from '../chrome.mjs';
import { median, servePage } from './browser-page.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const RUNS = 7;
const line = (name, ms) => console.log(`bench ${name}: ${ms.toFixed(1)} ms`);

const site = await servePage('scripts/bench/catalog-page.ts', 'catalog bench');
try {
  const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(site.url);
    await page.waitForFunction(() => globalThis.mcCatalogBench);

    if (!only || only === 'catalog') {
      await page.evaluate(() => mcCatalogBench.catalogFirstRender(1000)); // warm: strings, code
      const first = [];
      for (let i = 0; i < RUNS; i++)
        first.push(await page.evaluate(() => mcCatalogBench.catalogFirstRender(1000)));
      line('catalog-1000 first-render', median(first));
      // 100,000 entries (issue 11 item 12): first render, and the JSON-LD it writes into the page,
      // against the 1,000-entry render of the same run.
      const big = [];
      for (let i = 0; i < 3; i++)
        big.push(await page.evaluate(() => mcCatalogBench.catalogFirstRender(100000)));
      line('catalog-100000 first-render', median(big));
      console.log(`bench catalog-100000 vs catalog-1000: ${(median(big) / median(first)).toFixed(1)}×`);
      const jsonLd = await page.evaluate(() =>
        [...document.querySelectorAll('script[type="application/ld+json"]')].reduce(
          (n, s) => n + s.text.length,
          0,
        ),
      );
      console.log(`bench catalog-100000 JSON-LD in the page: ${jsonLd} characters`);
      const words = 'educacion literacy';
      await page.evaluate((w) => mcCatalogBench.keystrokes(w), words); // warm
      const keys = [];
      for (let i = 0; i < 3; i++)
        keys.push(...(await page.evaluate((w) => mcCatalogBench.keystrokes(w), words)));
      const search = await page.evaluate((w) => mcCatalogBench.searchOnly(w), words);
      const keystroke = median(keys);
      line('catalog-1000 filter-keystroke', keystroke);
      line(
        'catalog-1000 filter-keystroke p95',
        [...keys].sort((a, b) => a - b)[Math.floor(keys.length * 0.95)],
      );
      line('catalog-1000 search-only (baseline)', median(search));
      console.log(
        `bench catalog-1000 filter-keystroke budget: ${keystroke <= 16 ? 'within' : 'OVER'} one frame (16 ms), ${(keystroke / Math.max(median(search), 0.001)).toFixed(1)}x the search alone`,
      );
    }
    if (!only || only === 'tracker') {
      await page.evaluate(() => mcCatalogBench.trackerRender(50)); // warm
      const tracker = [];
      for (let i = 0; i < RUNS; i++)
        tracker.push(await page.evaluate(() => mcCatalogBench.trackerRender(50)));
      line('tracker-50 render', median(tracker));
    }
  } finally {
    await browser.close();
  }
} finally {
  site.close();
}

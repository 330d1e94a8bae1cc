#!/usr/bin/env node
// Takes headless-Chromium screenshots of the demo pages, to look at what users see.
// Starts the demo server (vite.config.ts), opens each page (English and Spanish, wide and 320 px),
// waits for every Microcred element to settle, and writes PNGs to screenshots/tmp/ (git-ignored).
// `--readme` also writes the README image to docs/screenshots/demo-portfolio.png.
// Usage: node scripts/screenshot.mjs [--readme] [page…]   (pages: index district vendor portfolio)
/* global document, requestAnimationFrame -- used inside page.evaluate(), which runs in the browser */
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromeArgs, chromePath } from './chrome.mjs';

const readme = process.argv.includes('--readme');
const pages = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = pages.length ? pages : ['index', 'district', 'vendor', 'portfolio'];

const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0 } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
mkdirSync('screenshots/tmp', { recursive: true });
let problems = 0;
try {
  for (const name of names) {
    for (const lang of ['en', 'es']) {
      for (const width of [1200, 320]) {
        const page = await browser.newPage();
        page.on(
          'console',
          (m) => m.type() === 'error' && (problems++, console.log(`  console error on ${name}: ${m.text()}`)),
        );
        page.on('pageerror', (e) => (problems++, console.log(`  page error on ${name}: ${e.message}`)));
        await page.setViewport({ width, height: 900 });
        await page.goto(`${base}${name}.html?lang=${lang}`, { waitUntil: 'networkidle0' });
        await page.evaluate(async () => {
          const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mc-'));
          await Promise.all(els.map((e) => e.updateComplete));
          await new Promise((r) => requestAnimationFrame(() => r()));
        });
        const file = `screenshots/tmp/${name}-${lang}-${width}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(`wrote ${file}`);
        if (readme && name === 'portfolio' && lang === 'en' && width === 1200) {
          mkdirSync('docs/screenshots', { recursive: true });
          await page.screenshot({ path: 'docs/screenshots/demo-portfolio.png' });
          console.log('wrote docs/screenshots/demo-portfolio.png');
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (problems) console.log(`${problems} console/page errors (see above)`);

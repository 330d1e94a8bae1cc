#!/usr/bin/env node
// Catalog and tracker benchmark in Chromium: <mc-catalog> with 1,000 entries (first render, filter
// per keystroke) and <mc-progress-tracker> with 50 requirements (render). Prints one line per
// measure, `bench <name>: <median ms> ms`; the search alone (core CatalogIndex) is measured in the
// same run as the baseline, and the keystroke budget (16 ms, one frame) is checked in words.
// Usage: node scripts/bench/catalog.mjs [--only catalog|tracker]
/* global mcCatalogBench */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from '../chrome.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const RUNS = 7;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const line = (name, ms) => console.log(`bench ${name}: ${ms.toFixed(1)} ms`);

const out = mkdtempSync(join(tmpdir(), 'mc-catalog-bench-'));
try {
  await build({
    entryPoints: [join(root, 'scripts/bench/catalog-page.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: out,
    entryNames: '[name]',
    tsconfig: join(root, 'tsconfig.json'),
    alias: {
      '@microcred/core': join(root, 'packages/core/src/index.ts'),
      '@microcred/elements': join(root, 'packages/elements/src/index.ts'),
    },
    plugins: [
      {
        name: 'mc-deep-imports',
        setup(b) {
          b.onResolve({ filter: /^@microcred\/(core|elements)\/.+\.js$/ }, (args) => {
            const [, pkg, rest] = /^@microcred\/(core|elements)\/(.+)\.js$/.exec(args.path);
            return { path: join(root, 'packages', pkg, 'src', `${rest}.ts`) };
          });
        },
      },
    ],
    define: { 'process.env.NODE_DEBUG': 'false', global: 'globalThis' },
    logLevel: 'error',
  });
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>catalog bench</title><script type="module" src="./catalog-page.js"></script></html>',
  );
  const server = createServer((req, res) => {
    const path = join(
      out,
      decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html',
    );
    if (!path.startsWith(out)) return res.writeHead(403).end();
    try {
      const body = readFileSync(path);
      res
        .writeHead(200, { 'content-type': extname(path) === '.html' ? 'text/html' : 'text/javascript' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => globalThis.mcCatalogBench);

    if (!only || only === 'catalog') {
      await page.evaluate(() => mcCatalogBench.catalogFirstRender(1000)); // warm: strings, code
      const first = [];
      for (let i = 0; i < RUNS; i++)
        first.push(await page.evaluate(() => mcCatalogBench.catalogFirstRender(1000)));
      line('catalog-1000 first-render', median(first));
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
    server.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

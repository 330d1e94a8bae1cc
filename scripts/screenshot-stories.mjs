#!/usr/bin/env node
// Takes headless-Chromium screenshots of Storybook stories in one language, to look at what users
// of that language see (issue 13: right to left in Arabic). Serves a built Storybook (default
// storybook-static/, `npm run build-storybook`), opens each story's iframe with the locale global
// (the preview sets lang, and dir="rtl" for Arabic), waits for every Microcred element to settle,
// and writes PNGs to screenshots/tmp/stories-<locale>/ (git-ignored), at 1200 and 320 px.
// Usage: node scripts/screenshot-stories.mjs [--locale ar] [--dir storybook-static] [story-id filter…]
/* global document, requestAnimationFrame -- used inside page.evaluate(), which runs in the browser */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args.splice(i, 2)[1];
};
const locale = option('locale', 'ar');
const dir = option('dir', 'storybook-static');
const filters = args;

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  let file = join(dir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const ids = Object.values(index.entries)
  .filter((e) => e.type === 'story' && (!filters.length || filters.some((f) => e.id.includes(f))))
  .map((e) => e.id);
const out = `screenshots/tmp/stories-${locale}`;
mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
let problems = 0;
try {
  for (const id of ids) {
    for (const width of [1200, 320]) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => (problems++, console.log(`  page error on ${id}: ${e.message}`)));
      await page.setViewport({ width, height: 800 });
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=story&globals=locale:${locale}`, {
        waitUntil: 'networkidle0',
      });
      await page.evaluate(async () => {
        const all = (root) =>
          [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
        for (let i = 0; i < 3; i++) {
          await Promise.all(
            all(document)
              .filter((e) => e.localName.startsWith('mc-'))
              .map((e) => e.updateComplete),
          );
          await new Promise((r) => requestAnimationFrame(() => r()));
        }
      });
      const file = `${out}/${id.replace(/^elements-/, '')}-${width}.png`;
      // Not `fullPage`: on a right-to-left page Chromium's full-page capture starts left of the
      // content (the shot is shifted and cut at the right); a viewport as tall as the page is exact.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewport({ width, height: Math.max(800, height) });
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (problems) console.log(`${problems} page errors (see above)`);

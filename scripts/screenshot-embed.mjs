#!/usr/bin/env node
// Headless-Chromium screenshots of the embed package's tool pages as BUILT (packages/embed/dist):
// verify.html (checking a credential from ?src=) and builder.html (a catalog chosen), in English and
// Spanish, 1200 px and 320 px wide. Serves the repository and the public test vectors
// (../shared/vectors at /vectors/) from a small static server on a free port; nothing else.
// Usage: node scripts/screenshot-embed.mjs [--out <dir>]   (default screenshots/tmp/, git-ignored)
/* global document, requestAnimationFrame -- used inside page.evaluate(), which runs in the browser */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome.mjs';

const outIndex = process.argv.indexOf('--out');
const out = outIndex === -1 ? 'screenshots/tmp' : process.argv[outIndex + 1];
const repo = resolve('.');
const vectors = process.env.MC_VECTORS || resolve('../shared/vectors');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const [rootDir, rel] = path.startsWith('/vectors/') ? [vectors, path.slice(9)] : [repo, path.slice(1)];
  const file = resolve(rootDir, rel);
  if (!file.startsWith(rootDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const dist = `${base}/packages/embed/dist`;
const credential = `${base}/vectors/vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json`;
const catalog = `${base}/demo/public/catalog.json`;
const pages = {
  verify: (lang) => `${dist}/verify.html?lang=${lang}&src=${encodeURIComponent(credential)}`,
  'verify-empty': (lang) => `${dist}/verify.html?lang=${lang}`,
  builder: (lang) => `${dist}/builder.html?lang=${lang}&element=catalog&src=${encodeURIComponent(catalog)}`,
};

mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
let problems = 0;
try {
  for (const [name, url] of Object.entries(pages)) {
    for (const lang of ['en', 'es']) {
      for (const width of [1200, 320]) {
        const page = await browser.newPage();
        page.on('console', (m) => {
          if (m.type() !== 'error') return;
          problems++;
          console.log(`  console error on ${name}: ${m.text()}`);
        });
        page.on('pageerror', (e) => (problems++, console.log(`  page error on ${name}: ${e.message}`)));
        await page.setViewport({ width, height: 900 });
        await page.goto(url(lang), { waitUntil: 'networkidle0' });
        await page.evaluate(async () => {
          const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mc-'));
          await Promise.all(els.map((e) => e.updateComplete));
          await new Promise((r) => requestAnimationFrame(() => r()));
        });
        const file = join(out, `${name}-${lang}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`wrote ${file}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (problems) process.exitCode = 1;

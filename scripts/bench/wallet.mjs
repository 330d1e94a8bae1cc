#!/usr/bin/env node
// Wallet benchmark: <mc-badge-wallet> in display mode with 10,000 credentials in Chromium. Prints
// one line per measure, `bench <name>: <median ms> ms` (memory in MB), with a 50-credential wallet
// (not virtualised) measured in the same run as the baseline for first render.
// Usage: node scripts/bench/wallet.mjs [count]
/* global customElements, mcWalletBench, creds */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from '../chrome.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const vectors = process.env.MC_VECTORS || resolve(root, '../shared/vectors');
const N = Number(process.argv[2] ?? 10_000);
const RUNS = 5;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const line = (name, value, unit = 'ms') => console.log(`bench ${name}: ${value.toFixed(1)} ${unit}`);

const out = mkdtempSync(join(tmpdir(), 'mc-wallet-bench-'));
try {
  await build({
    entryPoints: [join(root, 'scripts/bench/wallet-page.mjs')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: out,
    entryNames: '[name]',
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
    '<!doctype html><meta charset="utf-8"><title>wallet bench</title><script type="module" src="./wallet-page.js"></script>',
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
  const browser = await puppeteer.launch({
    executablePath: chromePath(),
    args: [...chromeArgs(), '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (e) => {
      if (!/ResizeObserver loop/.test(e.message)) console.error(`page error: ${e.message}`);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => globalThis.mcWalletBench && customElements.get('mc-badge-wallet'));
    const template = JSON.parse(readFileSync(join(vectors, 'obv3-examples/ref/full_ex.json'), 'utf8'));
    await page.evaluate(
      (t, n) => (globalThis.creds = { many: mcWalletBench.make(t, n), few: mcWalletBench.make(t, 50) }),
      template,
      N,
    );

    const heap0 = await page.evaluate(() => (globalThis.gc?.(), mcWalletBench.heap()));
    const first = [];
    const own = [];
    const base = [];
    let cards = 0;
    for (let i = 0; i < RUNS; i++) {
      base.push((await page.evaluate(() => mcWalletBench.firstRender(creds.few))).ms);
      const r = await page.evaluate(() => mcWalletBench.firstRender(creds.many));
      first.push(r.ms);
      own.push(r.wallet);
      cards = r.cards;
    }
    const index = await page.evaluate(() => mcWalletBench.indexAll());
    const typed = await page.evaluate(() => mcWalletBench.type('robotics credential 9'));
    const heap1 = await page.evaluate(() => (globalThis.gc?.(), mcWalletBench.heap()));

    line(`wallet-${N} first-render`, median(first));
    line(`wallet-${N} first-render wallet update only (cards excluded)`, median(own));
    line('wallet-50 first-render (baseline, not virtualised)', median(base));
    console.log(
      `bench wallet-${N} first-render ratio to baseline: ${(median(first) / median(base)).toFixed(2)}x (${cards} cards rendered)`,
    );
    line(`wallet-${N} index-all (once, before the first filter)`, index);
    line(`wallet-${N} filter-keystroke`, median(typed.times));
    line(`wallet-${N} filter-keystroke max`, Math.max(...typed.times));
    line(`wallet-${N} heap`, (heap1 - heap0) / 1024 / 1024, 'MB');
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

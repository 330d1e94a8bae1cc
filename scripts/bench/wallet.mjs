#!/usr/bin/env node
// Wallet benchmark: <mc-badge-wallet> in display mode with 10,000 credentials in Chromium. Prints
// one line per measure, `bench <name>: <median ms> ms` (memory in MB), with a 50-credential wallet
// (not virtualised) measured in the same run as the baseline for first render.
// Usage: node scripts/bench/wallet.mjs [count]
/* global customElements, mcWalletBench, creds */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from '../chrome.mjs';
import { median, root, servePage } from './browser-page.mjs';

const vectors = process.env.MC_VECTORS || resolve(root, '../shared/vectors');
const N = Number(process.argv[2] ?? 10_000);
const RUNS = 5;
const line = (name, value, unit = 'ms') => console.log(`bench ${name}: ${value.toFixed(1)} ${unit}`);

const site = await servePage('scripts/bench/wallet-page.mjs', 'wallet bench');
try {
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
    await page.goto(site.url);
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
  }
} finally {
  site.close();
}

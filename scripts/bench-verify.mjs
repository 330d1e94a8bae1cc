#!/usr/bin/env node
// `npm run bench:verify`: our verifier against the Digital Bazaar stack (@digitalbazaar/vc +
// data-integrity + eddsa-rdfc-2022-cryptosuite + ed25519-multikey, with the same bundled contexts)
// on the same freshly issued credentials, in one Node process and in one Chromium page. A benchmark,
// not a test: it prints one line per measure,
//   bench <name>: ours <median ms> ms, baseline <median ms> ms, speedup <baseline/ours>x
// and exits non-zero only when something fails to verify. First verifications run in fresh
// processes / fresh pages (one browser context each), ours and the baseline alternating; in Chromium
// also once the fresh page has gone idle. In Chromium ours and the baselines are separate bundles,
// as in an app that holds one verifier: built together, esbuild put the modules both use (jsonld,
// the bundled contexts) in chunks of their own, which cost each side a round of requests its own
// app would not make.
// Then one line about verifyMany in Chromium (worker against in-page: time and longest task).
// Options: --first N (fresh pages/processes for first verifications, default 11: a fresh page's
// time swings with the machine), --node-only, --chromium-only.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'node_modules/.cache/mc-bench');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const FIRST = arg('--first', 11);
const onlyNode = process.argv.includes('--node-only');
const onlyChromium = process.argv.includes('--chromium-only');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const line = (name, ours, baseline) =>
  console.log(
    `bench ${name}: ours ${ours.toFixed(3)} ms, baseline ${baseline.toFixed(3)} ms, speedup ${(baseline / ours).toFixed(2)}x`,
  );

// 1. The Node bundle (packages stay external, as a server would install them).
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'scripts/bench/node-run.mjs')],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: join(out, 'node'),
  logLevel: 'error',
});
const nodeRun = (...args) =>
  execFileSync(process.execPath, [join(out, 'node/node-run.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });

// 2. Fresh keys and credentials, shared by every measure of this run.
const fixturesFile = join(out, 'fixtures.json');
writeFileSync(fixturesFile, nodeRun('issue'));
const fixtures = JSON.parse(readFileSync(fixturesFile, 'utf8'));

// 3. Node.
if (!onlyChromium) {
  const warm = JSON.parse(nodeRun('warm', fixturesFile));
  for (const [name, m] of Object.entries(warm)) line(`node ${name}`, m.ours, m.baseline);
  const ours = [];
  const base = [];
  for (let i = 0; i < FIRST; i++) {
    ours.push(Number(nodeRun('first-ours', fixturesFile)));
    base.push(Number(nodeRun('first-baseline', fixturesFile)));
  }
  line('node first-verify', median(ours), median(base));
}

// 4. Chromium: one page for warm medians, fresh pages for first verifications.
if (!onlyNode) {
  const web = join(out, 'web');
  rmSync(web, { recursive: true, force: true });
  const browserBuild = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    entryNames: '[name]',
    define: { 'process.env.NODE_DEBUG': 'false', global: 'globalThis' },
    // base64url-universal's "browser" map is not applied under its "exports": without this the
    // Digital Bazaar ECDSA and Ed25519Signature2018 suites reach for Node's Buffer in the page
    alias: { 'base64url-universal': join(root, 'node_modules/base64url-universal/lib/browser.js') },
    logLevel: 'error',
  };
  // ours, as an app bundles it: the page, and the worker of verifyMany (its own entry, emitted
  // beside the chunk that starts it)
  await build({
    ...browserBuild,
    entryPoints: [
      join(root, 'scripts/bench/page.mjs'),
      join(root, 'packages/core/src/verify/verify-worker.ts'),
    ],
    splitting: true,
    outdir: web,
  });
  // the baselines, each a bundle of its own (see page.mjs): the Digital Bazaar stack in one file,
  // as its first verification loads it (one request), and the other formats' reference libraries
  for (const name of ['baseline', 'formats'])
    await build({
      ...browserBuild,
      entryPoints: [join(root, `scripts/bench/${name}.mjs`)],
      outdir: join(web, 'ref'),
    });
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./page.js"></script>',
  );
  const types = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = join(
      web,
      decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html',
    );
    if (!path.startsWith(web)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(path);
    } catch {
      return res.writeHead(404).end();
    }
    // cross-origin isolated, so performance.now() has 5 µs steps instead of 100 µs: a warm VC-JWT
    // verification takes about 0.1-0.5 ms, which 100 µs steps turned into medians of 0.1 or 0.4
    res.writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/index.html`;
  const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
  try {
    const open = async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      await page.goto(url);
      await page.waitForFunction(() => globalThis.mcBench !== undefined);
      return { context, page };
    };
    const { context, page } = await open();
    const warm = await page.evaluate((fx) => globalThis.mcBench.warm(fx), fixtures);
    await context.close();
    for (const [name, m] of Object.entries(warm)) {
      if (m.error) console.log(`bench chromium ${name}: not measured (${m.error})`);
      else line(`chromium ${name}`, m.ours, m.baseline);
    }
    // First verifications: right after the fresh page loaded (as the user who presses Verify at
    // once), and once the page has gone idle (the browser's own start-up work for a new page, which
    // slows both sides alike, is over: the verifiers' own loading and first run, on a quiet machine)
    for (const [name, idle] of [
      ['chromium first-verify', false],
      ['chromium first-verify (page idle)', true],
    ]) {
      const ours = [];
      const base = [];
      for (let i = 0; i < FIRST; i++) {
        for (const [which, into] of [
          ['ours', ours],
          ['baseline', base],
        ]) {
          const fresh = await open();
          if (idle)
            await fresh.page.evaluate(
              () =>
                new Promise((r) =>
                  setTimeout(() => globalThis.requestIdleCallback(r, { timeout: 1000 }), 300),
                ),
            );
          into.push(await fresh.page.evaluate((w, fx) => globalThis.mcBench.first(w, fx), which, fixtures));
          await fresh.context.close();
        }
      }
      line(name, median(ours), median(base));
    }
    // verifyMany: a wallet's "verify all", in a fresh page each way (not a bench line: no baseline)
    const N = 30;
    const many = {};
    for (const worker of [true, false]) {
      const fresh = await open();
      many[worker ? 'worker' : 'thread'] = await fresh.page.evaluate(
        (fx, n, w) => globalThis.mcBench.many(fx, n, w),
        fixtures,
        N,
        worker,
      );
      await fresh.context.close();
    }
    const ms = (x) => `${x.toFixed(1)} ms`;
    console.log(
      `verifyMany chromium ${N} credentials: in a worker ${ms(many.worker.ms)} (longest main-thread task ${ms(many.worker.longest)}), in the page ${ms(many.thread.ms)} (longest task ${ms(many.thread.longest)})`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

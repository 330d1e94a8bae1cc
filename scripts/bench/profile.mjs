#!/usr/bin/env node
// Where a warm verification spends its time, per format (issue 14): verifies one fixture of the last
// `npm run bench:verify` run (node_modules/.cache/mc-bench/fixtures.json) in a loop, in a Chromium
// page (Chrome DevTools protocol) or in Node (node:inspector), under the V8 sampling profiler, and
// prints the functions with the most self time and the most inclusive time, in % of the samples.
// Our code is bundled unminified, so the names are the sources'. A tool, not a benchmark.
// Usage: node scripts/bench/profile.mjs <fixture> [runs, default 2000] [--node]
//   fixtures: rdfcV2, rdfcV1, jwt, ecdsaRdfc, ecdsaJcs, ed2018, vcJwt, sdJwt (see formats.mjs)
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from '../chrome.mjs';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'node_modules/.cache/mc-profile');
const [key = 'jwt', runsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const runs = Number(runsArg ?? 2000);
const inNode = process.argv.includes('--node');
const fx = JSON.parse(readFileSync(join(root, 'node_modules/.cache/mc-bench/fixtures.json'), 'utf8'));
const input = fx.credentials[key] ?? fx.formats?.[key];
if (input === undefined) {
  console.error(`profile: no fixture "${key}"; run npm run bench:verify first`);
  process.exit(2);
}

await build({
  entryPoints: [join(root, 'scripts/bench/profile-page.mjs')],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: inNode ? 'node' : 'browser',
  target: inNode ? 'node20' : 'es2022',
  ...(inNode ? { packages: 'external' } : {}),
  outdir: join(out, inNode ? 'node' : 'web'),
  entryNames: '[name]',
  define: { 'process.env.NODE_DEBUG': 'false', global: 'globalThis' },
  logLevel: 'error',
});

/** Self and inclusive time per function of a V8 CPU profile, printed as the top `n` of each. */
function report(profile, n = 30) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const name = ({ callFrame: f }) =>
    `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`;
  const self = new Map();
  const incl = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i];
    if (name(byId.get(id)).startsWith('(idle)')) return;
    total += dt;
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt);
    const seen = new Set();
    for (let c = id; c !== undefined; c = parent.get(c)) {
      const k = name(byId.get(c));
      if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  for (const [title, map] of [
    ['self', self],
    ['inclusive', incl],
  ]) {
    console.log(`--- ${title} time`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  }
}

/** Warms up, times `runs` verifications, then profiles `runs` more with `start`/`stop`. */
async function measure(loop, start, stop) {
  await loop(Math.min(300, runs));
  const t = performance.now();
  await loop(runs);
  console.log(
    `${key} in ${inNode ? 'Node' : 'Chromium'}: ${((performance.now() - t) / runs).toFixed(3)} ms a verification`,
  );
  await start();
  await loop(runs);
  const profile = await stop();
  writeFileSync(join(out, `${key}-${inNode ? 'node' : 'chromium'}.cpuprofile`), JSON.stringify(profile));
  report(profile);
}

if (inNode) {
  await import(join(out, 'node/profile-page.js'));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await measure(
    (n) => globalThis.mcProfile.loop(input, n),
    () => session.post('Profiler.start'),
    async () => (await session.post('Profiler.stop')).profile,
  );
  session.disconnect();
} else {
  const web = join(out, 'web');
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>profile</title><script type="module" src="./profile-page.js"></script>',
  );
  const server = createServer((req, res) => {
    const path = join(web, new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
    if (!path.startsWith(web)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(path);
    } catch {
      return res.writeHead(404).end();
    }
    // cross-origin isolated, as in bench:verify (5 µs timer steps)
    res.writeHead(200, {
      'content-type': extname(path) === '.html' ? 'text/html' : 'text/javascript',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => globalThis.mcProfile !== undefined);
    const cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await measure(
      (n) => page.evaluate((x, k) => globalThis.mcProfile.loop(x, k), input, n),
      () => cdp.send('Profiler.start'),
      async () => (await cdp.send('Profiler.stop')).profile,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

#!/usr/bin/env node
// Story smoke test: every story is also a test. Builds Storybook (`storybook build`), serves
// storybook-static from a tiny node:http server on a free port, and opens every story of index.json
// in Chromium (puppeteer-core, Debian's browser via scripts/chrome.mjs) in English, then switches the
// `locale` toolbar global live to Spanish in the same page (one test per language). A story fails on a console error, an uncaught page error,
// a failed or 4xx/5xx request (except the 404s a story means to show, allowed below by story id),
// any request that leaves the local server, a Storybook render error, a hostile payload that ran,
// and any axe-core violation; a card left in the wrong state (e.g. an error where a credential
// should show) fails it too. One more test switches the locale toolbar live on one story, and each
// MDX guide (when @storybook/addon-docs is installed) is one test: no errors, axe-clean.
// Prints `✓ id [lang]` / `✗ id [lang]: reason`, writes .test-results/stories.json
// ({ passed, failed, skipped, failures }) and exits 1 on any failure.
//
//   node scripts/story-smoke.mjs [--no-build] [--filter <substring>] [--jobs <pages at once, 2>]
//
// Functions passed to page.evaluate / waitForFunction run in the browser:
/* global document, window, requestAnimationFrame */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const outDir = join(root, 'storybook-static');
const resultsFile = join(root, '.test-results/stories.json');
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : undefined;
/** Pages open at once (one browser); these machines have 2 cores. */
const jobs = Math.max(1, Number(args.includes('--jobs') ? args[args.indexOf('--jobs') + 1] : 2) || 2);

const LOCALES = ['en', 'es'];
/** Longest wait for one story to render and settle. */
const STORY_TIMEOUT = 20_000;

/**
 * Requests a story means to fail, by story id: pathname → allowed status. Nothing else may fail.
 * (Chromium also logs each of these as a console error "Failed to load resource", which is
 * allowed for the same URL only.)
 */
const ALLOWED_FAILURES = {
  'elements-credential-card--error-not-found': { '/mc-fixtures/no-such-credential.json': 404 },
};

/**
 * axe rules about the structure of a whole page, which an isolated story (one component in an
 * otherwise empty iframe) cannot meet and should not try to: content outside landmarks, no <main>,
 * no <h1>. Everything else in wcag2a/aa, wcag21a/aa and best-practice runs.
 */
const PAGE_STRUCTURE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one'];

const results = { passed: 0, failed: 0, skipped: 0, failures: [] };

function finish(code) {
  mkdirSync(join(root, '.test-results'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`stories: ${results.passed} passed, ${results.failed} failed`);
  process.exit(code);
}

function fail(test, error) {
  results.failed += 1;
  results.failures.push({ test, error });
  console.log(`✗ ${test}: ${error}`);
}

// ── 1. Build ──────────────────────────────────────────────────────────────────────────────────────
if (!noBuild) {
  const started = Date.now();
  console.log('Building Storybook…');
  // Storybook prints a page of chunk sizes even with --quiet: keep it, and show it only on failure.
  const build = spawnSync('npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', NO_COLOR: '1' },
  });
  if (build.status !== 0) {
    console.log(`${build.stdout ?? ''}${build.stderr ?? ''}`.split('\n').slice(-80).join('\n'));
    fail('storybook build', `exited with ${build.status ?? build.signal}; output above`);
    finish(1);
  }
  console.log(`Storybook built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (!existsSync(join(outDir, 'index.json'))) {
  fail('storybook build', 'storybook-static/index.json is missing');
  finish(1);
}

// ── 2. Serve storybook-static ─────────────────────────────────────────────────────────────────────
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  // Chromium asks every new origin for /favicon.ico by itself; that is not the story's request.
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  let file = resolve(outDir, `.${path}`);
  if (file !== outDir && !file.startsWith(outDir + sep)) file = '';
  else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// ── 3. Open every story ───────────────────────────────────────────────────────────────────────────
const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries ?? {})
  .filter((e) => !filter || e.id.includes(filter))
  .sort((a, b) => a.id.localeCompare(b.id));
const stories = entries.filter((e) => e.type === 'story');
// MDX guides (indexed only when @storybook/addon-docs is installed): one test each, in English.
const docs = entries.filter((e) => e.type === 'docs');
if (stories.length === 0) fail('stories', 'index.json lists no stories');

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs(), headless: true });

/** Waits for the story to render and settle; returns a render error message, if any. */
async function settle(page) {
  // Storybook marks <body> when the story rendered (sb-show-main) or failed (sb-show-errordisplay).
  await page.waitForFunction(
    () =>
      document.body.classList.contains('sb-show-main') ||
      document.body.classList.contains('sb-show-errordisplay'),
    { timeout: STORY_TIMEOUT },
  );
  const renderError = await page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay')
      ? (
          document.querySelector('#error-message')?.textContent ?? 'Storybook could not render the story'
        ).trim()
      : undefined,
  );
  if (renderError) return renderError;
  // Then every Microcred element (in light or shadow DOM) finished updating, and the network is
  // quiet (lazy chunks such as the Markdown renderer, credentials loaded by src), twice over.
  for (let round = 0; round < 2; round += 1) {
    await page.evaluate(async () => {
      const all = [];
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.localName.startsWith('mc-')) all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      await Promise.all(all.map((el) => el.updateComplete));
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    });
    await page.waitForNetworkIdle({ idleTime: 250, timeout: STORY_TIMEOUT });
  }
  return undefined;
}

/**
 * The state every `<mc-credential-card>` of a story must end in: `loaded`, except in the stories
 * that show another state on purpose (matched by story id). Catches a story that silently shows an
 * error instead of its credential.
 */
const EXPECTED_STATE = [
  [/--error-/, 'error'],
  [/--loading$/, 'loading'],
  [/--empty$/, 'empty'],
  [/./, 'loaded'],
];

/** Problems in the rendered story: wrong card state, hostile payloads that ran, unsafe markup. */
async function contentProblems(page, storyId) {
  const expected = EXPECTED_STATE.find(([re]) => re.test(storyId))[1];
  return page.evaluate((expected) => {
    const problems = [];
    if (window.__mcHostile) problems.push(`a hostile payload ran (${window.__mcHostile})`);
    const safeLink = /^(https?:|mailto:|#)/i;
    const safeImage = /^(https?:|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]|blob:)/i;
    const walk = (node, inShadow) => {
      for (const el of node.querySelectorAll('*')) {
        // A card given a presentation lists its credentials (it is in `error`, code `presentation`):
        // the cards in its list are checked instead.
        const listing = el.shadowRoot?.querySelector('[part=presentation]');
        if (el.localName === 'mc-credential-card' && el.state !== expected && !listing) {
          problems.push(
            `<mc-credential-card> is in state "${el.state}"${el.error ? ` (${el.error.code}: ${el.error.message})` : ''}, expected "${expected}"`,
          );
        }
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) problems.push(`<${el.localName} ${attr.name}> in the DOM`);
        }
        const href = el.getAttribute('href');
        if (href !== null && !safeLink.test(href.trim()))
          problems.push(`<${el.localName} href="${href.slice(0, 40)}">`);
        const src = ['img', 'iframe', 'source'].includes(el.localName) ? el.getAttribute('src') : null;
        if (src !== null && !safeImage.test(src.trim()))
          problems.push(`<${el.localName} src="${src.slice(0, 40)}">`);
        if (inShadow && ['script', 'iframe', 'object', 'embed'].includes(el.localName)) {
          problems.push(`<${el.localName}> inside a shadow root`);
        }
        if (el.shadowRoot) walk(el.shadowRoot, true);
      }
    };
    const storyRoot = document.querySelector('#storybook-root');
    if (storyRoot) walk(storyRoot, false);
    return problems;
  }, expected);
}

/**
 * Opens a story in a new page that records every problem (console errors, page errors, failed,
 * refused or outside requests) into `sink.problems` (a test may swap in a new list), and waits for
 * it to settle.
 */
async function openStory(storyId, locale, sink, viewMode = 'story') {
  const allowed = ALLOWED_FAILURES[storyId] ?? {};
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.emulateTimezone('UTC');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      request.continue();
    } else {
      sink.problems.push(`request outside the Storybook origin: ${url.slice(0, 100)}`);
      request.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    if (/^Failed to load resource/.test(message.text()) && where.startsWith(origin)) {
      // Chromium's own log line for an HTTP error; the response handler below judges it.
      if (new URL(where).pathname in allowed) return;
    }
    sink.problems.push(`console error: ${message.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) =>
    sink.problems.push(`page error: ${String(error?.message ?? error).slice(0, 300)}`),
  );
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (!url.startsWith(origin)) return; // already reported as an outside request
    sink.problems.push(
      `request failed: ${url.slice(origin.length)} (${request.failure()?.errorText ?? 'unknown'})`,
    );
  });
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(origin) || response.status() < 400) return;
    const path = new URL(url).pathname;
    if (allowed[path] === response.status()) return;
    sink.problems.push(`HTTP ${response.status()} for ${path}`);
  });

  const url = `${origin}/iframe.html?id=${encodeURIComponent(storyId)}&viewMode=${viewMode}&globals=locale:${locale}`;
  await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT });
  const renderError = await settle(page);
  if (renderError) sink.problems.push(`render error: ${renderError.slice(0, 300)}`);
  return page;
}

/** Records the outcome of one test. */
function report(test, problems) {
  if (problems.length === 0) {
    results.passed += 1;
    console.log(`✓ ${test}`);
  } else {
    fail(test, problems.join('; '));
  }
}

/** Describes an exception thrown while testing. */
function describe(error) {
  return `${error?.name === 'TimeoutError' ? 'timed out: ' : ''}${String(error?.message ?? error).split('\n')[0]}`;
}

/** axe-core over `selector`, page-structure rules off; one message per violated rule. */
async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async (selector, disabled) => {
      const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
      const result = await window.axe.run(selector, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        rules,
        resultTypes: ['violations'],
      });
      return result.violations.map(
        (v) =>
          `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s), e.g. ${JSON.stringify(v.nodes[0]?.target ?? [])}`,
      );
    },
    selector,
    PAGE_STRUCTURE_RULES,
  );
}

/** An MDX guide: renders without errors or outside requests, axe-clean. */
async function runDocs(entry) {
  const sink = { problems: [] };
  const { problems } = sink;
  let page;
  try {
    page = await openStory(entry.id, 'en', sink, 'docs');
    const empty = await page.evaluate(() => !document.querySelector('#storybook-docs')?.textContent?.trim());
    if (empty) problems.push('the docs page rendered nothing');
    problems.push(...(await axeViolations(page, '#storybook-docs')));
  } catch (error) {
    problems.push(describe(error));
  } finally {
    await page?.close().catch(() => {});
  }
  report(`${entry.id} [docs]`, problems);
}

/** Checks a rendered story in `locale`: language, content, axe. */
async function storyProblems(page, story, locale) {
  const problems = [];
  const lang = await page.evaluate(() => document.querySelector('#storybook-root')?.getAttribute('lang'));
  if (lang !== locale) problems.push(`the story root has lang="${lang}", expected "${locale}"`);
  problems.push(...(await contentProblems(page, story.id)));
  problems.push(...(await axeViolations(page, '#storybook-root')));
  return problems;
}

/** Switches the open story's `locale` global as the toolbar does, and waits for it to settle. */
async function switchLocale(page, locale) {
  await page.evaluate(
    (locale) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { locale } }),
    locale,
  );
  await page.waitForFunction(
    (locale) => document.querySelector('#storybook-root')?.getAttribute('lang') === locale,
    { timeout: STORY_TIMEOUT },
    locale,
  );
  const renderError = await settle(page);
  if (renderError) throw new Error(`render error: ${renderError.slice(0, 300)}`);
}

/**
 * One story in every language (one test per language): renders cleanly, in the right state and
 * language, inert, axe-clean. The page loads once in the first language; each next language is the
 * toolbar's live switch (a page load per story instead of one per story and language).
 */
async function runStory(story) {
  const sink = { problems: [] };
  let page;
  for (const [i, locale] of LOCALES.entries()) {
    try {
      if (i === 0) page = await openStory(story.id, locale, sink);
      else if (page) await switchLocale(page, locale);
      else throw new Error(`not run: the story did not open in ${LOCALES[0]}`);
      sink.problems.push(...(await storyProblems(page, story, locale)));
    } catch (error) {
      sink.problems.push(describe(error));
    }
    report(`${story.id} [${locale}]`, sink.problems);
    sink.problems = [];
  }
  await page?.close().catch(() => {});
}

/** Text of every card's shadow root, to see that a language switch re-rendered them. */
function cardText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#storybook-root mc-credential-card')]
      .map((card) => card.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .join('\n'),
  );
}

/**
 * The locale toolbar switches a story live: open it in English, change the `locale` global the way
 * the toolbar does (an `updateGlobals` event on the preview channel), and the cards re-render in
 * Spanish without a reload.
 */
async function runLiveLocale(storyId) {
  const sink = { problems: [] };
  const { problems } = sink;
  let page;
  try {
    page = await openStory(storyId, 'en', sink);
    const before = await cardText(page);
    await switchLocale(page, 'es');
    const after = await cardText(page);
    if (!before) problems.push('no card text before the switch');
    else if (after === before) problems.push('the cards did not re-render when the locale changed to es');
  } catch (error) {
    problems.push(describe(error));
  } finally {
    await page?.close().catch(() => {});
  }
  report(`${storyId}: locale toolbar switches it live (en → es)`, problems);
}

/** The story the live-switch test uses. */
const LIVE_LOCALE_STORY = 'elements-credential-card--full';

const tasks = [
  ...stories.map((story) => () => runStory(story)),
  ...(stories.some((story) => story.id === LIVE_LOCALE_STORY)
    ? [() => runLiveLocale(LIVE_LOCALE_STORY)]
    : []),
  ...docs.map((entry) => () => runDocs(entry)),
];
try {
  // `jobs` workers take the next task until none is left (each task reports its own result).
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let task = tasks.shift(); task; task = tasks.shift()) await task();
    }),
  );
} finally {
  await browser.close().catch(() => {});
  server.close();
}
finish(results.failed > 0 ? 1 : 0);

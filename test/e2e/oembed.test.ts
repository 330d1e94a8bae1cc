// End-to-end: the demo issuer's oEmbed provider over real HTTP (a fresh issuer on a free port):
// `rich` answers for a credential and the catalog with frame.html iframes, 404 for addresses it has
// no embed for, 501 for formats other than JSON, `maxwidth`/`maxheight` respected, and discovery (the
// credential page's <link> and the JSON's Link header). Then in Chromium: the credential page's frame
// shows the credential (the BUILT embed package, served by the issuer at /embed/), and the demo site
// serves the package's verify.html and builder.html from source at /embed/ with the demo issuer's data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { startIssuer } from '../../demo/server/issuer.js';
import type { RunningIssuer } from '../../demo/server/issuer.js';
import { embedBuilt } from '../../demo/server/oembed.js';
import { readFrameParams } from '../../packages/embed/src/frame/params.js';

const { chromeArgs, chromePath } = (await import('../../scripts/chrome.mjs' as string)) as {
  chromeArgs(): string[];
  chromePath(): string;
};

let issuer: RunningIssuer;
let dataDir = '';
let credential = '';

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mc-oembed-'));
  issuer = await startIssuer({ port: 0, dataDir, reset: true });
  const educator = (await (await fetch(`${issuer.url}/educators/ana-rivera`)).json()) as {
    credentials: { id: string; state: string }[];
  };
  credential = educator.credentials.find((c) => c.state === 'active')!.id;
});

after(async () => {
  await issuer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const oembed = (params: Record<string, string>): Promise<Response> =>
  fetch(`${issuer.url}/oembed?${new URLSearchParams(params).toString()}`);

/** The one <iframe> of an answer's `html`, read as attributes (no DOM in Node). */
function iframeOf(html: string): Record<string, string> {
  const tags = html.match(/<iframe\b[^>]*>/g) ?? [];
  assert.equal(tags.length, 1, html);
  assert.match(html, /<\/iframe>$/);
  const attrs: Record<string, string> = {};
  for (const [, name, value] of tags[0]!.matchAll(/([a-z-]+)="([^"]*)"/g))
    attrs[name!] = value!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return attrs;
}

describe('oEmbed: the demo issuer answers over HTTP', () => {
  it('a credential address → 200 application/json, type rich, version 1.0, an iframe of frame.html (verify element, that credential) with a title, and its width and height', async () => {
    const res = await oembed({ url: credential, format: 'json' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    // oEmbed 2.3.4: version, type; 2.3.4.4 (rich): html, width, height are required.
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body['version'], '1.0');
    assert.equal(body['type'], 'rich');
    assert.equal(body['width'], 600);
    assert.equal(body['height'], 560);
    assert.equal(body['provider_name'], 'Lakeside Unified School District');
    assert.match(String(body['title']), / — Ana Rivera$/);
    const iframe = iframeOf(String(body['html']));
    assert.equal(iframe['width'], '600');
    assert.equal(iframe['height'], '560');
    assert.equal(iframe['title'], `${String(body['title'])} — Verify a micro-credential`);
    const src = new URL(iframe['src']!);
    assert.equal(`${src.origin}${src.pathname}`, `${issuer.url}/embed/frame.html`);
    // The frame accepts exactly these parameters (its own rules, frame/params.ts).
    assert.deepEqual(readFrameParams(src.search), {
      element: 'verify',
      src: credential,
      lang: 'en',
      theme: 'auto',
      options: {},
    });
    // Without format, JSON is what the provider answers.
    assert.equal((await oembed({ url: credential })).status, 200);
  });

  it('the catalog address (in Spanish) → a catalog frame in Spanish', async () => {
    const res = await oembed({ url: `${issuer.url}/achievements?lang=es`, format: 'json' });
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    const iframe = iframeOf(String(body['html']));
    const spec = readFrameParams(new URL(iframe['src']!).search);
    assert.ok(!Array.isArray(spec), JSON.stringify(spec));
    assert.equal(spec.element, 'catalog');
    assert.equal(spec.lang, 'es');
    assert.equal(spec.src, `${issuer.url}/achievements?lang=es`);
    assert.equal(body['height'], 640);
    assert.match(iframe['title']!, /Catálogo de microcredenciales$/);
  });

  it('maxwidth and maxheight are respected ("the provider must respect", oEmbed 2.2); a bad size is 400', async () => {
    const body = (await (
      await oembed({ url: credential, maxwidth: '320', maxheight: '400' })
    ).json()) as Record<string, unknown>;
    assert.equal(body['width'], 320);
    assert.equal(body['height'], 400);
    const iframe = iframeOf(String(body['html']));
    assert.equal(iframe['width'], '320');
    assert.equal(iframe['height'], '400');
    assert.equal((await oembed({ url: credential, maxwidth: '-5' })).status, 400);
  });

  it('404 for addresses with no embed ("the provider has no response for the requested url", oEmbed 2.3.2): another site, an unknown credential, the admin page, not an address', async () => {
    for (const url of [
      'https://example.org/credentials/1',
      `${issuer.url}/credentials/00000000-0000-0000-0000-000000000000`,
      `${issuer.url}/admin`,
      `${credential.replace('http://localhost', 'http://127.0.0.1')}`,
      'not an address',
    ]) {
      const res = await oembed({ url, format: 'json' });
      assert.equal(res.status, 404, url);
      await res.text();
    }
    assert.equal((await oembed({})).status, 400);
  });

  it('501 for any format but JSON ("the provider cannot return a response in the requested format", oEmbed 2.3.2)', async () => {
    for (const format of ['xml', 'yaml', '']) {
      const res = await oembed({ url: credential, format });
      assert.equal(res.status, format === '' ? 200 : 501, format);
      await res.text();
    }
  });

  it('discovery: the credential page (a browser asking for HTML) has the oEmbed <link>, and the JSON has the same as a Link header; both lead to the answer', async () => {
    const page = await fetch(credential, { headers: { Accept: 'text/html,application/xhtml+xml' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const html = await page.text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html);
    assert.ok(link, 'no oEmbed discovery <link> on the credential page');
    const href = link[1]!.replace(/&amp;/g, '&');
    const answer = (await (await fetch(href)).json()) as Record<string, unknown>;
    assert.equal(answer['type'], 'rich');
    // The page shows the same frame.
    assert.ok(html.includes(String(answer['html'])), 'the page embeds its own oEmbed frame');

    const jsonRes = await fetch(credential);
    assert.match(jsonRes.headers.get('content-type') ?? '', /json/);
    assert.equal(jsonRes.headers.get('link'), `<${href}>; rel="alternate"; type="application/json+oembed"`);
    await jsonRes.json();
  });
});

describe('oEmbed and the embed pages in Chromium', () => {
  let browser: Browser;
  let vite: ViteDevServer;
  let site = '';
  before(async () => {
    browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
    process.env['VITE_MC_ISSUER'] = issuer.url;
    vite = await createServer({
      configFile: 'vite.config.ts',
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
    });
    await vite.listen();
    site = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  });
  after(async () => {
    await browser?.close();
    await vite?.close();
  });

  /** A page that records console errors and page errors. */
  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warn' && m.text().startsWith('Lit is in dev mode')) return;
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems };
  }

  it(
    "the credential page's frame (frame.html of the built package, served by the issuer) shows the credential",
    {
      skip: embedBuilt()
        ? false
        : 'packages/embed/dist is not built: run npm run build (npm test builds first)',
    },
    async () => {
      const { page, problems } = await open(credential);
      const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
      await frame.waitForFunction(
        () =>
          (document.querySelector('mc-credential-card') as HTMLElement & { state?: string })?.state ===
          'loaded',
        { timeout: 20_000 },
      );
      const name = await frame.$eval('mc-credential-card', (c) => c.shadowRoot!.textContent ?? '');
      assert.match(name, /Accessible|Assessment|Digital|Inclusive|Formative|Culturally|Literacy|Blended/);
      assert.match(await frame.title(), / — Verify a micro-credential$/);
      assert.deepEqual(problems, []);
      await page.close();
    },
  );

  it('the demo serves verify.html at /embed/ from source; ?src= with an issuer credential shows its card and a full verification', async () => {
    const { page, problems } = await open(`${site}/embed/verify.html?src=${encodeURIComponent(credential)}`);
    await page.waitForFunction(
      () =>
        !['idle', 'verifying', undefined].includes(
          (document.querySelector('.vp-cards mc-verify-button') as HTMLElement & { state?: string })?.state,
        ),
      { timeout: 30_000 },
    );
    // The standalone page has no demo fetch: the demo issuer's did:web is https by the standard and
    // the demo serves http, so its signature key cannot be fetched — "could not verify", never Verified.
    const state = await page.$eval(
      '.vp-cards mc-verify-button',
      (b) => (b as HTMLElement & { state: string }).state,
    );
    assert.equal(state, 'unknown');
    assert.equal(
      await page.$eval('.vp-cards mc-credential-card', (c) => (c as HTMLElement & { state: string }).state),
      'loaded',
    );
    assert.deepEqual(
      problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)),
      [],
    );
    await page.close();
  });

  it("the demo's verify page verifies an issuer credential given as ?src= (with the demo's fetch): Verified, every check listed", async () => {
    const { page, problems } = await open(`${site}/verify.html?src=${encodeURIComponent(credential)}`);
    await page.waitForFunction(
      () =>
        !['idle', 'verifying', undefined].includes(
          (document.querySelector('#verify-tool mc-verify-button') as HTMLElement & { state?: string })
            ?.state,
        ),
      { timeout: 30_000 },
    );
    const result = await page.$eval('#verify-tool mc-verify-button', (b) => ({
      state: (b as HTMLElement & { state: string }).state,
      open: (b.shadowRoot!.querySelector('details[part~="checks"]') as HTMLDetailsElement | null)?.open,
    }));
    assert.deepEqual(result, { state: 'verified', open: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("the demo serves builder.html at /embed/; the issuer's catalog checks out and its snippets point at the package's files", async () => {
    const feed = `${issuer.url}/achievements`;
    const { page, problems } = await open(
      `${site}/embed/builder.html?element=catalog&src=${encodeURIComponent(feed)}`,
    );
    await page.waitForFunction(
      () => (document.querySelector('#eb-check') as HTMLElement)?.dataset['state'] === 'good',
      {
        timeout: 20_000,
      },
    );
    assert.match(
      await page.$eval('#eb-check', (p) => p.textContent ?? ''),
      /it is a catalog, .* with 14 entries/,
    );
    const script = await page.$eval('#eb-script', (t) => (t as HTMLTextAreaElement).value);
    assert.ok(script.startsWith(`<script type="module" src="${site}/embed/autoloader.js"></script>`), script);
    const autoloader = await fetch(`${site}/embed/autoloader.js`);
    assert.equal(autoloader.status, 200);
    await autoloader.text();
    assert.deepEqual(problems, []);
    await page.close();
  });
});

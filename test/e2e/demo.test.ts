// End-to-end: the demo issuer (fresh database in a temporary folder, a free port) and the demo site
// (Vite) started together, the demo pages opened in Chromium (puppeteer-core), and checked as a
// person would see them: real cards from issuer data, Spanish in Spanish, no console errors, no
// failed requests, axe clean. Also the issuer through createClient, and revocation seen by the verifier.
// The demo site runs as in a fresh clone without ../shared beside it: its /vectors/ folder is an
// empty directory, and no page may ask for anything under /vectors/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { createClient, fetchCatalog, verifyCredential } from '@microcred/core';
import { startIssuer } from '../../demo/server/issuer.js';
import type { RunningIssuer } from '../../demo/server/issuer.js';
import { issuerFetch } from '../../demo/src/issuer.js';

/** Chromium's path and flags, from the one place that knows them (scripts/chrome.mjs, untyped). */
const { chromeArgs, chromePath } = (await import('../../scripts/chrome.mjs' as string)) as {
  chromeArgs(): string[];
  chromePath(): string;
};

let issuer: RunningIssuer;
let vite: ViteDevServer;
let browser: Browser;
let site = '';
let dataDir = '';
let noVectors = '';
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mc-e2e-'));
  issuer = await startIssuer({ port: 0, dataDir, reset: true });
  process.env['VITE_MC_ISSUER'] = issuer.url;
  // As in a clone without ../shared: the demo server's /vectors/ folder (vite.config.ts) is empty.
  noVectors = mkdtempSync(join(tmpdir(), 'mc-e2e-no-vectors-'));
  process.env['MC_VECTORS'] = noVectors;
  vite = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    // No HMR and no file watching: an edit elsewhere in the checkout must not reload a page mid-test.
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
  });
  await vite.listen();
  site = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
});

after(async () => {
  await browser?.close();
  await vite?.close();
  await issuer?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(noVectors, { recursive: true, force: true });
});

/** A page that records console errors, page errors, failed requests and requests for ../shared's vectors. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/vectors/'))
      problems.push(`asked for a public test vector, which a fresh clone lacks: ${r.url()}`);
  });
  page.on('console', (m) => {
    // Vite serves Lit's development build; its one-time notice is not a problem of the demo.
    if (m.type() === 'warn' && m.text().startsWith('Lit is in dev mode')) return;
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
  page.on('requestfailed', (r) => {
    // Chromium reports a fetch whose body was read as a stream (core reads bodies that way to cap
    // their size) as net::ERR_ABORTED once the stream is done, although the page got every byte.
    // Real failures (refused, unresolved, CORS, timeouts) carry other error texts.
    if (r.resourceType() === 'fetch' && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${site}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/**
 * Adds `window.__mcCards()` to the page: every <mc-credential-card>, including those inside other
 * elements' shadow roots (e.g. the catalog's result tiles).
 */
async function withDeepQuery(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap named inner functions in a `__name` helper that does
  // not exist in the page.
  await page.evaluate(`window.__mcCards = (within) => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'mc-credential-card') found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    const start = within ? document.querySelector(within) : null;
    if (!within) walk(document);
    else if (start) walk(start.shadowRoot ?? start);
    return found;
  }`);
}

/** Waits until `count` cards exist (in the element `within`, if given) and every one has finished (loaded or error). */
async function cardsSettled(page: Page, count: number, within = ''): Promise<void> {
  await withDeepQuery(page);
  await page.waitForFunction(
    (n: number, w: string) => {
      const cards = (window as unknown as { __mcCards: (w: string) => Element[] }).__mcCards(
        w,
      ) as (HTMLElement & {
        state?: string;
      })[];
      return cards.length >= n && cards.every((c) => c.state === 'loaded' || c.state === 'error');
    },
    { timeout: 30_000 },
    count,
    within,
  );
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
}

/** Each card's state and heading text (from its shadow root), in the element `within` if given. */
async function cards(page: Page, within = ''): Promise<{ state: string; name: string; text: string }[]> {
  await withDeepQuery(page);
  return page.evaluate(
    (w: string) =>
      (window as unknown as { __mcCards: (w: string) => Element[] }).__mcCards(w).map((el) => {
        const root = el.shadowRoot;
        return {
          state: (el as HTMLElement & { state?: string }).state ?? '',
          name: root?.querySelector('h1,h2,h3,h4,h5,h6')?.textContent?.trim() ?? '',
          text: root?.textContent?.replace(/\s+/g, ' ') ?? '',
        };
      }),
    within,
  );
}

/** The portfolio page's display-mode wallet (what visitors see). */
const PORTFOLIO = '#portfolio mc-badge-wallet';

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: unknown,
          o: unknown,
        ): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

/**
 * The page's heading outline as a person with a screen reader meets it: every rendered `<h1>`…`<h6>`
 * in the order of the composed tree (light DOM, open shadow roots, slotted children where their slot
 * is), as `"hN text"`.
 */
async function outline(page: Page, within = 'document.body'): Promise<string[]> {
  // A string, not a function: tsx would wrap named inner functions in a `__name` helper.
  return page.evaluate<[], () => string[]>(`(() => {
    const found = [];
    const visit = (node) => {
      if (node.nodeType !== 1) return;
      if (/^h[1-6]$/.test(node.localName) && node.checkVisibility())
        found.push(node.localName + ' ' + node.textContent.replace(/\\s+/g, ' ').trim());
      const children = node.shadowRoot
        ? node.shadowRoot.children
        : node.localName === 'slot' && node.assignedElements().length
          ? node.assignedElements()
          : node.children;
      for (const child of children) visit(child);
    };
    visit(${within});
    return found;
  })()`);
}

/**
 * Problems in an outline (WCAG 1.3.1, 2.4.6; the scheme in packages/elements/README.md): the first
 * heading must be the page's h1 (a modal dialog's, which is read on its own, an h2), and no heading
 * may be more than one level deeper than the one before it.
 */
function outlineProblems(headings: string[], first = 1): string[] {
  const problems: string[] = [];
  const level = (h: string | undefined) => Number(h?.[1] ?? 0);
  if (level(headings[0]) !== first) problems.push(`first heading is not an h${first}: ${headings[0]}`);
  headings.forEach((h, i) => {
    if (i > 0 && level(h) > level(headings[i - 1]) + 1)
      problems.push(`"${headings[i - 1]}" then "${h}" skips a level`);
  });
  return problems;
}

describe('demo pages with the demo issuer', () => {
  it('district catalog: 14 micro-credentials from the issuer, axe clean, no console errors', async () => {
    const { page, problems } = await open('/district.html');
    await cardsSettled(page, 14);
    const shown = await cards(page);
    assert.equal(shown.length, 14);
    assert.ok(
      shown.every((c) => c.state === 'loaded'),
      JSON.stringify(shown.map((c) => c.state)),
    );
    const names = shown.map((c) => c.name);
    assert.ok(names.includes('Formative Assessment Design'), names.join(' | '));
    assert.ok(names.includes('Family Partnerships in Two Languages'));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('district catalog in Spanish: Spanish page, Spanish achievements, Spanish card labels', async () => {
    const { page, problems } = await open('/district.html?lang=es');
    await cardsSettled(page, 14);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await page.$eval('h1', (h) => h.textContent), 'Microcredenciales de desarrollo profesional');
    const shown = await cards(page);
    const names = shown.map((c) => c.name);
    assert.ok(names.includes('Diseño de evaluación formativa'), names.join(' | '));
    assert.ok(
      shown.every((c) => /Microcredencial/.test(c.text)),
      shown[0]?.text,
    );
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the language switch re-renders the catalog live', async () => {
    const { page, problems } = await open('/district.html');
    await cardsSettled(page, 14);
    await page.click('#lang-toggle');
    await page.waitForFunction(
      () =>
        (window as unknown as { __mcCards: () => Element[] })
          .__mcCards()
          .some((c) => c.shadowRoot?.textContent?.includes('Diseño de evaluación formativa')),
      { timeout: 15_000 },
    );
    await cardsSettled(page, 14);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("educator portfolio: a display-mode wallet of Ana's issued credentials (JSON-LD and VC-JWT), her OB 2.0 badge and the issuer's CLR of her", async () => {
    const { page, problems } = await open('/portfolio.html');
    await cardsSettled(page, 8, PORTFOLIO);
    const shown = await cards(page, PORTFOLIO);
    assert.equal(shown.length, 8, shown.map((c) => c.name).join(' | '));
    assert.ok(shown.every((c) => c.state === 'loaded'));
    const names = shown.map((c) => c.name);
    for (const n of [
      'Formative Assessment Design',
      'Feedback That Moves Learning', // the VC-JWT
      'Accessible Digital Materials', // expired
      'Digital Citizenship Champion (2019)', // OB 2.0 hosted
      'Lakeside USD professional learning record — Ana Rivera', // the issuer's CLR 2.0
    ])
      assert.ok(names.includes(n), `${n} not in ${names.join(' | ')}`);
    const expired = shown.find((c) => c.name === 'Accessible Digital Materials');
    assert.match(expired?.text ?? '', /Expired/i);
    // Issue 13 item 6: the tiles are verified as they are shown (verify-shown: those in view, the
    // others as they are scrolled to), so the credential the issuer revoked reads "Revoked" on its
    // tile, as in the tracker beside it, not "Not checked yet".
    const checked = (sel: string) =>
      [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part=item]')].every((t) => {
        const { top, bottom } = t.getBoundingClientRect();
        const chip = t.querySelector('[part=chip]')?.textContent ?? '';
        return top > innerHeight || bottom < 0 || !/Not checked yet|Checking/i.test(chip);
      });
    await page.waitForFunction(checked, { timeout: 30000 }, PORTFOLIO);
    // each tile in turn scrolled to (revoked Media Literacy among them) is checked
    for (let i = 0; i < 8; i++) {
      await page.$eval(
        PORTFOLIO,
        (w, n) => w.shadowRoot!.querySelectorAll('[part=item]')[n]!.scrollIntoView(),
        i,
      );
      await page.waitForFunction(checked, { timeout: 30000 }, PORTFOLIO);
    }
    const chips = await page.$eval(PORTFOLIO, (w) =>
      [...w.shadowRoot!.querySelectorAll('[part=item]')].map((t) => ({
        name: t
          .querySelector('mc-credential-card')
          ?.shadowRoot?.querySelector('[part=name]')
          ?.textContent?.trim(),
        chip: t.querySelector('[part=chip]')?.textContent?.trim(),
      })),
    );
    const revokedTile = chips.find((c) => /Media Literacy/i.test(c.name ?? ''));
    assert.ok(revokedTile, JSON.stringify(chips));
    assert.equal(revokedTile.chip, 'Revoked', JSON.stringify(chips));
    assert.ok(shown.some((c) => c.text.includes('Lakeside Unified School District')));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("vendor app: Marcus's badges from the API, in Spanish too", async () => {
    for (const lang of ['en', 'es']) {
      const { page, problems } = await open(`/vendor.html?lang=${lang}`);
      // His four issued credentials in the side list, and the first one in full.
      await cardsSettled(page, 5);
      const shown = await cards(page);
      assert.ok(
        shown.some((c) => c.name === 'Restorative Circles'),
        shown.map((c) => c.name).join(' | '),
      );
      assert.ok(shown.every((c) => c.state === 'loaded'));
      if (lang === 'es') assert.equal(await page.$eval('h1', (h) => h.textContent), 'Mis insignias');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  it("overview: the src card loads the issuer's valid example", async () => {
    const { page, problems } = await open('/index.html');
    await cardsSettled(page, 1);
    const [shown] = await cards(page);
    assert.equal(shown?.state, 'loaded');
    assert.equal(shown?.name, 'Culturally Responsive Teaching');
    assert.equal(await page.$eval('#one-card', (c) => c.getAttribute('src')), `${issuer.url}/examples/valid`);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('the heading outline of every demo page (issue 13 item 7)', () => {
  // WCAG 1.3.1 Info and Relationships and 2.4.6 Headings and Labels: headings, including those the
  // elements render in their shadow roots, nest under the page's h1 without skipped levels.
  const pages: [path: string, settle: (page: Page) => Promise<void>][] = [
    ['/index.html', (page) => cardsSettled(page, 1)],
    ['/district.html', (page) => cardsSettled(page, 14)],
    ['/vendor.html', (page) => cardsSettled(page, 5)],
    [
      '/portfolio.html',
      async (page) => {
        await cardsSettled(page, 8, PORTFOLIO);
        await page.waitForFunction(
          () =>
            document.querySelectorAll('#stack-trackers mc-progress-tracker').length > 0 &&
            [...document.querySelectorAll('#stack-trackers mc-progress-tracker')].every((t) =>
              t.shadowRoot?.querySelector('h1,h2,h3,h4,h5,h6'),
            ),
          { timeout: 30_000 },
        );
        await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
      },
    ],
    ['/verify.html', (page) => cardsSettled(page, 7)],
  ];
  for (const [path, settle] of pages)
    it(`${path}: the h1 first, and no heading more than one level below the one before it`, async () => {
      const { page, problems } = await open(path);
      await settle(page);
      const headings = await outline(page);
      if (process.env['MC_PRINT_OUTLINE']) console.log(path, JSON.stringify(headings, null, 1));
      assert.ok(headings.length > 1, `${path}: ${JSON.stringify(headings)}`);
      assert.deepEqual(outlineProblems(headings), [], `${path}: ${JSON.stringify(headings)}`);
      assert.deepEqual(problems, []);
      await page.close();
    });

  it("/district.html: the catalog's dialog, read on its own, starts at h2 and skips no level", async () => {
    const { page, problems } = await open('/district.html');
    await cardsSettled(page, 14);
    await page.evaluate(() =>
      document
        .querySelector('#district-catalog')!
        .shadowRoot!.querySelector<HTMLButtonElement>('[part~=details-button]')!
        .click(),
    );
    const dialog = `document.querySelector('#district-catalog').shadowRoot.querySelector('dialog[open]')`;
    await page.waitForFunction(
      `${dialog}?.querySelector('mc-credential-card')?.shadowRoot?.querySelector('[part=details] h3, section h3')`,
      { timeout: 15_000 },
    );
    const headings = await outline(page, dialog);
    if (process.env['MC_PRINT_OUTLINE']) console.log('district dialog', JSON.stringify(headings, null, 1));
    assert.deepEqual(outlineProblems(headings, 2), [], JSON.stringify(headings));
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('<mc-verify-button> on an issuer credential', () => {
  it('in the portfolio, a credential opened in full shows "Verified", then "Revoked" after revoking through the admin route', async () => {
    const { page, problems } = await open('/portfolio.html');
    await cardsSettled(page, 8, PORTFOLIO);
    // Open Ana's "Universal Design for Learning" as a visitor would: its Details button. The page
    // gives the wallet a fetch that maps the issuer's did:web (https by spec) to the demo issuer's
    // http origin (demo/src/issuer.ts); the dialog's verify button uses it.
    const credentialId = await page.evaluate((sel: string) => {
      const wallet = document.querySelector(sel)!;
      const tile = [...wallet.shadowRoot!.querySelectorAll('[part=item]')].find(
        (t) =>
          (t.querySelector('mc-credential-card') as HTMLElement & { view?: { name: string } }).view?.name ===
          'Universal Design for Learning',
      )!;
      tile.querySelector<HTMLButtonElement>('[part=actions] button')!.click();
      return (tile.querySelector('mc-credential-card') as HTMLElement & { view: { id: string } }).view.id;
    }, PORTFOLIO);
    const button = `(document.querySelector('${PORTFOLIO}').shadowRoot.querySelector('dialog mc-verify-button'))`;
    await page.waitForFunction(`${button}?.shadowRoot?.querySelector('button')`, { timeout: 30_000 });
    const press = () => page.evaluate(`${button}.shadowRoot.querySelector('button').click()`);
    const summary = async () =>
      String(
        await page.evaluate(
          `${button}.shadowRoot.querySelector('[part=summary]')?.textContent?.trim() ?? ''`,
        ),
      );
    const waitFor = (word: string) =>
      page.waitForFunction(
        `${button}.shadowRoot.querySelector('[part=summary]')?.textContent?.includes(${JSON.stringify(word)})`,
        { timeout: 30_000 },
      );
    await press();
    await waitFor('Verified');
    assert.match(await summary(), /Verified/);
    assert.deepEqual(await axe(page), []);
    const id = credentialId.split('/').pop();
    assert.equal(
      (await fetch(`${issuer.url}/admin/credentials/${id}/revoke`, { method: 'POST' })).status,
      200,
    );
    await new Promise((r) => setTimeout(r, 1100)); // the demo status list's ttl (1 s)
    await press();
    await waitFor('Revoked');
    assert.match(await summary(), /Revoked/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await fetch(`${issuer.url}/admin/credentials/${id}/restore`, { method: 'POST' });
    await page.close();
  });
});

describe('the demo issuer through the client and the verifier', () => {
  /** The verifier's fetch for did:web on http://localhost, as the demo pages use it (demo/src/issuer.ts). */
  const verifyFetch: typeof fetch = (input, init) => issuerFetch(issuer.url)(input, init);

  it('pages through the OB 3.0 API with Link and X-Total-Count', async () => {
    const client = createClient({ baseUrl: `${issuer.url}/ims/ob/v3p0`, accessToken: 'demo-token-ana' });
    const d = await client.discover();
    assert.match(d.name, /Lakeside/);
    const pages = [];
    for await (const p of client.credentialPages({ limit: 2 })) pages.push(p);
    assert.equal(pages.length, 3);
    assert.ok(pages.every((p) => p.totalCount === 6));
    assert.equal(pages.flatMap((p) => [...p.credentials, ...p.compactJwsStrings]).length, 6);
    assert.equal((await client.getProfile()).name, 'Ana Rivera');
  });

  it('a credential verifies, and after revoking it through the admin route it is revoked', async () => {
    const client = createClient({ baseUrl: `${issuer.url}/ims/ob/v3p0`, accessToken: 'demo-token-priya' });
    const page = await client.getCredentials();
    const credential = page.credentials.find((c) => c['name'] === 'Family Partnerships in Two Languages')!;
    assert.ok(credential);
    const first = await verifyCredential(credential, { fetch: verifyFetch });
    assert.equal(first.verified, true, JSON.stringify(first.checks));
    const id = String(credential['id']).split('/').pop();
    const res = await fetch(`${issuer.url}/admin/credentials/${id}/revoke`, { method: 'POST' });
    assert.equal(res.status, 200);
    // Status lists live 1 s in the demo: a re-check after that sees the new bit.
    await new Promise((r) => setTimeout(r, 1100));
    const second = await verifyCredential(credential, {
      fetch: verifyFetch,
      now: new Date(Date.now() + 2000),
    });
    assert.equal(second.verified, false);
    assert.equal(second.checks.find((c) => c.id === 'status')?.outcome, 'failed');
    await fetch(`${issuer.url}/admin/credentials/${id}/restore`, { method: 'POST' });
  });

  it("Ana's CLR 2.0 record: signed by the issuer, the credentials she holds in good standing inside and each checked; a later revocation shows in it; an edit breaks the proof", async () => {
    const res = await fetch(`${issuer.url}/educators/ana-rivera/clr`);
    assert.equal(res.status, 200);
    const clr = (await res.json()) as Record<string, unknown> & {
      credentialSubject: { verifiableCredential: unknown[]; association: unknown[] };
    };
    assert.deepEqual(clr['type'], ['VerifiableCredential', 'ClrCredential']);
    // The members are her credentials exactly as the OB 3.0 API serves them (JSON-LD and VC-JWT),
    // less the revoked and the expired one.
    const api = await createClient({
      baseUrl: `${issuer.url}/ims/ob/v3p0`,
      accessToken: 'demo-token-ana',
    }).getCredentials({ limit: 100 });
    const key = (c: unknown) => (typeof c === 'string' ? c : JSON.stringify(c));
    const all = [...api.credentials, ...api.compactJwsStrings].map(key);
    const members = clr.credentialSubject.verifiableCredential.map(key);
    assert.equal(all.length, 6);
    assert.equal(members.length, 4);
    assert.ok(members.every((m) => all.includes(m)));
    const inside = JSON.stringify(clr.credentialSubject.verifiableCredential);
    assert.ok(!inside.includes('Media Literacy Instruction'), 'the revoked credential is left out');
    assert.ok(!inside.includes('Accessible Digital Materials'), 'the expired credential is left out');
    assert.equal(clr.credentialSubject.association.length, 4);

    const report = await verifyCredential(clr, { fetch: verifyFetch });
    const check = (id: string) => report.checks.find((c) => c.id === id);
    assert.equal(report.format, 'clr2');
    assert.equal(check('format')?.code, 'format-clr2');
    assert.equal(check('proof')?.outcome, 'passed', JSON.stringify(check('proof')));
    assert.equal(check('issuer')?.outcome, 'passed');
    assert.equal(check('credentials')?.outcome, 'passed', JSON.stringify(check('credentials')));
    assert.equal(report.verified, true);

    // Revoking a member shows in the record already given out (members carry their own status);
    // the issuer's next record leaves it out, signed anew.
    const udl = api.credentials.find((c) => c['name'] === 'Universal Design for Learning')!;
    const udlId = String(udl['id']).split('/').pop();
    assert.equal(
      (await fetch(`${issuer.url}/admin/credentials/${udlId}/revoke`, { method: 'POST' })).status,
      200,
    );
    try {
      await new Promise((r) => setTimeout(r, 1100)); // the demo status list's ttl (1 s)
      const revoked = await verifyCredential(clr, { fetch: verifyFetch, now: new Date(Date.now() + 2000) });
      const after = revoked.checks.find((c) => c.id === 'credentials');
      assert.equal(revoked.checks.find((c) => c.id === 'proof')?.outcome, 'passed');
      assert.equal(after?.outcome, 'failed');
      assert.match(after?.message ?? '', /^1 of 4 credentials/);
      assert.match(after?.message ?? '', /"Universal Design for Learning" \(revoked\)/);
      const again = (await (await fetch(`${issuer.url}/educators/ana-rivera/clr`)).json()) as {
        credentialSubject: { verifiableCredential: unknown[] };
        proof: unknown;
      };
      assert.equal(again.credentialSubject.verifiableCredential.length, 3);
      assert.notDeepEqual(again.proof, clr['proof']);
      assert.equal((await verifyCredential(again, { fetch: verifyFetch })).verified, true);
    } finally {
      await fetch(`${issuer.url}/admin/credentials/${udlId}/restore`, { method: 'POST' });
    }

    // Any edit of the signed record breaks its proof.
    const tampered = await verifyCredential(
      { ...clr, name: `${String(clr['name'])} (edited)` },
      { fetch: verifyFetch },
    );
    assert.equal(tampered.checks.find((c) => c.id === 'proof')?.outcome, 'failed');
    assert.equal(tampered.verified, false);
  });
});

describe('the verify page: one credential of the demo issuer per outcome', () => {
  it('each case gives its outcome: valid → Verified, expired, revoked, edited → failed signature, status list down → could not verify (never Verified), OB 2.0 and CLR → Verified', async () => {
    const { page, problems } = await open('/verify.html');
    await cardsSettled(page, 7);
    const shown = await cards(page);
    assert.equal(shown.length, 7);
    assert.ok(
      shown.every((c) => c.state === 'loaded'),
      JSON.stringify(shown.map((c) => c.state)),
    );
    // Press every Verify button, then wait until each has an answer.
    await page.evaluate(() => {
      for (const b of document.querySelectorAll('#credentials mc-verify-button'))
        b.shadowRoot!.querySelector('button')!.click();
    });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#credentials mc-verify-button')].every(
          (b) => !['idle', 'verifying'].includes((b as HTMLElement & { state: string }).state),
        ),
      { timeout: 60_000 },
    );
    const outcomes = await page.evaluate(() =>
      [...document.querySelectorAll('#credentials li')].map((li) => {
        const b = li.querySelector('mc-verify-button') as HTMLElement & {
          state: string;
          report?: { checks: { id: string; outcome: string; code: string }[] };
        };
        return {
          case: (li as HTMLElement).dataset['case'],
          state: b.state,
          summary:
            b.shadowRoot?.querySelector('[part=summary]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          checks: Object.fromEntries((b.report?.checks ?? []).map((c) => [c.id, `${c.outcome}:${c.code}`])),
        };
      }),
    );
    const of = (name: string) => {
      const o = outcomes.find((x) => x.case === name);
      assert.ok(o, `no ${name} case in ${JSON.stringify(outcomes)}`);
      return o;
    };
    const valid = of('caseValid');
    assert.equal(valid.state, 'verified', JSON.stringify(valid));
    assert.match(valid.summary, /Verified/);
    const expired = of('caseExpired');
    assert.equal(expired.state, 'expired', JSON.stringify(expired));
    assert.equal(expired.checks['validity'], 'failed:expired');
    assert.equal(expired.checks['proof'], 'passed:proof-valid');
    const revoked = of('caseRevoked');
    assert.equal(revoked.state, 'revoked', JSON.stringify(revoked));
    assert.equal(revoked.checks['status'], 'failed:revoked');
    // Changed after signing: the signature no longer matches the document.
    const tampered = of('caseTampered');
    assert.equal(tampered.state, 'invalid', JSON.stringify(tampered));
    assert.match(tampered.checks['proof'] ?? '', /^failed:/);
    assert.match(tampered.summary, /Failed verification/);
    // "Could not check" is never a pass: the signature is good, the status list answers 503.
    const down = of('caseStatusUnavailable');
    assert.equal(down.state, 'unknown', JSON.stringify(down));
    assert.equal(down.checks['proof'], 'passed:proof-valid');
    assert.match(down.checks['status'] ?? '', /^unknown:/);
    assert.doesNotMatch(down.summary, /^Verified/);
    assert.match(down.summary, /Could not verify/);
    assert.equal(of('caseOb2').state, 'verified', JSON.stringify(of('caseOb2')));
    assert.equal(of('caseClr').state, 'verified', JSON.stringify(of('caseClr')));
    assert.deepEqual(await axe(page), []);
    // The status list that is down answers 503 by design (and Chromium logs that answer); nothing
    // else may fail.
    const expected = [
      `HTTP 503: ${issuer.url}/status/unavailable`,
      'console.error: Failed to load resource: the server responded with a status of 503 (Service Unavailable)',
    ];
    assert.deepEqual(
      problems.filter((p) => !expected.includes(p)),
      [],
    );
    assert.ok(problems.includes(expected[0]!), 'the status list that is down was asked for');
    await page.close();
  });

  it('the verify page in Spanish: every case captioned in Spanish', async () => {
    const { page, problems } = await open('/verify.html?lang=es');
    await cardsSettled(page, 7);
    const captions = await page.$$eval('#credentials h3.case', (hs) => hs.map((h) => h.textContent));
    assert.equal(captions.length, 7);
    assert.ok(captions.includes('Una credencial revocada'), captions.join(' | '));
    assert.ok(
      captions.every((c) => c && !/^case/.test(c)),
      captions.join(' | '),
    );
    assert.equal(
      await page.$eval('#admin-link', (a) => (a as HTMLAnchorElement).href),
      `${issuer.url}/admin`,
    );
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("the demo issuer's catalog: registration, effort and dates for every entry", () => {
  it('every one of the 14 entries has a registration link on the issuer (open and close dates, cost, seats), effort, format, evidence and a publication date; no feed issues, in English and Spanish', async () => {
    for (const lang of ['', '?lang=es']) {
      const catalog = await fetchCatalog(`${issuer.url}/achievements${lang}`);
      assert.deepEqual(catalog.issues, []);
      assert.equal(catalog.entries.length, 14);
      for (const e of catalog.entries) {
        const r = e.registration;
        assert.ok(r && r.url, `${e.name} has no registration link`);
        assert.ok(r.url.startsWith(`${issuer.url}/register/`), `${e.name}: ${JSON.stringify(r)}`);
        assert.ok(r.opens && r.closes && r.opens < r.closes, `${e.name}: ${JSON.stringify(r)}`);
        assert.ok(r.cost && typeof r.seats === 'number' && r.seats > 0, `${e.name}: ${JSON.stringify(r)}`);
        assert.match(e.effort ?? '', /^PT\d+H$/, e.name);
        assert.ok(e.format, e.name);
        assert.ok(e.published instanceof Date, e.name);
        assert.ok(e.requiredEvidence.length > 0, e.name);
        // Each registration link is a page the issuer serves, in the feed's language.
        const page = await fetch(r.url);
        assert.equal(page.status, 200, r.url);
        const html = await page.text();
        assert.match(html, lang ? /<html lang="es">/ : /<html lang="en">/);
        assert.ok(html.includes(e.name.replace(/'/g, '&#39;')), `${r.url} does not name ${e.name}`);
      }
    }
  });

  it("the district page's Register link opens the issuer's registration page; registering there takes a seat off the feed", async () => {
    const feedSeats = async () =>
      (await fetchCatalog(`${issuer.url}/achievements`)).entries.find(
        (e) => e.name === 'Formative Assessment Design',
      )!.registration!.seats!;
    const before = await feedSeats();
    const { page, problems } = await open('/district.html');
    await cardsSettled(page, 14);
    // Open the entry's details as a person would, then follow its Register link (a new tab).
    await page.evaluate(() => {
      const root = document.querySelector('#district-catalog')!.shadowRoot!;
      const item = [...root.querySelectorAll('[part~=item]')].find(
        (li) =>
          (li.querySelector('mc-credential-card') as (HTMLElement & { view?: { name: string } }) | null)?.view
            ?.name === 'Formative Assessment Design',
      )!;
      item.querySelector<HTMLButtonElement>('[part~=details-button]')!.click();
    });
    const register = await page.waitForFunction(
      () => document.querySelector('#district-catalog')!.shadowRoot!.querySelector('a[part~=register]'),
      { timeout: 15_000 },
    );
    const href = await page.evaluate((a) => (a as HTMLAnchorElement).href, register);
    assert.equal(href, `${issuer.url}/register/formative-assessment-design`);
    assert.deepEqual(await axe(page), []);
    const opened = new Promise<Page | null>((resolve) =>
      browser.once('targetcreated', (t: { page(): Promise<Page | null> }) => void t.page().then(resolve)),
    );
    await page.evaluate((a) => (a as HTMLAnchorElement).click(), register);
    const tab = (await opened)!;
    await tab.waitForSelector('form');
    assert.equal(await tab.$eval('h1', (h) => h.textContent), 'Register: Formative Assessment Design');
    await tab.type('#name', 'Sam Lee');
    await tab.type('#email', 'sam.lee@lakeside.example');
    await Promise.all([tab.waitForNavigation(), tab.click('button[type=submit]')]);
    assert.match(
      await tab.$eval('[role=status]', (p) => p.textContent ?? ''),
      /Thank you, Sam Lee: you are registered for Formative Assessment Design/,
    );
    assert.equal(await feedSeats(), before - 1);
    await tab.close();
    assert.deepEqual(problems, []);
    await page.close();
  });
});

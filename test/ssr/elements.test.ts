// Server rendering (issue 16): every element renders with @lit-labs/ssr in Node without throwing,
// in real words (English, and Spanish when the element's `lang` says so), never message keys, and a
// card given a `src` renders its loading state (no download on the server, no network error).
// Run: node --import tsx --test test/ssr/elements.test.ts
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { readFileSync, writeFileSync } from 'node:fs';
import '../../packages/elements/src/ssr.js';
import { literacyPathway } from '../../stories/fixtures/progress.js';

const credential = JSON.parse(
  `{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "type":["VerifiableCredential","OpenBadgeCredential"],"id":"urn:uuid:1","name":"Water safety",
  "issuer":{"id":"https://example.edu/issuer","type":["Profile"],"name":"Example College"},
  "validFrom":"2024-03-05T00:00:00Z",
  "credentialSubject":{"type":["AchievementSubject"],"achievement":{"id":"https://example.edu/a/1","type":["Achievement"],"name":"Water safety","description":"Swims 50 m.","criteria":{"narrative":"Swim."}}}}`,
);

/** A real public vector, served at /vectors/ by the browser tests' server. */
const VECTOR = '/vectors/obv3-examples/ref/full_ex.json';

/** The server-rendered HTML of `markup` (a trusted literal), with styles removed. */
async function ssr(markup: string, props?: Record<string, unknown>): Promise<string> {
  const tpl = props
    ? html`<mc-credential-card
        .credential=${props['credential']}
        lang=${String(props['lang'] ?? 'en')}
      ></mc-credential-card>`
    : html`${unsafeHTML(markup)}`;
  const out = await collectResult(render(tpl));
  return out.replace(/<style>[\s\S]*?<\/style>/g, '');
}

/** The visible text of server-rendered HTML (tags and comments dropped, spaces collapsed). */
const words = (out: string) =>
  out
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Message keys that must never reach the page (a key is shown when its string was not loaded). */
const keys = /\b(issuedBy|verify\.button|loading|errorTitle|error\.[a-z-]+|search\.[a-z]+)\b/;

describe('server rendering (@lit-labs/ssr)', () => {
  it('renders a credential card in English, then Spanish, with a declarative shadow root', async () => {
    const en = await ssr('', { credential, lang: 'en' });
    assert.match(en, /<template shadowroot(mode)?="open"/);
    assert.match(words(en), /Water safety/);
    assert.match(words(en), /Issued by/);
    assert.doesNotMatch(words(en), keys);
    const es = await ssr('', { credential, lang: 'es' });
    assert.match(words(es), /Emitida por/);
  });

  it('renders a card with a src as loading: no download on the server, no network error', async () => {
    const out = words(
      await ssr('<mc-credential-card src="https://example.org/badge.json"></mc-credential-card>'),
    );
    assert.match(out, /Loading credential…/);
    assert.doesNotMatch(out, /could not be downloaded|can’t be shown/);
  });

  it('renders an empty card (no data) without throwing', async () => {
    const out = words(await ssr('<mc-credential-card></mc-credential-card>'));
    assert.doesNotMatch(out, keys);
  });

  it('renders the verify button in English and Spanish', async () => {
    const en = words(await ssr('<mc-verify-button></mc-verify-button>'));
    assert.match(en, /Verify/);
    assert.doesNotMatch(en, keys);
    const es = words(await ssr('<mc-verify-button lang="es"></mc-verify-button>'));
    assert.match(es, /Verificar/);
  });

  for (const [tag, english, spanish] of [
    ['mc-catalog', /Loading the catalog…/, /Cargando el catálogo…/],
    ['mc-progress-tracker', /Loading progress…/, /Cargando el progreso…/],
    ['mc-badge-wallet', /Loading credentials…/, /Cargando credenciales…/],
  ] as const) {
    it(`renders <${tag}> in English and Spanish`, async () => {
      const attrs = ' src="https://example.org/x.json"';
      const en = words(await ssr(`<${tag}${attrs}></${tag}>`));
      assert.match(en, english);
      assert.doesNotMatch(en, keys);
      const es = words(await ssr(`<${tag}${attrs} lang="es"></${tag}>`));
      assert.match(es, spanish);
    });
  }

  it('renders a wallet given credentials as a property with those credentials, on the server', async () => {
    const out = words(
      (
        await collectResult(render(html`<mc-badge-wallet .credentials=${[credential]}></mc-badge-wallet>`))
      ).replace(/<style>[\s\S]*?<\/style>/g, ''),
    );
    assert.match(out, /Water safety/);
    assert.match(out, /1 credential\b/);
    assert.doesNotMatch(out, /\b(false|true|undefined)\b/, 'no stray template values');
    assert.doesNotMatch(out, keys);
  });

  // The tracker's data comes on @lit/task, which never runs on a server (Lit SSR skips controllers'
  // hostUpdate): a parsed pathway given as a property, with no records to read, is still rendered.
  it('renders a tracker given a parsed pathway as a property with its progress, on the server', async () => {
    const out = words(
      (
        await collectResult(
          render(
            html`<mc-progress-tracker
              .pathway=${literacyPathway}
              .now=${new Date('2026-03-15T12:00:00Z')}
            ></mc-progress-tracker>`,
          ),
        )
      ).replace(/<style>[\s\S]*?<\/style>/g, ''),
    );
    assert.match(out, new RegExp(literacyPathway.name));
    assert.match(out, /0 of 3 complete/);
    assert.doesNotMatch(out, /Loading progress…/);
    assert.doesNotMatch(out, keys);
  });

  // The browser side of this fixture is test/elements/ssr-hydration.test.ts (hydration, no flash).
  // After a deliberate change to the card's markup: UPDATE_SSR_FIXTURE=1 node --import tsx --test test/ssr/elements.test.ts
  it('renders the hydration fixture (test/ssr/card-loading.html) as it is committed', async () => {
    const fixture = new URL('./card-loading.html', import.meta.url);
    // Without its <style> (styles are not what hydration checks, and would make the fixture churn).
    const out = (
      await collectResult(render(html`<mc-credential-card src=${VECTOR}></mc-credential-card>`))
    ).replace(/<style>[\s\S]*?<\/style>/g, '');
    if (process.env['UPDATE_SSR_FIXTURE']) writeFileSync(fixture, out + '\n');
    assert.equal(out + '\n', readFileSync(fixture, 'utf8'));
    assert.match(words(out), /Loading credential…/);
  });
});

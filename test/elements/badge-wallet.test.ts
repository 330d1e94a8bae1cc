// <mc-badge-wallet> in Chromium with real IndexedDB and the real vectors: display mode (property,
// src of a wallet file), search and filters, owner-mode import of every baked image and credential
// file, corrupt/truncated/oversized files, persistence across reload (a new element), a
// transactional import that fails on item 57 of 200, export → import round trip, the dialog
// (focus, Escape, focus return), keyboard reordering, verify all, and axe in every state, en + es.
import { expect, html, oneEvent } from '@open-wc/testing';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { createClient, exportWallet, type ImportItemResult, type WalletRecord } from '@microcred/core';
import '@microcred/elements/provider/mc-provider.js';
import type { McErrorEvent, McImportedEvent } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW } from './helpers/card.js';
import {
  deleteWallets,
  filledWallet,
  json,
  manyCredentials,
  newKey,
  ownerWallet,
  root,
  statusText,
  until,
} from './helpers/wallet.js';

const R = '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources';
const BAKED = [
  `${R}/ob20/simple-badge.png`,
  `${R}/ob30/simple-json.png`,
  `${R}/ob30/simple-json.svg`,
  `${R}/ob30/simple-jwt.png`,
  `${R}/ob30/simple-jwt.svg`,
  `${R}/ob30/simple-jwt_v1.png`,
  `${R}/ob30/simple-jwt_v1.svg`,
  '/vectors/openbadges-bakery/test/bad-json.svg',
  '/vectors/openbadges-bakery/test/baked.svg',
  '/vectors/openbadges-bakery/test/no-json.svg',
  '/vectors/openbadges-bakery/test/unbaked.png',
  '/vectors/openbadges-bakery/test/unbaked.svg',
  `${R}/ob20/assets/robotics-badge.png`,
];
const FILES = [
  '/vectors/obv3-examples/ref/full_ex.json',
  `${R}/ob30/simple.json`,
  `${R}/ob30/simple_v1.json`,
  `${R}/ob20/simple.jwt`,
  `${R}/ob20/simple-revoked.jwt`,
  `${R}/ob20/basic-assertion.json`,
  `${R}/ob20/assets/robotics-badge.json`,
  '/vectors/verifier-core/src/test-fixtures/verifiableCredentials/v1/v1Revoked.json',
  '/vectors/verifier-core/src/test-fixtures/verifiableCredentials/v2/v2Revoked.json',
  '/vectors/digital-credentials-public-validator/inspector-clr/src/test/resources/clr20/simple.jwt',
];

/** A vector as a File, as if picked or dropped. */
async function vectorFile(path: string): Promise<File> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return new File([await res.arrayBuffer()], path.split('/').pop()!, {
    type: res.headers.get('content-type') ?? '',
  });
}
const byStatus = (results: readonly ImportItemResult[]) =>
  results.reduce<Record<string, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

describe('<mc-badge-wallet> display mode', () => {
  for (const lang of ['en', 'es']) {
    it(`shows credentials given as a property, accessibly (${lang})`, async () => {
      const creds = [
        await json('/vectors/obv3-examples/ref/full_ex.json'),
        await json(`${R}/ob30/simple.json`),
      ];
      const wrapper = await mount(
        html`<div lang=${lang}><mc-badge-wallet .credentials=${creds} .now=${NOW}></mc-badge-wallet></div>`,
      );
      const el = wrapper.querySelector('mc-badge-wallet')!;
      await el.updateComplete;
      expect(el.state).to.equal('loaded');
      expect(root(el).querySelectorAll('mc-credential-card')).to.have.length(2);
      expect(statusText(el)).to.equal(lang === 'en' ? '2 credentials' : '2 credenciales');
      const h = new WalletHarness(el);
      expect(h.toolbar!.querySelector('input[type=search]')).to.exist;
      // Visitors can verify everything shown; importing and exporting are the owner's.
      const actions = [...root(el).querySelectorAll('.wallet-actions button')].map((b) =>
        b.textContent!.trim(),
      );
      expect(actions).to.deep.equal([lang === 'en' ? 'Verify all' : 'Verificar todas']);
      expect(h.chips[0]).to.equal(lang === 'en' ? 'Not checked yet' : 'Sin comprobar todavía');
      await expect(el).to.be.accessible();
    });
  }

  it('shows new credentials given as a property at once, keeping the toolbar and the focus in the search', async () => {
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${await manyCredentials(3)} .now=${NOW}></mc-badge-wallet>`,
    );
    const h = new WalletHarness(el);
    const search = h.toolbar!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.focus();
    el.credentials = await manyCredentials(4);
    // The same update that takes the property shows them: no loading state in between.
    await el.updateComplete;
    expect(el.state).to.equal('loaded');
    expect(h.items).to.have.length(4);
    expect(h.toolbar!.querySelector('input[type=search]')).to.equal(search);
    expect(root(el).activeElement).to.equal(search);
  });

  it('shows the empty state with its slotted fallback, accessibly', async () => {
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet><a href="/portfolio">My badges</a></mc-badge-wallet>`,
    );
    expect(el.state).to.equal('empty');
    expect(root(el).querySelector('slot')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('reads a wallet file from src: hidden credentials left out, featured first', async () => {
    const creds = await manyCredentials(3);
    const { results } = await import('@microcred/core').then(async (core) => ({
      results: await core.importCredentials(creds.map((value) => ({ kind: 'data' as const, value }))),
    }));
    const records = results.map((r) => r.record!);
    records[0]!.hidden = true;
    records[2]!.featured = true;
    const url = URL.createObjectURL(new Blob([exportWallet(records)], { type: 'application/json' }));
    const el = await mount<McBadgeWallet>(html`<mc-badge-wallet src=${url} .now=${NOW}></mc-badge-wallet>`);
    await until(el, () => el.state === 'loaded');
    const names = [...root(el).querySelectorAll('mc-credential-card')].map((c) => c.view?.name);
    expect(names).to.deep.equal(['Credential 3', 'Credential 2']);
    await expect(el).to.be.accessible();
  });

  it('reads an OB 3.0 API through the client of its <mc-provider>: the token, every page', async () => {
    const creds = await manyCredentials(3);
    const api = 'https://issuer.example/ims/ob/v3p0';
    const asked: { url: string; auth: string | null }[] = [];
    // The API: two pages (Link: next), bearer token required.
    const server: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const auth = new Headers(init?.headers).get('authorization');
      asked.push({ url, auth });
      if (auth !== 'Bearer token-ana') return new Response('{}', { status: 401 });
      const second = url.includes('offset=2');
      return new Response(JSON.stringify({ credential: second ? creds.slice(2) : creds.slice(0, 2) }), {
        headers: {
          'content-type': 'application/json',
          'x-total-count': '3',
          ...(second ? {} : { link: `<${api}/credentials?limit=2&offset=2>; rel="next"` }),
        },
      });
    };
    const client = createClient({ baseUrl: api, accessToken: 'token-ana', fetch: server });
    const wrapper = await mount(
      html`<mc-provider .client=${client}>
        <mc-badge-wallet src=${`${api}/credentials`} .now=${NOW}></mc-badge-wallet>
      </mc-provider>`,
    );
    const el = wrapper.querySelector('mc-badge-wallet')!;
    await until(el, () => el.state === 'loaded');
    expect(el.shownCount).to.equal(3);
    expect(asked.map((a) => a.auth)).to.deep.equal(['Bearer token-ana', 'Bearer token-ana']);
    expect(asked[1]!.url).to.equal(`${api}/credentials?limit=2&offset=2`);
    await until(el, () => root(el).querySelectorAll('mc-credential-card').length === 3);
    await expect(el).to.be.accessible();
  });

  it('reads the API through the client a provider makes from base-url', async () => {
    const creds = await manyCredentials(2);
    const api = 'https://issuer.example/ims/ob/v3p0';
    const asked: string[] = [];
    const server: typeof fetch = async (input) => {
      asked.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ credential: creds }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const wrapper = await mount(
      html`<mc-provider base-url=${api} .fetch=${server}>
        <mc-badge-wallet src=${`${api}/credentials`} .now=${NOW}></mc-badge-wallet>
      </mc-provider>`,
    );
    const el = wrapper.querySelector('mc-badge-wallet')!;
    await until(el, () => el.state === 'loaded');
    expect(el.shownCount).to.equal(2);
    expect(asked).to.deep.equal([`${api}/credentials`]);
  });

  it("keeps its cards' errors inside: an unreadable credential shows its error, no mc-error leaves the wallet", async () => {
    const heard: Event[] = [];
    document.addEventListener('mc-error', (e) => heard.push(e));
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet
        .credentials=${[{ hello: 'world' }, await json(`${R}/ob30/simple.json`)]}
        .now=${NOW}
      ></mc-badge-wallet>`,
    );
    await until(el, () =>
      [...root(el).querySelectorAll('mc-credential-card')].some((c) => c.state === 'error'),
    );
    expect(heard).to.deep.equal([]);
    expect(el.state).to.equal('loaded');
    await expect(el).to.be.accessible();
  });

  it('reports a src that cannot be loaded (mc-error) and stays accessible', async () => {
    const el = document.createElement('mc-badge-wallet');
    el.src = '/vectors/does-not-exist.json';
    const event = oneEvent(el, 'mc-error');
    document.body.append(el);
    expect(((await event) as unknown as McErrorEvent).error.code).to.equal('http');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(root(el).querySelector('[role=alert]')).to.exist;
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('searches and filters, announcing the count', async () => {
    const creds = await manyCredentials(5);
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${creds} .now=${NOW}></mc-badge-wallet>`,
    );
    const search = root(el).querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'credential 3';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.shownCount).to.equal(1);
    expect(statusText(el)).to.equal('1 of 5 credentials shown');
    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(statusText(el)).to.equal('No credentials match these filters.');
    await expect(el).to.be.accessible();
  });

  it('virtualises a long list: 1,000 credentials, only the rows in view rendered', async () => {
    const creds = await manyCredentials(1000);
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${creds} .now=${NOW}></mc-badge-wallet>`,
    );
    await until(el, () => root(el).querySelectorAll('mc-credential-card').length > 0);
    const rendered = root(el).querySelectorAll('mc-credential-card').length;
    expect(rendered).to.be.above(0).and.below(200);
    expect(statusText(el)).to.equal('1,000 credentials');
  });
});

describe('<mc-badge-wallet> owner mode: import', () => {
  it('imports every baked image and credential file, with a result per item, and keeps them after reload', async () => {
    const key = newKey();
    const el = await ownerWallet(key);
    await expect(el).to.be.accessible();
    const files = await Promise.all([...BAKED, ...FILES].map(vectorFile));
    const imported = oneEvent(el, 'mc-imported');
    const results = await el.importItems(files);
    expect(((await imported) as unknown as McImportedEvent).results).to.equal(results);
    expect(results).to.have.length(files.length);
    const statuses = Object.fromEntries(results.map((r) => [r.label, r.status]));
    expect(statuses['simple-badge.png']).to.equal('imported');
    expect(statuses['simple-json.png']).to.equal('imported');
    expect(statuses['simple-json.svg']).to.equal('duplicate');
    expect(statuses['unbaked.png']).to.equal('no-badge');
    expect(statuses['unbaked.svg']).to.equal('no-badge');
    expect(statuses['bad-json.svg']).to.equal('unreadable');
    expect(statuses['baked.svg']).to.equal('unsupported-version');
    expect(statuses['robotics-badge.json']).to.equal('not-a-credential');
    const count = results.filter((r) => r.status === 'imported').length;
    expect(count).to.be.at.least(7);
    expect(el.records).to.have.length(count);
    expect(statusText(el)).to.match(
      new RegExp(`^${count} imported, \\d+ already in the wallet, \\d+ not imported\\.$`),
    );

    // Reload: a new element on the same storage key reads the same wallet.
    const before = el.records;
    unmountAll();
    const again = await ownerWallet(key);
    expect(again.records.map((r) => r.key)).to.deep.equal(before.map((r) => r.key));
    expect(again.records.map((r) => r.raw)).to.deep.equal(before.map((r) => r.raw));
    await expect(again).to.be.accessible();
  });

  it('reports corrupt, truncated, badge-less and 20 MB files, and saves nothing for them', async () => {
    const el = await ownerWallet(newKey(), 'es');
    const png = await (await vectorFile(`${R}/ob30/simple-json.png`)).arrayBuffer();
    const full = await (await fetch('/vectors/obv3-examples/ref/full_ex.json')).text();
    const results = await el.importItems([
      new File([png.slice(0, png.byteLength / 2)], 'cut.png', { type: 'image/png' }),
      new File([full.slice(0, 500)], 'cut.json', { type: 'application/json' }),
      new File(['{"hello": "world"}'], 'other.json', { type: 'application/json' }),
      await vectorFile('/vectors/openbadges-bakery/test/unbaked.png'),
      new File([new Uint8Array(20 * 1024 * 1024)], 'huge.png', { type: 'image/png' }),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal([
      'unreadable-image',
      'unreadable',
      'not-a-credential',
      'no-badge',
      'too-large',
    ]);
    expect(el.records).to.have.length(0);
    expect(statusText(el)).to.equal('0 importadas, 0 ya estaban en la cartera, 5 no importadas.');
  });

  it('imports from the form (paste and address) and shows translated results, accessibly', async () => {
    const el = await ownerWallet(newKey());
    const full = await (await fetch('/vectors/obv3-examples/ref/full_ex.json')).text();
    root(el).querySelector<HTMLButtonElement>('.import-button')!.click();
    await until(el, () => !!root(el).querySelector('form.import'));
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    root(el).querySelector<HTMLTextAreaElement>('textarea[name=paste]')!.value = full;
    root(el).querySelector<HTMLInputElement>('input[name=url]')!.value = new URL(
      `${R}/ob30/simple.json`,
      location.href,
    ).href;
    const done = oneEvent(el, 'mc-imported');
    root(el).querySelector<HTMLButtonElement>('form.import button[type=submit]')!.click();
    const { results } = (await done) as unknown as McImportedEvent;
    // The address goes through the wallet's fetch: offline here, so it could not be downloaded.
    expect(results.map((r) => r.status)).to.deep.equal(['imported', 'download-failed']);
    await el.updateComplete;
    const lines = [...root(el).querySelectorAll('.results li strong')].map((s) => s.textContent);
    expect(lines).to.deep.equal(['Imported', 'Could not be downloaded']);
    await expect(el).to.be.accessible();
  });

  it('opens the import form with no old results, and names items a page handed over by their credential only', async () => {
    const el = await ownerWallet(newKey());
    const full = await json('/vectors/obv3-examples/ref/full_ex.json');
    // The page imports a credential itself (as the demo seeds a wallet): no file name or address.
    expect((await el.importItems([{ kind: 'data', value: full }])).map((r) => r.status)).to.deep.equal([
      'imported',
    ]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.import-button')!.click();
    await until(el, () => !!root(el).querySelector('form.import'));
    expect(root(el).querySelector('.results'), 'a new import starts without the last one').to.equal(null);
    // An import made with the dialog open shows its results there, without a "data" label.
    await el.importItems([{ kind: 'data', value: { ...full, id: 'urn:uuid:another-copy' } }]);
    await el.updateComplete;
    const item = root(el).querySelector('.results li')!;
    expect(item.querySelector('.label')).to.equal(null);
    expect(item.querySelector('strong')!.textContent).to.equal('Imported');
    expect(item.textContent).not.to.include('data');
  });

  it('puts its actions before the search and menus, in focus order as on screen', async () => {
    const el = await ownerWallet(newKey());
    await el.importItems([{ kind: 'data', value: await json(`${R}/ob30/simple.json`) }]);
    await el.updateComplete;
    const toolbar = new WalletHarness(el).toolbar!;
    const controls = [...toolbar.querySelectorAll('button, input, select')];
    expect(controls[0]!.classList.contains('import-button')).to.be.true;
    expect(controls.findIndex((c) => c.matches('input[type=search]'))).to.be.above(
      controls.findIndex((c) => c.textContent?.trim() === 'Verify all'),
    );
  });

  for (const lang of ['en', 'es']) {
    it(`is accessible while importing, and says so (${lang})`, async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const el = await ownerWallet(newKey(), lang);
      el.fetch = async (input, init) => {
        await gate;
        return fetch(input, init);
      };
      const job = el.importItems([
        { kind: 'url', url: new URL(`${R}/ob30/simple.json`, location.href).href },
      ]);
      await until(el, () => el.matches(':state(importing)'));
      expect(statusText(el)).to.equal(lang === 'en' ? 'Importing 1…' : 'Importando 1…');
      await expect(el).to.be.accessible();
      release();
      expect((await job).map((r) => r.status)).to.deep.equal(['imported']);
      expect(el.matches(':state(importing)')).to.be.false;
    });
  }

  it('is transactional: 200 files where file 57 cannot be saved leave the wallet exactly as it was', async () => {
    const key = newKey();
    const el = await ownerWallet(key);
    const creds = await manyCredentials(200);
    const first = await el.importItems([new File([JSON.stringify(creds[0])], 'first.json')]);
    expect(first[0]!.status).to.equal('imported');
    const before = el.records;

    // Another tab saves a different credential with file 57's id behind this element's back: the
    // database's unique index refuses file 57, which aborts the whole transaction.
    const { WalletStore } = await import('@microcred/elements/badge-wallet/store.js');
    const other = await WalletStore.open(key);
    const { importCredentials } = await import('@microcred/core');
    const [otherTab] = await importCredentials([
      { kind: 'data', value: { ...creds[56], name: 'Other tab' } },
    ]);
    await other.add([{ ...otherTab!.record!, order: 999 }]);

    const files = creds.slice(1).map((c, i) => new File([JSON.stringify(c)], `file-${i + 2}.json`));
    const results = await el.importItems(files);
    expect(byStatus(results)).to.deep.equal({ 'not-saved': 199 });
    expect(statusText(el)).to.equal(
      'Nothing was imported: the wallet could not be saved, and it was left exactly as it was.',
    );
    const stored = await other.all();
    other.close();
    expect(stored.map((r) => r.key).sort()).to.deep.equal(
      [...before.map((r) => r.key), otherTab!.record!.key].sort(),
    );
    // The element shows what is stored (the other tab's credential included), nothing half-written.
    expect(el.records.map((r) => r.key).sort()).to.deep.equal(stored.map((r) => r.key).sort());
  });

  it('round-trips losslessly: export → import into a new wallet gives the same records', async () => {
    const el = await ownerWallet(newKey());
    await el.importItems(await Promise.all([...BAKED.slice(0, 7), ...FILES.slice(0, 6)].map(vectorFile)));
    const records = el.records;
    expect(records.length).to.be.at.least(5);
    // Curate a little first, so curation is part of the round trip.
    const h = new WalletHarness(el);
    h.toggles(h.items[1]!).feature.click();
    await until(el, () => el.records.some((r) => r.featured));
    const exported = exportWallet(el.records, { now: NOW });

    const copy = await ownerWallet(newKey());
    const results = await copy.importItems([
      new File([exported], 'wallet.json', { type: 'application/json' }),
    ]);
    expect(byStatus(results)).to.deep.equal({ imported: records.length });
    const sorted = (list: WalletRecord[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    await until(copy, () => copy.records.every((r) => r.verification));
    await until(el, () => el.records.every((r) => r.verification));
    const strip = (list: WalletRecord[]) => sorted(list).map(({ verification: _v, ...r }) => r);
    expect(strip(copy.records)).to.deep.equal(strip(el.records));
    expect(
      exportWallet(
        sorted(copy.records).map((r) => ({
          ...r,
          verification: el.records.find((o) => o.key === r.key)!.verification,
        })),
        { now: NOW },
      ),
    ).to.equal(exportWallet(el.records, { now: NOW }));
  });
});

describe('<mc-badge-wallet> owner mode: curation, dialog, verify', () => {
  it('reorders by keyboard (move later/earlier), features and hides, and keeps it after reload', async () => {
    const el = await filledWallet();
    const h = new WalletHarness(el);
    const names = () => h.items.map((t) => t.querySelector('mc-credential-card')!.view?.name);
    expect(names()).to.deep.equal(['Credential 1', 'Credential 2', 'Credential 3']);
    const later = h.moveButtons(h.items[0]!)[1]!;
    later.focus();
    later.click();
    await until(el, () => names()[0] === 'Credential 2');
    expect(statusText(el)).to.equal('Credential 1 moved to position 2.');
    const hide = h.toggles(h.items[2]!).hide;
    hide.click();
    await until(el, () => el.records.some((r) => r.hidden));
    expect(hide.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    const key = (el.getAttribute('storage-key') ?? '') as string;
    unmountAll();
    const again = await ownerWallet(key);
    const order = again.records.map((r) => r.summary.name);
    expect(order).to.deep.equal(['Credential 2', 'Credential 1', 'Credential 3']);
    expect(again.records.find((r) => r.summary.name === 'Credential 3')!.hidden).to.be.true;
  });

  it('opens a credential in an accessible dialog: focus inside, Escape closes, focus returns', async () => {
    const el = await filledWallet(3, 'es');
    el.embedScript = '/cdn/microcred.js';
    const h = new WalletHarness(el);
    const details = h.detailsButton(h.items[0]!);
    details.focus();
    details.click();
    await until(el, () => !!root(el).querySelector('dialog .details'));
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.contains(root(el).activeElement)).to.be.true;
    const linkedIn = root(el).querySelector<HTMLAnchorElement>(
      'dialog a[href^="https://www.linkedin.com/profile/add"]',
    )!;
    const params = new URL(linkedIn.href).searchParams;
    expect(params.get('name')).to.equal('Credential 1');
    expect(params.get('certId')).to.equal('urn:uuid:00000000-0000-4000-8000-000000000000');
    const snippet = root(el).querySelector<HTMLTextAreaElement>('dialog textarea')!.value;
    expect(snippet).to.contain('<mc-credential-card>').and.contain('<script type="application/json">');
    expect(snippet).to.contain(`<script type="module" src="${location.origin}/cdn/microcred.js"></script>`);
    await expect(el).to.be.accessible();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    dialog.close(); // what Escape does in a modal dialog (synthetic key events do not trigger it)
    await until(el, () => !root(el).querySelector('dialog'));
    expect(root(el).activeElement).to.equal(details);
  });

  it('verifies all, announcing a summary in words', async () => {
    const el = await filledWallet();
    await el.verifyAll();
    expect(statusText(el)).to.match(/^3 (verified|could not be checked|failed verification)/);
    expect(el.records.every((r) => r.verification?.checked === NOW.toISOString())).to.be.true;
  });
});

describe('<mc-badge-wallet> embed snippet: the address of microcred.js', () => {
  afterEach(unmountAll);

  /** Opens the first credential's details; resolves with its snippet (undefined: none offered). */
  async function snippetOf(el: McBadgeWallet): Promise<string | undefined> {
    const h = new WalletHarness(el);
    h.detailsButton(h.items[0]!).click();
    await until(el, () => !!root(el).querySelector('dialog .details'));
    return root(el).querySelector<HTMLTextAreaElement>('dialog textarea')?.value;
  }

  it('offers no snippet when no Microcred script is known (no made-up CDN address)', async () => {
    // this test page loads the elements from source: no microcred.js or autoloader.js script
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${await manyCredentials(1)}></mc-badge-wallet>`,
    );
    await until(el, () => el.state === 'loaded');
    expect(await snippetOf(el)).to.equal(undefined);
    expect(root(el).querySelector('dialog')!.innerHTML).to.not.contain('cdn.jsdelivr.net');
  });

  it('embed-script gives it (resolved against the page)', async () => {
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet
        embed-script="https://cdn.example/microcred@0.1.0/dist/microcred.js"
        .credentials=${await manyCredentials(1)}
      ></mc-badge-wallet>`,
    );
    await until(el, () => el.state === 'loaded');
    expect(await snippetOf(el)).to.match(
      /^<script type="module" src="https:\/\/cdn\.example\/microcred@0\.1\.0\/dist\/microcred\.js"><\/script>\n<mc-credential-card/,
    );
  });

  it("an <mc-provider>'s embedScript option gives it to every wallet inside", async () => {
    const provider = await mount(
      html`<mc-provider .options=${{ embedScript: '/static/microcred/microcred.js' }}>
        <mc-badge-wallet .credentials=${await manyCredentials(1)}></mc-badge-wallet>
      </mc-provider>`,
    );
    const el = provider.querySelector('mc-badge-wallet')!;
    await until(el, () => el.state === 'loaded');
    expect(await snippetOf(el)).to.contain(
      `<script type="module" src="${location.origin}/static/microcred/microcred.js"></script>`,
    );
  });
});

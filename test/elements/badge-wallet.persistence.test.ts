// <mc-badge-wallet>'s storage in Chromium with real IndexedDB, a real second browsing context (a
// same-origin iframe running its own wallet on the same storage key) and real BroadcastChannel:
// results read from wallet files are never shown (issue 11 item 7), two tabs never undo each other
// (item 14), a damaged record does not hide the others (item 15), databases of every earlier layout
// open with their credentials and a newer one opens read-only (item 16), an interrupted import is
// said on the next load (item 17), and reading `src` has a time limit and an abort (item 12).
import { expect, html, oneEvent } from '@open-wc/testing';
import type { McWalletChangeEvent } from '@microcred/elements';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { WalletStore, WALLET_DB_VERSION } from '@microcred/elements/badge-wallet/store.js';
import { loadSource, SOURCE_TIMEOUT_MS } from '@microcred/elements/badge-wallet/badge-wallet-source.js';
import { importCredentials, McTimeoutError, type WalletRecord } from '@microcred/core';
import { mount, unmountAll } from './helpers/dom.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW } from './helpers/card.js';
import {
  deleteWallets,
  json,
  manyCredentials,
  newKey,
  offline,
  ownerWallet,
  root,
  statusText,
  until,
} from './helpers/wallet.js';

const R = '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources';
const dbName = (key: string) => WalletStore.databaseName(key);

/** Opens a database with raw IndexedDB at `version`, building it with `upgrade` (an earlier layout). */
function rawOpen(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = version ? indexedDB.open(name, version) : indexedDB.open(name);
    r.onupgradeneeded = () => upgrade?.(r.result);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Every value of one object store, read with raw IndexedDB. */
async function rawAll(key: string, store = 'credentials'): Promise<Record<string, unknown>[]> {
  const db = await rawOpen(dbName(key));
  try {
    return await new Promise((resolve, reject) => {
      const r = db.transaction(store, 'readonly').objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

/** Puts values into one store with raw IndexedDB (as another program, or an older version, would). */
async function rawPut(db: IDBDatabase, store: string, values: unknown[], key?: IDBValidKey): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  for (const v of values) tx.objectStore(store).put(v, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

/** Records of `n` distinct credentials, as core builds them. */
async function someRecords(n: number): Promise<WalletRecord[]> {
  const results = await importCredentials(
    (await manyCredentials(n)).map((value) => ({ kind: 'data' as const, value })),
    { now: NOW },
  );
  return results.map((r) => r.record!);
}

/** The version-1 layout, exactly as store.ts built it before schema versions (git: e16483a). */
const layoutV1 = (db: IDBDatabase): void => {
  const store = db.createObjectStore('credentials', { keyPath: 'key' });
  store.createIndex('hash', 'hash', { unique: true });
  store.createIndex('credentialId', 'credentialId', { unique: true });
};

const chips = (el: McBadgeWallet): string[] => new WalletHarness(el).chips;
const alerts = (el: McBadgeWallet): string[] => new WalletHarness(el).alerts;

/** A signed OB 3.0 vector with its name changed after signing: a forgery. */
async function forgedCredential(): Promise<Record<string, unknown>> {
  return { ...(await json(`${R}/ob30/simple.json`)), name: 'Doctorate in Everything' };
}

/** A wallet file that claims "verified" for `credential`. */
const claimingFile = (credential: unknown): string =>
  JSON.stringify({
    type: 'MicrocredWallet',
    version: 1,
    exported: '2026-11-21T09:00:00.000Z',
    credentials: [
      {
        raw: JSON.stringify(credential),
        featured: true,
        verification: { outcome: 'verified', checked: '2026-11-21T09:00:00.000Z' },
      },
    ],
  });

const frames: HTMLIFrameElement[] = [];
/** A second browsing context of this origin running its own `<mc-badge-wallet>` module. */
async function secondTab(): Promise<Window> {
  const frame = document.createElement('iframe');
  const src = new URL('./helpers/wallet-frame.ts', import.meta.url).href;
  frame.srcdoc = `<!doctype html><html lang="en"><body><script type="module" src="${src}"></script></body></html>`;
  document.body.append(frame);
  frames.push(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('mc-badge-wallet');
  return win;
}

afterEach(async () => {
  unmountAll();
  for (const f of frames.splice(0)) f.remove();
  await deleteWallets();
});

describe('<mc-badge-wallet> results only this browser computed (issue 11 item 7)', () => {
  it('a src wallet file claiming "verified" for a forged credential shows "Not checked yet"', async () => {
    const url = URL.createObjectURL(
      new Blob([claimingFile(await forgedCredential())], { type: 'application/json' }),
    );
    const el = await mount<McBadgeWallet>(html`<mc-badge-wallet src=${url} .now=${NOW}></mc-badge-wallet>`);
    await until(el, () => el.state === 'loaded');
    expect(chips(el)).to.deep.equal(['Not checked yet']);
    // The file's curation is honoured; its verdict is not.
    expect(root(el).querySelector('.mark')!.textContent).to.contain('Featured');
    URL.revokeObjectURL(url);
  });

  it('an imported wallet file claiming "verified" shows only the result this browser computed', async () => {
    const el = await ownerWallet(newKey());
    const [result] = await el.importItems([
      new File([claimingFile(await forgedCredential())], 'wallet.json'),
    ]);
    expect(result!.status).to.equal('imported');
    expect(result!.record!.verification).to.equal(undefined);
    // Imports are verified here: the forgery's signature fails, whatever the file said.
    await until(el, () => !!el.records[0]?.verification);
    // Offline, the verifier fails the forgery or cannot check it: either way never "verified".
    const { outcome, checked } = el.records[0]!.verification!;
    expect(checked).to.equal(NOW.toISOString());
    expect(outcome).to.be.oneOf(['invalid', 'unknown']);
    expect(chips(el)).to.deep.equal([outcome === 'invalid' ? 'Failed verification' : 'Could not verify']);
  });
});

describe('<mc-badge-wallet> in two tabs (issue 11 item 14)', () => {
  it("a stale tab verifying all keeps the other tab's Hide, and reloads to show it", async () => {
    const key = newKey();
    const a = await ownerWallet(key);
    await a.importItems(
      (await manyCredentials(2)).map((c, i) => new File([JSON.stringify(c)], `c${i}.json`)),
    );
    await until(a, () => a.records.every((r) => r.verification));

    // Tab B: another browsing context, same origin and storage key, loaded before A hides.
    const win = await secondTab();
    const b = win.document.createElement('mc-badge-wallet') as McBadgeWallet;
    const B_NOW = new Date('2026-11-23T08:00:00Z');
    Object.assign(b, { editable: true, storageKey: key, now: B_NOW, fetch: offline });
    win.document.body.append(b);
    await until(b, () => b.state === 'loaded' && b.records.length === 2);
    expect(b.records.map((r) => r.hidden)).to.deep.equal([false, false]);
    const target = a.records[0]!.key;

    // B starts "Verify all" from its view, then A hides a credential while B is verifying.
    const verifying = b.verifyAll();
    const ha = new WalletHarness(a);
    ha.toggles(ha.item(target)!).hide.click();
    await until(a, () => a.records.find((r) => r.key === target)?.hidden === true);
    await verifying;

    const stored = await new Promise<WalletRecord[]>((resolve, reject) => {
      void WalletStore.open(key).then(
        (s) => s.all().then((all) => (s.close(), resolve(all)), reject),
        reject,
      );
    });
    const record = stored.find((r) => r.key === target)!;
    expect(record.hidden, "A's Hide is kept").to.equal(true);
    expect(record.verification?.checked, "B's result is saved").to.equal(B_NOW.toISOString());
    // B was told (BroadcastChannel) and reloaded: it shows the credential hidden.
    await until(b, () => b.records.find((r) => r.key === target)?.hidden === true);
    await until(b, () => !!b.shadowRoot!.querySelector(`[data-key="${target}"].is-hidden`));
    // …and A shows B's results.
    await until(a, () => a.records.every((r) => r.verification?.checked === B_NOW.toISOString()));
  });

  it('a change in one tab reloads the other (BroadcastChannel named after the storage key)', async () => {
    const key = newKey();
    const a = await ownerWallet(key);
    await a.importItems(
      (await manyCredentials(2)).map((c, i) => new File([JSON.stringify(c)], `c${i}.json`)),
    );
    // A's own check of what it imported is saved (and said) first, so that the next change A
    // reports is B's, not this one.
    await until(a, () => a.records.every((r) => r.verification));
    const win = await secondTab();
    const b = win.document.createElement('mc-badge-wallet') as McBadgeWallet;
    Object.assign(b, { editable: true, storageKey: key, now: NOW, fetch: offline });
    win.document.body.append(b);
    await until(b, () => b.state === 'loaded' && b.records.length === 2);
    const heard = new Promise<unknown>((resolve) => {
      const channel = new BroadcastChannel(WalletStore.databaseName(key));
      channel.onmessage = (e) => (channel.close(), resolve(e.data));
    });
    const changedInA = oneEvent(a, 'mc-wallet-change') as Promise<McWalletChangeEvent>;
    // B features the first credential: A, which did nothing, shows it featured.
    const hb = new WalletHarness(b);
    hb.toggles(hb.items[0]!).feature.click();
    expect(await heard).to.equal('changed');
    await until(a, () => a.records[0]?.featured === true);
    // …and says so, as for its own changes (a progress tracker watching it follows).
    expect((await changedInA).records[0]!.featured).to.equal(true);
  });
});

describe('<mc-badge-wallet> a damaged record (issue 11 item 15)', () => {
  for (const lang of ['en', 'es']) {
    it(`shows the good records, says one could not be read, and keeps it on disk (${lang})`, async () => {
      const key = newKey();
      const store = await WalletStore.open(key);
      await store.add(await someRecords(2));
      store.close();
      const broken = { key: 'sha256:broken', hash: 'broken', raw: 42, summary: null, order: 'first' };
      const db = await rawOpen(dbName(key));
      await rawPut(db, 'credentials', [broken]);
      db.close();

      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      window.addEventListener('error', onError);
      const rejections = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
      window.addEventListener('unhandledrejection', rejections);
      try {
        const el = await ownerWallet(key, lang);
        await until(el, () => el.state === 'loaded');
        expect(root(el).querySelectorAll('mc-credential-card')).to.have.length(2);
        expect(statusText(el)).to.equal(lang === 'en' ? '2 credentials' : '2 credenciales');
        expect(alerts(el)).to.deep.equal([
          lang === 'en'
            ? '1 saved credential could not be read. It is kept as it was, but it cannot be shown.'
            : '1 credencial guardada no se pudo leer. Se conserva como estaba, pero no se puede mostrar.',
        ]);
        // Changing a good one leaves the damaged one exactly as it was.
        root(el).querySelector<HTMLButtonElement>('button[aria-pressed]')!.click();
        await until(el, () => el.records.some((r) => r.featured));
        expect((await rawAll(key)).find((r) => r['key'] === 'sha256:broken')).to.deep.equal(broken);
        await expect(el).to.be.accessible();
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', rejections);
      }
      expect(errors).to.deep.equal([]);
    });
  }
});

describe('<mc-badge-wallet> schema versions (issue 11 item 16)', () => {
  it('a version-1 database (the first layout) opens with its credentials; its stored results are dropped', async () => {
    const key = newKey();
    const records = await someRecords(2);
    const db = await rawOpen(dbName(key), 1, layoutV1);
    // Version 1 kept each result inside its record, including results read from wallet files.
    await rawPut(db, 'credentials', [
      { ...records[0], verification: { outcome: 'verified', checked: '2026-01-01T00:00:00.000Z' } },
      records[1],
    ]);
    db.close();

    const el = await ownerWallet(key);
    expect(alerts(el)).to.deep.equal([]);
    expect(el.records.map((r) => r.key)).to.deep.equal(records.map((r) => r.key));
    expect(chips(el)).to.deep.equal(['Not checked yet', 'Not checked yet']);
    expect((await rawAll(key)).some((r) => 'verification' in r)).to.equal(false);
    // It is a working wallet now: an import is saved and survives a reload.
    const [extra] = await manyCredentials(3).then((c) => c.slice(2));
    const [result] = await el.importItems([new File([JSON.stringify(extra)], 'extra.json')]);
    expect(result!.status).to.equal('imported');
    unmountAll();
    const again = await ownerWallet(key);
    expect(again.records).to.have.length(3);
  });

  it('a version-1 database without its object store (a damaged older layout) is repaired', async () => {
    const key = newKey();
    (await rawOpen(dbName(key), 1)).close();
    const el = await ownerWallet(key);
    expect(alerts(el)).to.deep.equal([]);
    const [cred] = await manyCredentials(1);
    expect((await el.importItems([new File([JSON.stringify(cred)], 'one.json')]))[0]!.status).to.equal(
      'imported',
    );
    unmountAll();
    expect((await ownerWallet(key)).records).to.have.length(1);
  });

  for (const lang of ['en', 'es']) {
    it(`a database of a newer version opens read-only: credentials shown, imports refused and said (${lang})`, async () => {
      const key = newKey();
      const [record] = await someRecords(1);
      const db = await rawOpen(dbName(key), WALLET_DB_VERSION + 3, (d) => {
        layoutV1(d);
        d.createObjectStore('something-new');
      });
      await rawPut(db, 'credentials', [{ ...record, aFieldFromTheFuture: 1 }]);
      db.close();

      const el = await ownerWallet(key, lang);
      expect(el.records.map((r) => r.key)).to.deep.equal([record!.key]);
      expect(alerts(el)).to.deep.equal([
        lang === 'en'
          ? 'This wallet was saved by a newer version of Microcred. It is shown read-only here: importing and changes are turned off. Open it with that version to change it.'
          : 'Esta cartera se guardó con una versión más reciente de Microcred. Aquí se muestra solo para lectura: la importación y los cambios están desactivados. Ábrala con esa versión para cambiarla.',
      ]);
      const h = new WalletHarness(el);
      expect(h.importButton!.disabled).to.equal(true);
      expect(h.actionButtons.filter((b) => !b.disabled).map((b) => b.textContent!.trim())).to.deep.equal([
        lang === 'en' ? 'Details' : 'Detalles',
      ]);
      // An import attempted anyway is reported as not saved — never as imported.
      const [cred] = await manyCredentials(2).then((c) => c.slice(1));
      const results = await el.importItems([new File([JSON.stringify(cred)], 'new.json')]);
      expect(results.map((r) => r.status)).to.deep.equal(['not-saved']);
      expect(statusText(el)).to.equal(
        lang === 'en'
          ? 'Nothing was imported: the wallet could not be saved, and it was left exactly as it was.'
          : 'No se importó nada: no se pudo guardar la cartera, que quedó exactamente como estaba.',
      );
      expect(el.records).to.have.length(1);
      expect(await rawAll(key)).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  it('a newer version opening the wallet in another tab: later writes are refused and said, not lost silently', async () => {
    const key = newKey();
    const el = await ownerWallet(key);
    const [one, two] = await manyCredentials(2);
    await el.importItems([new File([JSON.stringify(one)], 'one.json')]);
    // Another tab upgrades the database (this connection is asked to close, and does).
    (await rawOpen(dbName(key), WALLET_DB_VERSION + 1)).close();
    await until(el, () => alerts(el).length > 0);
    expect(alerts(el)).to.deep.equal([
      'This wallet was opened by a newer version of Microcred in another tab. Reload this page to keep using it.',
    ]);
    let changed = 0;
    el.addEventListener('mc-wallet-change', () => changed++);
    const results = await el.importItems([new File([JSON.stringify(two)], 'two.json')]);
    expect(results.map((r) => r.status)).to.deep.equal(['not-saved']);
    expect(changed).to.equal(0);
    expect(el.records).to.have.length(1);
  });
});

describe('<mc-badge-wallet> an interrupted import (issue 11 item 17)', () => {
  /** The state a reload leaves between the journal and the import's own transaction. */
  async function interruptedWallet(): Promise<string> {
    const key = newKey();
    const store = await WalletStore.open(key);
    await store.add(await someRecords(1));
    store.close();
    const db = await rawOpen(dbName(key));
    await rawPut(db, 'meta', [{ started: NOW.toISOString(), count: 5 }], 'import');
    db.close();
    return key;
  }

  for (const lang of ['en', 'es']) {
    it(`says on the next load that the last import was interrupted and nothing of it was saved, once (${lang})`, async () => {
      const key = await interruptedWallet();
      const el = await ownerWallet(key, lang);
      expect(el.records).to.have.length(1);
      expect(alerts(el)).to.deep.equal([
        lang === 'en'
          ? 'Your last import was interrupted (the page was closed or reloaded before it finished), and nothing from it was saved. Please import those credentials again.'
          : 'Su última importación se interrumpió (la página se cerró o se recargó antes de terminar) y no se guardó nada de ella. Vuelva a importar esas credenciales.',
      ]);
      await expect(el).to.be.accessible();
      unmountAll();
      expect(alerts(await ownerWallet(key, lang))).to.deep.equal([]);
    });
  }

  it('a finished import leaves nothing to say; an import running in another tab is not called interrupted', async () => {
    const key = newKey();
    const el = await ownerWallet(key);
    await el.importItems(
      (await manyCredentials(2)).map((c, i) => new File([JSON.stringify(c)], `c${i}.json`)),
    );
    expect(await rawAll(key, 'meta')).to.deep.equal([]);
    unmountAll();
    expect(alerts(await ownerWallet(key))).to.deep.equal([]);
    unmountAll();

    // Another tab is importing right now: its journal is there and it holds the wallet's lock.
    const db = await rawOpen(dbName(key));
    await rawPut(db, 'meta', [{ started: NOW.toISOString(), count: 1 }], 'import');
    db.close();
    let release!: () => void;
    const holding = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const got = new Promise<void>((r) => (locked = r));
    void navigator.locks.request(dbName(key), () => (locked(), holding));
    await got;
    const other = await ownerWallet(key);
    expect(alerts(other)).to.deep.equal([]);
    release();
  });
});

describe('<mc-badge-wallet> reading src (issue 11 item 12)', () => {
  /** A fetch that never answers, but rejects when its request is aborted (as the real one does). */
  const hanging = (signals: AbortSignal[]) =>
    ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        signals.push(init!.signal!);
        init!.signal!.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      })) as typeof fetch;

  it('gives up after its time limit (15 s, as the card and catalog) with a timeout error', async () => {
    expect(SOURCE_TIMEOUT_MS).to.equal(15_000);
    const signals: AbortSignal[] = [];
    const host = document.createElement('div');
    const error = await loadSource(
      host,
      'https://example.org/wallet.json',
      hanging(signals),
      new AbortController().signal,
      20,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(McTimeoutError);
    expect((error as McTimeoutError).code).to.equal('timeout');
    expect(signals[0]!.aborted, 'the request itself is cancelled').to.equal(true);
  });

  it('is cancelled when the wallet leaves the page or gets another src', async () => {
    // The wallet's updateComplete waits for its load, which never ends here: the test waits for
    // each request itself instead.
    const signals: AbortSignal[] = [];
    let asked!: () => void;
    const request = () => new Promise<void>((resolve) => (asked = resolve));
    const fetcher = hanging(signals);
    let first = request();
    const el = document.createElement('mc-badge-wallet');
    el.src = 'https://example.org/a.json';
    el.fetch = ((url: string, init?: RequestInit) => (asked(), fetcher(url, init))) as typeof fetch;
    document.body.append(el);
    await first;
    first = request();
    el.src = 'https://example.org/b.json';
    await first;
    expect(signals).to.have.length(2);
    expect(signals[0]!.aborted).to.equal(true);
    el.remove();
    expect(signals[1]!.aborted).to.equal(true);
  });

  it('is in :state(loading) and aria-busy while src loads, and leaves both when it has loaded', async () => {
    let asked!: () => void;
    const request = new Promise<void>((resolve) => (asked = resolve));
    let answer!: (r: Response) => void;
    const el = document.createElement('mc-badge-wallet');
    el.src = 'https://example.org/list.json';
    el.fetch = (() => (asked(), new Promise<Response>((resolve) => (answer = resolve)))) as typeof fetch;
    document.body.append(el);
    await request;
    const base = () => new WalletHarness(el).part('base')!;
    expect(el.state).to.equal('loading');
    expect(el.matches(':state(loading)')).to.be.true;
    expect(base().getAttribute('aria-busy')).to.equal('true');
    answer(new Response(JSON.stringify([await json(`${R}/ob30/simple.json`)])));
    await el.updateComplete;
    expect(el.state).to.equal('loaded');
    expect(el.matches(':state(loading)')).to.be.false;
    expect(base().hasAttribute('aria-busy')).to.be.false;
    expect(new WalletHarness(el).items).to.have.length(1);
    el.remove();
  });

  for (const lang of ['en', 'es']) {
    it(`says in words that the credentials took too long (${lang})`, async () => {
      // A host fetch with its own, shorter limit answers as core's downloads do: McTimeoutError.
      const slow = (() => Promise.reject(new McTimeoutError('timeout', 'Too slow.'))) as typeof fetch;
      const wrapper = await mount(
        html`<div lang=${lang}>
          <mc-badge-wallet src="https://example.org/w.json" .fetch=${slow}></mc-badge-wallet>
        </div>`,
      );
      const el = wrapper.querySelector('mc-badge-wallet')!;
      await until(el, () => el.state === 'error');
      expect(alerts(el)).to.deep.equal([
        lang === 'en'
          ? 'The credentials took too long to download.'
          : 'Las credenciales tardaron demasiado en descargarse.',
      ]);
      expect(statusText(el)).to.not.match(/Loading|Cargando/);
    });
  }
});

/** Shared fixtures for the `<mc-badge-wallet>` tests: owner wallets on throwaway IndexedDB keys, waits, credentials. */
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount } from './dom.js';
import { when } from './when.js';
import { NOW } from './card.js';
import { WalletHarness } from '../harness/wallet.js';

/** Fetches a vector (or any test URL) as JSON. */
export const json = async (path: string): Promise<Record<string, unknown>> =>
  (await (await fetch(path)).json()) as Record<string, unknown>;

/** A fetch for the verifier and downloads: offline (every check needing the network is "could not check"). */
export const offline = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;

const keys: string[] = [];

/** A fresh storage key, deleted by {@link deleteWallets}. */
export function newKey(): string {
  const key = `test-${Math.random().toString(36).slice(2)}`;
  keys.push(key);
  return key;
}

const deleteDb = (name: string) =>
  new Promise<void>((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });

/** Deletes the databases of every key {@link newKey} gave out. Call in `afterEach`, after unmounting. */
export const deleteWallets = (): Promise<unknown> =>
  Promise.all(keys.splice(0).map((k) => deleteDb(`microcred-wallet:${k}`)));

/** An owner-mode wallet on `key`, opened and loaded. */
export async function ownerWallet(key: string, lang = 'en'): Promise<McBadgeWallet> {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-badge-wallet editable storage-key=${key} .now=${NOW} .fetch=${offline}></mc-badge-wallet>
    </div>`,
  );
  const el = wrapper.querySelector('mc-badge-wallet')!;
  await el.ready;
  return el;
}

/** The wallet's shadow root. */
export const root = (el: Element): ShadowRoot => el.shadowRoot!;

/** The text of the wallet's live region, whitespace collapsed. */
export const statusText = (el: Element): string => new WalletHarness(el as McBadgeWallet).status;

/**
 * Waits until `test` holds, re-checking after each update of `el`, each DOM change inside it and
 * each focus move (see {@link when}; no timers: the test's timeout bounds it).
 */
export async function until(el: McBadgeWallet, test: () => boolean): Promise<void> {
  await when(el, test);
  expect(test(), 'condition not reached').to.be.true;
}

/** Distinct OB 3.0 credentials made from the spec example (a new id and name each). */
export async function manyCredentials(n: number): Promise<Record<string, unknown>[]> {
  const base = await json('/vectors/obv3-examples/ref/full_ex.json');
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Credential ${i + 1}`,
  }));
}

/** An owner wallet with `n` credentials imported and verified (offline: "could not check"). */
export async function filledWallet(n = 3, lang = 'en'): Promise<McBadgeWallet> {
  const el = await ownerWallet(newKey(), lang);
  const creds = await manyCredentials(n);
  await el.importItems(creds.map((c, i) => new File([JSON.stringify(c)], `c${i}.json`)));
  await until(el, () => el.records.every((r) => r.verification));
  return el;
}

// The virtualizer repositions rows from its ResizeObservers; Chromium then reports the benign
// "ResizeObserver loop completed with undelivered notifications" as a window error. Not a failure.
window.addEventListener(
  'error',
  (e) => {
    if (/ResizeObserver loop/.test(e.message)) e.stopImmediatePropagation();
  },
  true,
);

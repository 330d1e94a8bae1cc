/**
 * The wallet's non-rendering work, loaded on first use: IndexedDB, imports (core classifies, this
 * saves in one transaction), verification and the wallet export download. (Reading a visitor's
 * `src` is its own chunk, `badge-wallet-source.ts`.)
 */
import {
  exportWallet,
  fetchCredential,
  importCredentials,
  verificationOutcome,
  verifyMany,
  type ImportSource,
  type WalletRecord,
  type WalletVerifyOutcome,
} from '@microcred/core';
import { download } from './download.js';
import type { WalletEntry, WalletImportResult } from './types.js';

export { WalletStore } from './store.js';
export type { WalletPatch, WalletSnapshot } from './store.js';
import type { WalletStore } from './store.js';

type FileSource = Extract<ImportSource, { kind: 'file' }>;

/**
 * Classifies `sources` (core's `importCredentials`) and saves every new credential in one
 * transaction. If saving fails, nothing is saved and every would-be import is `not-saved`. With an
 * `owner`, each import awarded to someone else is marked `otherRecipient` (a lazy chunk checks).
 */
export async function importInto(
  store: WalletStore | undefined,
  sources: readonly (ImportSource | File)[],
  existing: readonly WalletRecord[],
  options: { fetch?: typeof fetch | undefined; now?: Date | undefined; owner?: string },
): Promise<{ results: WalletImportResult[]; saved: WalletRecord[] }> {
  const files = new WeakMap<FileSource, File>();
  const list = sources.map((s): ImportSource => {
    if (!(s instanceof File)) return s;
    const source: FileSource = { kind: 'file', name: s.name, type: s.type, size: s.size };
    files.set(source, s);
    return source;
  });
  const fetchOptions = options.fetch ? { fetch: options.fetch } : {};
  const results: WalletImportResult[] = await importCredentials(list, {
    existing,
    ...(options.now ? { now: options.now } : {}),
    fetchCredential: (url) => fetchCredential(url, fetchOptions),
    readFile: async (source) => new Uint8Array(await files.get(source)!.arrayBuffer()),
  });
  if (options.owner)
    await (await import('./badge-wallet-recipient.js')).markOtherRecipients(results, options.owner);
  const accepted = results.flatMap((r) => (r.status === 'imported' && r.record ? [r.record] : []));
  try {
    await store?.add(accepted);
  } catch (e) {
    const message = `Nothing was saved: ${e instanceof Error ? e.message : String(e)}`;
    return {
      results: results.map((r) => (r.status === 'imported' ? { ...r, status: 'not-saved', message } : r)),
      saved: [],
    };
  }
  return { results, saved: accepted };
}

/**
 * Verifies entries off the main thread (core's `verifyMany`: a Web Worker, four at a time, falling
 * back to this thread when a worker cannot start), setting each one's `verification` and calling
 * `each` as it finishes. Never rejects: a verifier failure is `unknown` ("could not check").
 */
export async function verifyEntries(
  entries: readonly WalletEntry[],
  options: { fetch?: typeof fetch | undefined; now?: Date | undefined; workerUrl?: string },
  each: (entry: WalletEntry) => void,
): Promise<void> {
  const checked = (options.now ?? new Date()).toISOString();
  const settle = (entry: WalletEntry, outcome: WalletVerifyOutcome): void => {
    entry.verification = { outcome, checked };
    each(entry);
  };
  try {
    await verifyMany(
      entries.map((e) => e.input),
      {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.workerUrl ? { workerUrl: new URL(options.workerUrl, document.baseURI) } : {}),
        onProgress: (_done, _total, index, report) => settle(entries[index]!, verificationOutcome(report)),
      },
    );
  } catch {
    // could not check: whatever is left is "unknown"
  }
  for (const entry of entries) if (entry.checking !== false) settle(entry, 'unknown');
}

/** Downloads the whole wallet as one file that imports back losslessly. */
export function downloadWallet(records: readonly WalletRecord[], now?: Date): void {
  const date = (now ?? new Date()).toISOString().slice(0, 10);
  download(exportWallet(records, now ? { now } : {}), `wallet-${date}.json`, 'application/json');
}

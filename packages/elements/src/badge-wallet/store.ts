/**
 * The owner's wallet in IndexedDB: database `microcred-wallet:<storage-key>`.
 *
 * Layout (schema version {@link WALLET_DB_VERSION}), built by the ordered {@link MIGRATIONS}, one per
 * version, so a database made by any earlier version is upgraded in place and keeps its credentials:
 * - `credentials`: one `WalletRecord` (without `verification`) per credential, keyed by `key` (the
 *   content hash), with unique indexes on `hash` and `credentialId`, so the database itself refuses
 *   a duplicate even when two tabs import at once.
 * - `verifications`: the results this browser computed, `{ key, outcome, checked }` by record key.
 *   Results are never read from a file (see core's wallet export), so none can be smuggled in.
 * - `meta`: the import journal (`import`), written before an import and removed in the same
 *   transaction that saves it, so an import cut short by a reload is found on the next load; and
 *   whom the wallet belongs to (`owner`: the email, web address or id imports are checked against).
 *
 * A database written by a NEWER version opens read-only: its credentials are shown as they are, and
 * every write is refused (never silently dropped).
 *
 * Transactions — the choice, documented: an import is classified first (nothing written), then
 * every accepted record is written in ONE `readwrite` transaction. It is all-or-nothing: if any
 * write fails (quota, a duplicate written meanwhile by another tab, a crash mid-way), IndexedDB
 * rolls the whole transaction back and the wallet is exactly as it was. Curation and verification
 * are per-field updates: each re-reads the stored record inside its transaction and changes only
 * its own fields (Hide writes `hidden`, Verify all writes results), so a tab that shows an old copy
 * never writes that copy back over another tab's change. After each write the other tabs (and other
 * wallets on this page) on the same storage key are told on a `BroadcastChannel` named like the
 * database, and reload.
 *
 * A stored record that cannot be decoded is skipped (and counted), never changed and never deleted.
 */
import type { WalletRecord, WalletVerification, WalletVerifyOutcome } from '@microcred/core';
import { isObj } from '@microcred/core/parse/parse-input.js';

const CREDENTIALS = 'credentials';
const VERIFICATIONS = 'verifications';
const META = 'meta';
const JOURNAL = 'import';
const OWNER = 'owner';

/** The schema version this code writes. */
export const WALLET_DB_VERSION = 2;

/**
 * `MIGRATIONS[v]` upgrades a database from version `v` to `v + 1`, inside the upgrade transaction.
 * Each step checks what is there, so a database with a damaged older layout is repaired too.
 */
const MIGRATIONS: readonly ((db: IDBDatabase, tx: IDBTransaction) => void)[] = [
  // 0 → 1: the first layout: the credentials, with their own `verification`.
  (db) => {
    if (db.objectStoreNames.contains(CREDENTIALS)) return;
    const store = db.createObjectStore(CREDENTIALS, { keyPath: 'key' });
    store.createIndex('hash', 'hash', { unique: true });
    store.createIndex('credentialId', 'credentialId', { unique: true });
  },
  // 1 → 2: results in their own store, the import journal. Version 1 kept `verification` in each
  // record, where an imported wallet file could have put a claim of its own: they cannot be told
  // apart, so every one is dropped (the credentials show "Not checked yet" until verified again).
  (db, tx) => {
    MIGRATIONS[0]!(db, tx);
    if (!db.objectStoreNames.contains(VERIFICATIONS)) db.createObjectStore(VERIFICATIONS, { keyPath: 'key' });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    const cursor = tx.objectStore(CREDENTIALS).openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const value: unknown = c.value;
      if (isObj(value) && 'verification' in value) {
        const { verification: _dropped, ...rest } = value;
        c.update(rest);
      }
      c.continue();
    };
  },
];

/** What the wallet read from its database. */
export interface WalletSnapshot {
  /** Every record that could be read, in the owner's order, with this browser's last result. */
  records: WalletRecord[];
  /** How many stored records could not be read (left on disk as they are). */
  unreadable: number;
}

/** A change to one record's curation: only the fields given are written. */
export interface WalletPatch {
  key: string;
  featured?: boolean;
  hidden?: boolean;
  order?: number;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
// `suspended` and `notYetValid` came later (no new schema version: a version before them reads one
// as "Not checked yet")
const OUTCOMES: readonly WalletVerifyOutcome[] = [
  'verified',
  'expired',
  'revoked',
  'suspended',
  'notYetValid',
  'invalid',
  'unknown',
];

/** A stored value as a record, or `undefined` when it is not one (damaged, or from another layout). */
export function decodeRecord(value: unknown): WalletRecord | undefined {
  if (!isObj(value)) return undefined;
  const { key, hash, raw, format, summary, origin, added, featured, hidden, order, credentialId } = value;
  const ok =
    isStr(key) &&
    isStr(hash) &&
    isStr(raw) &&
    raw !== '' &&
    isStr(format) &&
    isObj(summary) &&
    isStr(summary['name']) &&
    isStr(summary['type']) &&
    isStr(summary['text']) &&
    isObj(origin) &&
    isStr(origin['kind']) &&
    isStr(added) &&
    typeof featured === 'boolean' &&
    typeof hidden === 'boolean' &&
    typeof order === 'number' &&
    Number.isFinite(order) &&
    (credentialId === undefined || isStr(credentialId));
  if (!ok) return undefined;
  const { verification: _ignored, ...record } = value;
  return record as unknown as WalletRecord;
}

const decodeVerification = (value: unknown): WalletVerification | undefined =>
  isObj(value) && OUTCOMES.includes(value['outcome'] as WalletVerifyOutcome) && isStr(value['checked'])
    ? { outcome: value['outcome'] as WalletVerifyOutcome, checked: value['checked'] }
    : undefined;

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const readOnlyError = (): DOMException =>
  new DOMException(
    'This wallet was saved by a newer version of Microcred: it is read-only here.',
    'ReadOnlyError',
  );

/** The import journal entry: written before an import, removed with the import's own commit. */
interface Journal {
  started: string;
  count: number;
}

/** A wallet's IndexedDB database. */
export class WalletStore {
  /** Called when another tab (or another wallet on this page) changed this wallet. */
  onchange: (() => void) | undefined;
  /** Called when this connection was closed because a newer version opened the database elsewhere. */
  onclose: (() => void) | undefined;

  private readonly channel: BroadcastChannel | undefined;

  private constructor(
    private readonly db: IDBDatabase,
    private readonly name: string,
    /** The database was written by a newer version: reads only; every write is refused. */
    readonly readOnly: boolean,
  ) {
    db.onversionchange = () => {
      db.close();
      this.onclose?.();
    };
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(name);
      this.channel.onmessage = () => this.onchange?.();
    }
  }

  /** The database name of a storage key (also the name of its `BroadcastChannel`). */
  static databaseName(storageKey: string): string {
    return `microcred-wallet:${storageKey}`;
  }

  /**
   * Opens the wallet stored under `storageKey`: creating it on first use, upgrading a database of an
   * earlier layout, and opening one of a newer version read-only.
   */
  static async open(storageKey: string): Promise<WalletStore> {
    const name = WalletStore.databaseName(storageKey);
    try {
      return new WalletStore(await WalletStore.connect(name, WALLET_DB_VERSION), name, false);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'VersionError')) throw e;
      // Written by a newer version: open it as it is, to show what it holds.
      return new WalletStore(await WalletStore.connect(name), name, true);
    }
  }

  private static connect(name: string, version?: number): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const open = version ? indexedDB.open(name, version) : indexedDB.open(name);
      open.onupgradeneeded = (e) => {
        const tx = open.transaction!;
        for (let v = e.oldVersion; v < (e.newVersion ?? 0); v++) MIGRATIONS[v]?.(open.result, tx);
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
      open.onblocked = () =>
        reject(new DOMException('The wallet is open in an older version elsewhere.', 'InvalidStateError'));
    });
  }

  /** Every readable record in the owner's order (with this browser's results), and how many could not be read. */
  async read(): Promise<WalletSnapshot> {
    const names = [...this.db.objectStoreNames];
    if (!names.includes(CREDENTIALS)) return { records: [], unreadable: 0 };
    const stores = names.includes(VERIFICATIONS) ? [CREDENTIALS, VERIFICATIONS] : [CREDENTIALS];
    const tx = this.db.transaction(stores, 'readonly');
    const [values, results] = await Promise.all([
      request(tx.objectStore(CREDENTIALS).getAll()),
      this.readOnly || stores.length < 2 ? [] : request(tx.objectStore(VERIFICATIONS).getAll()),
    ]);
    const checked = new Map<string, WalletVerification>();
    for (const r of results as unknown[]) {
      const v = decodeVerification(r);
      if (v && isObj(r) && isStr(r['key'])) checked.set(r['key'], v);
    }
    const records: WalletRecord[] = [];
    let unreadable = 0;
    for (const value of values as unknown[]) {
      const record = decodeRecord(value);
      if (!record) {
        unreadable++;
        continue;
      }
      const verification = checked.get(record.key);
      records.push(verification ? { ...record, verification } : record);
    }
    return { records: records.sort((a, b) => a.order - b.order), unreadable };
  }

  /** Every readable record, in the owner's order. */
  async all(): Promise<WalletRecord[]> {
    return (await this.read()).records;
  }

  /**
   * Adds new records in one transaction: all of them, or (on any failure) none. The import journal
   * is written first and removed by that same transaction, so only an import that never finished
   * leaves it behind (see {@link interruptedImport}).
   */
  async add(records: readonly WalletRecord[]): Promise<void> {
    if (records.length === 0) return;
    if (this.readOnly) throw readOnlyError();
    const run = async (): Promise<void> => {
      const journal: Journal = { started: new Date().toISOString(), count: records.length };
      const mark = this.db.transaction(META, 'readwrite', { durability: 'strict' });
      mark.objectStore(META).put(journal, JOURNAL);
      await done(mark);
      try {
        await this.write([CREDENTIALS, META], (tx) => {
          const store = tx.objectStore(CREDENTIALS);
          for (const record of records) {
            const { verification: _never, ...stored } = record;
            store.add(stored);
          }
          tx.objectStore(META).delete(JOURNAL);
        });
      } catch (e) {
        // Nothing was saved, and the person is told now: the journal has nothing left to say.
        const clear = this.db.transaction(META, 'readwrite');
        clear.objectStore(META).delete(JOURNAL);
        await done(clear).catch(() => undefined);
        throw e;
      }
    };
    // While it runs, a lock held by this page tells a wallet loading in another tab that the journal
    // belongs to a live import (it is released when the page goes away).
    const locks = typeof navigator === 'object' ? navigator.locks : undefined;
    if (locks) await locks.request(this.name, run);
    else await run();
  }

  /**
   * Whether an import started and never finished (the page was closed or reloaded mid-way; nothing
   * of it was saved). Answers once: the journal is then cleared.
   */
  async interruptedImport(): Promise<boolean> {
    if (this.readOnly || !this.db.objectStoreNames.contains(META)) return false;
    const journal = await request(this.db.transaction(META, 'readonly').objectStore(META).get(JOURNAL));
    if (journal === undefined) return false;
    const locks = typeof navigator === 'object' ? navigator.locks : undefined;
    const held = locks ? (await locks.query()).held?.some((l) => l.name === this.name) : false;
    if (held) return false;
    const clear = this.db.transaction(META, 'readwrite');
    clear.objectStore(META).delete(JOURNAL);
    await done(clear);
    return true;
  }

  /** Whom the wallet belongs to (an email, a web address or an id), or `''` when none was kept. */
  async owner(): Promise<string> {
    if (!this.db.objectStoreNames.contains(META)) return '';
    const v: unknown = await request(this.db.transaction(META, 'readonly').objectStore(META).get(OWNER));
    return typeof v == 'string' ? v : '';
  }

  /** Keeps whom the wallet belongs to (`''` forgets it). */
  setOwner(owner: string): Promise<void> {
    return this.write([META], (tx) => void tx.objectStore(META).put(owner, OWNER));
  }

  /**
   * Changes curation fields of records, each re-read inside the transaction so only the fields
   * given are written. A record removed meanwhile (by another tab) is left removed.
   */
  update(patches: readonly WalletPatch[]): Promise<void> {
    return this.write([CREDENTIALS], (tx) => {
      const store = tx.objectStore(CREDENTIALS);
      for (const { key, ...patch } of patches) {
        const get = store.get(key);
        get.onsuccess = () => {
          if (decodeRecord(get.result)) store.put({ ...(get.result as object), ...patch });
        };
      }
    });
  }

  /** Saves results this browser computed, for records still in the wallet. */
  setVerifications(results: readonly { key: string; verification: WalletVerification }[]): Promise<void> {
    return this.write([CREDENTIALS, VERIFICATIONS], (tx) => {
      const checks = tx.objectStore(VERIFICATIONS);
      for (const { key, verification } of results) {
        const get = tx.objectStore(CREDENTIALS).getKey(key);
        get.onsuccess = () => {
          if (get.result !== undefined) checks.put({ key, ...verification });
        };
      }
    });
  }

  /** Deletes records (and their results) by key in one transaction. */
  delete(keys: readonly string[]): Promise<void> {
    return this.write([CREDENTIALS, VERIFICATIONS], (tx) => {
      for (const key of keys) {
        tx.objectStore(CREDENTIALS).delete(key);
        tx.objectStore(VERIFICATIONS).delete(key);
      }
    });
  }

  /** Closes the connection and the channel. */
  close(): void {
    this.onchange = this.onclose = undefined;
    this.channel?.close();
    this.db.close();
  }

  /** One `readwrite` transaction; resolves once committed (then tells the other tabs), else rejects. */
  private async write(stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
    if (this.readOnly) throw readOnlyError();
    const tx = this.db.transaction(stores, 'readwrite', { durability: 'strict' });
    const finished = done(tx);
    try {
      work(tx);
    } catch (e) {
      // A record IndexedDB cannot even accept (e.g. a bad key) throws here: roll back the rest too.
      tx.onabort = null;
      tx.abort();
      throw e instanceof Error ? e : new Error(String(e));
    }
    await finished;
    this.channel?.postMessage('changed');
  }
}

/**
 * The owner's wallet in IndexedDB: database `microcred-wallet:<storage-key>`, one object store of
 * `WalletRecord`s keyed by `key` (the content hash), with unique indexes on `hash` and
 * `credentialId`, so the database itself refuses a duplicate even when two tabs import at once.
 *
 * Transactions — the choice, documented: an import is classified first (nothing written), then
 * every accepted record is written in ONE `readwrite` transaction. It is all-or-nothing: if any
 * write fails (quota, a duplicate written meanwhile by another tab, a crash mid-way), IndexedDB
 * rolls the whole transaction back and the wallet is exactly as it was. Items that were not
 * credentials never reach the transaction; they are reported one by one and do not block the
 * good ones. Curation changes (feature, hide, order, verification) are also one transaction each.
 */
import type { WalletRecord } from '@microcred/core';

const STORE = 'credentials';

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });

/** A wallet's IndexedDB database. */
export class WalletStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** The database name of a storage key. */
  static databaseName(storageKey: string): string {
    return `microcred-wallet:${storageKey}`;
  }

  /** Opens (creating on first use) the wallet stored under `storageKey`. */
  static open(storageKey: string): Promise<WalletStore> {
    return new Promise((resolve, reject) => {
      let request: IDBOpenDBRequest;
      try {
        request = indexedDB.open(WalletStore.databaseName(storageKey), 1);
      } catch (e) {
        reject(e);
        return;
      }
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { keyPath: 'key' });
        store.createIndex('hash', 'hash', { unique: true });
        store.createIndex('credentialId', 'credentialId', { unique: true });
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => db.close();
        resolve(new WalletStore(db));
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () =>
        reject(new DOMException('The wallet is open in an older version.', 'InvalidStateError'));
    });
  }

  /** Every record, in the owner's order. */
  all(): Promise<WalletRecord[]> {
    return new Promise((resolve, reject) => {
      const request = this.db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
      request.onsuccess = () => resolve((request.result as WalletRecord[]).sort((a, b) => a.order - b.order));
      request.onerror = () => reject(request.error);
    });
  }

  /** Adds new records in one transaction: all of them, or (on any failure) none. */
  add(records: readonly WalletRecord[]): Promise<void> {
    return this.write(records, 'add');
  }

  /** Replaces records (curation, verification) in one transaction: all or none. */
  put(records: readonly WalletRecord[]): Promise<void> {
    return this.write(records, 'put');
  }

  /** Deletes records by key in one transaction. */
  delete(keys: readonly string[]): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const finished = done(tx);
    for (const key of keys) tx.objectStore(STORE).delete(key);
    return finished;
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }

  private write(records: readonly WalletRecord[], method: 'add' | 'put'): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const tx = this.db.transaction(STORE, 'readwrite', { durability: 'strict' });
    const finished = done(tx);
    const store = tx.objectStore(STORE);
    try {
      for (const record of records) store[method](record);
    } catch (e) {
      // A record IndexedDB cannot even accept (e.g. a bad key) throws here: roll back the rest too.
      tx.onabort = null;
      tx.abort();
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return finished;
  }
}

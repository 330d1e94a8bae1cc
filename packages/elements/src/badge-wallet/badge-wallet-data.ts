/**
 * The wallet's credentials and their persistence, as a reactive controller: the entries shown, the
 * owner's IndexedDB store (opened per `storage-key`, reloaded when another tab changes it), saves
 * field by field, all-or-nothing imports and verification. The IndexedDB code, imports and the
 * verifier are in the owner chunk, loaded on first use.
 */
import type { ReactiveController } from 'lit';
import type { ImportSource, WalletRecord, WalletVerification } from '@microcred/core';
import { McImportedEvent, McWalletChangeEvent } from './badge-wallet-events.js';
import type * as Owner from './badge-wallet-owner.js';
import type { WalletContext, WalletEntry, WalletImportResult } from './types.js';

let ownerJob: Promise<typeof Owner> | undefined;
/** The owner chunk (IndexedDB, imports, verification, reading `src`), loaded once per page. */
export const loadOwner = (): Promise<typeof Owner> => (ownerJob ??= import('./badge-wallet-owner.js'));

/** One credential of a display-mode list (from `credentials` or `src`). */
export type WalletInput = { input: unknown; record?: WalletRecord; stack?: string };

type Field = 'featured' | 'hidden' | 'order';

export class WalletData implements ReactiveController {
  /** Every credential: in the owner's order (owner mode), else as given. */
  entries: WalletEntry[] = [];
  /** The stored wallet cannot be changed here: `newer` (saved by a newer version) or `closed` (a newer version opened it in another tab). */
  readOnly: 'newer' | 'closed' | undefined;
  /** How many stored credentials could not be read (kept on disk as they are). */
  unreadable = 0;
  /** The last import was cut short (by a reload or a closed page) and nothing of it was saved. */
  interrupted = false;
  /** The last change could not be saved. */
  saveFailed = false;
  /** No IndexedDB (private mode, blocked): the wallet works for this visit only. */
  noStorage = false;
  importing = false;
  /** The last import's results (shown in the import form). */
  results: readonly WalletImportResult[] | undefined;
  /** Verify all's progress while it runs. */
  progress: { done: number; total: number } | undefined;
  /** The key whose Remove asks for confirmation. */
  confirm: string | undefined;

  #w: WalletContext;
  #db: Owner.WalletStore | undefined;
  /** Counts saves, so that only the latest one's reload from storage is shown. */
  #seq = 0;
  /** Results this browser computed that are not saved yet (kept over reloads from storage). */
  #unsaved = new Map<string, WalletVerification>();
  /** Keys being verified right now. */
  #checking = new Set<string>();

  constructor(w: WalletContext) {
    this.#w = w;
    w.host.addController(this);
  }

  hostDisconnected(): void {
    this.#db?.close();
    this.#db = undefined;
  }

  /** The stored records (owner mode), in the owner's order. */
  get records(): WalletRecord[] {
    return this.entries.flatMap((e) => (e.record ? [e.record] : []));
  }

  /** Sets state and re-renders. */
  #set(patch: Partial<WalletData>): void {
    Object.assign(this, patch);
    this.#w.host.requestUpdate();
  }

  #changed(): void {
    this.#w.host.dispatchEvent(new McWalletChangeEvent(this.records));
  }

  /**
   * Shows `items`: a display-mode list (summarised later, after the first render), or stored
   * records (with results computed here and not saved yet).
   */
  show(items: readonly WalletInput[]): void {
    this.#set({
      entries: items.map(({ input, record: r, stack }, i) => {
        const s = r?.summary ?? { name: '', type: 'Credential', text: '' };
        return {
          key: r?.key ?? `#${i}`,
          input,
          record: r,
          summary: stack ? { ...s, stack } : s,
          indexed: !!r,
          featured: r?.featured ?? false,
          hidden: r?.hidden ?? false,
          order: r?.order ?? i,
          verification: (r && this.#unsaved.get(r.key)) ?? r?.verification,
          checking: !!r && this.#checking.has(r.key),
        };
      }),
    });
  }

  /** Owner mode: opens the stored wallet `key` and shows it; without IndexedDB it lasts this visit. */
  async open(key: string, signal: AbortSignal): Promise<void> {
    try {
      const db = await (await loadOwner()).WalletStore.open(key);
      if (signal.aborted) return db.close();
      this.#db?.close();
      this.#db = db;
      this.#unsaved.clear();
      this.readOnly = db.readOnly ? 'newer' : undefined;
      // Another tab (or wallet) changed it: show what is stored now.
      // (Said with mc-wallet-change too: what is saved changed, e.g. for a progress tracker.)
      db.onchange = () => void this.#reload(db).then(() => this.#db === db && this.#changed());
      // A newer version opened it elsewhere: this connection is gone, nothing more can be saved.
      db.onclose = () => this.#db === db && this.#set({ readOnly: 'closed' });
      await this.#reload(db);
      // The owner kept in the wallet, unless the page set one.
      const { host } = this.#w;
      host.owner ||= await db.owner().catch(() => '');
      this.interrupted = await db.interruptedImport().catch(() => false);
    } catch {
      if (!signal.aborted) this.noStorage = true;
    }
  }

  /**
   * Shows what storage holds now. After a save (`seq`), only the latest save's reload counts: an
   * earlier one that finishes later would put back the order from before the newer change.
   */
  async #reload(db: Owner.WalletStore, seq?: number): Promise<void> {
    let snapshot: Owner.WalletSnapshot;
    try {
      snapshot = await db.read();
    } catch {
      return;
    }
    if (db !== this.#db || (seq !== undefined && seq !== this.#seq)) return;
    this.unreadable = snapshot.unreadable;
    this.#records(snapshot.records);
  }

  /** Owner mode: entries from stored records, in the owner's order. */
  #records(records: readonly WalletRecord[]): void {
    this.show(
      [...records].sort((a, b) => a.order - b.order).map((record) => ({ input: record.raw, record })),
    );
  }

  /**
   * Imports `sources` as one transaction (once `opened` settles: the store is open), says the
   * outcome, then verifies what was added.
   */
  async import(
    sources: readonly (ImportSource | File)[],
    opened: Promise<unknown>,
  ): Promise<readonly WalletImportResult[]> {
    const { host, os: ws, l, say } = this.#w;
    this.#set({ saveFailed: false, interrupted: false, importing: true, results: undefined });
    say(ws('importing', { count: l.number(sources.length) }));
    try {
      const owner = await loadOwner();
      await opened;
      const db = this.#db;
      const { results, saved } = await owner.importInto(db, sources, this.records, {
        fetch: host.fetch,
        now: host.now,
        owner: host.owner,
      });
      // What is stored now (another tab's changes included); without storage, this visit's list.
      if (db) await this.#reload(db);
      else if (saved.length) this.#records([...this.records, ...saved]);
      this.results = results;
      const count = (s: string) => results.filter((r) => r.status === s).length;
      const counts = {
        imported: l.number(count('imported')),
        duplicate: l.number(count('duplicate')),
        failed: l.number(results.length - count('imported') - count('duplicate')),
      };
      const others = results.filter((r) => r.otherRecipient).length;
      say(
        ws(
          count('not-saved') ? 'importNotSaved' : !db && saved.length ? 'importNotKept' : 'importDone',
          counts,
        ) + (others ? ' ' + ws('importElsewhere', { n: l.number(others) }) : ''),
      );
      host.dispatchEvent(new McImportedEvent(results));
      if (saved.length) {
        this.#changed();
        void this.verify(
          saved.map((r) => r.key),
          false,
        );
      }
      return results;
    } finally {
      this.#set({ importing: false });
    }
  }

  /**
   * Saves one change (owner mode): `write` gets the store. On success the wallet shows what is
   * stored and says so with `mc-wallet-change`; on failure it says the change was not saved and
   * shows what is stored (the change undone). Without storage at all, changes last this visit.
   */
  async #save(write: (db: Owner.WalletStore) => Promise<void>): Promise<boolean> {
    this.#set({ entries: [...this.entries] });
    const db = this.#db;
    const seq = ++this.#seq;
    // No storage at all (the banner says nothing is kept): the change lasts this visit, unsaved.
    if (!db) return true;
    let ok = true;
    try {
      if (this.readOnly) throw new DOMException('The wallet is read-only here.', 'ReadOnlyError');
      await write(db);
    } catch {
      ok = false;
    }
    this.#set({ saveFailed: !ok });
    await this.#reload(db, seq);
    if (ok) this.#changed();
    return ok;
  }

  /** Saves the curation fields of `changed` (each record re-read and only these fields written). */
  persist(changed: readonly WalletEntry[], fields: readonly Field[]): void {
    const patches = changed.map((e) => {
      const patch: Owner.WalletPatch = { key: e.key };
      for (const f of fields) (patch as Record<Field, unknown>)[f] = e[f];
      return patch;
    });
    void this.#save((db) => db.update(patches));
  }

  /** Features or hides an entry (or undoes it). */
  toggle(entry: WalletEntry, field: 'featured' | 'hidden'): void {
    entry[field] = !entry[field];
    this.persist([entry], [field]);
  }

  /** Asks to confirm removing `entry`, then (asked again) removes it; `true` once it is removed. */
  async remove(entry: WalletEntry): Promise<boolean> {
    if (this.confirm !== entry.key) {
      this.#set({ confirm: entry.key });
      return false;
    }
    this.confirm = undefined;
    if (!this.#db) this.entries = this.entries.filter((e) => e !== entry);
    if (!(await this.#save((db) => db.delete([entry.key])))) return false;
    this.#w.sayNamed(this.#w.os('removed', { name: '\0' }), entry);
    return true;
  }

  /** Sets whom the wallet belongs to (`''`: nobody) and keeps it in the stored wallet; `false` when that failed. */
  setOwner(owner: string): Promise<boolean> {
    this.#w.host.owner = owner;
    return this.#save((db) => db.setOwner(owner));
  }

  /** Verifies entries (by key), a few at a time, announcing progress and a summary in words. */
  async verify(keys: readonly string[], speak = true): Promise<void> {
    const { host, ws, l, say } = this.#w;
    const list = this.entries.filter((e) => keys.includes(e.key));
    if (!list.length || this.progress) return;
    const tell = (done: string | number, total: number) =>
      speak && say(ws('verifying', { done, total: l.number(total) }));
    this.progress = { done: 0, total: list.length };
    tell(0, list.length);
    for (const e of list) {
      e.checking = true;
      this.#checking.add(e.key);
    }
    this.#set({ entries: [...this.entries] });
    await (
      await loadOwner()
    ).verifyEntries(list, { fetch: host.fetch, now: host.now, workerUrl: host.verifyWorker }, (entry) => {
      entry.checking = false;
      this.#checking.delete(entry.key);
      if (host.editable && entry.verification) {
        this.#unsaved.set(entry.key, entry.verification);
        // The wallet may have been reloaded from storage meanwhile (another tab changed it).
        const shown = this.entries.find((e) => e.key === entry.key);
        if (shown && shown !== entry)
          Object.assign(shown, { checking: false, verification: entry.verification });
      }
      const done = this.progress!.done + 1;
      this.#set({ progress: { done, total: list.length }, entries: [...this.entries] });
      if (done % 10 === 0 || done === list.length) tell(l.number(done), list.length);
    });
    this.#set({ progress: undefined });
    const counts: Record<string, number> = {};
    for (const e of list) {
      const o = e.verification?.outcome ?? 'unknown';
      counts[o] = (counts[o] ?? 0) + 1;
    }
    const words = (
      ['verified', 'expired', 'revoked', 'suspended', 'notYetValid', 'invalid', 'unknown'] as const
    )
      .filter((o) => counts[o])
      .map((o) => ws(`sum.${o}`, { n: l.number(counts[o]!) }));
    if (speak) say(new Intl.ListFormat(l.locale, { type: 'unit' }).format(words));
    if (host.editable) await this.#saveResults(list);
  }

  /** Saves the results of `list` (only the results: nothing else of the records is written). */
  async #saveResults(list: readonly WalletEntry[]): Promise<void> {
    // Read-only here (the banner says so): the results stay for this visit.
    if (this.readOnly) return;
    const results = list.flatMap((e) =>
      e.verification ? [{ key: e.key, verification: e.verification }] : [],
    );
    if (await this.#save((db) => db.setVerifications(results)))
      for (const { key } of results) this.#unsaved.delete(key);
  }

  /** Records a verification made in the dialog (by its verify button). */
  record(entry: WalletEntry, outcome: WalletVerification['outcome']): void {
    const { host } = this.#w;
    entry.verification = { outcome, checked: (host.now ?? new Date()).toISOString() };
    if (host.editable) {
      this.#unsaved.set(entry.key, entry.verification);
      void this.#saveResults([entry]);
    } else this.#set({ entries: [...this.entries] });
  }
}

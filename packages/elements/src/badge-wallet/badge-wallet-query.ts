/**
 * The wallet's query, as a reactive controller: the search text and filters, and what they show —
 * the credentials matched, sorted and grouped (core's `matcher`, `sortItems`, `groupItems`) and the
 * filter menus' values. Recomputed before each render whose inputs changed; credentials given for
 * display are summarised in slices after the first render, so it is not held up.
 */
import type { ReactiveController } from 'lit';
import {
  facets,
  groupItems,
  matcher,
  normalizeCredential,
  sortItems,
  summarize,
  type WalletFacets,
  type WalletQuery,
} from '@microcred/core';
import type { WalletData } from './badge-wallet-data.js';
import type { WalletContext, WalletEntry } from './types.js';

/** Summarises one entry (normalising it once). */
export function index(entry: WalletEntry): void {
  if (entry.indexed) return;
  entry.indexed = true;
  try {
    entry.summary = summarize(normalizeCredential(entry.input), entry.summary.stack);
  } catch {
    // Unreadable: the card shows why; the entry keeps an empty summary.
  }
}

export class WalletQueryController implements ReactiveController {
  /** The search text and filters. */
  q: WalletQuery & { text: string } = { text: '' };
  /** The credentials the query shows, sorted. */
  shown: WalletEntry[] = [];
  /** `shown`, grouped (one group with key `''` when not grouping). */
  groups: { key: string; items: WalletEntry[] }[] = [];
  /** Every entry in the owner's order (owner mode, for the move buttons). */
  ordered: WalletEntry[] = [];

  #w: WalletContext;
  #data: WalletData;
  #inputs: unknown[] = [];
  #facets: { locale: string; value: WalletFacets } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(w: WalletContext, data: WalletData) {
    this.#w = w;
    this.#data = data;
    w.host.addController(this);
  }

  /** Changes the search or a filter (the last announcement gives way to the new count). */
  set(patch: Partial<WalletQuery>): void {
    this.#w.say('');
    this.q = { ...this.q, ...patch };
    this.#w.host.requestUpdate();
  }

  hostUpdate(): void {
    const { host } = this.#w;
    const entries = this.#data.entries;
    const inputs = [entries, this.q, host.groupBy, host.sortBy, host.editable, host.now];
    if (inputs.every((v, i) => v === this.#inputs[i])) return;
    if (entries !== this.#inputs[0]) {
      this.#facets = undefined;
      clearTimeout(this.#timer);
      if (entries.some((e) => !e.indexed)) this.#indexLater(0);
    }
    this.#inputs = inputs;
    this.#compute();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Whether anything but the owner's order decides what is shown. */
  get filtering(): boolean {
    const { text, issuer, type, year, status } = this.q;
    const { host } = this.#w;
    return !!(text || issuer || type || year || status) || host.groupBy !== 'none' || host.sortBy !== 'order';
  }

  /** Applies search, filters, sort and grouping. */
  #compute(): void {
    const { host, l } = this.#w;
    const entries = this.#data.entries;
    let list = host.editable ? entries : entries.filter((e) => !e.hidden);
    if (this.filtering) {
      list.forEach(index);
      list = list.filter(matcher(this.q, host.now ?? new Date()));
    }
    const collator = new Intl.Collator(l.locale, { sensitivity: 'base', numeric: true });
    this.ordered = host.editable ? sortItems(entries, 'order') : [];
    this.shown = sortItems(list, host.sortBy, collator);
    this.groups = groupItems(this.shown, host.groupBy, collator);
  }

  /** Summarises every entry in slices of ~8 ms after rendering. */
  #indexLater(from: number): void {
    this.#timer = setTimeout(() => {
      const entries = this.#data.entries;
      const end = performance.now() + 8;
      let i = from;
      for (; i < entries.length && performance.now() < end; i++) index(entries[i]!);
      if (i < entries.length) return this.#indexLater(i);
      // Every credential summarised: the filter menus can list them all.
      this.#facets = undefined;
      if (this.filtering) this.#compute();
      this.#w.host.requestUpdate();
    }, 0);
  }

  /** The filter menus' values, from the credentials summarised so far (kept until they change). */
  facets(): WalletFacets {
    const locale = this.#w.l.locale;
    if (this.#facets?.locale !== locale)
      this.#facets = {
        locale,
        value: facets(
          this.#data.entries.filter((e) => e.indexed),
          new Intl.Collator(locale, { sensitivity: 'base' }),
        ),
      };
    return this.#facets.value;
  }
}

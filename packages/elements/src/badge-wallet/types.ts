/** Shapes shared by `<mc-badge-wallet>`, its controllers, templates and lazy chunks (types only: no code). */
import type { ReactiveControllerHost } from 'lit';
import type {
  ImportItemResult,
  ImportSource,
  WalletGroup,
  WalletItem,
  WalletRecord,
  WalletSort,
  WalletSummary,
  WalletVerification,
} from '@microcred/core';
import type { LocalizeController, Translator } from '../i18n/localize.js';
import type { WalletStringKey } from './strings-en.js';
import type { WalletOwnerStringKey } from './strings-owner-en.js';

/** One credential shown by the wallet. */
export interface WalletEntry extends WalletItem {
  /** Stable key: the record's key in owner mode, the position otherwise. */
  key: string;
  /** What the card is given: the raw JSON text / compact JWS, or an object. */
  input: unknown;
  /** The stored record (owner mode, and display mode from a wallet file). */
  record?: WalletRecord;
  summary: WalletSummary;
  /** Whether `summary` has been computed (display mode summarises lazily). */
  indexed: boolean;
  featured: boolean;
  hidden: boolean;
  order: number;
  verification?: WalletVerification | undefined;
  /** Being verified right now. */
  checking?: boolean;
}

/** One import result: core's, and `otherRecipient` when it was awarded to someone other than the wallet's `owner`. */
export type WalletImportResult = ImportItemResult & { otherRecipient?: true };

/**
 * What the wallet's controllers and templates may use of the wallet: its public options, its
 * strings and locale, and its live region — never the element's internals.
 */
export interface WalletContext {
  /** The wallet, through its public options only. */
  host: WalletHost;
  /** The wallet's strings. */
  ws: Translator<WalletStringKey>;
  /** The owner wallet's strings (loaded in owner mode only). */
  os: Translator<WalletOwnerStringKey>;
  /** The wallet's language, locale and number formatting. */
  l: LocalizeController;
  /**
   * Says `text` in the wallet's live region: our words, or a sentence of ours with a credential's
   * name marked with its language inside (core `sentence`, WCAG 3.1.2).
   */
  say(text: string | readonly unknown[]): void;
  /** Says our sentence `text` (`'\0'` where the name goes) with `entry`'s name marked with its language in it. */
  sayNamed(text: string, entry: WalletEntry): void;
  /** The name shown for an entry (its summary, computed when first needed). */
  name(entry: WalletEntry): string;
}

/** The public options of `<mc-badge-wallet>` its controllers read. */
export interface WalletHost extends ReactiveControllerHost, HTMLElement {
  readonly editable: boolean;
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly now: Date | undefined;
  readonly verifyWorker: string;
  readonly groupBy: WalletGroup;
  readonly sortBy: WalletSort;
  readonly headingLevel: number;
  readonly label: string;
  /** Whom the owner's wallet belongs to (an email, a web address or an id), or `''`. */
  owner: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  verifyAll(): Promise<void>;
  openDetails(key: string): void;
  importItems(sources: readonly (ImportSource | File)[]): Promise<readonly ImportItemResult[]>;
}

/** What the wallet is doing: `empty` (nothing given), `loading`, `loaded` or `error` (as every element says). */
export type BadgeWalletState = 'empty' | 'loading' | 'loaded' | 'error';

/** The dialog's content: a credential (by key) or the import form. */
export type WalletDialog = { kind: 'details'; key: string } | { kind: 'import' };

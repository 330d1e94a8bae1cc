/**
 * The wallet's data model: what `<mc-badge-wallet>` keeps (one {@link WalletRecord} per credential),
 * what an import answers per item ({@link ImportItemResult}), and the short summary used to search,
 * filter, group and sort without normalising every credential again.
 */
import type { CredentialFormat } from '../model/credential-view.js';
import type { McErrorCode } from '../model/errors.js';

/**
 * The outcome of verifying a wallet credential, as shown in its status chip: `suspended` when its
 * issuer suspended it (a suspension may be lifted, a revocation is final; neither counts meanwhile);
 * `notYetValid` when it is authentic but its validity period has not begun (`validFrom`, or a
 * token's `nbf`, still ahead). A wallet saved by a version before one of these reads it as not
 * checked yet.
 */
export type WalletVerifyOutcome =
  'verified' | 'expired' | 'revoked' | 'suspended' | 'notYetValid' | 'invalid' | 'unknown';

/** The last verification of a record. */
export interface WalletVerification {
  outcome: WalletVerifyOutcome;
  /** When it was checked (ISO 8601). */
  checked: string;
}

/** Where a record came from. */
export interface WalletOrigin {
  kind: 'file' | 'text' | 'url' | 'wallet' | 'data';
  /** File name, when it came from a file. */
  name?: string;
  /** The address it was downloaded from, when it came from a URL (a public copy of the credential). */
  url?: string;
}

/** What the wallet searches, filters, groups and sorts by (derived from the credential, never stored as truth). */
export interface WalletSummary {
  name: string;
  /** The language the credential declared for its text (`inLanguage`, BCP 47), when it did: its name's. */
  language?: string;
  issuer?: string;
  issuerId?: string;
  /** OB 3.0 `achievementType`, or a format label (`Badge`, `Record`, `Credential`). */
  type: string;
  /** Year issued (UTC), when known. */
  year?: number;
  /** Issued (ISO 8601), when known. */
  issued?: string;
  /** Expires (ISO 8601), when known. */
  validUntil?: string;
  /** The stack or record this credential belongs to (e.g. the CLR it came in), when known. */
  stack?: string;
  /** Lower-case text searched by the wallet's search box. */
  text: string;
}

/** One credential kept in a wallet. Everything but `key`, `hash`, `format` and `summary` is exported. */
export interface WalletRecord {
  /** Primary key: `sha256:<hash>`. */
  key: string;
  /** The credential's own `id`, when it has one (duplicates are detected by it). */
  credentialId?: string;
  /** SHA-256 (hex) of the credential's JSON with keys sorted: the same content, however formatted. */
  hash: string;
  /** The credential exactly as imported: JSON text or a compact JWS. */
  raw: string;
  format: CredentialFormat;
  summary: WalletSummary;
  origin: WalletOrigin;
  /** When it was added (ISO 8601). */
  added: string;
  /** Shown first in the public view. */
  featured: boolean;
  /** Left out of the public view (still kept). */
  hidden: boolean;
  /** Position chosen by the owner (ascending). */
  order: number;
  /**
   * The last verification this wallet computed itself. Never read from a wallet file (nor written
   * to one): a stored "verified" proves nothing about the credential beside it.
   */
  verification?: WalletVerification;
}

/** The per-item answer of an import. */
export type ImportStatus =
  | 'imported'
  | 'duplicate'
  | 'not-a-credential'
  | 'unreadable-image'
  | 'no-badge'
  | 'unsupported-version'
  | 'unreadable'
  | 'too-large'
  | 'download-failed'
  | 'not-saved';

/** One thing to import: a file's bytes, pasted text, or an address. */
export type ImportSource =
  | { kind: 'file'; name: string; type?: string; size?: number; bytes?: Uint8Array }
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string }
  | { kind: 'data'; value: unknown; stack?: string };

/** What happened to one item of an import. */
export interface ImportItemResult {
  /** What the person gave, in their words: the file name, the address, or `text`. */
  label: string;
  status: ImportStatus;
  /** The underlying error code, when the item failed. */
  code?: McErrorCode;
  /** Plain-English detail for developers (elements translate `status`). */
  message?: string;
  /** The record to save (`imported`), or the one already in the wallet (`duplicate`). */
  record?: WalletRecord;
  /** Name of the credential, when it could be read. */
  name?: string;
}

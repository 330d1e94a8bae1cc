/**
 * The wallet export file: one JSON document holding every credential exactly as it was imported
 * (`raw`) with the owner's curation (featured, hidden, order) and history (added, origin). Derived
 * data (hash, summary) is not exported: it is recomputed on import, so a file cannot smuggle in a
 * summary that disagrees with its credential. Verification results are not exported either, and a
 * `verification` written in a file (by an older version, or by anyone) is ignored: a result is only
 * worth what the verifier that computed it, so a wallet shows only the results it computed itself.
 * Export → import is lossless for everything a file carries.
 */
// Namespace import keeps zod/mini tree-shaken (see schemas/common.ts).
import * as z from 'zod/mini';
import { McFormatError } from '../model/errors.js';
import { McSchemaError } from '../model/errors-remote.js';
import type { WalletOrigin, WalletRecord } from './types.js';

/** The `type` of a wallet export file. */
export const WALLET_EXPORT_TYPE = 'MicrocredWallet';
/** The format version written by {@link exportWallet}. */
export const WALLET_EXPORT_VERSION = 1;

/** One credential in a wallet export file. */
export interface WalletExportEntry {
  /** The credential as imported: JSON text or a compact JWS. */
  raw: string;
  featured?: boolean;
  hidden?: boolean;
  order?: number;
  added?: string;
  origin?: WalletOrigin;
}

/** A wallet export file. */
export interface WalletExport {
  type: typeof WALLET_EXPORT_TYPE;
  version: number;
  /** When the file was written (ISO 8601). */
  exported: string;
  credentials: WalletExportEntry[];
}

const isoDate = z
  .string()
  .check(z.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be a date' }));
const short = (max: number) => z.string().check(z.maxLength(max));

const EntrySchema = z.object({
  raw: z.string().check(z.minLength(1)),
  featured: z.optional(z.boolean()),
  hidden: z.optional(z.boolean()),
  order: z.optional(z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number' }))),
  added: z.optional(isoDate),
  origin: z.optional(
    z.object({
      kind: z.enum(['file', 'text', 'url', 'wallet', 'data']),
      name: z.optional(short(1024)),
      url: z.optional(short(8192)),
    }),
  ),
  // `verification` (written by version 1 files) is deliberately not read: unknown keys are dropped.
});

const ExportSchema = z.object({
  type: z.literal(WALLET_EXPORT_TYPE),
  version: z.number(),
  exported: z.optional(z.string()),
  credentials: z.array(z.unknown()),
});

/** True when `value` is (claims to be) a wallet export file. */
export function isWalletExport(value: unknown): value is { type: typeof WALLET_EXPORT_TYPE } {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === WALLET_EXPORT_TYPE;
}

/** Writes records as a wallet export file (JSON text), in the owner's order. */
export function exportWallet(records: readonly WalletRecord[], options: { now?: Date } = {}): string {
  const credentials: WalletExportEntry[] = [...records]
    .sort((a, b) => a.order - b.order)
    .map((r) => ({
      raw: r.raw,
      featured: r.featured,
      hidden: r.hidden,
      order: r.order,
      added: r.added,
      origin: { ...r.origin },
    }));
  const file: WalletExport = {
    type: WALLET_EXPORT_TYPE,
    version: WALLET_EXPORT_VERSION,
    exported: (options.now ?? new Date()).toISOString(),
    credentials,
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Reads a wallet export file (already parsed JSON). Each entry is either a valid
 * {@link WalletExportEntry} or an `McSchemaError` saying what is wrong with it, so one damaged entry
 * never hides the others.
 * @throws {McFormatError} `unsupported-format` for a newer file version; {@link McSchemaError} when the file itself is malformed.
 */
export function readWalletExport(value: unknown): (WalletExportEntry | McSchemaError)[] {
  const file = ExportSchema.safeParse(value);
  if (!file.success) {
    throw new McSchemaError(
      'This wallet file is damaged.',
      file.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  if (file.data.version > WALLET_EXPORT_VERSION) {
    throw new McFormatError(
      'unsupported-format',
      'This wallet file was written by a newer version of Microcred.',
    );
  }
  return file.data.credentials.map((item, index) => {
    const entry = EntrySchema.safeParse(item);
    if (entry.success) return entry.data as WalletExportEntry;
    return new McSchemaError(
      `Entry ${index + 1} of this wallet file is damaged.`,
      entry.error.issues.map((i) => ({ path: [index, ...i.path].join('.'), message: i.message })),
    );
  });
}

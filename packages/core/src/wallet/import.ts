/**
 * Importing into a wallet, DOM-free: classifies each thing a person gives (a file's bytes, pasted
 * text, an address, or data) as a credential to keep, a duplicate, or a clear failure, and builds
 * the records to save. Nothing is written here: the caller saves every `imported` record in one
 * transaction (see `<mc-badge-wallet>`'s store), so the wallet is never half-written.
 *
 * Reads baked PNG and SVG badges (Open Badges 2.0 and 3.0), JSON, compact JWS (VC-JWT, OB 2.0
 * signed), addresses (OB 3.0 JSON, OB 2.0 hosted assertions, CLR) and wallet export files.
 */
import { isPng, unbakePng } from '../bake/png.js';
import { isSvg, unbakeSvg } from '../bake/svg.js';
import type { BakedContent } from '../bake/png.js';
import type { CredentialView } from '../model/credential-view.js';
import { McError, type McErrorCode } from '../model/errors.js';
import { normalizeCredential } from '../normalize/normalize.js';
import { MAX_INPUT_SIZE } from '../parse/parse-input.js';
import { isWalletExport, readWalletExport, type WalletExportEntry } from './export.js';
import { contentHash } from './hash.js';
import { summarize } from './summary.js';
import type { ImportItemResult, ImportSource, ImportStatus, WalletOrigin, WalletRecord } from './types.js';

/** Largest file read (16 MB: the largest baked image read). Larger files are `too-large` unread. */
export const MAX_IMPORT_FILE = 16 * 1024 * 1024;
/** Most credentials read from one wallet file or list. */
export const MAX_IMPORT_ITEMS = 20_000;

/** Options of {@link importCredentials}. */
export interface ImportOptions {
  /** What the wallet already holds: duplicates are reported against these. */
  existing?: readonly WalletRecord[];
  /**
   * Downloads a credential (for addresses, and baked images that carry only an address). Without
   * it, such items are `download-failed`. Pass core's `fetchCredential` (or one bound to a client).
   */
  fetchCredential?: (url: string) => Promise<unknown>;
  /** When the records are added (default: now). */
  now?: Date;
  /** Reads a file's bytes when the source has none yet (e.g. `File.arrayBuffer()`), only after its size was checked. */
  readFile?: (source: Extract<ImportSource, { kind: 'file' }>) => Promise<Uint8Array>;
}

/** A credential found in a source, before duplicate checks. */
interface Found {
  label: string;
  /** The credential (JSON text, compact JWS, or an object from data/downloads). */
  value: unknown;
  origin: WalletOrigin;
  stack?: string;
  /** Curation carried by a wallet export file. */
  kept?: WalletExportEntry;
  /** Taken out of a presentation (whose credentials are not opened again). */
  held?: boolean;
}

type Failure = Omit<ImportItemResult, 'record'>;

const STATUS_OF: Partial<Record<McErrorCode, ImportStatus>> = {
  'unsupported-format': 'unsupported-version',
  'not-a-credential': 'not-a-credential',
  schema: 'not-a-credential',
  'too-large': 'too-large',
  unbake: 'unreadable-image',
  http: 'download-failed',
  network: 'download-failed',
  timeout: 'download-failed',
  aborted: 'download-failed',
};

const failure = (label: string, e: unknown, fallback: ImportStatus = 'unreadable'): Failure => {
  const code = e instanceof McError ? e.code : undefined;
  return {
    label,
    status: (code && STATUS_OF[code]) ?? fallback,
    ...(code ? { code } : {}),
    message: e instanceof Error ? e.message : String(e),
  };
};

const HTTP_URL = /^https?:\/\/\S+$/i;
const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** Expands a JSON value that holds several credentials (a wallet file or a list); else `undefined`. */
function expand(value: unknown, label: string, origin: WalletOrigin): (Found | Failure)[] | undefined {
  if (isWalletExport(value)) {
    let entries: ReturnType<typeof readWalletExport>;
    try {
      entries = readWalletExport(value);
    } catch (e) {
      return [failure(label, e, 'not-a-credential')];
    }
    return entries
      .slice(0, MAX_IMPORT_ITEMS)
      .map((entry, i) =>
        entry instanceof McError
          ? failure(`${label} #${i + 1}`, entry, 'not-a-credential')
          : { label: `${label} #${i + 1}`, value: entry.raw, origin: entry.origin ?? origin, kept: entry },
      );
  }
  if (Array.isArray(value)) {
    return value
      .slice(0, MAX_IMPORT_ITEMS)
      .map((item, i) => ({ label: `${label} #${i + 1}`, value: item, origin }));
  }
  return undefined;
}

/** Reads text that may hold JSON (one credential, a list, or a wallet file), a JWS or an address. */
async function fromText(
  text: string,
  label: string,
  origin: WalletOrigin,
  options: ImportOptions,
): Promise<(Found | Failure)[]> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (HTTP_URL.test(trimmed)) return fromUrl(trimmed, options, label);
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    // A wallet file or a list may be far larger than one credential's 2 MB limit.
    try {
      const expanded = expand(JSON.parse(trimmed), label, origin);
      if (expanded) return expanded;
    } catch {
      // Not JSON: normalizeCredential reports it below.
    }
  }
  return [{ label, value: trimmed, origin }];
}

async function fromUrl(url: string, options: ImportOptions, label = url): Promise<(Found | Failure)[]> {
  if (!HTTP_URL.test(url))
    return [failure(label, new McError('not-a-credential', 'This is not an http(s) address.'))];
  if (!options.fetchCredential) {
    return [failure(label, new McError('network', 'Downloading is not available here.'), 'download-failed')];
  }
  try {
    const value = await options.fetchCredential(url);
    const origin: WalletOrigin = { kind: 'url', url };
    return expand(value, label, origin) ?? [{ label, value, origin }];
  } catch (e) {
    return [failure(label, e, 'download-failed')];
  }
}

async function fromBaked(
  baked: BakedContent | undefined,
  label: string,
  origin: WalletOrigin,
  options: ImportOptions,
): Promise<(Found | Failure)[]> {
  if (!baked) return [{ label, status: 'no-badge', message: 'This image has no badge inside.' }];
  const text = baked.text.trim();
  if (HTTP_URL.test(text)) {
    const found = await fromUrl(text, options, label);
    return found.map((f) => ('value' in f ? { ...f, origin: { ...origin, url: text } } : f));
  }
  return [{ label, value: text, origin }];
}

async function fromFile(
  source: Extract<ImportSource, { kind: 'file' }>,
  options: ImportOptions,
): Promise<(Found | Failure)[]> {
  const label = source.name || 'file';
  const origin: WalletOrigin = { kind: 'file', name: source.name };
  const size = source.bytes?.byteLength ?? source.size ?? 0;
  if (size > MAX_IMPORT_FILE) {
    return [failure(label, new McError('too-large', 'This file is larger than 16 MB.'))];
  }
  let bytes = source.bytes;
  try {
    bytes ??= await options.readFile?.(source);
  } catch (e) {
    return [failure(label, e)];
  }
  if (!bytes) return [failure(label, new McError('empty-input', 'The file could not be read.'))];
  if (bytes.byteLength > MAX_IMPORT_FILE) {
    return [failure(label, new McError('too-large', 'This file is larger than 16 MB.'))];
  }
  if (bytes.byteLength === 0) return [failure(label, new McError('empty-input', 'This file is empty.'))];
  try {
    if (isPng(bytes)) return await fromBaked(await unbakePng(bytes), label, origin, options);
    // Image types that cannot carry a badge: say so instead of "not valid JSON".
    if (/^image\/(?!svg)/.test(source.type ?? '') || isOtherImage(bytes)) {
      return [failure(label, new McError('unbake', 'Only PNG and SVG images can carry a badge.'))];
    }
    const text = utf8(bytes);
    if (isSvg(text)) return await fromBaked(unbakeSvg(text), label, origin, options);
    if (/\.svg$/i.test(source.name) || source.type === 'image/svg+xml') {
      return [failure(label, new McError('unbake', 'This SVG image is damaged.'))];
    }
    return await fromText(text, label, origin, options);
  } catch (e) {
    return [failure(label, e)];
  }
}

/** JPEG, GIF or WebP signatures. */
function isOtherImage(b: Uint8Array): boolean {
  return (
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) ||
    (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) ||
    (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57)
  );
}

async function find(source: ImportSource, options: ImportOptions): Promise<(Found | Failure)[]> {
  switch (source.kind) {
    case 'file':
      return fromFile(source, options);
    case 'text':
      return fromText(source.text, 'text', { kind: 'text' }, options);
    case 'url':
      return fromUrl(source.url.trim(), options);
    case 'data': {
      const origin: WalletOrigin = { kind: 'data' };
      if (typeof source.value === 'string') return fromText(source.value, 'data', origin, options);
      const expanded = expand(source.value, 'data', origin);
      return (
        expanded ?? [
          { label: 'data', value: source.value, origin, ...(source.stack ? { stack: source.stack } : {}) },
        ]
      );
    }
  }
}

/** The exact text kept for a credential: text as given (trimmed), objects as JSON. */
const rawOf = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/^\uFEFF/, '').trim() : JSON.stringify(value);

/**
 * Reads one credential into a record (not yet checked for duplicates).
 * @throws {McError} when it is not a credential that a wallet can keep.
 */
export async function readCredential(
  value: unknown,
  init: { origin: WalletOrigin; added: string; order: number; stack?: string; kept?: WalletExportEntry },
): Promise<{ record: WalletRecord; view: CredentialView }> {
  const raw = rawOf(value);
  if (raw.length > MAX_INPUT_SIZE) throw new McError('too-large', 'This credential is larger than 2 MB.');
  const view = normalizeCredential(typeof value === 'string' ? raw : value);
  if (view.kind !== 'credential') {
    throw new McError(
      'not-a-credential',
      'This describes a badge or achievement, but it was not awarded to anyone: there is nothing to keep.',
    );
  }
  const hash = await contentHash(view.jws ?? view.source);
  const { kept } = init;
  const record: WalletRecord = {
    key: `sha256:${hash}`,
    hash,
    raw,
    format: view.format,
    summary: summarize(view, init.stack),
    origin: kept?.origin ?? init.origin,
    added: kept?.added ?? init.added,
    featured: kept?.featured ?? false,
    hidden: kept?.hidden ?? false,
    order: kept?.order ?? init.order,
  };
  if (view.id) record.credentialId = view.id;
  // Never `kept.verification`: a result found in a file is a claim, not a check (see export.ts).
  return { record, view };
}

/**
 * Classifies everything given and builds the records to save, in order. Each source gives one
 * result, or one per credential for a wallet file or a list. Duplicates (same credential `id`, or
 * the same content however formatted) are reported against the wallet and against earlier items
 * of the same import. Never throws: every problem is a result with a `status`.
 */
export async function importCredentials(
  sources: readonly ImportSource[],
  options: ImportOptions = {},
): Promise<ImportItemResult[]> {
  const byId = new Map<string, WalletRecord>();
  const byHash = new Map<string, WalletRecord>();
  let order = 0;
  for (const r of options.existing ?? []) {
    if (r.credentialId) byId.set(r.credentialId, r);
    byHash.set(r.hash, r);
    order = Math.max(order, r.order + 1);
  }
  const added = (options.now ?? new Date()).toISOString();
  const results: ImportItemResult[] = [];
  for (const source of sources) {
    let found: (Found | Failure)[];
    try {
      found = await find(source, options);
    } catch (e) {
      found = [
        failure(source.kind === 'file' ? source.name : source.kind === 'url' ? source.url : source.kind, e),
      ];
    }
    for (const item of found) {
      if (!('value' in item)) {
        results.push(item);
        continue;
      }
      try {
        const { record } = await readCredential(item.value, {
          origin: item.origin,
          added,
          order,
          ...(item.stack ? { stack: item.stack } : {}),
          ...(item.kept ? { kept: item.kept } : {}),
        });
        const existing = byHash.get(record.hash) ?? (record.credentialId && byId.get(record.credentialId));
        if (existing) {
          results.push({
            label: item.label,
            status: 'duplicate',
            record: existing,
            name: record.summary.name,
            message:
              existing.hash === record.hash
                ? 'The wallet already has this credential.'
                : 'The wallet already has a credential with this id.',
          });
          continue;
        }
        if (record.credentialId) byId.set(record.credentialId, record);
        byHash.set(record.hash, record);
        order = Math.max(order, record.order) + 1;
        results.push({ label: item.label, status: 'imported', record, name: record.summary.name });
      } catch (e) {
        // A presentation: each credential it holds is imported on its own (looked for only now).
        const held =
          !item.held &&
          (await import('./presentation-items.js').then(
            (m) => m.presentationItems(item.value),
            () => undefined,
          ));
        if (held)
          found.push(
            ...held.map((value, i) => ({ ...item, label: `${item.label} #${i + 1}`, value, held: true })),
          );
        else results.push(failure(item.label, e));
      }
    }
  }
  return results;
}

/** `parseCatalog`: JSON catalog feed, CSV or CTDL JSON-LD, detected from the input. */
import { McError } from '../model/errors.js';
import { parseCatalogCsv } from './csv.js';
import { isCtdl, parseCatalogCtdl } from './ctdl.js';
import { parseCatalogFeed } from './feed.js';
import type { Catalog } from './types.js';

/** Largest JSON catalog accepted (characters). */
export const MAX_CATALOG_LENGTH = 10_000_000;

/** Options of {@link parseCatalog}. */
export interface ParseCatalogOptions {
  /** The format, when known (e.g. from a `Content-Type`); detected from the input otherwise. */
  format?: 'json' | 'csv' | 'ctdl';
}

/**
 * Reads a catalog from a parsed JSON value, JSON text or CSV text. Entries that cannot be used are
 * skipped and listed in `issues`; only input that is not a catalog at all throws.
 * @throws {McError} `invalid-json`, `too-large`, `empty-input` or `schema`.
 */
export function parseCatalog(input: unknown, options: ParseCatalogOptions = {}): Catalog {
  let data = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '').trim();
    if (!text) throw new McError('empty-input', 'The catalog is empty.');
    if (text.length > MAX_CATALOG_LENGTH) throw new McError('too-large', 'The catalog is too large.');
    const json = options.format ? options.format !== 'csv' : /^[[{]/.test(text);
    if (!json) return parseCatalogCsv(text);
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new McError('invalid-json', 'The catalog is not valid JSON.', { cause: e });
    }
  }
  if (data == null) throw new McError('empty-input', 'The catalog is empty.');
  return options.format === 'ctdl' || (options.format !== 'json' && isCtdl(data))
    ? parseCatalogCtdl(data)
    : parseCatalogFeed(data);
}

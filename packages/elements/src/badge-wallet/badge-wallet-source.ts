/**
 * Reading a display-mode wallet's `src` (a lazy chunk, loaded by a visitor's wallet that has one):
 * a JSON array, a wallet export file, a CLR 2.0 credential, an OB 3.0 API `credentials` response or
 * one credential, downloaded within a time limit or read through a provider's client. Apart from
 * the owner chunk, so a visitor never downloads imports and IndexedDB.
 */
import {
  isWalletExport,
  McError,
  McHttpError,
  McTimeoutError,
  readCredential,
  readWalletExport,
  type WalletRecord,
} from '@microcred/core';
import { readBodyText } from '@microcred/core/fetch/read-body.js';
import { providedValue } from '../provider/provider-context.js';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const types = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** Time limit of reading `src` (as the card's and the catalog's downloads): 15 seconds. */
export const SOURCE_TIMEOUT_MS = 15_000;
/** Largest `src` document read (a wallet file may hold many credentials). */
const MAX_SOURCE_SIZE = 64 * 1024 * 1024;
const SOURCE_ACCEPT = 'application/json, application/ld+json;q=0.9, text/plain;q=0.5';

/**
 * Downloads `url` as text within `timeoutMs` (the limit covers the body too), cancelled by
 * `signal`, with the same typed errors as core's downloads.
 */
async function downloadText(
  url: string,
  fetcher: typeof fetch,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<string> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  const fail = (e: unknown): McError =>
    timedOut
      ? new McTimeoutError(
          'timeout',
          `The address ${url} did not answer within ${timeoutMs / 1000} seconds.`,
          {
            cause: e,
          },
        )
      : new McError(signal.aborted ? 'aborted' : 'network', 'The credentials could not be downloaded.', {
          cause: e,
        });
  try {
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    const response = await fetcher(url, { signal: controller.signal, headers: { accept: SOURCE_ACCEPT } });
    if (!response.ok)
      throw new McHttpError(response.status, url, `The address answered HTTP ${response.status}.`);
    // Capped while it is read: the stream is cancelled past the cap, never read whole first.
    return await readBodyText(
      response,
      MAX_SOURCE_SIZE,
      () => new McError('too-large', 'The credentials file is too large.'),
    );
  } catch (e) {
    throw e instanceof McError ? e : fail(e);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

/** Most credentials a display-mode wallet reads from an OB 3.0 API (every page up to this many). */
export const MAX_SOURCE_CREDENTIALS = 10_000;

/**
 * Reads the display-mode list at `url` for `host`: a JSON array, a wallet export file (with its
 * curation), a CLR 2.0 credential (its credentials, grouped under its name as the stack), an OB 3.0
 * API `credentials` response, or one credential.
 *
 * Inside an `<mc-provider>` whose client serves the OB 3.0 API at `url` (`<base>/credentials`), the
 * client reads it: with its token, retries and every page (up to {@link MAX_SOURCE_CREDENTIALS}).
 * Anything else is downloaded with `fetcher`, else the provider's `fetch`, else `fetch`, within
 * `timeoutMs` (default {@link SOURCE_TIMEOUT_MS}).
 * @throws {McError} `timeout`, `aborted`, `network`, `http` (an `McHttpError`) or `too-large`.
 */
export async function loadSource(
  host: Element,
  url: string,
  fetcher: typeof fetch | undefined,
  signal: AbortSignal,
  timeoutMs = SOURCE_TIMEOUT_MS,
): Promise<{ input: unknown; record?: WalletRecord; stack?: string }[]> {
  let provided = providedValue(host);
  // A provider given only a base-url makes its client on first use: wait for it.
  if (provided?.pending) {
    await provided.pending;
    provided = providedValue(host);
  }
  const client = provided?.client;
  if (client?.baseUrl && url.replace(/[?#][\s\S]*$/, '') === `${client.baseUrl}/credentials`) {
    const items: { input: unknown }[] = [];
    for await (const input of client.credentials({ signal })) {
      items.push({ input });
      if (items.length >= MAX_SOURCE_CREDENTIALS) break;
    }
    return items;
  }
  const text = await downloadText(url, fetcher ?? provided?.fetch ?? fetch, signal, timeoutMs);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [{ input: text.trim() }];
  }
  if (isWalletExport(data)) {
    const items: { input: unknown; record: WalletRecord }[] = [];
    for (const [i, entry] of readWalletExport(data).entries()) {
      if (entry instanceof McError) continue;
      try {
        const { record } = await readCredential(entry.raw, {
          origin: entry.origin ?? { kind: 'wallet' },
          added: entry.added ?? new Date(0).toISOString(),
          order: entry.order ?? i,
          kept: entry,
        });
        items.push({ input: entry.raw, record });
      } catch {
        // an entry that is not a credential is left out of the public view
      }
    }
    return items;
  }
  if (Array.isArray(data)) return data.map((input) => ({ input }));
  if (isObj(data) && (Array.isArray(data['credential']) || Array.isArray(data['compactJwsString']))) {
    return [...types(data['credential'] ?? []), ...types(data['compactJwsString'] ?? [])].map((input) => ({
      input,
    }));
  }
  if (isObj(data) && types(data['type']).includes('ClrCredential')) {
    const subject = isObj(data['credentialSubject']) ? data['credentialSubject'] : {};
    const stack = typeof data['name'] === 'string' ? data['name'] : undefined;
    return types(subject['verifiableCredential'] ?? []).map((input) => ({
      input,
      ...(stack ? { stack } : {}),
    }));
  }
  return [{ input: data }];
}

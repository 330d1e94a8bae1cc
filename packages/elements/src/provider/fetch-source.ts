/**
 * How an element downloads its `src`: through the nearest `<mc-provider>`'s client when there is
 * one (its fetch, timeout and retries), else with core's `fetchCredential`. A lazy chunk: elements
 * import it only when they have a `src`.
 */
import { fetchCredential } from '@microcred/core/fetch/fetch-credential.js';
import { providedValue } from './provider-context.js';

/** Downloads the credential at `url` for `host`. */
export function fetchSource(host: Element, url: string, signal: AbortSignal): Promise<unknown> {
  const client = providedValue(host)?.client;
  return client ? client.fetchCredential(url, { signal }) : fetchCredential(url, { signal });
}

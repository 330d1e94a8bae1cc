/**
 * Shared by the vendor app tests: a real public vector (valid, did:key, no status, no expiry, so it
 * verifies without any network), the clock it is judged at, and small waits on callbacks.
 */
export { vectorFetch } from '../../demo/src/vector-fetch.js';

/** Valid eddsa-rdfc-2022 OB 3.0 credential, did:key, no status, no expiry → verified offline. */
export const VALID =
  '/vectors/vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json';

/** The instant verification is judged at (the vectors' reference runs used it). */
export const NOW = new Date('2026-11-22T12:00:00Z');

/** Fetches a vector as JSON. */
export async function vectorJson(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A promise and the callback that settles it (the app calls the callback). */
export function callback<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The shadow root's text of `el`, whitespace collapsed. */
export function shadowText(el: Element | null): string {
  return (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Resolves once `el` (a Lit element) has no pending update. */
export async function settled(el: Element | null): Promise<void> {
  await (el as (Element & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
}

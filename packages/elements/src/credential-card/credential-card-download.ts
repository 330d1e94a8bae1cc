/**
 * The card's download of its `src`, on `@lit/task`: a lazy chunk, loaded with the first card that
 * has a `src` (with the fetching code it needs anyway), so a card given its credential as a
 * property or inline JSON never downloads the task machinery. The task aborts the download under
 * way when `src` changes (or the card is given its credential another way) and hands the card what
 * it downloaded or the error.
 */
import { initialState, Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

export { fetchSource } from '../provider/fetch-source.js';

/** The card's download task: its argument is the address to download, or `false` for none. */
export type Download = Task<[string | false], unknown>;

/** What the download task reads from the card. */
export interface DownloadHost extends ReactiveControllerHost {
  credential: unknown;
  src: string;
}

/**
 * Adds the download task to `card` (it runs at the card's next update, and again whenever the
 * address changes): `fetch` downloads an absolute URL (the card's `fetchSource`, which subclasses
 * may replace), `done` receives what was downloaded, `failed` the error.
 */
export const download = (
  card: DownloadHost,
  fetch: (url: string, signal: AbortSignal) => Promise<unknown>,
  done: (data: unknown) => void,
  failed: (error: unknown) => void,
): Download =>
  new Task(card, {
    args: () => [card.credential == null && card.src],
    task: ([src], { signal }) => (src ? fetch(new URL(src, document.baseURI).href, signal) : initialState),
    onComplete: done,
    onError: failed,
  });

/**
 * The card's download of its `src`, on `@lit/task`: a lazy chunk, loaded with the first card that
 * has a `src` (with the fetching code it needs anyway), so a card given its credential as a
 * property or inline JSON never downloads the task machinery. The task aborts the download under
 * way when `src` changes (or the card is given its credential another way) and hands the card the
 * normalised credential or the error.
 */
import { initialState, Task } from '@lit/task';
import { normalizeCredential, type CredentialView } from '@microcred/core';
import type { ReactiveControllerHost } from 'lit';

/** The card's download task: its argument is the address to download, or `false` for none. */
export type Download = Task<[string | false], CredentialView>;

/** What the card gives its download task. */
export interface DownloadOptions {
  /** The address to download now (the card's `src` when it has no `credential`), else `false`. */
  args: () => [string | false];
  /** Downloads an absolute URL (the card's `fetchSource`, which subclasses may replace). */
  fetch: (url: string, signal: AbortSignal) => Promise<unknown>;
  onComplete: (view: CredentialView) => void;
  onError: (error: unknown) => void;
}

/** Adds the download task to `host` (it runs at the host's next update). */
export const download = (host: ReactiveControllerHost, o: DownloadOptions): Download =>
  new Task(host, {
    args: o.args,
    task: async ([src], { signal }) =>
      src ? normalizeCredential(await o.fetch(new URL(src, document.baseURI).href, signal)) : initialState,
    onComplete: o.onComplete,
    onError: o.onError,
  });

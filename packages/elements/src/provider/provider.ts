import { css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import type { ClientOptions, McClient } from '@microcred/core';
import { McElement } from '../internal/mc-element.js';
import { providerContext } from './provider-context.js';

/**
 * Shares a configured client, the language and host options with every Microcred element inside
 * it, through `@lit/context` (elements never look their way up the DOM). Optional: elements work
 * without it. It renders nothing of its own (`display: contents`).
 *
 * Give it a client made with `createClient()` (for tokens, retries, timeouts or a custom `fetch`),
 * or just a `base-url` and it makes one (loaded on first use). Elements with `src` then download
 * through that client. Set `lang` on it to set the language of everything inside.
 *
 * ```html
 * <mc-provider base-url="https://issuer.example/ims/ob/v3p0" lang="es">
 *   <mc-credential-card src="https://issuer.example/credentials/1"></mc-credential-card>
 * </mc-provider>
 * ```
 *
 * @tag mc-provider
 * @summary Shares a client, language and options with the elements inside.
 * @slot - The elements that use the shared client and options.
 */
export class McProvider extends McElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    client: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    fetch: { attribute: false },
    options: { attribute: false },
  };

  /** The client to share (from `createClient()`); takes precedence over `base-url`. Property only. */
  client: McClient | undefined;
  /** The OB 3.0 API base URL; when no `client` is set, the provider creates one for it. */
  baseUrl = '';
  /** The `fetch` elements use for other look-ups (e.g. verification); defaults to the client's. Property only. */
  fetch: typeof globalThis.fetch | undefined;
  /** Host options passed on to the elements inside (free-form). Property only. */
  options: Readonly<Record<string, unknown>> = {};

  private readonly provider = new ContextProvider(this, { context: providerContext });
  /** The client made for `base-url`. */
  private made: McClient | undefined;
  private making = 0;
  /** The making of the client for `base-url`, until it is done. */
  private clientJob: Promise<void> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('baseUrl') || changed.has('fetch')) && !this.client) this.clientJob = this.makeClient();
  }

  private async makeClient(): Promise<void> {
    const job = ++this.making;
    const baseUrl = this.baseUrl.trim();
    if (!baseUrl) {
      this.made = undefined;
      return;
    }
    const { createClient } = await import('@microcred/core/client/client.js');
    if (job !== this.making) return;
    try {
      const options: ClientOptions = { baseUrl };
      if (this.fetch) options.fetch = this.fetch;
      this.made = createClient(options);
    } catch {
      this.made = undefined; // not an http(s) URL: elements fall back to their own downloads
    }
    this.requestUpdate();
    await this.updateComplete; // settles `pending` once the elements inside can read the client
  }

  protected override updated(): void {
    const client = this.client ?? this.made;
    const fetch = this.fetch ?? client?.fetch;
    this.provider.setValue({
      ...(client ? { client } : {}),
      ...(!client && this.clientJob ? { pending: this.clientJob } : {}),
      ...(fetch ? { fetch } : {}),
      locale: this.localize.lang,
      options: this.options,
    });
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }
}

import { expect, html } from '@open-wc/testing';
import { createClient, type McClient } from '@microcred/core';
import type { McCredentialCard } from '@microcred/elements';
import { McProvider, providedValue } from '@microcred/elements';
import '@microcred/elements/provider/mc-provider.js';
import '@microcred/elements/credential-card/mc-credential-card.js';
import { mount, settled, unmountAll } from './helpers/dom.js';

const SIMPLE =
  '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources/ob30/simple.json';

/** A client whose fetch records every URL it is asked for. */
function recordingClient(): { client: McClient; seen: string[] } {
  const seen: string[] = [];
  const client = createClient({
    fetch: (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    },
  });
  return { client, seen };
}

/** Waits until a card has finished loading (or failed), by its events. */
async function loaded(card: McCredentialCard): Promise<void> {
  if (card.state === 'loaded' || card.state === 'error') return;
  await new Promise<void>((resolve) => {
    card.addEventListener('mc-load', () => resolve(), { once: true });
    card.addEventListener('mc-error', () => resolve(), { once: true });
  });
}

describe('<mc-provider>', () => {
  afterEach(unmountAll);

  it('is registered, renders only its children (display: contents) and is accessible', async () => {
    const el = await mount<McProvider>(html`<mc-provider><p>inside</p></mc-provider>`);
    expect(el).to.be.instanceOf(McProvider);
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shares its client, fetch, language and options through context', async () => {
    const { client } = recordingClient();
    const f: typeof fetch = (input, init) => fetch(input, init);
    const el = await mount<McProvider>(
      html`<mc-provider lang="es" .client=${client} .fetch=${f} .options=${{ variant: 'compact' }}
        ><div><span></span></div
      ></mc-provider>`,
    );
    const value = providedValue(el.querySelector('span')!);
    expect(value?.client).to.equal(client);
    expect(value?.fetch).to.equal(f);
    expect(value?.locale).to.equal('es');
    expect(value?.options).to.deep.equal({ variant: 'compact' });
  });

  it('gives nothing to elements outside it', async () => {
    const outside = await mount<HTMLElement>(html`<span></span>`);
    expect(providedValue(outside)).to.equal(undefined);
  });

  it('makes a client for base-url, and the fetch defaults to the client’s', async () => {
    const el = await mount<McProvider>(
      html`<mc-provider base-url="https://issuer.example/ims/ob/v3p0/"><i></i></mc-provider>`,
    );
    // The provider shares the making of its client as `pending` until the client is there.
    await providedValue(el.querySelector('i')!)?.pending;
    await settled(el);
    const value = providedValue(el.querySelector('i')!);
    expect(value?.client?.baseUrl).to.equal('https://issuer.example/ims/ob/v3p0');
    expect(value?.fetch).to.equal(value?.client?.fetch);
  });

  it('an invalid base-url gives no client (elements fall back to their own downloads)', async () => {
    const el = await mount<McProvider>(
      html`<mc-provider base-url="javascript:alert(1)"><i></i></mc-provider>`,
    );
    await providedValue(el.querySelector('i')!)?.pending;
    await settled(el);
    expect(providedValue(el.querySelector('i')!)?.client).to.equal(undefined);
  });

  it('a card with src inside downloads through the provided client', async () => {
    const { client, seen } = recordingClient();
    const el = await mount<McProvider>(
      html`<mc-provider .client=${client}
        ><mc-credential-card src=${SIMPLE}></mc-credential-card
      ></mc-provider>`,
    );
    const card = el.querySelector('mc-credential-card')!;
    await loaded(card);
    expect(card.state).to.equal('loaded');
    expect(card.view?.name).to.equal('Teamwork Badge');
    expect(seen.some((u) => u.endsWith('/ob30/simple.json'))).to.equal(true);
  });

  it('a card with src outside a provider still downloads by itself', async () => {
    const card = await mount<McCredentialCard>(html`<mc-credential-card src=${SIMPLE}></mc-credential-card>`);
    await loaded(card);
    expect(card.state).to.equal('loaded');
  });
});

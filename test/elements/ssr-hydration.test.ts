// Hydration of server-rendered elements (issue 16): the page shows the server's HTML (declarative
// shadow DOM) before the element is defined; the element hydrates it once its strings have loaded,
// and nothing in between flashes (no empty card, no message keys, no other language). The markup
// is test/ssr/card-loading.html, which test/ssr/elements.test.ts checks is what @lit-labs/ssr
// renders today.
//
// Lit's hydration support must load before LitElement is defined, so it is this file's first import.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { McCredentialCard } from '@microcred/elements';

/** Message keys that must never be shown (a key shows when its string was not loaded). */
const keys = /\b(loading|issuedBy|errorTitle|error\.[a-z-]+|untitled)\b/;

describe('hydrating a server-rendered card', () => {
  it('keeps the server text until it hydrates, then loads: no flash, no keys, one shadow root', async () => {
    const markup = await (await fetch('/test/ssr/card-loading.html')).text();
    const host = document.createElement('div');
    document.body.append(host);
    // Parsed as a page would be: the <template shadowrootmode> becomes the card's shadow root.
    host.setHTMLUnsafe(markup);
    const card = host.querySelector('mc-credential-card') as McCredentialCard;
    const root = card.shadowRoot!;
    expect(root, 'declarative shadow root before the element is defined').to.not.equal(null);
    const words = (): string => root.textContent!.replace(/\s+/g, ' ').trim();
    expect(words()).to.equal('Loading credential…');

    // Every text the shadow root shows from now on, as it changes.
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(words()));
    observer.observe(root, { childList: true, subtree: true, characterData: true });

    const loaded = oneEvent(card, 'mc-load');
    await import('@microcred/elements/credential-card/mc-credential-card.js');
    await loaded;
    await card.updateComplete;
    observer.disconnect();

    expect(card.shadowRoot, 'the server’s shadow root is kept (hydrated, not replaced)').to.equal(root);
    expect(card.state).to.equal('loaded');
    expect(words()).to.contain('Issued by');
    for (const text of seen) {
      expect(text, 'never empty while hydrating').to.not.equal('');
      expect(text, 'never a message key').to.not.match(keys);
    }
    // Until the credential arrived, the loading text stayed (hydration changed nothing visible).
    const before = seen.slice(
      0,
      seen.findIndex((t) => t.includes('Issued by')),
    );
    for (const text of before) expect(text).to.equal('Loading credential…');
    host.remove();
  });
});

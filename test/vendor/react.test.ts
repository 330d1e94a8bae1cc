// A React 19 app (test/vendor/react-app.tsx, bundled by esbuild as an app's bundler would) renders
// Microcred tags directly and through @microcred/react in Chromium: the card shows the credential's
// text, typed event handlers fire, and objects reach the elements as properties, not strings.
import { expect } from '@open-wc/testing';
import type { McCredentialCard, McLoadEvent, VerifyOutcome } from '@microcred/elements';
import type { Root } from 'react-dom/client';
import { mountReactApp } from './react-app.js';
import { NOW, VALID, callback, settled, shadowText, vectorFetch, vectorJson } from './helpers.js';

describe('React 19 app with Microcred elements', () => {
  let root: Root | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    root?.unmount();
    host?.remove();
  });

  it('renders the card, fires typed handlers and passes objects as properties', async () => {
    const credential = await vectorJson(VALID);
    const rawLoad = callback<string>();
    const wrappedLoad = callback<McLoadEvent>();
    const verified = callback<VerifyOutcome>();
    host = document.body.appendChild(document.createElement('div'));
    root = mountReactApp(host, {
      credential,
      now: NOW,
      fetch: vectorFetch(),
      onRawLoad: rawLoad.resolve,
      onWrappedLoad: wrappedLoad.resolve,
      onVerified: verified.resolve,
    });

    // onmc-load on the tag itself (React 19's custom-element events), typed McLoadEvent.
    const name = await rawLoad.promise;
    const achievement = { name: credential['name'] as string };
    expect(name).to.equal(achievement.name);
    const raw = host.querySelector<McCredentialCard>('#raw')!;
    await settled(raw);
    expect(shadowText(raw)).to.contain(achievement.name);
    // The object itself, set as a property (React 19 sets what the element has as a property).
    expect(raw.credential).to.equal(credential);
    expect(raw.hasAttribute('credential')).to.equal(false);
    expect(raw.now).to.equal(NOW);
    expect(raw.variant).to.equal('compact');
    expect(raw.headingLevel).to.equal(2);
    expect(raw.state).to.equal('loaded');

    // onMcLoad on the @microcred/react wrapper: the event object, typed.
    const event = await wrappedLoad.promise;
    expect(event.type).to.equal('mc-load');
    expect(event.view.name).to.equal(achievement.name);
    const wrapped = host.querySelector<McCredentialCard>('#wrapped')!;
    await settled(wrapped);
    expect(wrapped.credential).to.equal(credential);
    expect(wrapped.headingLevel).to.equal(3);
    expect(shadowText(wrapped)).to.contain(achievement.name);
    expect(wrapped.shadowRoot!.querySelector('h3')?.textContent).to.contain(achievement.name);

    // The wrapped verify button: a click verifies with the fetch given as a property; onMcVerified.
    const button = wrapped.querySelector('mc-verify-button')!;
    await settled(button);
    expect((button as unknown as { fetch: unknown }).fetch).to.be.a('function');
    button.shadowRoot!.querySelector('button')!.click();
    expect(await verified.promise).to.equal('verified');
  });
});

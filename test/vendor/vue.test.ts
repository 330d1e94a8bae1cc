// A Vue 3 app (test/vendor/VueApp.vue, compiled ahead of time and bundled by esbuild as an app's
// bundler would) renders Microcred tags in Chromium: the card shows the credential's text, the
// typed @mc-load and @mc-verified handlers fire, and bound objects reach the elements as properties.
import { expect } from '@open-wc/testing';
import type { McCredentialCard, VerifyOutcome } from '@microcred/elements';
import type { App } from 'vue';
import { mountVueApp } from './vue-app.js';
import { NOW, VALID, callback, settled, shadowText, vectorFetch, vectorJson } from './helpers.js';

describe('Vue 3 app with Microcred elements', () => {
  let app: App | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    app?.unmount();
    host?.remove();
  });

  it('renders the card, fires typed handlers and passes objects as properties', async () => {
    const credential = await vectorJson(VALID);
    const loaded = callback<string>();
    const verified = callback<VerifyOutcome>();
    host = document.body.appendChild(document.createElement('div'));
    app = mountVueApp(host, {
      credential,
      now: NOW,
      fetch: vectorFetch(),
      onLoaded: loaded.resolve,
      onVerified: verified.resolve,
    });

    const name = await loaded.promise;
    const achievement = { name: credential['name'] as string };
    expect(name).to.equal(achievement.name);
    const card = host.querySelector<McCredentialCard>('#vue-card')!;
    await settled(card);
    expect(shadowText(card)).to.contain(achievement.name);
    // Vue sets a bound value as a property when the element has it: the object, not "[object Object]".
    expect(card.credential).to.equal(credential);
    expect(card.hasAttribute('credential')).to.equal(false);
    expect(card.now).to.equal(NOW);
    expect(card.headingLevel).to.equal(2);
    expect(card.shadowRoot!.querySelector('h2')?.textContent).to.contain(achievement.name);

    const button = card.querySelector('mc-verify-button')!;
    await settled(button);
    button.shadowRoot!.querySelector('button')!.click();
    expect(await verified.promise).to.equal('verified');
  });
});

import { expect } from '@open-wc/testing';
import '../../packages/embed/src/autoloader.js';

describe('autoloader', () => {
  it('defines nothing until a Microcred tag appears', () => {
    expect(customElements.get('mc-credential-card')).to.equal(undefined);
  });

  it('defines <mc-credential-card> when one is inserted later (as in a single-page app)', async () => {
    const host = document.createElement('section');
    host.innerHTML = '<div><mc-credential-card></mc-credential-card></div>';
    document.body.append(host);
    const ctor = await customElements.whenDefined('mc-credential-card');
    const el = host.querySelector('mc-credential-card')!;
    expect(el).to.be.instanceOf(ctor);
    host.remove();
  });
});

describe('autoloader discover(root)', () => {
  it('defines a tag inside a shadow root it was given, also one added there later', async () => {
    const { discover } = await import('../../packages/embed/src/autoloader.js');
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    discover(root);
    // Not there yet: added after discover, as a component that renders later would.
    expect(customElements.get('mc-progress-tracker')).to.equal(undefined);
    root.innerHTML = '<section><mc-progress-tracker></mc-progress-tracker></section>';
    const ctor = await customElements.whenDefined('mc-progress-tracker');
    expect(root.querySelector('mc-progress-tracker')).to.be.instanceOf(ctor);
    host.remove();
  });
});

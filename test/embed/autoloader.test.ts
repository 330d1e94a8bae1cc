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

// Language of parts (issue 13 item 3, WCAG 3.1.2): "The human language of each passage or phrase in
// the content can be programmatically determined". An image's text alternative is such a phrase:
// the card gives its <img> the language the issuer declared (inLanguage), as it does the name, so a
// Spanish page reads an English alt with the English voice.
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/credential-card/mc-credential-card.js';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, catalogEntry, shadow } from './helpers/card.js';

afterEach(unmountAll);

// A 1 × 1 PNG: a real image that loads without the network (an image that fails is replaced by
// initials, which are aria-hidden).
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function card(credential: unknown) {
  const wrapper = await mount(
    html`<section lang="es">
      <mc-credential-card .now=${NOW} .credential=${credential}></mc-credential-card>
    </section>`,
  );
  const el = wrapper.querySelector('mc-credential-card')!;
  await el.updateComplete;
  return el;
}

describe('<mc-credential-card> language of parts', () => {
  it("puts the image's alt in the issuer's declared language, like the name", async () => {
    const el = await card({
      ...catalogEntry,
      inLanguage: 'en',
      image: { id: PNG, type: 'Image', caption: 'A robot on a classroom desk' },
    });
    const img = shadow(el).querySelector('img[part=image]')!;
    expect(img.getAttribute('alt')).to.equal('A robot on a classroom desk');
    expect(img.getAttribute('lang')).to.equal('en');
    expect(shadow(el).querySelector('[part=name]')!.getAttribute('lang')).to.equal('en');
  });

  it('claims no language for the alt when the issuer declared none, or an invalid one', async () => {
    for (const inLanguage of [undefined, 'not a language!']) {
      const el = await card({ ...catalogEntry, inLanguage, image: { id: PNG, caption: 'Robot' } });
      expect(shadow(el).querySelector('img[part=image]')!.hasAttribute('lang'), String(inLanguage)).to.be
        .false;
      unmountAll();
    }
  });
});

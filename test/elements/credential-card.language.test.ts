// Language of parts in the card (issue 13 item 3, WCAG 3.1.2 "The human language of each passage or
// phrase in the content can be programmatically determined"): "Every piece of issuer-supplied text
// (names, descriptions, criteria, alt text) carries the language it is in". On a Spanish page, an
// English credential's text is marked `lang="en"` (its inLanguage); with no declared language it is
// marked `lang=""` — HTML §3.2.6.2: "Setting the attribute to the empty string indicates that the
// primary language is unknown" — never left to inherit the page's Spanish. Issuer text also gets
// dir="auto" (HTML §3.2.6.4), so it is laid out by its own script. Our own words stay in the page's
// language, with issuer names inside them marked.
import { expect, html } from '@open-wc/testing';
import type { McCredentialCard } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, catalogEntry, shadow } from './helpers/card.js';

afterEach(unmountAll);

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** An English catalog entry with every kind of issuer text, registration and endorsers. */
const entry = (inLanguage: string | undefined) => ({
  ...catalogEntry,
  inLanguage,
  image: { id: PNG, type: 'Image', caption: 'A robot on a desk' },
  registration: { url: 'https://district.example/register' },
  endorsement: [
    {
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: 'https://union.example/', type: ['Profile'], name: 'Teachers Union' },
      credentialSubject: { id: catalogEntry.id, type: ['EndorsementSubject'] },
    },
  ],
});

async function card(credential: unknown): Promise<McCredentialCard> {
  const wrapper = await mount(
    html`<main lang="es">
      <mc-credential-card .now=${NOW} .credential=${credential}></mc-credential-card>
    </main>`,
  );
  const el = wrapper.querySelector<McCredentialCard>('mc-credential-card')!;
  await el.updateComplete;
  return el;
}

/** The nearest `lang` of `node` inside the card's shadow root (null: it inherits the page's). */
const langOf = (node: Element | null | undefined): string | null =>
  node?.closest('[lang]')?.getAttribute('lang') ?? null;

for (const [declared, expected] of [
  ['en', 'en'],
  [undefined, ''],
] as const) {
  describe(`<mc-credential-card> on a Spanish page, issuer text ${declared ? `declared "${declared}"` : 'of no declared language'}`, () => {
    it(`marks the name, description, criteria, skills, issuer, alt and evidence lang="${expected}", with dir=auto`, async () => {
      const el = await card(entry(declared));
      const root = shadow(el);
      const name = root.querySelector('[part=name]')!;
      expect(name.textContent!.trim()).to.equal('Classroom Robotics I');
      expect(langOf(name.querySelector('span')), 'name').to.equal(expected);
      expect(name.querySelector('span')!.getAttribute('dir')).to.equal('auto');
      expect(root.querySelector('img[part=image]')!.getAttribute('lang'), 'alt').to.equal(expected);
      const description = root.querySelector('[part=description]')!;
      expect([langOf(description), description.getAttribute('dir')], 'description').to.deep.equal([
        expected,
        'auto',
      ]);
      const criteria = root.querySelector('[part~=criteria] .markdown')!;
      expect([langOf(criteria), criteria.getAttribute('dir')], 'criteria').to.deep.equal([expected, 'auto']);
      expect(langOf(root.querySelector('[part~=skills] li')), 'skills').to.equal(expected);
      const issuer = root.querySelector('[part=issuer] dd span')!;
      expect(issuer.textContent).to.equal('Lakeside Unified School District');
      expect([langOf(issuer), issuer.getAttribute('dir')], 'issuer').to.deep.equal([expected, 'auto']);
      // Our words stay in the page's language.
      expect(langOf(root.querySelector('[part=issuer] dt')), 'our label').to.equal(null);
      expect(langOf(root.querySelector('[part~=criteria] h4')), 'our heading').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('marks issuer names inside our own sentences, and leaves the sentence in Spanish', async () => {
      const root = shadow(await card(entry(declared)));
      const register = root.querySelector('[part~=registration] a')!;
      expect(register.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Inscribirse en Classroom Robotics I',
      );
      expect(langOf(register), 'the sentence').to.equal(null);
      expect(langOf(register.querySelector('span')), 'the name in it').to.equal(expected);
      // An endorser names itself in a language nobody declared.
      const endorser = root.querySelector('[part=endorsements] span')!;
      expect(endorser.textContent).to.equal('Teachers Union');
      expect([endorser.getAttribute('lang'), endorser.getAttribute('dir')]).to.deep.equal(['', 'auto']);
    });
  });
}

describe('<mc-credential-card> our words for a missing name', () => {
  it('leaves "Untitled credential" in the page language (no lang of its own)', async () => {
    const root = shadow(await card({ ...entry('en'), name: undefined }));
    const name = root.querySelector('[part=name]')!;
    expect(name.textContent!.trim()).to.equal('Credencial sin título');
    expect(langOf(name)).to.equal(null);
  });
});

// Meaningful sequence right to left (WCAG 1.3.2): on an Arabic page, the issuer's English sentences
// are laid out by their own direction (dir="auto", HTML §3.2.6.4), so a full stop ends them on the
// right rather than starting them on the left.
describe('<mc-credential-card> English issuer text on an Arabic page', () => {
  it('lays out the name, issuer, description, criteria and skills left to right', async () => {
    const wrapper = await mount(
      html`<main lang="ar" dir="rtl">
        <mc-credential-card .now=${NOW} .credential=${entry(undefined)}></mc-credential-card>
      </main>`,
    );
    const el = wrapper.querySelector<McCredentialCard>('mc-credential-card')!;
    await el.updateComplete;
    const root = shadow(el);
    const direction = (selector: string) => getComputedStyle(root.querySelector(selector)!).direction;
    for (const selector of [
      '[part=description]',
      '[part~=criteria] .markdown',
      '[part~=skills] ul',
      '[part=name] span',
      '[part=issuer] dd span',
    ])
      expect(direction(selector), selector).to.equal('ltr');
    // Our own words stay right to left.
    expect(direction('[part=issuer] dt')).to.equal('rtl');
  });
});

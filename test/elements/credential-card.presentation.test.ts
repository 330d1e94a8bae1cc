// A card given a Verifiable Presentation lists the credentials it holds (issue 14: "The verify
// button, the wallet import and the card accept a presentation and show its credentials").
// VC Data Model 2.0 §4.13 Verifiable Presentations: "verifiableCredential — If present, the value
// MUST be an array of one or more verifiable credential objects" — which a hostile presentation
// need not honour: no entries, entries that are not objects, a thousand, presentations inside it.
// The credentials are the public vectors, wrapped in presentations written for these tests.
import { expect, html } from '@open-wc/testing';
import type { McCredentialCard } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, V, shadow, vector } from './helpers/card.js';

afterEach(unmountAll);

const presentation = (verifiableCredential: unknown): Record<string, unknown> => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiablePresentation'],
  verifiableCredential,
});

/** base64url of UTF-8 JSON, for an unsigned JWT (its signature is not checked to show it). */
const b64u = (v: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(v))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function card(credential: unknown, lang = 'en'): Promise<McCredentialCard> {
  const wrapper = await mount(
    html`<section lang=${lang}>
      <mc-credential-card heading-level="2" .now=${NOW} .credential=${credential}></mc-credential-card>
    </section>`,
  );
  const el = wrapper.querySelector<McCredentialCard>('mc-credential-card')!;
  await el.updateComplete;
  await Promise.all(inner(el).map((c) => c.updateComplete));
  return el;
}

/** The cards listed inside `el`'s presentation list. */
const inner = (el: McCredentialCard): McCredentialCard[] => [
  ...shadow(el).querySelectorAll<McCredentialCard>('[part=presentation] li > mc-credential-card'),
];
const words = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<mc-credential-card> given a presentation', () => {
  it('lists each credential of a JSON presentation as a compact card, under a heading, in a list', async () => {
    const [full, v1] = await Promise.all([vector(V.full), vector(V.v1)]);
    const el = await card(presentation([full, v1]));
    const section = shadow(el).querySelector('[part=presentation]');
    expect(section, 'the presentation is shown').to.exist;
    // The card's name level is 2: the presentation's heading at 2, its credentials' names at 3.
    expect(words(section!.querySelector('h2'))).to.equal('Credentials in this presentation');
    expect(words(section!.querySelector('p'))).to.equal('This presentation holds 2 credentials.');
    expect(section!.querySelectorAll('ul > li')).to.have.length(2);
    const cards = inner(el);
    expect(cards.map((c) => c.state)).to.deep.equal(['loaded', 'loaded']);
    expect(cards.map((c) => c.view!.name)).to.deep.equal([
      (await card(full)).view!.name,
      (await card(v1)).view!.name,
    ]);
    expect(cards.every((c) => c.getAttribute('variant') === 'compact')).to.equal(true);
    expect(shadow(cards[0]!).querySelector('h3[part=name]')).to.exist;
    // The card itself reports that it holds no one credential, as before (code `presentation`).
    expect(el.state).to.equal('error');
    expect(el.error!.code).to.equal('presentation');
    expect(shadow(el).querySelector('[role=alert]'), 'no error message').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens a VP-JWT (its vp claim) and an enveloped presentation', async () => {
    const full = await vector(V.full);
    const jwt = `${b64u({ alg: 'ES256', typ: 'JWT' })}.${b64u({ vp: presentation(full) })}.c2ln`;
    const vpJwt = `${b64u({ alg: 'ES256', typ: 'vp+jwt' })}.${b64u(presentation([full]))}.c2ln`;
    for (const input of [
      jwt,
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['EnvelopedVerifiablePresentation'],
        id: `data:application/vp+jwt,${vpJwt}`,
      },
    ]) {
      const el = await card(input);
      expect(
        inner(el).map((c) => c.state),
        typeof input,
      ).to.deep.equal(['loaded']);
      unmountAll();
    }
  });

  it('says a presentation holds no credentials, in Spanish too', async () => {
    for (const [lang, held, said] of [
      ['en', undefined, 'This presentation holds no credentials.'],
      ['es', [], 'Esta presentación no contiene credenciales.'],
    ] as const) {
      const el = await card(presentation(held), lang);
      expect(words(shadow(el).querySelector('[part=presentation] p'))).to.equal(said);
      expect(shadow(el).querySelector('[part=presentation] ul')).to.equal(null);
      await expect(el).to.be.accessible();
      unmountAll();
    }
  });

  it('shows entries that are not credentials as cards that say why, without throwing', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) =>
      errors.push('reason' in e ? e.reason : e.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const el = await card(presentation([null, 42, 'text', ['a'], {}, true]));
      const cards = inner(el);
      expect(cards).to.have.length(6);
      expect(cards.map((c) => c.state)).to.deep.equal(Array(6).fill('error'));
      expect(cards.every((c) => shadow(c).querySelector('[part=error][role=alert]'))).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('shows the first 20 of 1,000 credentials and says how many are not shown', async () => {
    const full = await vector(V.full);
    const el = await card(presentation(Array(1000).fill(full)));
    expect(inner(el)).to.have.length(20);
    expect(words(shadow(el).querySelector('[part=presentation] p'))).to.equal(
      'This presentation holds 1,000 credentials. The first 20 are shown here; 980 more are not.',
    );
  });

  it('does not open a presentation inside a presentation (no unbounded nesting)', async () => {
    const full = await vector(V.full);
    // Each level holds the one below twice: opened all the way, 2^30 cards.
    let vp: unknown = presentation([full]);
    for (let i = 0; i < 30; i++) vp = presentation([vp, vp]);
    const el = await card(vp);
    const cards = inner(el);
    expect(cards).to.have.length(2);
    for (const c of cards) {
      expect(c.state).to.equal('error');
      expect(c.error!.code).to.equal('presentation');
      expect(shadow(c).querySelector('[part=presentation]')).to.equal(null);
      expect(words(shadow(c).querySelector('[part=error]'))).to.contain('This is a presentation');
    }
  });
});

import { expect, html, oneEvent } from '@open-wc/testing';
import type { McCredentialCard } from '@microcred/elements';
import { afterLangChange, mount, unmountAll } from './helpers/dom.js';
import { catalogEntry, NOW, V, vector } from './helpers/card.js';
import { CardHarness } from './harness/card.js';

/** The card's harness: its shadow DOM by meaning (harness/card.ts). */
const h = (el: McCredentialCard): CardHarness => new CardHarness(el);

async function inLang(
  lang: string,
  credential?: unknown,
): Promise<{ wrapper: HTMLElement; el: McCredentialCard }> {
  const wrapper = await mount(
    html`<section lang=${lang}>
      <mc-credential-card .now=${NOW} .credential=${credential}></mc-credential-card>
    </section>`,
  );
  const el = wrapper.querySelector('mc-credential-card')!;
  await el.updateComplete;
  return { wrapper, el };
}

describe('<mc-credential-card> translations', () => {
  afterEach(unmountAll);

  it('renders every label in Spanish, with Spanish dates', async () => {
    const { el } = await inLang('es', await vector(V.full));
    expect(h(el).text('type')).to.equal('Título');
    expect(h(el).text('issuer', 'dt')).to.equal('Emitida por');
    expect(h(el).text('recipient', 'dt')).to.equal('Otorgada a');
    expect(h(el).text('dates', 'dt')).to.equal('Emitida');
    expect(h(el).text('dates', 'dd')).to.equal('1 de enero de 2010');
    expect(h(el).text('skills', 'h4')).to.equal('Habilidades y estándares');
    expect(h(el).text('criteria', 'h4')).to.equal('Cómo obtenerla');
    expect(h(el).text('evidence', 'h4')).to.equal('Evidencia');
    expect(h(el).text('endorsements')).to.match(/^\d+ respaldos? \(/);
  });

  it('switches language live when an ancestor lang changes', async () => {
    const { wrapper, el } = await inLang('en', await vector(V.expired));
    expect(h(el).text('expired')).to.equal('Expired');
    expect(h(el).text('dates', 'dd')).to.equal('January 1, 2010');
    wrapper.lang = 'es';
    await afterLangChange(el);
    expect(h(el).text('expired')).to.equal('Vencida');
    expect(h(el).text('dates', 'dd')).to.equal('1 de enero de 2010');
    expect(h(el).text('criteria', 'h4')).to.equal('Cómo obtenerla');
    wrapper.setAttribute('lang', 'en-GB');
    await afterLangChange(el);
    expect(h(el).text('expired')).to.equal('Expired');
    expect(h(el).text('dates', 'dd')).to.equal('1 January 2010');
  });

  it('follows a lang attribute on the element itself, and falls back to English for other languages', async () => {
    const { el } = await inLang('en', catalogEntry);
    el.lang = 'es-MX';
    await afterLangChange(el);
    expect(h(el).text('type')).to.equal('Microcredencial');
    expect(h(el).text('registration', 'h4')).to.equal('Cómo inscribirse');
    expect(h(el).text('registration', 'a')).to.equal('Inscribirse en Classroom Robotics I');
    el.lang = 'fr';
    await afterLangChange(el);
    expect(h(el).text('type')).to.equal('Micro-credential');
  });

  it('translates error messages, live', async () => {
    const { wrapper, el } = await inLang('es');
    const failed = oneEvent(el, 'mc-error');
    el.src = '/vectors/no-such-credential.json';
    await failed;
    await el.updateComplete;
    expect(h(el).text('error')).to.contain('No se puede mostrar esta credencial');
    expect(h(el).text('error')).to.contain('No se encontró ninguna credencial en esta dirección (HTTP 404).');
    wrapper.lang = 'en';
    await afterLangChange(el);
    expect(h(el).text('error')).to.contain('No credential was found at this address (HTTP 404).');
  });

  it('translates the loading message and the untitled-credential name', async () => {
    const { el } = await inLang('es');
    el.src = V.ob2;
    await el.updateComplete;
    expect(h(el).text('loading')).to.equal('Cargando la credencial…');
    await oneEvent(el, 'mc-load');
    await el.updateComplete;
    expect(h(el).text('name')).to.equal('Credencial sin título');
    expect(h(el).text('type')).to.equal('Insignia');
  });

  it('marks credential text with the language the issuer declared', async () => {
    const { el } = await inLang('en', { ...catalogEntry, inLanguage: 'es' });
    expect(CardHarness.of(el).heading!.getAttribute('lang')).to.equal('es');
    expect(CardHarness.of(el).descriptionElement!.getAttribute('lang')).to.equal('es');
    expect(CardHarness.of(el).typeElement!.hasAttribute('lang')).to.equal(false);
    el.credential = { ...catalogEntry, inLanguage: 'not a language!' };
    await el.updateComplete;
    // An invalid tag says nothing about the text: its language is unknown (lang=""), not English.
    expect(CardHarness.of(el).heading!.getAttribute('lang')).to.equal('');
  });
});

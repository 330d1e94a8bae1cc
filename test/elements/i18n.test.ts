import { expect, html } from '@open-wc/testing';
import { afterLangChange, mount, unmountAll } from './helpers/dom.js';
import { LitElement, html as litHtml } from 'lit';
import { McElement } from '@microcred/elements/internal/mc-element.js';
import { defineElement } from '@microcred/elements/internal/define.js';
import {
  achievementTypeLabel,
  humanize,
  nearestLang,
  resolveLang,
  shared,
  watchedHostCount,
} from '@microcred/elements/i18n/localize.js';
import { en } from '@microcred/elements/i18n/en.js';
import { es } from '@microcred/elements/i18n/es.js';
import type { McErrorCode } from '@microcred/core';

class McTestLocalized extends McElement {
  renders = 0;
  override render() {
    this.renders++;
    return litHtml`<p>${this.localize.t('issuedBy')}</p><p class="date">${this.localize.date(new Date('2024-03-05T00:00:00Z'))}</p>`;
  }
  get lang_(): string {
    return this.localize.lang;
  }
  label(type: string): string {
    return achievementTypeLabel(this.localize, type);
  }
}
defineElement('mc-test-localized', McTestLocalized);

class McTestShadowHost extends LitElement {
  override render() {
    return litHtml`<div lang="es"><mc-test-localized></mc-test-localized></div>`;
  }
}
defineElement('mc-test-shadow-host', McTestShadowHost);

const translations = shared.maps;
const text = (el: McTestLocalized) => el.shadowRoot!.querySelector('p')!.textContent;

describe('i18n', () => {
  afterEach(unmountAll);

  it('has a complete Spanish translation (every English key, no empty string)', () => {
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
    for (const [key, value] of Object.entries(es)) expect(value, key).to.not.equal('');
  });

  it('translates every McErrorCode', () => {
    const codes: Record<McErrorCode, true> = {
      'invalid-json': true,
      presentation: true,
      'sd-jwt': true,
      cose: true,
      'empty-input': true,
      'not-a-credential': true,
      'unsupported-format': true,
      'too-large': true,
      'too-deep': true,
      'invalid-jws': true,
      schema: true,
      http: true,
      network: true,
      timeout: true,
      aborted: true,
      unbake: true,
      'invalid-option': true,
    };
    for (const code of Object.keys(codes)) {
      expect(en, code).to.have.property(`error.${code}`);
      expect(es, code).to.have.property(`error.${code}`);
    }
  });

  it('resolves language tags: supported base language, full tag kept for Intl, English fallback', () => {
    expect(resolveLang('es-MX')).to.deep.equal({ lang: 'es', locale: 'es-MX' });
    expect(resolveLang('EN-gb')).to.deep.equal({ lang: 'en', locale: 'en-GB' });
    expect(resolveLang('fr')).to.deep.equal({ lang: 'en', locale: 'en' });
    expect(resolveLang('')).to.deep.equal({ lang: 'en', locale: 'en' });
  });

  it('loads Spanish only when an element needs it, before rendering (no flash of English)', async () => {
    expect(translations.es, 'Spanish strings loaded before any Spanish element').to.equal(undefined);
    const el = await mount<McTestLocalized>(html`<mc-test-localized lang="es"></mc-test-localized>`);
    expect(translations.es).to.equal(es);
    expect(text(el)).to.equal('Emitida por');
    expect(el.renders).to.equal(1);
  });

  it('follows the nearest lang attribute, through shadow roots', async () => {
    const wrapper = await mount(html`<div lang="en"><mc-test-shadow-host></mc-test-shadow-host></div>`);
    const host = wrapper.querySelector<McTestShadowHost>('mc-test-shadow-host')!;
    await host.updateComplete;
    const inner = host.shadowRoot!.querySelector<McTestLocalized>('mc-test-localized')!;
    await inner.updateComplete;
    expect(nearestLang(inner)).to.equal('es');
    expect(text(inner)).to.equal('Emitida por');
    host.shadowRoot!.querySelector('div')!.removeAttribute('lang');
    await afterLangChange(inner);
    expect(nearestLang(inner)).to.equal('en');
    expect(text(inner)).to.equal('Issued by');
  });

  it('switches live when an ancestor lang changes, and formats dates with Intl', async () => {
    const wrapper = await mount<HTMLElement>(
      html`<section lang="en"><mc-test-localized></mc-test-localized></section>`,
    );
    const el = wrapper.querySelector<McTestLocalized>('mc-test-localized')!;
    await el.updateComplete;
    expect(text(el)).to.equal('Issued by');
    expect(el.shadowRoot!.querySelector('.date')!.textContent).to.equal('March 5, 2024');
    wrapper.lang = 'es-MX';
    await afterLangChange(el);
    expect(text(el)).to.equal('Emitida por');
    expect(el.shadowRoot!.querySelector('.date')!.textContent).to.equal(
      new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date('2024-03-05T00:00:00Z'),
      ),
    );
  });

  it('does not re-render when an unrelated lang changes to the same language', async () => {
    const wrapper = await mount<HTMLElement>(
      html`<div>
        <section lang="en"><mc-test-localized></mc-test-localized></section>
        <p lang="en">x</p>
      </div>`,
    );
    const el = wrapper.querySelector<McTestLocalized>('mc-test-localized')!;
    await el.updateComplete;
    const before = el.renders;
    wrapper.querySelector('p')!.lang = 'es';
    await afterLangChange(el);
    expect(el.renders).to.equal(before);
  });

  it('shares one observer and disconnects it when no element remains', async () => {
    const wrapper = await mount<HTMLElement>(
      html`<div><mc-test-localized></mc-test-localized><mc-test-localized></mc-test-localized></div>`,
    );
    const count = watchedHostCount();
    expect(count).to.be.at.least(2);
    wrapper.querySelectorAll('mc-test-localized').forEach((e) => e.remove());
    expect(watchedHostCount()).to.equal(count - 2);
    wrapper.remove();
    expect(watchedHostCount()).to.equal(0);
  });

  it('labels achievement types: known values translated, ext: and unknown values humanised', async () => {
    const el = await mount<McTestLocalized>(html`<mc-test-localized lang="es"></mc-test-localized>`);
    expect(el.label('MicroCredential')).to.equal('Microcredencial');
    el.lang = 'en';
    await afterLangChange(el);
    expect(el.label('MicroCredential')).to.equal('Micro-credential');
    expect(el.label('ext:CTE_Pathway-step')).to.equal('CTE pathway step');
    expect(el.label('ext:SkillsBadge')).to.equal('Skills badge');
    expect(el.label('toString')).to.equal('To string');
    expect(humanize('ext:')).to.equal('');
  });
});

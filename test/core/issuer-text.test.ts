// The one rule for issuer text (issue 13 item 3, WCAG 3.1.2): which issuer translation a page shows,
// and the `lang` its text carries. HTML (§3.2.6.2): "Setting the attribute to the empty string
// indicates that the primary language is unknown."
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseVersion, sentence, textLang } from '../../packages/core/src/model/issuer-text.js';

const es = { name: 'Fundamentos de la lectura', language: 'es', translations: [] };
const en = {
  name: 'Foundations of Reading',
  language: 'en',
  translations: [
    { lang: 'fr', id: 'fr' },
    { lang: 'es', id: 'missing' },
    { lang: 'ES', id: 'es' },
  ],
};
const find = (id: string) => (id === 'es' ? es : undefined);

test('chooseVersion: the first translation into the page language that is at hand, by primary language', () => {
  assert.equal(chooseVersion('es', en, find), es);
  assert.equal(chooseVersion('es-MX', en, find), es);
});

test('chooseVersion: none when the text is in the page language already or no translation is at hand', () => {
  assert.equal(chooseVersion('en-US', en, find), undefined);
  assert.equal(chooseVersion('ar', en, find), undefined);
  assert.equal(chooseVersion('es', { translations: [{ lang: 'es' }] }, find), undefined); // no id
});

test("textLang: the canonical tag, or '' (unknown) when none or invalid", () => {
  assert.equal(textLang('en-us'), 'en-US');
  assert.equal(textLang(undefined), '');
  assert.equal(textLang(''), '');
  assert.equal(textLang('not a language!'), '');
});

test('sentence: puts the issuer text where our translated sentence has its place, in that language order', () => {
  const name = { lang: 'en', text: 'Foundations of Reading' };
  assert.deepEqual(sentence('Inscribirse en \0', name), ['Inscribirse en ', name, '']);
  assert.deepEqual(sentence('报名参加\0', name), ['报名参加', name, '']);
  assert.deepEqual(sentence('\0 moved to position 2.', name), ['', name, ' moved to position 2.']);
  // No place in the sentence (a translation that leaves the name out): our words alone.
  assert.deepEqual(sentence('Details', name), ['Details']);
});

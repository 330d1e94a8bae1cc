/**
 * The verify button's words and list lines: pure functions of a report's checks and the button's
 * localisation (no element state), and the check explanations' string set.
 */
import { html, type TemplateResult } from 'lit';
import type { Check, CheckCode, CredentialView, McError, PresentationCheck } from '@microcred/core';
import type { StringKey } from '../i18n/en.js';
import { stringSet, type LocalizeController, type Translator } from '../i18n/localize.js';
import { icon } from '../internal/icon.js';
import type { CheckKey } from './checks-en.js';
import { iconOf } from './verify-button-outcome.js';

type CheckStrings = Record<CheckKey, string>;

/** The check explanations: a lazy chunk per language, loaded with the verifier (never with the card). */
export const checks = stringSet<CheckStrings>('checks', {
  en: () => import('./checks-en.js'),
  es: () => import('./checks-es.js'),
});

/** The key of a presentation's `credentials` check (`vp.…`: "in this presentation"), else `key`. */
const inVp = (key: CheckKey, vp: boolean): CheckKey =>
  vp && key.includes('credentials') ? (`vp.${key}` as CheckKey) : key;

/**
 * A check explanation in the element's language, else English, else the verifier's own message;
 * `vp` for a presentation's own checks.
 */
export function explain(
  localize: LocalizeController,
  checkText: Translator<CheckKey>,
  check: Check | PresentationCheck,
  view: CredentialView | undefined,
  vp = false,
): string {
  // every `format-…` code shares one text; any other code is a key (core's CheckCode: no cast to string)
  const key: CheckKey = check.code.startsWith('format-')
    ? 'format'
    : inVp(check.code as Exclude<CheckCode, `format-${string}`>, vp);
  const text = checks.get(localize.lang, key);
  if (!text) return check.message;
  const date = key === 'expired' ? view?.validUntil : key === 'not-yet-valid' ? view?.validFrom : undefined;
  if (text.includes('{date}')) return date ? checkText(key, { date: localize.date(date) }) : check.message;
  return text;
}

/** A check's name ("Signature", "Issuer", …) in `lang`; `vp` for a presentation's own checks. */
export const checkName = (lang: string, check: Check | PresentationCheck, vp = false): string =>
  checks.get(lang, inVp(`id.${check.id}`, vp)) ?? check.id;

/**
 * One line of a list in `lang`: a check (or an enclosed credential), its icon and outcome in words,
 * and why, with the language's punctuation between them (the keys `:` and `.`:
 * "Format: Passed. Why", "格式：通过。Why").
 */
export const line = (
  lang: string,
  tone: keyof typeof iconOf,
  name: string,
  word: string,
  why = '',
): TemplateResult =>
  html`<li part="check" class="check ${tone}">
    ${icon(iconOf[tone])}
    <span
      ><strong>${name}${checks.get(lang, ':')}</strong
      ><span class="outcome">${word}${checks.get(lang, '.')}</span>${why}</span
    >
  </li>`;

/** Why there is nothing to show, in words (an unknown code reads as "not a credential"). */
export function errorText(localize: LocalizeController, failure: McError | undefined): string {
  const key = `error.${failure?.code}` as StringKey;
  return failure && localize.has(key) ? localize.t(key) : localize.t('error.not-a-credential');
}

/** When it was last checked, as date and time in the element's locale. */
export const time = (localize: LocalizeController, date: Date): string =>
  new Intl.DateTimeFormat(localize.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);

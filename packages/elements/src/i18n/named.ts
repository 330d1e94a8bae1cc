import { html, nothing, type TemplateResult } from 'lit';
import { sentence } from '@microcred/core/model/issuer-text.js';

/**
 * The hidden element (`id`) that names a control by our sentence `full`, translated with `'\0'`
 * where the issuer's `name` goes ("Details: \0"), the name marked with its language `lang` (WCAG
 * 3.1.2; `''` when unknown; `undefined` for a name of ours, e.g. "Untitled credential", in the
 * page's language). The control points at it with `aria-labelledby` (a hidden element it references
 * still names it) instead of a flat `aria-label`, and keeps its visible words, which the sentence
 * contains (WCAG 2.5.3, label in name).
 */
export const named = (id: string, full: string, name: string, lang: string | undefined): TemplateResult =>
  html`<span id=${id} hidden>${sentence(full, marked(name, lang))}</span>`;

/**
 * The issuer's `name` marked with its language `lang` (`''` unknown; `undefined` for a name of ours)
 * and laid out by its own direction, to put inside one of our sentences with `sentence` (WCAG 3.1.2).
 */
export const marked = (name: string, lang: string | undefined): TemplateResult =>
  html`<span lang=${lang ?? nothing} dir="auto">${name}</span>`;

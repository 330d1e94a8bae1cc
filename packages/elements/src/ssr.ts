/**
 * Server rendering with `@lit-labs/ssr` (Node): import this module instead of `define.js` on the
 * server. It registers every element, loads every element's strings in every built-in language (English, Spanish, Arabic, Simplified Chinese, Vietnamese) before
 * it resolves (a top-level `await`), and has each element take its language from its own `lang`
 * attribute, so that a server render shows real words, never message keys. See the package README.
 * @packageDocumentation
 */
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import './define.js';
import { McElement } from './internal/mc-element.js';
import type { LocalizeController } from './i18n/localize.js';

/** The element's localisation (a protected member: this module is the server's side of McElement). */
const localize = (el: McElement) => (el as unknown as { localize: LocalizeController }).localize;

// Before each element's server update: its language is its own `lang` attribute (a server renderer
// has no ancestors to walk up to; in the browser the element follows the nearest `lang` after
// hydration).
LitElementRenderer.renderOptions.push((element) => {
  if (element instanceof McElement) localize(element).refresh(element.getAttribute('lang') ?? '');
  return undefined;
});

// Every element's strings, in every language, loaded once here so that server renders are
// synchronous: one instance of each element asks for what it declared (`localize.use`).
for (const tag of [
  'mc-credential-card',
  'mc-verify-button',
  'mc-badge-wallet',
  'mc-provider',
  'mc-catalog',
  'mc-progress-tracker',
] as const) {
  const element = new (customElements.get(tag) as unknown as new () => McElement)();
  for (const lang of ['en', 'es', 'ar', 'zh-Hans', 'vi']) {
    localize(element).refresh(lang);
    await localize(element).load();
  }
}

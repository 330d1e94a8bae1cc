/**
 * Language of parts (WCAG 3.1.2) for issuer-supplied text: which of the issuer's versions of a
 * catalog entry or requirement to show on a page, and the `lang` to mark its text with. The catalog
 * and the progress tracker use this one rule (the wallet's cards show each credential as issued), so
 * an achievement reads the same on one page. Kept apart from the model the card loads.
 */

/** Something with text in a language and translations offered by its issuer (OB 3.0 `related` with `inLanguage`). */
export interface Translatable {
  /** The language of its text (BCP 47), when declared. */
  language?: string;
  translations: readonly { lang: string; id?: string }[];
}

/** The primary language subtag, lower case (`es-MX` → `es`). */
const base = (tag: string | undefined): string | undefined => tag?.split('-')[0]!.toLowerCase();

/**
 * The issuer's translation of `item` to show instead of it on a page in `page` (a BCP 47 tag): the
 * first of its translations into the page's language that `find` (by the translation's id) can
 * give, unless `item` is in the page's language already. `undefined`: show `item` itself.
 */
export const chooseVersion = <T>(
  page: string,
  item: Translatable,
  find: (id: string) => T | undefined,
): T | undefined =>
  base(item.language) === base(page)
    ? undefined
    : item.translations
        .map((t) => (base(t.lang) === base(page) && t.id ? find(t.id) : undefined))
        .find((x) => x);

/**
 * The `lang` attribute for issuer text in `tag`: the tag canonicalised, or `''` when there is none
 * or it is not a valid BCP 47 tag. HTML: `lang=""` says the language is unknown — never the page's
 * language, which is not the issuer's.
 */
export function textLang(tag: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag || [])[0] ?? '';
  } catch {
    return '';
  }
}

/**
 * Our own sentence `text`, translated with `'\0'` where the issuer's text goes (`t('registerFor',
 * { name: '\0' })`), as a list with `part` (that text, marked with its `lang`) in its place: the
 * name inside our sentence keeps its own language (WCAG 3.1.2) and the sentence its word order.
 */
export const sentence = <T>(text: string, part: T): (string | T)[] =>
  text.split('\0').flatMap((s, i) => (i ? [part, s] : [s]));

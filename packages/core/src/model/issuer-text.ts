/**
 * Language of parts (WCAG 3.1.2) for issuer-supplied text: which of the issuer's versions of a
 * credential or catalog entry to show on a page, and the `lang` to mark its text with. The catalog,
 * the progress tracker and the wallet use this one rule, so the same achievement reads the same on
 * one page. Kept apart from the model the card loads.
 */

/** Something with text in a language and translations offered by its issuer (OB 3.0 `related` with `inLanguage`). */
export interface Translatable {
  /** The language of its text (BCP 47), when declared. */
  language?: string;
  translations: readonly { lang: string; id?: string }[];
}

/** Same primary language (`es` and `es-MX`), case-insensitive. */
const same = (a: string | undefined, b: string): boolean =>
  !!a && a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();

/**
 * The version of `item` to show on a page in `page` (a BCP 47 tag): `item` itself when its text is
 * in the page's language, or when the issuer offers no translation into it that `find` (by the
 * translation's id) can give; otherwise that translation, in the issuer's order.
 */
export function chooseVersion<T extends Translatable>(
  page: string,
  item: T,
  find: (id: string) => T | undefined,
): T {
  if (!same(item.language, page))
    for (const t of item.translations) {
      const found = same(t.lang, page) && t.id ? find(t.id) : undefined;
      if (found) return found;
    }
  return item;
}

/**
 * The `lang` attribute for issuer text: the first of `tags` that is a valid BCP 47 tag
 * (canonicalised), else `''`, which HTML defines as "the language is unknown" — never the page's
 * language, which is not the issuer's.
 */
export function textLang(...tags: (string | undefined)[]): string {
  for (const tag of tags)
    try {
      if (tag) return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      // not a language tag: try the next
    }
  return '';
}

/**
 * The language of the package's tool pages (verify.html, builder.html): `?lang=`, else the
 * browser's; a header button switches between English and Spanish and keeps the choice in the
 * page's address, so a copied link opens in the same language.
 */

/** Languages of the tool pages. */
export type ToolLang = 'en' | 'es';

/** The language the page starts in: `?lang=`, else the browser's language, else English. */
export function startLang(): ToolLang {
  const requested = new URLSearchParams(location.search).get('lang') ?? navigator.language;
  return /^es\b/i.test(requested) ? 'es' : 'en';
}

/** The switch's own words, in the language it switches to. */
const SWITCH: Record<ToolLang, { label: string; aria: string }> = {
  en: { label: 'Español', aria: 'Ver esta página en español' },
  es: { label: 'English', aria: 'View this page in English' },
};

/**
 * Wires `button` to switch the page between English and Spanish: sets `<html lang>`, the button's
 * words and `?lang=`, then calls `apply` (the page puts its own words in the new language).
 */
export function langSwitch(button: HTMLButtonElement, lang: ToolLang, apply: (lang: ToolLang) => void): void {
  const show = (): void => {
    document.documentElement.lang = lang;
    button.textContent = SWITCH[lang].label;
    button.lang = lang === 'en' ? 'es' : 'en';
    button.setAttribute('aria-label', SWITCH[lang].aria);
    apply(lang);
  };
  button.addEventListener('click', () => {
    lang = lang === 'en' ? 'es' : 'en';
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
    show();
  });
  show();
}

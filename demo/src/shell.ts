/**
 * Shared page shell for the demo: language from ?lang= (default English), a live language switch
 * that updates <html lang> (every Microcred element follows it), page-chrome translation through
 * data-i18n attributes, the "demo data missing" notice and a card helper.
 */
import '@microcred/elements/define.js';
import { strings, type DemoKey, type DemoLang } from './strings.js';

type PageText = Record<DemoLang, Record<string, string>>;

/** Current demo language. */
export function currentLang(): DemoLang {
  return document.documentElement.lang.startsWith('es') ? 'es' : 'en';
}

/** Applies the language to <html lang>, the URL and every [data-i18n] element. */
export function applyLang(lang: DemoLang, page: PageText): void {
  document.documentElement.lang = lang;
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  const text = { ...strings[lang], ...page[lang] } as Record<string, string>;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n as DemoKey;
    if (text[key] !== undefined) el.textContent = text[key];
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    const key = el.dataset.i18nTitle as DemoKey;
    if (text[key] !== undefined) document.title = text[key];
  }
  const toggle = document.querySelector<HTMLButtonElement>('#lang-toggle');
  if (toggle) {
    toggle.textContent = strings[lang].switchTo;
    toggle.setAttribute('aria-label', strings[lang].switchLabel);
    toggle.lang = lang === 'en' ? 'es' : 'en';
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[href]')) {
    const target = new URL(a.href);
    target.searchParams.set('lang', lang);
    a.href = target.pathname + target.search;
  }
}

/** Starts the shell: reads ?lang=, wires the switch. */
export function startShell(page: PageText): void {
  const requested = new URL(location.href).searchParams.get('lang');
  applyLang(requested === 'es' ? 'es' : 'en', page);
  document.querySelector('#lang-toggle')?.addEventListener('click', () => {
    applyLang(currentLang() === 'en' ? 'es' : 'en', page);
  });
}

/** Shows the "demo data missing" notice in the page's status area. */
export function showMissing(): void {
  const box = document.querySelector<HTMLElement>('#demo-status');
  if (!box) return;
  box.hidden = false;
  box.dataset.i18n = 'missing';
  box.textContent = strings[currentLang()].missing;
}

/** Creates a card for a credential object. */
export function card(
  credential: unknown,
  options: { variant?: 'compact' | 'full'; headingLevel?: number } = {},
): HTMLElement {
  const el = document.createElement('mc-credential-card');
  if (options.variant) el.setAttribute('variant', options.variant);
  if (options.headingLevel) el.setAttribute('heading-level', String(options.headingLevel));
  (el as HTMLElement & { credential: unknown }).credential = credential;
  return el;
}

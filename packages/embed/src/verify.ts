/**
 * `verify.html`'s script: the "verify anything" page, for anyone who was sent a badge (a hiring
 * principal, a registrar). A static page: it needs no server of ours, only the addresses the
 * credential itself names. `?src=<https URL>` verifies that address at once (a shareable link);
 * `?lang=es` starts in Spanish. The tool itself is verify-page/app.ts.
 * @packageDocumentation
 */
import { mountVerifyTool } from './verify-page/app.js';
import { VERIFY_PAGE_STRINGS, type VerifyPageLang } from './verify-page/strings.js';

const params = new URLSearchParams(location.search);
const requested = params.get('lang') ?? navigator.language;
let lang: VerifyPageLang = /^es\b/i.test(requested) ? 'es' : 'en';

const toggle = document.querySelector<HTMLButtonElement>('#lang-switch')!;
const tool = mountVerifyTool(document.querySelector<HTMLElement>('#verify-tool')!, { lang });

/** Puts the page's own words in `lang` (the tool and the elements follow on their own). */
function applyLang(): void {
  const t = VERIFY_PAGE_STRINGS[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-page-k]')) {
    const value = t[el.dataset.pageK as 'heading' | 'lede' | 'privacy'];
    el.textContent = value;
  }
  toggle.textContent = t.switchTo;
  toggle.lang = lang === 'en' ? 'es' : 'en';
  toggle.setAttribute('aria-label', t.switchLabel);
  tool.setLang(lang);
}

toggle.addEventListener('click', () => {
  lang = lang === 'en' ? 'es' : 'en';
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
  applyLang();
});
applyLang();

const src = params.get('src');
if (src) void tool.check({ kind: 'url', url: src });

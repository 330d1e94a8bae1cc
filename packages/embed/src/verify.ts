/**
 * `verify.html`'s script: the "verify anything" page, for anyone who was sent a badge (a hiring
 * principal, a registrar). A static page: it needs no server of ours, only the addresses the
 * credential itself names. `?src=<https URL>` verifies that address at once (a shareable link);
 * `?lang=es` starts in Spanish. The tool itself is verify-page/app.ts.
 * @packageDocumentation
 */
import { langSwitch, startLang } from './tool-page/lang.js';
import { mountVerifyTool } from './verify-page/app.js';
import { VERIFY_PAGE_STRINGS } from './verify-page/strings.js';

const lang = startLang();
const src = new URLSearchParams(location.search).get('src');
// Opened from a shared link: the result comes first, the inputs (to check another) after it.
const tool = mountVerifyTool(document.querySelector<HTMLElement>('#verify-tool')!, {
  lang,
  resultFirst: Boolean(src),
});

langSwitch(document.querySelector<HTMLButtonElement>('#lang-switch')!, lang, (next) => {
  const t = VERIFY_PAGE_STRINGS[next];
  document.title = t.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-page-k]'))
    el.textContent = t[el.dataset.pageK as 'heading' | 'lede' | 'privacy'];
  tool.setLang(next);
});

if (src) void tool.check({ kind: 'url', url: src });

/**
 * The district page's live catalog: a `<mc-catalog>` fed by the demo issuer's catalog feed
 * (`GET /achievements`, in the page's language), with filter state in the URL. When the issuer is
 * not running, it falls back to the static feed in demo/public/catalog.json (fictional data).
 */
import type { McCatalog } from '@microcred/elements';
import { ISSUER_URL } from './issuer.js';
import { currentLang } from './shell.js';

const FALLBACK = '/catalog.json';

/** Points `#district-catalog` at the issuer's feed, and follows the language switch. */
export function mountCatalog(): void {
  const catalog = document.querySelector<McCatalog>('#district-catalog');
  if (!catalog) return;
  const feed = (): string => `${ISSUER_URL}/achievements${currentLang() === 'es' ? '?lang=es' : ''}`;
  catalog.addEventListener('mc-error', () => {
    if (catalog.src !== FALLBACK) catalog.src = FALLBACK;
  });
  catalog.src = feed();
  let shown = currentLang();
  new MutationObserver(() => {
    if (currentLang() === shown) return;
    shown = currentLang();
    if (catalog.src !== FALLBACK) catalog.src = feed();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

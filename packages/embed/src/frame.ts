/**
 * `frame.html`'s script: for CMSes that strip `<script>` but allow `<iframe>`. Renders one element
 * from URL parameters and tells the parent page its height so the frame can grow to fit.
 *
 * `frame.html?src=<credential URL>&lang=es&variant=compact`
 *
 * The parent may listen for `message` events `{ type: 'mc-frame-size', height }` and set the
 * iframe's height; without that the frame scrolls. Only `http:`/`https:` sources are loaded (the
 * card enforces it and shows a translated error otherwise).
 * @packageDocumentation
 */
import '@microcred/elements/define.js';

const params = new URLSearchParams(location.search);
document.documentElement.lang = params.get('lang') === 'es' ? 'es' : 'en';

const card = document.createElement('mc-credential-card');
card.setAttribute('variant', params.get('variant') === 'compact' ? 'compact' : 'full');
card.setAttribute('heading-level', '1');
const src = params.get('src');
if (src) card.setAttribute('src', src);
document.querySelector('main')?.replaceChildren(card);

if (window.parent !== window) {
  new ResizeObserver(() => {
    window.parent.postMessage({ type: 'mc-frame-size', height: document.documentElement.scrollHeight }, '*');
  }).observe(document.body);
}

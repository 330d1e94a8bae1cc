/**
 * Cleaning a credential's own SVG image before the wallet bakes the credential into it ("Download
 * as SVG"): a lazy chunk with DOMPurify, loaded by the first SVG export.
 */
import createPurifier from 'dompurify';

/** Addresses an SVG we write may hold: http(s), same-document fragments, raster data: images. */
const SAFE_URI = /^(?:https?:|#|data:image\/(?:png|jpeg|gif|webp);)/i;

/**
 * A credential's own SVG without active content, through DOMPurify with its SVG profile: no
 * script, foreignObject, SMIL (`animate*`, `set`), `style` (it can load addresses), event
 * handlers, or links that are not {@link SAFE_URI} — so the
 * file we write runs nothing wherever it is opened. Sanitised rather than rasterised, so the
 * drawing stays a vector. Undefined when no `<svg>` is left.
 */
export async function cleanSvg(text: string): Promise<string | undefined> {
  const purify = createPurifier(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    for (const name of ['href', 'xlink:href', 'src'])
      if (node.hasAttribute(name) && !SAFE_URI.test(node.getAttribute(name)!.trim()))
        node.removeAttribute(name);
  });
  const body = purify.sanitize(text.replace(/^[\s\S]*?(?=<svg[\s>])/i, ''), {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['script', 'foreignObject', 'animate', 'animateMotion', 'animateTransform', 'set', 'style'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: SAFE_URI,
    RETURN_DOM: true,
  });
  const svg = body.querySelector('svg');
  // Serialised as XML (namespaces declared), so the file is a well-formed SVG document.
  return svg ? new XMLSerializer().serializeToString(svg) : undefined;
}

/**
 * The embed builder's two snippets for one choice: the script snippet (the autoloader and the
 * element, with its attributes set exactly as frame.html sets them — frame/render.ts builds both)
 * and the iframe snippet (frame.html with the parameters of frame/params.ts, a `title`, and the
 * height the frame scrolls in when no script resizes it). DOM-light: it serialises elements it
 * creates but never inserts.
 */
import { DEFAULT_HEIGHT, frameQuery, type FrameSpec } from '../frame/params.js';
import { createFrameElement } from '../frame/render.js';

/** Look-and-feel tokens of the script snippet (CSS custom properties every element reads). */
export interface ThemeTokens {
  /** `--mc-color-accent`: buttons, links and focus rings (`#rrggbb`). */
  accent?: string;
  /** `--mc-radius`: corner rounding (a CSS length). */
  radius?: string;
}

/** Inline style of the script snippet's element: the theme's color scheme and the tokens. */
export function elementStyle(spec: FrameSpec, tokens: ThemeTokens): string {
  const parts: string[] = [];
  if (spec.theme !== 'auto') parts.push(`color-scheme: ${spec.theme}`);
  if (tokens.accent && /^#[0-9a-f]{6}$/i.test(tokens.accent))
    parts.push(`--mc-color-accent: ${tokens.accent}`);
  if (tokens.radius && /^\d{1,2}(\.\d+)?(px|rem)$/.test(tokens.radius))
    parts.push(`--mc-radius: ${tokens.radius}`);
  return parts.join('; ');
}

/**
 * The element for `spec` as a page of the host's would hold it: frame.html's element without the
 * frame's own page structure (its heading level and its address-bar state), with `lang` and the
 * style. Not yet defined (the autoloader or the builder's preview defines it).
 */
export function hostElement(spec: FrameSpec, tokens: ThemeTokens): HTMLElement {
  const el = createFrameElement(spec);
  el.removeAttribute('heading-level');
  el.removeAttribute('url-state');
  el.setAttribute('lang', spec.lang);
  const style = elementStyle(spec, tokens);
  if (style) el.setAttribute('style', style);
  return el;
}

/** Escapes text for an HTML attribute value in double quotes. */
const attr = (v: string): string =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<script>` + element, loading Microcred from `base` (the folder of the package's files). */
export function scriptSnippet(spec: FrameSpec, tokens: ThemeTokens, base: string): string {
  const script = `<script type="module" src="${attr(new URL('autoloader.js', base).href)}"></script>`;
  // outerHTML escapes attribute values (& and ") for double-quoted attributes.
  return `${script}\n${hostElement(spec, tokens).outerHTML}`;
}

/** The address of frame.html for `spec`. */
export function frameUrl(spec: FrameSpec, base: string): string {
  return new URL(`frame.html${frameQuery(spec)}`, base).href;
}

/**
 * `<iframe>` of frame.html, titled `title`: as wide as its container (or `size.width` px) and the
 * element's default height (or `size.height` px); the frame reports its own height to hosts that
 * listen, and scrolls inside this one elsewhere.
 */
export function iframeSnippet(
  spec: FrameSpec,
  title: string,
  base: string,
  size: { width?: number; height?: number } = {},
): string {
  const width = size.width === undefined ? '100%' : String(Math.round(size.width));
  const height = String(Math.round(size.height ?? DEFAULT_HEIGHT[spec.element]));
  return (
    `<iframe src="${attr(frameUrl(spec, base))}" title="${attr(title)}" ` +
    `width="${width}" height="${height}" style="border: 0; max-width: 100%" loading="lazy"></iframe>`
  );
}

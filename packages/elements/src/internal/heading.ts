import { html, nothing, type TemplateResult } from 'lit';

/** Optional attributes of a heading rendered by {@link heading}. */
export interface HeadingAttributes {
  part?: string;
  id?: string;
  lang?: string;
}

/**
 * One template per level, `<hN part=${…} id=${…} lang=${…}>${content}</hN>`: the strings array of a
 * tagged template literal, built once per level (constant text only, as `lit/static-html` builds
 * its own) so that six near-identical literals are not shipped.
 */
const templates = [1, 2, 3, 4, 5, 6].map((n) => {
  const strings = [`<h${n} part=`, ' id=', ' lang=', '>', `</h${n}>`];
  return Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray;
});

/**
 * Renders `content` as an `<h1>`…`<h6>` (level clamped to 1–6), so that elements fit the
 * heading outline of the page they are placed in.
 */
export function heading(level: number, content: unknown, attrs: HeadingAttributes = {}): TemplateResult {
  const strings = templates[Math.min(6, Math.max(1, Math.round(level) || 1)) - 1]!;
  return html(strings, attrs.part ?? nothing, attrs.id ?? nothing, attrs.lang ?? nothing, content);
}

/** The URL when it is an absolute `http:` or `https:` URL; otherwise `undefined`. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

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
 * The one rule for a `heading-level` value: rounded and clamped to 1–6, 3 when it is not a number;
 * `below` levels lower (a section under it), never past 6.
 */
export function headingLevel(value: number, below = 0): number {
  const level = Math.round(value);
  return Math.min(6, (Number.isFinite(level) ? Math.max(1, level) : 3) + below);
}

/**
 * Renders `content` as an `<h1>`…`<h6>` (level clamped as {@link headingLevel}), so that elements
 * fit the heading outline of the page they are placed in.
 */
export function heading(level: number, content: unknown, attrs: HeadingAttributes = {}): TemplateResult {
  const strings = templates[headingLevel(level) - 1]!;
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

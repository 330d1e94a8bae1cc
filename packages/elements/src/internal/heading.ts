import { html, nothing, type TemplateResult } from 'lit';

/** Optional attributes of a heading rendered by {@link heading}. */
export interface HeadingAttributes {
  part?: string;
  id?: string;
  lang?: string;
}

/**
 * Renders `content` as an `<h1>`…`<h6>` (level clamped to 1–6), so that elements fit the
 * heading outline of the page they are placed in.
 */
export function heading(level: number, content: unknown, attrs: HeadingAttributes = {}): TemplateResult {
  const part = attrs.part ?? nothing;
  const id = attrs.id ?? nothing;
  const lang = attrs.lang ?? nothing;
  switch (Math.min(6, Math.max(1, Math.round(level) || 1))) {
    case 1:
      return html`<h1 part=${part} id=${id} lang=${lang}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part} id=${id} lang=${lang}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} id=${id} lang=${lang}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} id=${id} lang=${lang}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} id=${id} lang=${lang}>${content}</h5>`;
    default:
      return html`<h6 part=${part} id=${id} lang=${lang}>${content}</h6>`;
  }
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

/**
 * Baked SVG badges: `<openbadges:credential>` (namespace https://purl.imsglobal.org/ob/v3p0, OB 3.0)
 * or `<openbadges:assertion>` (namespace http://openbadges.org, OB 2.0) holding JSON in CDATA or a
 * JWS/URL in `verify="…"`. Read with a small tokenizer, not a DOM, so it also runs in Node.
 */
import { McError } from '../model/errors.js';
import type { BakedContent } from './png.js';

const NS3 = 'https://purl.imsglobal.org/ob/v3p0';
const NS2 = 'http://openbadges.org';

const decodeEntities = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `text` looks like an SVG document. */
export function isSvg(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(
    text.replace(/^\uFEFF/, ''),
  );
}

function prefixFor(svg: string, ns: string): string[] {
  const re = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${escapeRe(ns)}/?["']`, 'g');
  const prefixes = [...svg.matchAll(re)].map((m) => m[1]!);
  return prefixes.length ? prefixes : ['openbadges'];
}

function extract(svg: string, prefix: string, local: string): BakedContent | undefined {
  const tag = `${prefix}:${local}`;
  const open = new RegExp(`<${escapeRe(tag)}(\\s[^>]*?)?(/?)>`, 'i').exec(svg);
  if (!open) return undefined;
  const attrs = open[1] ?? '';
  const verify = /\sverify\s*=\s*("([^"]*)"|'([^']*)')/.exec(attrs);
  const verifyValue = verify ? decodeEntities(verify[2] ?? verify[3] ?? '').trim() : '';
  let body = '';
  if (open[2] !== '/') {
    const end = svg.indexOf(`</${tag}`, open.index + open[0].length);
    if (end < 0) throw new McError('unbake', 'The badge data in this SVG image is cut short.');
    const inner = svg.slice(open.index + open[0].length, end);
    const sections = [...inner.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)];
    body = (
      sections.length > 0
        ? sections.map((m) => m[1]).join('')
        : decodeEntities(inner.replace(/<!--[\s\S]*?-->/g, ''))
    ).trim();
  }
  const text = body || verifyValue;
  if (!text) throw new McError('unbake', 'The badge element in this SVG image is empty.');
  return { source: `openbadges:${local}`, text };
}

/**
 * Reads the credential baked into an SVG. Undefined when the image carries none.
 * @throws {McError} `unbake` when the badge element is damaged or empty.
 */
export function unbakeSvg(svg: string): BakedContent | undefined {
  if (svg.length > 16 * 1024 * 1024) throw new McError('too-large', 'This image is larger than 16 MB.');
  for (const p of prefixFor(svg, NS3)) {
    const c = extract(svg, p, 'credential');
    if (c) return c;
  }
  for (const p of prefixFor(svg, NS2)) {
    const c = extract(svg, p, 'assertion');
    if (c) return c;
  }
  return undefined;
}

/**
 * Bakes a credential into an SVG, right after the opening `<svg>` tag: JSON goes in CDATA, a compact
 * JWS in `verify="…"`. OB 3.0 uses `<openbadges:credential>`; pass `{ version: 2 }` for an OB 2.0
 * `<openbadges:assertion>`. Any existing baked element is removed.
 * @throws {McError} `unbake` when `svg` has no `<svg>` element.
 */
export function bakeSvg(svg: string, credential: string | object, options: { version?: 2 | 3 } = {}): string {
  const v2 = options.version === 2;
  const ns = v2 ? NS2 : NS3;
  const local = v2 ? 'assertion' : 'credential';
  const text = typeof credential === 'string' ? credential.trim() : JSON.stringify(credential);
  let out = svg
    .replace(/<openbadges:(credential|assertion)\b[^>]*\/>/g, '')
    .replace(/<openbadges:(credential|assertion)\b[\s\S]*?<\/openbadges:\1>/g, '');
  const open = /<svg\b[^>]*>/i.exec(out);
  if (!open) throw new McError('unbake', 'This is not an SVG image.');
  let tag = open[0];
  if (!/xmlns:openbadges\s*=/.test(tag)) tag = tag.replace(/^<svg\b/i, `<svg xmlns:openbadges="${ns}"`);
  const isJson = text.startsWith('{');
  const element = isJson
    ? `<openbadges:${local}><![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]></openbadges:${local}>`
    : `<openbadges:${local} verify="${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></openbadges:${local}>`;
  out = out.slice(0, open.index) + tag + element + out.slice(open.index + open[0].length);
  return out;
}

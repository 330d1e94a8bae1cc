/**
 * Baked SVG badges: `<openbadges:credential>` (namespace https://purl.imsglobal.org/ob/v3p0, OB 3.0)
 * or `<openbadges:assertion>` (namespace http://openbadges.org, OB 2.0) holding JSON in CDATA or a
 * JWS/URL in `verify="…"`. Read with a small scanner, not a DOM, so it also runs in Node. Every
 * search here is a forward `indexOf` scan or a pattern without nested or overlapping quantifiers, so
 * the work is linear in the size of the image, whatever it holds (issue 11 item 10).
 */
import { McError } from '../model/errors.js';
import type { BakedContent } from './png.js';

const NS3 = 'https://purl.imsglobal.org/ob/v3p0';
const NS2 = 'http://openbadges.org';

const damaged = (): McError => new McError('unbake', 'The badge data in this SVG image is damaged.');
const cutShort = (): McError => new McError('unbake', 'The badge data in this SVG image is cut short.');

const NAMED: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

/**
 * XML character and entity references decoded in one pass (so `&#x26;lt;` stays `&lt;`).
 * @throws {McError} `unbake` for a reference to a code point beyond U+10FFFF.
 */
const decodeEntities = (s: string): string =>
  s.replace(
    /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(quot|apos|lt|gt|amp));/g,
    (_m, h?: string, d?: string, n?: string) => {
      if (n) return NAMED[n]!;
      const code = h !== undefined ? parseInt(h, 16) : Number(d);
      if (!(code <= 0x10ffff)) throw damaged();
      return String.fromCodePoint(code);
    },
  );

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True for the characters `\s` matches (XML's space, tab, CR and LF among them). */
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** The index after the whitespace at `i`. */
function skipSpace(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

/** Whether `text` has `word` at `i`, ignoring ASCII case. */
const hasAt = (text: string, i: number, word: string): boolean =>
  text.slice(i, i + word.length).toLowerCase() === word;

/**
 * True when `text` looks like an SVG document: the root element is `<svg`, after an optional
 * byte-order mark and an XML prolog (declaration, comments, processing instructions, a DOCTYPE with
 * or without an internal subset, whitespace), followed by whitespace, `>` or `/`. A forward scan: linear in the length of the prolog.
 */
export function isSvg(text: string): boolean {
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  for (;;) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (hasAt(text, i, '<!doctype')) {
      // `<!DOCTYPE svg PUBLIC "…" "…" [ <!ENTITY …> ]>`: the internal subset may hold `>`.
      const close = text.indexOf('>', i);
      const open = text.indexOf('[', i);
      if (close < 0) return false;
      if (open >= 0 && open < close) {
        const subsetEnd = text.indexOf(']', open);
        if (subsetEnd < 0) return false;
        const end = text.indexOf('>', subsetEnd);
        if (end < 0) return false;
        i = end + 1;
      } else i = close + 1;
    } else break;
    i = skipSpace(text, i);
  }
  const next = text[i + 4];
  return hasAt(text, i, '<svg') && (next === '>' || next === '/' || isSpace(next));
}

/** The prefixes bound to namespace `ns` (`xmlns:p="ns"`); `openbadges` when none is declared. */
function prefixFor(svg: string, ns: string): string[] {
  const re = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${escapeRe(ns)}/?["']`, 'g');
  const prefixes = [...svg.matchAll(re)].map((m) => m[1]!);
  return prefixes.length ? prefixes : ['openbadges'];
}

/** A start tag read by {@link readTag}: its attributes and where it ends. */
interface Tag {
  attrs: Map<string, string>;
  selfClosing: boolean;
  /** Index just after the tag's `>`. */
  end: number;
}

/**
 * Reads the attributes of the start tag whose name ends at `i`, up to its `>` (quoted values may
 * hold `>`). Undefined when the tag is cut short.
 */
function readTag(svg: string, i: number): Tag | undefined {
  const attrs = new Map<string, string>();
  for (;;) {
    i = skipSpace(svg, i);
    const c = svg[i];
    if (c === undefined) return undefined;
    if (c === '>') return { attrs, selfClosing: false, end: i + 1 };
    if (c === '/' && svg[i + 1] === '>') return { attrs, selfClosing: true, end: i + 2 };
    const nameStart = i;
    while (i < svg.length && !isSpace(svg[i]) && !'=/>'.includes(svg[i]!)) i++;
    if (i === nameStart) throw damaged(); // a stray "/" or "="
    const name = svg.slice(nameStart, i);
    i = skipSpace(svg, i);
    if (svg[i] !== '=') {
      attrs.set(name, ''); // an attribute without a value (not XML, but seen in the wild)
      continue;
    }
    i = skipSpace(svg, i + 1);
    const quote = svg[i];
    if (quote !== '"' && quote !== "'") throw damaged();
    const close = svg.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    if (!attrs.has(name)) attrs.set(name, svg.slice(i + 1, close));
    i = close + 1;
  }
}

/**
 * The text of `inner` (an element's content): its CDATA sections joined when it has any, otherwise
 * the text without comments and with references decoded.
 * @throws {McError} `unbake` when a CDATA section or a comment is never closed.
 */
function elementText(inner: string): string {
  const sections: string[] = [];
  for (let i = inner.indexOf('<![CDATA['); i >= 0;) {
    const end = inner.indexOf(']]>', i + 9);
    if (end < 0) throw cutShort();
    sections.push(inner.slice(i + 9, end));
    i = inner.indexOf('<![CDATA[', end + 3);
  }
  if (sections.length > 0) return sections.join('');
  let text = '';
  let from = 0;
  for (let i = inner.indexOf('<!--'); i >= 0;) {
    const end = inner.indexOf('-->', i + 4);
    if (end < 0) throw cutShort();
    text += inner.slice(from, i);
    from = end + 3;
    i = inner.indexOf('<!--', from);
  }
  return decodeEntities(text + inner.slice(from));
}

function extract(svg: string, prefix: string, local: string): BakedContent | undefined {
  const tag = `${prefix}:${local}`;
  // The first `<prefix:local` followed by whitespace, `/` or `>` (a literal, then one character).
  const open = new RegExp(`<${escapeRe(tag)}(?=[\\s/>])`, 'i').exec(svg);
  if (!open) return undefined;
  const start = readTag(svg, open.index + open[0].length);
  if (!start) throw cutShort();
  const verifyValue = decodeEntities(start.attrs.get('verify') ?? '').trim();
  let body = '';
  if (!start.selfClosing) {
    const end = svg.indexOf(`</${tag}`, start.end);
    if (end < 0) throw cutShort();
    body = elementText(svg.slice(start.end, end)).trim();
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
 * `svg` without its `<openbadges:credential>` / `<openbadges:assertion>` elements (self-closing or
 * with content up to the matching end tag). Linear: each `indexOf` result is reused until the scan
 * passes it, so a thousand unclosed tags do not make a thousand scans to the end.
 */
function removeBaked(svg: string): string {
  const found = new Map<string, number>();
  /** `svg.indexOf(needle, from)`, for `from` that only grows per needle. */
  const next = (needle: string, from: number): number => {
    const last = found.get(needle);
    if (last !== undefined && (last < 0 || last >= from)) return last;
    const at = svg.indexOf(needle, from);
    found.set(needle, at);
    return at;
  };
  const opener = /<openbadges:(credential|assertion)\b/g;
  let out = '';
  let from = 0;
  for (let m = opener.exec(svg); m; m = opener.exec(svg)) {
    const gt = next('>', m.index);
    if (gt < 0) break;
    let end = -1;
    if (svg[gt - 1] === '/') end = gt + 1;
    else {
      const closer = `</openbadges:${m[1]}>`;
      const at = next(closer, m.index);
      if (at >= 0) end = at + closer.length;
    }
    if (end < 0) continue;
    out += svg.slice(from, m.index);
    from = end;
    opener.lastIndex = end;
  }
  return out + svg.slice(from);
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
  let out = removeBaked(svg);
  const open = /<svg\b/i.exec(out);
  const gt = open ? out.indexOf('>', open.index) : -1;
  if (!open || gt < 0) throw new McError('unbake', 'This is not an SVG image.');
  let tag = out.slice(open.index, gt + 1);
  if (!/xmlns:openbadges\s*=/.test(tag)) tag = tag.replace(/^<svg\b/i, `<svg xmlns:openbadges="${ns}"`);
  const isJson = text.startsWith('{');
  const element = isJson
    ? `<openbadges:${local}><![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]></openbadges:${local}>`
    : `<openbadges:${local} verify="${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></openbadges:${local}>`;
  out = out.slice(0, open.index) + tag + element + out.slice(gt + 1);
  return out;
}

/**
 * The demo issuer's oEmbed provider (https://oembed.com, "2.2 Consumer Request" and "2.3 Provider
 * Response"): `GET /oembed?url=<credential or catalog URL>&format=json` answers a `rich` embed whose
 * HTML is an `<iframe>` of @microcred/embed's frame.html (made by the embed builder's own snippet
 * code, with frame.html's parameter rules and titles), the discovery `<link>` its credential pages
 * carry, those pages, and the built embed package served at `/embed/` so the frames have a home.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HEIGHT, type FrameSpec } from '../../packages/embed/src/frame/params.js';
import { FRAME_STRINGS } from '../../packages/embed/src/frame/strings.js';
import { iframeSnippet } from '../../packages/embed/src/builder/snippets.js';

/** What an address of the issuer embeds as: the element, its source, its language and its name. */
export interface EmbedTarget {
  element: 'verify' | 'catalog';
  /** The address the frame reads (the credential's JSON, the catalog feed). */
  src: string;
  lang: 'en' | 'es';
  /** The credential's or catalog's own name (the iframe's and the answer's title). */
  name: string;
}

/** Width of an embed when the consumer sets no `maxwidth` (px): a card's comfortable width. */
export const DEFAULT_WIDTH = 600;

/** Why a request gets no embed: the status the oEmbed spec gives it. */
export class OEmbedError extends Error {
  constructor(
    readonly status: 400 | 404 | 501,
    message: string,
  ) {
    super(message);
  }
}

/** A positive whole number of pixels, or undefined (`maxwidth`/`maxheight` are optional). */
function pixels(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1)
    throw new OEmbedError(400, `${name} must be a whole number of pixels.`);
  return Number(value);
}

/**
 * The oEmbed answer for a request's parameters. `resolve` maps an address to what it embeds as
 * (or undefined: not ours, 404); `embedUrl` is the folder holding frame.html.
 * @throws {OEmbedError} 400 without `url` or with a bad size, 404 for an address with no embed,
 *   501 for a format other than JSON ("501 Not Implemented - The provider cannot return a response
 *   in the requested format", oEmbed 2.3.2).
 */
export async function oembedAnswer(
  params: URLSearchParams,
  resolveTarget: (url: URL) => Promise<EmbedTarget | undefined>,
  options: { embedUrl: string; providerName: string; providerUrl: string },
): Promise<Record<string, unknown>> {
  const format = params.get('format') || 'json';
  // Checked first: whatever the address, this provider can answer only in JSON.
  if (format !== 'json') throw new OEmbedError(501, 'This provider answers only format=json.');
  const raw = params.get('url');
  if (!raw) throw new OEmbedError(400, 'Give the address to embed: /oembed?url=<address>&format=json.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OEmbedError(404, 'This is not an address this provider knows.');
  }
  const target = await resolveTarget(url);
  if (!target) throw new OEmbedError(404, 'There is no embed for this address.');
  const maxwidth = pixels(params.get('maxwidth'), 'maxwidth');
  const maxheight = pixels(params.get('maxheight'), 'maxheight');
  // "The provider must respect maxwidth and maxheight" (oEmbed 2.2): the frame scrolls inside a
  // smaller height, and reports its own height to hosts that listen.
  const width = Math.min(DEFAULT_WIDTH, maxwidth ?? DEFAULT_WIDTH);
  const height = Math.min(DEFAULT_HEIGHT[target.element], maxheight ?? Infinity);
  const spec: FrameSpec = {
    element: target.element,
    src: target.src,
    lang: target.lang,
    theme: 'auto',
    options: {},
  };
  const title = `${target.name} — ${FRAME_STRINGS[target.lang].title[target.element]}`;
  const html = iframeSnippet(spec, title, options.embedUrl, { width, height });
  return {
    version: '1.0',
    type: 'rich',
    title: target.name,
    provider_name: options.providerName,
    provider_url: options.providerUrl,
    cache_age: 3600,
    html,
    width,
    height,
  };
}

/** The discovery `<link>` for `pageUrl` (oEmbed 4, "Discovery"). */
export function discoveryLink(origin: string, pageUrl: string, title: string): string {
  const href = `${origin}/oembed?${new URLSearchParams({ url: pageUrl, format: 'json' }).toString()}`;
  return `<link rel="alternate" type="application/json+oembed" href="${escape(href)}" title="${escape(title)}">`;
}

/** The same as an HTTP `Link` header (for clients that read headers, not pages). */
export function discoveryHeader(origin: string, pageUrl: string): string {
  const href = `${origin}/oembed?${new URLSearchParams({ url: pageUrl, format: 'json' }).toString()}`;
  return `<${href}>; rel="alternate"; type="application/json+oembed"`;
}

const escape = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The built @microcred/embed package (`npm run build`). */
const embedDist = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../packages/embed/dist');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A file of the built embed package for a path below `/embed/`, or undefined when there is none
 * (or the package is not built).
 */
export function embedFile(path: string): { type: string; body: Buffer } | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const file = resolve(embedDist, rel.replace(/^\/+/, ''));
  if (!file.startsWith(embedDist + sep) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return { type: types[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
}

/** Whether the embed package is built (its frame.html exists). */
export const embedBuilt = (): boolean => existsSync(resolve(embedDist, 'frame.html'));

/**
 * `frame.html`'s URL parameters: what each element accepts, how each value is checked, and the
 * reverse (a frame URL from a choice, for the embed builder). DOM-free and import-free, so the
 * frame's first load stays small and the builder shares the exact rules.
 *
 * `frame.html?element=catalog|wallet|tracker|card|verify&src=…&lang=en|es&variant=…&theme=light|dark|auto`
 * plus each element's own options (see {@link FRAME_OPTIONS}). Every source is an absolute `http:` or
 * `https:` address: a relative one would be read against the server that hosts `frame.html`, never
 * what a webmaster means.
 * @packageDocumentation
 */

/** The elements a frame can show. `verify` is a card with a verify button in it. */
export type FrameElement = 'card' | 'verify' | 'catalog' | 'tracker' | 'wallet';

/** The elements, in the order the builder offers them. */
export const FRAME_ELEMENTS: readonly FrameElement[] = ['card', 'verify', 'catalog', 'tracker', 'wallet'];

/** Languages the elements speak. */
export type FrameLang = 'en' | 'es';

/**
 * The language a frame shows: English or Spanish (every word of the frame), or Arabic (right to
 * left), Simplified Chinese or Vietnamese — the element, and the frame's title and loading line; a
 * message about a mistaken frame address is for the webmaster and stays in English.
 */
export type FrameContentLang = FrameLang | 'ar' | 'zh-Hans' | 'vi';

/** `light`, `dark`, or `auto` (the visitor's system setting). */
export type FrameTheme = 'light' | 'dark' | 'auto';

/** What a frame was asked to show, checked. */
export interface FrameSpec {
  element: FrameElement;
  /** Absolute http(s) address of the credential, catalog, pathway or credential list. */
  src: string;
  lang: FrameContentLang;
  theme: FrameTheme;
  /** `full` or `compact` (card, verify and tracker only). */
  variant?: 'full' | 'compact';
  /** The element's own options, by parameter name (see {@link FRAME_OPTIONS}); facet filters may repeat. */
  options: Record<string, string[]>;
}

/** Why a parameter was refused: a stable code the frame translates. */
export type FrameProblemCode =
  | 'unknown-element'
  | 'missing-src'
  | 'unsafe-src'
  | 'bad-lang'
  | 'bad-theme'
  | 'bad-variant'
  | 'bad-option'
  | 'unknown-parameter'
  | 'repeated-parameter';

/** One refused parameter. */
export interface FrameProblem {
  code: FrameProblemCode;
  /** The parameter's name. */
  param: string;
  /** The value given (cut to 200 characters), when there was one. */
  value?: string;
}

/** Longest address accepted (a URL longer than this is not a badge address). */
const MAX_URL = 2048;
/** Longest free-text option (a search or a label). */
const MAX_TEXT = 200;

const oneOf =
  (...values: string[]) =>
  (v: string): boolean =>
    values.includes(v);
/** Free text: short, and no control characters (a search or a label, never markup that matters). */
const text = (v: string): boolean =>
  v.length <= MAX_TEXT && ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const count = (v: string): boolean => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 200;

/** The catalog's facets (core's `CATALOG_FACETS`, read through the catalog's `url-state`). */
const CATALOG_FACETS = ['subject', 'gradeBand', 'format', 'effort', 'stack', 'skill'];

/**
 * Each element's own options: parameter name → the check its value must pass. The catalog's
 * `mc-q` (search), `mc-sort` and `mc-<facet>` are the catalog's own `url-state` parameters, so the
 * catalog in the frame starts with that search and those filters (and keeps them in the frame's URL).
 * A facet filter may be given more than once.
 */
export const FRAME_OPTIONS: Record<FrameElement, Record<string, (value: string) => boolean>> = {
  card: {},
  verify: {},
  catalog: {
    'page-size': count,
    'mc-q': text,
    'mc-sort': oneOf('name', 'effort', 'newest'),
    ...Object.fromEntries(CATALOG_FACETS.map((f) => [`mc-${f}`, text])),
  },
  tracker: { 'records-src': (v) => httpUrl(v) !== undefined },
  wallet: {
    'group-by': oneOf('none', 'issuer', 'stack', 'year', 'type'),
    'sort-by': oneOf('order', 'name', 'newest', 'oldest', 'issuer'),
    label: text,
  },
};

/** Options that may be given more than once. */
const REPEATABLE = new Set(CATALOG_FACETS.map((f) => `mc-${f}`));

/** Elements that take `variant`. */
const HAS_VARIANT = new Set<FrameElement>(['card', 'verify', 'tracker']);

/** The height a frame of each element gets when no script on the host page resizes it (px). */
export const DEFAULT_HEIGHT: Record<FrameElement, number> = {
  card: 480,
  verify: 560,
  catalog: 640,
  tracker: 520,
  wallet: 640,
};

/** The address when it is an absolute `http:`/`https:` URL without user name or password. */
export function httpUrl(value: string): string | undefined {
  if (value.length > MAX_URL || value.trim() !== value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || !url.hostname) return undefined;
  return url.href;
}

/**
 * `en`, `es`, `ar`, `vi`, or a regional form of one (`es-MX` → `es`); `zh-Hans` for Chinese written
 * in Simplified characters (`zh`, `zh-CN`, `zh-SG`, `zh-Hans-*`; Traditional is not available, as
 * in the elements); undefined for anything else.
 */
export function frameLang(value: string): FrameContentLang | undefined {
  const m = /^(en|es|ar|vi|zh)(?:-[a-z0-9]{1,8})*$/i.exec(value);
  const base = m?.[1]!.toLowerCase();
  if (base !== 'zh') return base as FrameContentLang | undefined;
  try {
    return new Intl.Locale(value).maximize().script === 'Hans' ? 'zh-Hans' : undefined;
  } catch {
    return undefined;
  }
}

const cut = (v: string): string => (v.length > 200 ? `${v.slice(0, 200)}…` : v);

/**
 * Reads and checks a frame's query string. Returns the spec, or every problem found (each
 * parameter is judged on its own, so a webmaster sees all mistakes at once). Without `element`
 * the frame shows a card (what `frame.html?src=…` always did).
 */
export function readFrameParams(search: string | URLSearchParams): FrameSpec | FrameProblem[] {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: FrameProblem[] = [];
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key) && !REPEATABLE.has(key)) problems.push({ code: 'repeated-parameter', param: key });
    seen.add(key);
  }
  const elementValue = params.get('element') ?? 'card';
  const element = (FRAME_ELEMENTS as readonly string[]).includes(elementValue)
    ? (elementValue as FrameElement)
    : undefined;
  if (!element) problems.push({ code: 'unknown-element', param: 'element', value: cut(elementValue) });

  const srcValue = params.get('src');
  const src = srcValue === null || srcValue === '' ? undefined : httpUrl(srcValue);
  if (srcValue === null || srcValue === '') problems.push({ code: 'missing-src', param: 'src' });
  else if (!src) problems.push({ code: 'unsafe-src', param: 'src', value: cut(srcValue) });

  const langValue = params.get('lang');
  const lang = langValue === null ? 'en' : frameLang(langValue);
  if (!lang) problems.push({ code: 'bad-lang', param: 'lang', value: cut(langValue ?? '') });

  const themeValue = params.get('theme') ?? 'auto';
  const theme = oneOf('light', 'dark', 'auto')(themeValue) ? (themeValue as FrameTheme) : undefined;
  if (!theme) problems.push({ code: 'bad-theme', param: 'theme', value: cut(themeValue) });

  const variantValue = params.get('variant');
  let variant: FrameSpec['variant'];
  if (variantValue !== null && element) {
    if (!HAS_VARIANT.has(element)) problems.push({ code: 'unknown-parameter', param: 'variant' });
    else if (variantValue === 'full' || variantValue === 'compact') variant = variantValue;
    else problems.push({ code: 'bad-variant', param: 'variant', value: cut(variantValue) });
  }

  const options: Record<string, string[]> = {};
  const common = new Set(['element', 'src', 'lang', 'theme', 'variant']);
  for (const [key, value] of params) {
    if (common.has(key) || !element) continue;
    const check = FRAME_OPTIONS[element][key];
    if (!check) {
      if (!problems.some((p) => p.param === key))
        problems.push({ code: 'unknown-parameter', param: cut(key) });
      continue;
    }
    if (!check(value)) problems.push({ code: 'bad-option', param: key, value: cut(value) });
    else (options[key] ??= []).push(value);
  }
  if (problems.length || !element || !src || !lang || !theme) return problems;
  return { element, src, lang, theme, ...(variant ? { variant } : {}), options };
}

/**
 * The query string (with `?`) that asks a frame for `spec`: the inverse of {@link readFrameParams}.
 * Defaults (`lang=en`, `theme=auto`) are left out.
 */
export function frameQuery(spec: FrameSpec): string {
  const params = new URLSearchParams({ element: spec.element, src: spec.src });
  if (spec.lang !== 'en') params.set('lang', spec.lang);
  if (spec.variant) params.set('variant', spec.variant);
  if (spec.theme !== 'auto') params.set('theme', spec.theme);
  for (const [key, values] of Object.entries(spec.options)) for (const v of values) params.append(key, v);
  return `?${params.toString()}`;
}

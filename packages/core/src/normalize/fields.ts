/**
 * Tiny defensive readers used by the normaliser. Each takes `unknown` and returns a clean value or
 * `undefined`; problems worth knowing about are pushed onto the warning list.
 */

/** A JSON object (not an array). */
export type Obj = Record<string, unknown>;

/** The name used when a credential has none; elements may translate it. */
export const UNTITLED_NAME = 'Untitled credential';

/** True for a plain JSON object. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object itself, the first object of an array, or `{}`. */
export const obj = (v: unknown): Obj => {
  const first = Array.isArray(v) ? v.find(isObj) : v;
  return isObj(first) ? first : {};
};

/** Always an array: `undefined`/`null` → `[]`, a single value → `[value]`. */
export const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

// C0 and C1 control characters, DEL, line/paragraph separators and the byte-order mark.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g;

function clean(v: unknown, multiline: boolean): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
  if (isObj(v) && typeof v['@value'] === 'string') v = v['@value'];
  if (typeof v !== 'string') return undefined;
  let s = v.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  s = multiline ? s.replace(/[ \t]+\n/g, '\n') : s.replace(/\s+/g, ' ');
  s = s.trim();
  return s === '' ? undefined : s;
}

/** A single-line string: controls removed, whitespace collapsed, trimmed; numbers become strings. */
export const str = (v: unknown): string | undefined => clean(v, false);

/** Multi-line text (plain or Markdown): controls removed except line feeds and tabs, trimmed. */
export const text = (v: unknown): string | undefined => clean(v, true);

/** A finite number (numeric strings accepted). */
export const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** Collects warnings for one normalisation run. */
export type Warn = (msg: string) => void;

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

/**
 * An absolute http(s) URL (or, when `image` is set, also a raster/SVG `data:image` URL). Anything
 * else given is dropped with a warning naming `where`.
 */
export function url(v: unknown, warn: Warn, where: string, image = false): string | undefined {
  const s = str(isObj(v) ? v['id'] : v);
  if (s === undefined) return undefined;
  if (image && DATA_IMAGE.test(s)) return s;
  try {
    // The scheme test makes `new URL` either throw or yield http(s); it rejects what browsers would not parse.
    if (/^https?:\/\//i.test(s) && new URL(s)) return s;
  } catch {
    // fall through to the warning
  }
  warn(`${where}: dropped a link that is not http(s)`);
  return undefined;
}

/** Like {@link url} but silent: for ids that may legitimately be URNs or DIDs. */
export function idUrl(v: unknown): string | undefined {
  const s = str(v);
  return s !== undefined && /^https?:\/\/[^\s]+$/i.test(s) ? s : undefined;
}

/**
 * A date: ISO 8601 text (date or date-time) or a Unix timestamp in seconds (OB 2.0 allows both).
 * Anything else is omitted with a warning.
 */
export function date(v: unknown, warn: Warn, where: string): Date | undefined {
  if (v == null || v === '') return undefined;
  const s = typeof v === 'number' ? '' : str(v);
  let t = NaN;
  if (typeof v === 'number') t = v * 1000;
  else if (
    s !== undefined &&
    /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/i.test(s)
  ) {
    t = Date.parse(s.replace(' ', 'T'));
  } else if (s !== undefined && /^\d{9,11}$/.test(s)) t = Number(s) * 1000;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) {
    warn(`${where}: "${String(s ?? typeof v).slice(0, 40)}" is not a date, so it was left out.`);
    return undefined;
  }
  return d;
}

/** The strings of an array-or-single value (for `type`, `tag`, `allowedValue`…). */
export const strs = (v: unknown): string[] =>
  arr(v)
    .map(str)
    .filter((s): s is string => s !== undefined);

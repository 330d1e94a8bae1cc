/**
 * The validity window: VCDM 2.0 `validFrom`/`validUntil`, VCDM 1.1 `issuanceDate`/`expirationDate`,
 * and for a VC-JWT the token's own `nbf`/`exp` (RFC 7519), which win over the `vc` claim. Also the
 * strict XML Schema dateTime reader the Data Integrity proof times use.
 */
import type { VerifyContext } from './context.js';
import { decodeJwsPart } from './jwt/jws.js';
import type { Check } from './types.js';

type Obj = Record<string, unknown>;

const XSD_DATETIME =
  /^(-?(?:[1-9]\d{3,}|0\d{3}))-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Reads an [XMLSCHEMA11-2] `dateTime` (surrounding whitespace allowed, the offset optional and then
 * read as UTC, as VCDM 2.0 §4.8 and Data Integrity say): every field in range, no 30 February, hour
 * 24 only as 24:00:00, offsets within ±14:00. Undefined when `value` is not one.
 */
export function parseXsdDateTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = XSD_DATETIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', tz = 'Z'] = m as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[];
  const days = [31, isLeap(year!) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month! < 1 || month! > 12 || day! < 1 || day! > days[month! - 1]!) return undefined;
  if (minute! > 59 || second! > 59) return undefined;
  if (hour! > 24 || (hour === 24 && (minute !== 0 || second !== 0 || /[1-9]/.test(frac)))) return undefined;
  let offsetMin = 0;
  if (tz !== 'Z') {
    const [oh, om] = tz.slice(1).split(':').map(Number) as [number, number];
    if (om > 59 || oh * 60 + om > 14 * 60) return undefined;
    offsetMin = (tz[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  date.setUTCHours(hour!, minute!, second!, Number(frac.slice(0, 3).padEnd(3, '0')));
  const t = date.getTime() - offsetMin * 60_000;
  return Number.isFinite(t) ? new Date(t) : undefined;
}

function readDate(doc: Obj, names: string[]): { name: string; date?: Date; bad?: boolean } | undefined {
  for (const name of names) {
    const v = doc[name];
    if (v === undefined || v === null) continue;
    const date = parseXsdDateTime(v);
    return date ? { name, date } : { name, bad: true };
  }
  return undefined;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);
const check = (outcome: Check['outcome'], code: Check['code'], message: string): Check => ({
  id: 'validity',
  outcome,
  code,
  message,
});

/** Largest NumericDate accepted (the year 275760, the end of ECMAScript time, in seconds). */
const MAX_NUMERIC_DATE = 8.64e12;

/**
 * The `nbf`/`exp` claims of a VC-JWT: a failed check when the token is not (or no longer) to be
 * accepted at `ctx.now` with `ctx.skewMs` leeway, or when a claim is not a NumericDate. `token`: the
 * compact token, or its payload when the caller has decoded it already.
 */
function tokenWindow(ctx: VerifyContext, token: string | Obj): Check | undefined {
  const payload = typeof token === 'string' ? decodeJwsPart(token.split('.')[1]) : token;
  if (!payload) return undefined;
  const read = (claim: 'nbf' | 'exp'): Date | 'bad' | undefined => {
    if (!(claim in payload)) return undefined;
    const n = payload[claim];
    return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_NUMERIC_DATE
      ? new Date(n * 1000)
      : 'bad';
  };
  const nbf = read('nbf');
  const exp = read('exp');
  for (const [claim, v] of [
    ['nbf', nbf],
    ['exp', exp],
  ] as const) {
    if (v === 'bad')
      return check('failed', 'validity-bad-date', `The token's ${claim} is not a NumericDate.`);
  }
  const now = ctx.now.getTime();
  // RFC 7519: accepted only when now >= nbf and now < exp (each with the clock skew allowed)
  if (nbf instanceof Date && now + ctx.skewMs < nbf.getTime())
    return check('failed', 'jwt-not-yet-valid', `The token may not be used before ${day(nbf)} (nbf).`);
  if (exp instanceof Date && now - ctx.skewMs >= exp.getTime())
    return check('failed', 'jwt-expired', `The token expired on ${day(exp)} (exp).`);
  return undefined;
}

/**
 * Checks the validity window of a VC-shaped document at `ctx.now`, allowing `ctx.skewMs`. For a
 * VC-JWT pass the compact token (or its decoded payload) as `jws`: its `nbf` and `exp` must hold too.
 */
export function checkValidity(ctx: VerifyContext, doc: Obj, jws?: string | Obj): Check {
  const from = readDate(doc, ['validFrom', 'issuanceDate', 'issuedOn']);
  const until = readDate(doc, ['validUntil', 'expirationDate', 'expires']);
  for (const d of [from, until]) {
    if (d?.bad)
      return check('failed', 'validity-bad-date', `The date in "${d.name}" is not a valid date and time.`);
  }
  const now = ctx.now.getTime();
  if (from?.date && until?.date && until.date.getTime() < from.date.getTime())
    return check('failed', 'validity-bad-window', 'The credential expires before it becomes valid.');
  if (from?.date && now + ctx.skewMs < from.date.getTime())
    return check(
      'failed',
      'not-yet-valid',
      `The credential is not valid yet: it becomes valid on ${day(from.date)}.`,
    );
  if (until?.date && now - ctx.skewMs > until.date.getTime())
    return check('failed', 'expired', `The credential expired on ${day(until.date)}.`);
  const token = jws === undefined ? undefined : tokenWindow(ctx, jws);
  if (token) return token;
  const message = until?.date
    ? `The credential is within its validity period (until ${day(until.date)}).`
    : 'The credential is valid and has no expiry date.';
  return check('passed', 'valid', message);
}

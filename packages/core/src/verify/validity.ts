/** The validity window: VCDM 2.0 `validFrom`/`validUntil`, VCDM 1.1 `issuanceDate`/`expirationDate`. */
import type { VerifyContext } from './context.js';
import type { Check } from './types.js';

type Obj = Record<string, unknown>;

const XSD_DATETIME = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

function readDate(doc: Obj, names: string[]): { name: string; date?: Date; bad?: boolean } | undefined {
  for (const name of names) {
    const v = doc[name];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !XSD_DATETIME.test(v.trim())) return { name, bad: true };
    const t = v.trim();
    const d = new Date(/(Z|[+-]\d\d:\d\d)$/.test(t) ? t : `${t}Z`);
    return Number.isNaN(d.getTime()) ? { name, bad: true } : { name, date: d };
  }
  return undefined;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Checks the validity window of a VC-shaped document at `ctx.now`, allowing `ctx.skewMs`. */
export function checkValidity(ctx: VerifyContext, doc: Obj): Check {
  const from = readDate(doc, ['validFrom', 'issuanceDate', 'issuedOn']);
  const until = readDate(doc, ['validUntil', 'expirationDate', 'expires']);
  for (const d of [from, until]) {
    if (d?.bad) {
      return {
        id: 'validity',
        outcome: 'failed',
        code: 'validity-bad-date',
        message: `The date in "${d.name}" is not a valid date and time.`,
      };
    }
  }
  const now = ctx.now.getTime();
  if (from?.date && until?.date && until.date.getTime() < from.date.getTime()) {
    return {
      id: 'validity',
      outcome: 'failed',
      code: 'validity-bad-window',
      message: 'The credential expires before it becomes valid.',
    };
  }
  if (from?.date && now + ctx.skewMs < from.date.getTime()) {
    return {
      id: 'validity',
      outcome: 'failed',
      code: 'not-yet-valid',
      message: `The credential is not valid yet: it becomes valid on ${day(from.date)}.`,
    };
  }
  if (until?.date && now - ctx.skewMs > until.date.getTime()) {
    return {
      id: 'validity',
      outcome: 'failed',
      code: 'expired',
      message: `The credential expired on ${day(until.date)}.`,
    };
  }
  const message = until?.date
    ? `The credential is within its validity period (until ${day(until.date)}).`
    : 'The credential is valid and has no expiry date.';
  return { id: 'validity', outcome: 'passed', code: 'valid', message };
}

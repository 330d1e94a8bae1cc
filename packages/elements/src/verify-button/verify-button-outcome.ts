/**
 * What a verification report comes to for `<mc-verify-button>`: its one outcome, and the icon and
 * word of each outcome. Pure functions and tables (no element state).
 */
import type { Check, VerificationReport } from '@microcred/core';
import type { StringKey } from '../i18n/en.js';
import type { VerifyOutcome } from './verify-button-events.js';
import type { Status } from '../status/status.js';

/** Checks that decide whether a credential can be trusted (the others are informative). */
const informative = ['recipient', 'endorsements', 'refresh'];

/** The outcomes from best to worst. */
const rank: VerifyOutcome[] = ['verified', 'unknown', 'expired', 'revoked', 'invalid'];

/**
 * The summary of a report. Expired and revoked are said only of a credential whose signature and
 * issuer checked out; a failed check makes it `invalid`; anything not passed is `unknown` (never
 * shown as verified). A presentation's is the worst of its own (its checks but `credentials`) and
 * of each credential's.
 */
export function outcomeOf(report: VerificationReport): VerifyOutcome {
  if (report.verified) return 'verified';
  const p = report.presentation;
  if (p) {
    // its own checks (validity and status are skipped for a presentation; a failed format skips the rest)
    const checks = report.checks.filter((c) => c.id !== 'credentials');
    const own = {
      format: report.format,
      checks,
      verified: checks.every((c) => c.outcome === 'passed' || c.outcome === 'skipped'),
    };
    return rank[Math.max(...[own, ...p.credentials].map((r) => rank.indexOf(outcomeOf(r))))]!;
  }
  const get = (id: Check['id']): Check | undefined => report.checks.find((c) => c.id === id);
  const issuer = get('issuer')?.outcome;
  if (get('proof')?.outcome === 'passed' && (issuer === 'passed' || issuer === 'skipped')) {
    if (get('status')?.outcome === 'failed') return 'revoked';
    if (get('validity')?.code === 'expired') return 'expired';
  }
  return report.checks.some((c) => c.outcome === 'failed' && !informative.includes(c.id))
    ? 'invalid'
    : 'unknown';
}

/**
 * The word of a `revoked` outcome: "Suspended" when the credentials that make it revoked (the
 * report's own, or those of a presentation) were suspended by their issuer and none revoked: a
 * suspension may be lifted, a revocation is final.
 */
export function revokedWord(report: VerificationReport): StringKey {
  const codes = (report.presentation?.credentials ?? [report])
    .filter((r) => outcomeOf(r) === 'revoked')
    .flatMap((r) => r.checks.map((c) => c.code));
  return codes.includes('suspended') && !codes.includes('revoked') ? 'verify.suspended' : 'verify.revoked';
}

/**
 * The icon of each summary and each check outcome (always beside words, never alone), filled in by
 * {@link loadIcons} with the verifier: they are drawn only beside a result.
 */
export const iconOf = {} as Record<VerifyOutcome | Status | Check['outcome'] | 'error', string>;

/** Loads the icons (a lazy chunk of the shared status icons); verification waits for them. */
export const loadIcons = (): Promise<unknown> =>
  import('./verify-button-icons.js').then((m) => Object.assign(iconOf, m.glyphs));

/**
 * The status a result is said with (the words `verify.<status>`): its outcome, told apart where
 * the words differ — suspended (not revoked) by its issuer, and an authentic credential not valid
 * yet (its signature valid, and its validity period — `validFrom`, or a token's `nbf` — its only
 * failed check; core's `verificationOutcome` says the same) — and `unknown` for an error.
 */
export function statusOf(phase: VerifyOutcome | 'error', report: VerificationReport | undefined): Status {
  const checks = report?.checks ?? [];
  const failed = checks.filter((c) => c.outcome === 'failed' && !informative.includes(c.id));
  return phase === 'error'
    ? 'unknown'
    : phase === 'revoked' && revokedWord(report!) === 'verify.suspended'
      ? 'suspended'
      : phase === 'invalid' &&
          checks.some((c) => c.id === 'proof' && c.outcome === 'passed') &&
          failed.every((c) => c.code === 'not-yet-valid' || c.code === 'jwt-not-yet-valid')
        ? 'notYetValid'
        : phase;
}

export const outcomeWord: Record<Check['outcome'], StringKey> = {
  passed: 'verify.passed',
  failed: 'verify.failed',
  unknown: 'verify.notChecked',
  skipped: 'verify.skipped',
};

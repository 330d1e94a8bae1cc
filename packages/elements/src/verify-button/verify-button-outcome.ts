/**
 * What a verification report comes to for `<mc-verify-button>`: its one outcome, and the icon and
 * word of each outcome. Pure functions and tables (no element state).
 */
import type { Check, VerificationReport } from '@microcred/core';
import type { StringKey } from '../i18n/en.js';
import type { VerifyOutcome } from './verify-button-events.js';

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

const icons = {
  passed: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.3 1 1L7 11.6 3.7 8.3l1-1L7 9.6z',
  failed:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM5.2 4.2 8 7l2.8-2.8 1 1L9 8l2.8 2.8-1 1L8 9l-2.8 2.8-1-1L7 8 4.2 5.2z',
  unknown:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 3a2.5 2.5 0 0 1 .8 4.9v1.1H7.2V7.6H8A1 1 0 1 0 7 6.5H5.5A2.5 2.5 0 0 1 8 4zm-.8 7h1.6v1.5H7.2z',
  skipped: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM4.5 7.25h7v1.5h-7z',
  expired:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM7.25 4v4.3l3 1.8.77-1.28-2.27-1.37V4z',
  revoked:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 0 1 4.3 8.9L4.6 3.7A5.5 5.5 0 0 1 8 2.5zM3.7 4.6l7.7 7.7A5.5 5.5 0 0 1 3.7 4.6z',
};
/** The icon of each summary and each check outcome (always beside words, never alone). */
export const iconOf: Record<VerifyOutcome | Check['outcome'] | 'error', string> = {
  ...icons,
  verified: icons.passed,
  invalid: icons.failed,
  error: icons.unknown,
};

export const outcomeWord: Record<Check['outcome'], StringKey> = {
  passed: 'verify.passed',
  failed: 'verify.failed',
  unknown: 'verify.notChecked',
  skipped: 'verify.skipped',
};

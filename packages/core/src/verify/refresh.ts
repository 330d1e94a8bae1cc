/**
 * `1EdTechCredentialRefresh` (OB 3.0 §Verification, step "Refresh"): when a credential names a
 * refresh service and its proof passed, fetch the refreshed credential ONCE (through `ctx.fetch`)
 * and verify it from the start (format, schema, proof, then the rest). The refreshed credential is
 * used only when its format, schema, proof and issuer binding pass and it has the same issuer;
 * otherwise the original result is kept. Either way a `refresh` check says what happened.
 */
import type { VerifyContext } from './context.js';
import { describeFailure, failureCode, fetchText, isHttpUrl } from './http.js';
import type { Check } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the refresh step needs from a verification result. */
export interface Refreshable {
  checks: Check[];
  document?: Obj;
  issuerId?: string;
}

/** The URL of the first `1EdTechCredentialRefresh` service of `doc`, if any (non-URL ids give ''). */
export function refreshUrl(doc: Obj | undefined): string | undefined {
  const raw = doc?.['refreshService'];
  const services = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const s = services.find((x) => {
    if (!isObj(x)) return false;
    const t = x['type'];
    return t === '1EdTechCredentialRefresh' || (Array.isArray(t) && t.includes('1EdTechCredentialRefresh'));
  });
  if (!s) return undefined;
  return typeof s['id'] === 'string' && isHttpUrl(s['id']) ? s['id'] : '';
}

const check = (outcome: Check['outcome'], code: string, message: string): Check => ({
  id: 'refresh',
  outcome,
  code,
  message,
});

const passed = (r: Refreshable, id: Check['id']): boolean =>
  r.checks.some((c) => c.id === id && c.outcome === 'passed');

/**
 * Refreshes `original` at most once. `verify` verifies the fetched text with refresh turned off.
 * Returns the result to report (the refreshed one, or the original) with its `refresh` check added.
 */
export async function refreshOnce<T extends Refreshable>(
  ctx: VerifyContext,
  original: T,
  verify: (input: string) => Promise<T>,
): Promise<T> {
  const url = refreshUrl(original.document);
  if (url === undefined || ctx.depth > 0) return original;
  const keep = (c: Check): T => ({ ...original, checks: [...original.checks, c] });
  if (!ctx.refresh)
    return keep(
      check(
        'skipped',
        'refresh-disabled',
        'The credential offers a refresh service; refreshing was turned off.',
      ),
    );
  if (!url)
    return keep(check('failed', 'refresh-invalid', 'The credential’s refresh service has no web address.'));
  if (!passed(original, 'proof'))
    return keep(
      check(
        'skipped',
        'refresh-not-attempted',
        'The credential was not refreshed because its own signature did not check out.',
      ),
    );
  const r = await fetchText(
    ctx,
    url,
    'application/json, application/ld+json, application/vc+jwt, text/plain',
  );
  if (!r.ok)
    return keep(
      check(
        'unknown',
        failureCode(r, 'refresh-unavailable'),
        `The refreshed credential could not be fetched from ${url} (${describeFailure(r)}); the original is shown.`,
      ),
    );
  const fresh = await verify(r.text);
  const problem = !(['format', 'schema', 'proof', 'issuer'] as const).every((id) => passed(fresh, id))
    ? 'it did not pass verification'
    : fresh.issuerId !== original.issuerId
      ? `it names another issuer (${String(fresh.issuerId).slice(0, 100)})`
      : undefined;
  if (problem)
    return keep(
      check(
        'failed',
        'refresh-rejected',
        `A refreshed credential from ${url} was not used because ${problem}; the original is shown.`,
      ),
    );
  return {
    ...fresh,
    checks: [
      ...fresh.checks,
      check('passed', 'refreshed', `The credential was refreshed from ${url} and verified again.`),
    ],
  };
}

/**
 * `1EdTechCredentialRefresh` (OB 3.0 §Verification, step "Refresh"): when a credential names a
 * refresh service and its proof passed, fetch the refreshed credential ONCE (through `ctx.fetch`)
 * and verify it from the start (format, schema, proof, then the rest). The refreshed credential is
 * used only when its format, schema, proof and issuer binding pass and it is the same credential
 * re-issued: same `id`, same issuer, same subject ids (issue 11 item 4); otherwise the original
 * result is kept. Either way a `refresh` check says what happened (and why an answer was ignored).
 */
import type { VerifyContext } from './context.js';
import { describeFailure, failureCode, fetchText, isHttpUrl } from './http.js';
import type { Check } from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;

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

const check = (outcome: Check['outcome'], code: Check['code'], message: string): Check => ({
  id: 'refresh',
  outcome,
  code,
  message,
});

const passed = (r: Refreshable, id: Check['id']): boolean =>
  r.checks.some((c) => c.id === id && c.outcome === 'passed');

/** The subject ids of a credential, sorted (`credentialSubject` may be one object or several). */
function subjectIds(doc: Obj | undefined): string[] {
  const raw = doc?.['credentialSubject'];
  const subjects = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return subjects.map((s) => (isObj(s) && typeof s['id'] === 'string' ? s['id'] : '')).sort();
}

const quote = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 100) : 'none');

/**
 * Whether `fresh` is `original` re-issued: the same credential `id`, the same (verified) issuer and
 * the same subject ids. A refresh service may renew a credential; it may not swap it for another,
 * even one its issuer signed for someone else. Undefined when it is the same; else why not.
 */
function sameCredential(
  original: Refreshable,
  fresh: Refreshable,
): { code: Check['code']; why: string } | undefined {
  const id = (r: Refreshable): unknown => r.document?.['id'];
  if (fresh.issuerId !== original.issuerId)
    return { code: 'refresh-other-issuer', why: `it names another issuer (${quote(fresh.issuerId)})` };
  if (id(fresh) !== id(original))
    return {
      code: 'refresh-other-credential',
      why: `it is another credential (${quote(id(fresh))})`,
    };
  const [was, is] = [subjectIds(original.document), subjectIds(fresh.document)];
  if (was.length !== is.length || was.some((s, i) => s !== is[i]))
    return {
      code: 'refresh-other-subject',
      why: `it names another subject`,
    };
  return undefined;
}

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
  const problem: { code: Check['code']; why: string } | undefined = !(
    ['format', 'schema', 'proof', 'issuer'] as const
  ).every((id) => passed(fresh, id))
    ? { code: 'refresh-rejected', why: 'it did not pass verification' }
    : sameCredential(original, fresh);
  if (problem)
    return keep(
      check(
        'failed',
        problem.code,
        `A refreshed credential from ${url} was not used because ${problem.why}; the original is shown.`,
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

/**
 * Open Badges 2.0: hosted assertions (re-fetched from their `id`, which must sit within the issuer's
 * verification scope; HTTP 410 or `revoked: true` = revoked) and signed assertions (a compact JWS,
 * RS256, with the key named by `verification.creator`, owned by the issuer and listed in its
 * `publicKey`; the issuer's `revocationList` is checked).
 */
import type { VerifyContext } from './context.js';
import { base64UrlDecode } from './encoding.js';
import { describeFailure, fetchJson, isHttpUrl } from './http.js';
import { verifyCompactJws } from './jwt/jws.js';
import type { Check } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : isObj(v) && typeof v['id'] === 'string' ? v['id'] : undefined;

const check = (id: Check['id'], outcome: Check['outcome'], code: string, message: string): Check => ({
  id,
  outcome,
  code,
  message,
});

/** Fetches a linked OB 2.0 object (badge class, issuer, key, list) unless it is embedded. */
async function linked(
  ctx: VerifyContext,
  v: unknown,
  what: string,
): Promise<{ ok: true; obj: Obj } | { ok: false; message: string }> {
  if (isObj(v) && (v['type'] !== undefined || v['name'] !== undefined || v['publicKeyPem'] !== undefined))
    return { ok: true, obj: v };
  const url = idOf(v);
  if (!url || !isHttpUrl(url)) return { ok: false, message: `The ${what} has no web address.` };
  const r = await fetchJson(ctx, url);
  if (!r.ok)
    return { ok: false, message: `The ${what} (${url}) could not be fetched: ${describeFailure(r)}.` };
  return { ok: true, obj: r.json };
}

/** Is `assertionId` within the issuer's hosted verification scope? */
function inScope(assertionId: string, issuer: Obj): boolean {
  let a: URL;
  try {
    a = new URL(assertionId);
  } catch {
    return false;
  }
  const policy = isObj(issuer['verification']) ? issuer['verification'] : {};
  const starts = arr(policy['startsWith']).filter((s): s is string => typeof s === 'string');
  const origins = arr(policy['allowedOrigins']).filter((s): s is string => typeof s === 'string');
  if (starts.length > 0 && !starts.some((s) => assertionId.startsWith(s))) return false;
  if (origins.length > 0) return origins.some((o) => o === a.host || o === a.hostname);
  if (starts.length > 0) return true;
  try {
    return new URL(String(issuer['id'])).host === a.host;
  } catch {
    return false;
  }
}

/** The badge class and issuer profile of an assertion. */
async function badgeAndIssuer(
  ctx: VerifyContext,
  assertion: Obj,
): Promise<{ ok: true; badge: Obj; issuer: Obj } | { ok: false; message: string }> {
  const badge = await linked(ctx, assertion['badge'], 'badge class');
  if (!badge.ok) return badge;
  const issuer = await linked(ctx, badge.obj['issuer'], 'issuer profile');
  if (!issuer.ok) return issuer;
  return { ok: true, badge: badge.obj, issuer: issuer.obj };
}

async function revocationStatus(
  ctx: VerifyContext,
  issuer: Obj,
  assertionId: string | undefined,
): Promise<Check> {
  const listRef = issuer['revocationList'];
  if (listRef === undefined)
    return check('status', 'skipped', 'no-status', 'The issuer does not publish a revocation list.');
  const list = await linked(ctx, listRef, 'revocation list');
  if (!list.ok) return check('status', 'unknown', 'status-unavailable', list.message);
  const hit = arr(list.obj['revokedAssertions']).find((e) => idOf(e) === assertionId);
  if (hit !== undefined) {
    const reason =
      isObj(hit) && typeof hit['revocationReason'] === 'string'
        ? ` Reason: ${hit['revocationReason'].slice(0, 200)}`
        : '';
    return check('status', 'failed', 'revoked', `The issuer has revoked this badge.${reason}`);
  }
  return check('status', 'passed', 'not-revoked', "The issuer's revocation list does not list this badge.");
}

/** Hosted OB 2.0: proof (the assertion is where its id says), issuer (scope) and status checks. */
export async function verifyOb2Hosted(
  ctx: VerifyContext,
  given: Obj,
): Promise<{ checks: Check[]; assertion: Obj }> {
  const id = given['id'];
  if (typeof id !== 'string' || !isHttpUrl(id)) {
    return {
      assertion: given,
      checks: [
        check('proof', 'failed', 'hosted-no-url', 'The hosted badge has no web address to check it against.'),
      ],
    };
  }
  const r = await fetchJson(ctx, id, 'application/ld+json, application/json');
  if (!r.ok && r.status === 410) {
    return {
      assertion: given,
      checks: [
        check('proof', 'passed', 'hosted-gone', 'The issuer answered that this badge is gone (HTTP 410).'),
        check('issuer', 'skipped', 'issuer-not-checked', 'Not checked: the badge is revoked.'),
        check('status', 'failed', 'revoked', 'The issuer has revoked this badge (HTTP 410 Gone).'),
      ],
    };
  }
  if (!r.ok)
    return {
      assertion: given,
      checks: [
        check(
          'proof',
          'unknown',
          'hosted-unavailable',
          `The badge could not be fetched from its issuer: ${describeFailure(r)}.`,
        ),
      ],
    };
  const hosted = r.json;
  if (hosted['id'] !== id)
    return {
      assertion: given,
      checks: [
        check('proof', 'failed', 'hosted-mismatch', 'The issuer serves a different badge at this address.'),
      ],
    };
  const same = (k: string): boolean => JSON.stringify(hosted[k]) === JSON.stringify(given[k]);
  if (!same('recipient') || idOf(hosted['badge']) !== idOf(given['badge'])) {
    return {
      assertion: hosted,
      checks: [
        check(
          'proof',
          'failed',
          'hosted-mismatch',
          'The badge differs from the one its issuer hosts (recipient or badge changed).',
        ),
      ],
    };
  }
  const checks: Check[] = [check('proof', 'passed', 'hosted-valid', `The issuer hosts this badge at ${id}.`)];
  const bi = await badgeAndIssuer(ctx, hosted);
  if (!bi.ok) {
    checks.push(
      check('issuer', 'unknown', 'issuer-unavailable', bi.message),
      check('status', 'unknown', 'status-unavailable', 'Not checked: the issuer is unknown.'),
    );
    return { assertion: hosted, checks };
  }
  checks.push(
    inScope(id, bi.issuer)
      ? check(
          'issuer',
          'passed',
          'issuer-bound',
          `The badge is hosted where its issuer ${String(bi.issuer['id'])} allows.`,
        )
      : check(
          'issuer',
          'failed',
          'hosted-out-of-scope',
          `The badge is hosted at ${new URL(id).host}, outside what its issuer ${String(bi.issuer['id'])} allows.`,
        ),
  );
  if (hosted['revoked'] === true) {
    const reason =
      typeof hosted['revocationReason'] === 'string'
        ? ` Reason: ${hosted['revocationReason'].slice(0, 200)}`
        : '';
    checks.push(check('status', 'failed', 'revoked', `The issuer has revoked this badge.${reason}`));
  } else
    checks.push(
      check('status', 'passed', 'not-revoked', 'The issuer still hosts this badge and has not revoked it.'),
    );
  return { assertion: hosted, checks };
}

/** Signed OB 2.0: the JWS signature with the issuer's key, the key's ownership, and the revocation list. */
export async function verifyOb2Signed(ctx: VerifyContext, jws: string, assertion: Obj): Promise<Check[]> {
  const headerBytes = base64UrlDecode(jws.split('.')[0] ?? '');
  let alg: unknown;
  try {
    alg = headerBytes ? (JSON.parse(new TextDecoder().decode(headerBytes)) as Obj)['alg'] : undefined;
  } catch {
    alg = undefined;
  }
  if (alg !== 'RS256') {
    return [
      check(
        'proof',
        'failed',
        'jwt-alg-unsupported',
        `Signed Open Badges 2.0 use RS256; this one says "${String(alg).slice(0, 20)}".`,
      ),
    ];
  }
  const verification = isObj(assertion['verification']) ? assertion['verification'] : {};
  const creator = verification['creator'];
  const key = await linked(ctx, creator, 'signing key');
  if (!key.ok) return [check('proof', 'unknown', 'key-unavailable', key.message)];
  const pem = key.obj['publicKeyPem'];
  if (typeof pem !== 'string')
    return [check('proof', 'failed', 'key-invalid', 'The signing key has no public key.')];
  const valid = await verifyCompactJws(jws, 'RS256', { pem });
  if (!valid)
    return [
      check(
        'proof',
        'failed',
        'proof-bad-signature',
        'The badge signature does not match: it was changed after signing, or signed with another key.',
      ),
    ];
  const checks: Check[] = [
    check('proof', 'passed', 'proof-valid', `The RS256 signature by ${String(idOf(creator))} is valid.`),
  ];
  const bi = await badgeAndIssuer(ctx, assertion);
  if (!bi.ok) {
    checks.push(
      check('issuer', 'unknown', 'issuer-unavailable', bi.message),
      check('status', 'unknown', 'status-unavailable', 'Not checked: the issuer is unknown.'),
    );
    return checks;
  }
  const issuerId = idOf(bi.issuer);
  const keyId = idOf(key.obj) ?? idOf(creator);
  const listed = arr(bi.issuer['publicKey']).some((k) => idOf(k) === keyId);
  if (key.obj['owner'] !== issuerId || !listed) {
    checks.push(
      check(
        'issuer',
        'failed',
        'issuer-mismatch',
        `The signing key ${String(keyId)} is not a key of the issuer ${String(issuerId)}.`,
      ),
    );
  } else
    checks.push(
      check('issuer', 'passed', 'issuer-bound', `The signing key belongs to the issuer ${String(issuerId)}.`),
    );
  checks.push(
    await revocationStatus(ctx, bi.issuer, typeof assertion['id'] === 'string' ? assertion['id'] : undefined),
  );
  return checks;
}

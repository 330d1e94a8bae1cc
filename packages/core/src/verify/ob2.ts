/**
 * Open Badges 2.0 verification, loaded as its own lazy chunk by the pipeline. Hosted assertions are
 * re-fetched from their `id` and the HOSTED copy is judged and shown (the copy given only names the
 * URL); signed assertions (a compact JWS, RS256) are checked with a key fetched from its URL that the
 * issuer profile lists and that names the issuer as its `owner`. The badge class comes from its URL,
 * the issuer profile always from its id (see `ob2-issuer.ts`); the issuer's `revocationList` (signed)
 * or HTTP 410 / `revoked: true` (hosted) say whether it is revoked.
 */
import type { Kit } from './kit.js';
import type { CredentialView } from '../model/credential-view.js';
import type { ParsedInput } from '../parse/parse-input.js';
import type { VerifyContext } from './context.js';
import {
  arr,
  badgeClassOf,
  check,
  fetchObject,
  idOf,
  inScope,
  isObj,
  issuerProfileOf,
  listedKeys,
  ownedBy,
  shownIssuer,
  urlOf,
  use as useIssuer,
  type IssuerProfile,
  type Obj,
} from './ob2-issuer.js';
import type { Check } from './types.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ./kit.ts)
let UNTITLED_NAME: Kit['UNTITLED_NAME'],
  normalizeCredential: Kit['normalizeCredential'],
  formatCheck: Kit['formatCheck'],
  ob2ConformanceCheck: Kit['ob2ConformanceCheck'],
  base64UrlDecode: Kit['base64UrlDecode'],
  describeFailure: Kit['describeFailure'],
  failureCode: Kit['failureCode'],
  fetchJson: Kit['fetchJson'],
  isHttpUrl: Kit['isHttpUrl'],
  verifyCompactJws: Kit['verifyCompactJws'],
  checkValidity: Kit['checkValidity'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({
    UNTITLED_NAME,
    normalizeCredential,
    formatCheck,
    ob2ConformanceCheck,
    base64UrlDecode,
    describeFailure,
    failureCode,
    fetchJson,
    isHttpUrl,
    verifyCompactJws,
    checkValidity,
  } = kit);
  useIssuer(kit);
}

/** What a hosted or signed check found: its checks and the objects to judge and show. */
interface Ob2Result {
  checks: Check[];
  /** The assertion judged: the hosted copy when it could be fetched, else the one given. */
  assertion: Obj;
  /** The badge class and issuer profile as fetched (when they could be). */
  badge?: Obj;
  issuer?: IssuerProfile;
}

const issuerUnknown = (): Check =>
  check('status', 'unknown', 'status-unavailable', 'Not checked: the issuer is unknown.');

async function revocationStatus(
  ctx: VerifyContext,
  issuer: IssuerProfile,
  assertionId: string | undefined,
): Promise<Check> {
  const ref = issuer.doc['revocationList'];
  if (ref === undefined)
    return check('status', 'skipped', 'no-status', 'The issuer does not publish a revocation list.');
  const url = urlOf(ref);
  let list: Obj;
  if (url) {
    const r = await fetchObject(ctx, url, 'revocation list', 'status', 'status-unavailable');
    if (!r.ok) return r.check;
    list = r.obj;
  } else if (isObj(ref))
    list = ref; // stated inside the issuer's own (fetched) profile
  else return check('status', 'unknown', 'status-unavailable', 'The revocation list has no web address.');
  const hit = arr(list['revokedAssertions']).find((e) => idOf(e) === assertionId);
  if (hit !== undefined) {
    const reason =
      isObj(hit) && typeof hit['revocationReason'] === 'string'
        ? ` Reason: ${hit['revocationReason'].slice(0, 200)}`
        : '';
    return check('status', 'failed', 'revoked', `The issuer has revoked this badge.${reason}`);
  }
  return check('status', 'passed', 'not-revoked', "The issuer's revocation list does not list this badge.");
}

/**
 * Hosted OB 2.0: the assertion is fetched from its `id` and that copy is used from then on ("the
 * input data should only be trusted to identify the URI of the hosted verification file"); its badge
 * class and issuer profile are fetched; the `id` must be within the FETCHED profile's scope.
 */
export async function verifyOb2Hosted(ctx: VerifyContext, given: Obj): Promise<Ob2Result> {
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
          failureCode(r, 'hosted-unavailable'),
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
  const badge = await badgeClassOf(ctx, hosted);
  if (!badge.ok) {
    checks.push(badge.check, issuerUnknown());
    return { assertion: hosted, checks };
  }
  const issuer = await issuerProfileOf(ctx, badge.obj);
  if (!issuer.ok) {
    checks.push(issuer.check, issuerUnknown());
    return { assertion: hosted, badge: badge.obj, checks };
  }
  const who = issuer.issuer.url;
  checks.push(
    inScope(id, issuer.issuer)
      ? check('issuer', 'passed', 'issuer-bound', `The badge is hosted where its issuer ${who} allows.`)
      : check(
          'issuer',
          'failed',
          'hosted-out-of-scope',
          `The badge is hosted at ${new URL(id).host}, outside what its issuer ${who} allows.`,
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
  return { assertion: hosted, badge: badge.obj, issuer: issuer.issuer, checks };
}

/**
 * Signed OB 2.0 (the specification's "Steps to verify a JWS-signed badge Assertion"): the badge class
 * and issuer profile are fetched; the signing key is fetched from `verification.creator` (a URL;
 * a `publicKeyPem` in the assertion is never used), or, without a creator, from the keys the issuer
 * profile lists; the key must be listed by the issuer profile and name the issuer as its `owner`.
 */
export async function verifyOb2Signed(ctx: VerifyContext, jws: string, assertion: Obj): Promise<Ob2Result> {
  const headerBytes = base64UrlDecode(jws.split('.')[0] ?? '');
  let alg: unknown;
  try {
    alg = headerBytes ? (JSON.parse(new TextDecoder().decode(headerBytes)) as Obj)['alg'] : undefined;
  } catch {
    alg = undefined;
  }
  if (alg !== 'RS256') {
    const message = `Signed Open Badges 2.0 use RS256; this one says "${String(alg).slice(0, 20)}".`;
    return { assertion, checks: [check('proof', 'failed', 'jwt-alg-unsupported', message)] };
  }
  const badge = await badgeClassOf(ctx, assertion);
  const issuer = badge.ok ? await issuerProfileOf(ctx, badge.obj) : badge;
  const verification = isObj(assertion['verification']) ? assertion['verification'] : {};
  const creator = urlOf(verification['creator']);
  const listed = issuer.ok ? listedKeys(issuer.issuer) : [];
  const candidates = creator ? [creator] : listed.slice(0, 3);

  let signer: { url: string; doc: Obj } | undefined;
  let unreachable: Check | undefined;
  let mismatch = false;
  for (const url of candidates) {
    const k = await fetchObject(ctx, url, 'signing key', 'proof', 'key-unavailable');
    if (!k.ok) {
      unreachable ??= k.check;
      continue;
    }
    const pem = k.obj['publicKeyPem'];
    if (typeof pem === 'string' && (await verifyCompactJws(jws, 'RS256', { pem }))) {
      signer = { url, doc: k.obj };
      break;
    }
    mismatch ||= typeof pem === 'string';
  }
  const checks: Check[] = [];
  if (signer)
    checks.push(check('proof', 'passed', 'proof-valid', `The RS256 signature by ${signer.url} is valid.`));
  else if (mismatch)
    checks.push(
      check(
        'proof',
        'failed',
        'proof-bad-signature',
        'The badge signature does not match: it was changed after signing, or signed with another key.',
      ),
    );
  else if (unreachable) checks.push(unreachable);
  else if (candidates.length > 0)
    checks.push(check('proof', 'failed', 'key-invalid', 'The signing key has no public key.'));
  else if (issuer.ok)
    checks.push(
      check('proof', 'failed', 'key-missing', 'The badge names no signing key, and its issuer lists none.'),
    );
  else
    checks.push(
      check('proof', 'unknown', 'key-unavailable', 'The signing key is not known: the issuer is unknown.'),
    );

  if (!issuer.ok) {
    checks.push(issuer.check, issuerUnknown());
    return { assertion, ...(badge.ok ? { badge: badge.obj } : {}), checks };
  }
  const profile = issuer.issuer;
  const who = profile.url;
  if (creator && !listed.includes(creator))
    checks.push(
      check(
        'issuer',
        'failed',
        'key-not-found',
        `The signing key ${creator} is not among the keys ${who} lists.`,
      ),
    );
  else if (!signer)
    checks.push(
      check(
        'issuer',
        'unknown',
        'issuer-not-checked',
        'The issuer could not be checked: no key of the issuer confirmed the signature.',
      ),
    );
  else if (!ownedBy(signer.doc['owner'], profile))
    checks.push(
      check(
        'issuer',
        'failed',
        'key-controller-mismatch',
        `The signing key ${signer.url} says it belongs to ${String(signer.doc['owner']).slice(0, 200)}, not to the issuer ${who}.`,
      ),
    );
  else
    checks.push(check('issuer', 'passed', 'issuer-bound', `The signing key belongs to the issuer ${who}.`));
  checks.push(
    await revocationStatus(ctx, profile, typeof assertion['id'] === 'string' ? assertion['id'] : undefined),
  );
  return { assertion, ...(badge.ok ? { badge: badge.obj } : {}), issuer: profile, checks };
}

/** The display model of what was judged: the assertion with its badge class and issuer as fetched. */
function shown(result: Ob2Result, fallback: CredentialView): CredentialView {
  const { assertion, badge, issuer } = result;
  const doc = badge
    ? { ...assertion, badge: issuer ? { ...badge, issuer: shownIssuer(issuer) } : badge }
    : assertion;
  try {
    const view = normalizeCredential(doc);
    return fallback.jws ? { ...view, jws: fallback.jws } : view;
  } catch {
    return fallback;
  }
}

/** What the copy given shows differently from the one judged (only what the given copy states). */
function differences(given: CredentialView, judged: CredentialView): string[] {
  const time = (d?: Date): number | undefined => d?.getTime();
  const out: string[] = [];
  if (given.name !== UNTITLED_NAME && given.name !== judged.name) out.push('name');
  if (given.description !== undefined && given.description !== judged.description) out.push('description');
  if (given.issuer?.name !== undefined && given.issuer.name !== judged.issuer?.name) out.push('issuer name');
  if (given.image && given.image.url !== judged.image?.url) out.push('image');
  if (time(given.issued) !== time(judged.issued)) out.push('issue date');
  if (time(given.validUntil) !== time(judged.validUntil)) out.push('expiry date');
  if (JSON.stringify(given.recipient) !== JSON.stringify(judged.recipient)) out.push('recipient');
  return out;
}

/**
 * Verifies an Open Badges 2.0 assertion (format, conformance, proof, issuer, validity, status). The
 * `credential` returned is the one judged: for hosted badges the issuer's copy, with the badge class
 * and issuer profile as fetched; a difference from the copy given is said in the proof check.
 */
export async function verifyOb2(
  ctx: VerifyContext,
  parsed: ParsedInput,
  given: CredentialView,
): Promise<{ checks: Check[]; credential: CredentialView }> {
  const doc = parsed.document;
  const type = isObj(doc['verification']) ? doc['verification']['type'] : undefined;
  let result: Ob2Result;
  if (parsed.jws) result = await verifyOb2Signed(ctx, parsed.jws, doc);
  else if (type === 'hosted' || type === 'HostedBadge') result = await verifyOb2Hosted(ctx, doc);
  else {
    const message =
      type === 'signed' || type === 'SignedBadge'
        ? 'This signed badge was given without its signature (the JWS).'
        : 'This badge says neither where it is hosted nor how it is signed.';
    result = { assertion: doc, checks: [check('proof', 'failed', 'proof-missing', message)] };
  }
  const credential = result.assertion === doc && !result.badge ? given : shown(result, given);
  const checks = result.checks.map((c) => {
    if (c.code !== 'hosted-valid') return c;
    const diff = differences(given, credential);
    return diff.length === 0
      ? c
      : check(
          'proof',
          'passed',
          'hosted-copy-differs',
          `${c.message} The copy given differs from it (${diff.join(', ')}); the issuer's copy is the one checked and shown.`,
        );
  });
  return {
    checks: [
      formatCheck('ob2', parsed.jws !== undefined),
      ob2ConformanceCheck(result.assertion),
      ...checks,
      checkValidity(ctx, result.assertion),
    ],
    credential,
  };
}

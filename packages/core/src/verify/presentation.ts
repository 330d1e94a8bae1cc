/**
 * `verifyPresentation()` proper (a lazy chunk): a Verifiable Presentation with a Data Integrity proof
 * (VC Data Integrity: purpose `authentication`, `challenge` and `domain` among the signed proof
 * options) or a VC-JWT presentation (a compact JWS whose `vp` claim is the presentation; `nonce` and
 * `aud` carry challenge and domain). Holder binding: the signing key must be controlled by the
 * presentation's `holder` (a JWT's `iss`) and, in a controller document, listed under
 * `authentication`. Every enclosed credential is verified with `verifyCredential()`.
 */
import { proofCheck } from './checks.js';
import type { VerifyContext } from './context.js';
import { makeContext } from './context.js';
import { verifyDataIntegrity } from './data-integrity.js';
import type { ProofResult } from './data-integrity.js';
import { JWT_ALGS, algFitsKey, resolveKid } from './jwt/jwk.js';
import { critProblem, decodeJwsPart, verifyCompactJws } from './jwt/jws.js';
import type { JwsAlg } from './jwt/jws.js';
import type {
  PresentationCheck,
  PresentationCheckId,
  PresentationOptions,
  PresentationReport,
} from './presentation-types.js';
import type { VerificationReport } from './types.js';
import { runVerification } from './verify-credential.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** Most enclosed credentials verified (more are reported, not verified). */
const MAX_CREDENTIALS = 20;
const ORDER: PresentationCheckId[] = ['format', 'proof', 'holder', 'challenge', 'domain', 'credentials'];

const check = (
  id: PresentationCheckId,
  outcome: PresentationCheck['outcome'],
  code: PresentationCheck['code'],
  message: string,
): PresentationCheck => ({ id, outcome, code, message });

/** What the input is: a JSON presentation, or a VC-JWT presentation (its `vp` claim and the token). */
type Read = { doc: Obj; jwt?: { jws: string; header: Obj; payload: Obj } } | PresentationCheck;

function read(input: unknown): Read {
  let value = input;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const view = value instanceof ArrayBuffer ? new Uint8Array(value) : value;
    value = new TextDecoder().decode(view as Uint8Array);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length > 2 * 1024 * 1024)
      return check('format', 'failed', 'too-large', 'This is over 2 MB, too large for a presentation.');
    if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(text)) {
      const [h, p] = text.split('.');
      const header = decodeJwsPart(h);
      const payload = decodeJwsPart(p);
      if (!header || !payload)
        return check('format', 'failed', 'invalid-jws', 'This signed token (JWS) could not be decoded.');
      if (!isObj(payload['vp']))
        return check(
          'format',
          'failed',
          'not-a-presentation',
          'This signed token has no "vp" claim: it is not a presentation.',
        );
      return { doc: payload['vp'], jwt: { jws: text, header, payload } };
    }
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return check('format', 'failed', 'invalid-json', 'This text is not valid JSON, nor a signed token.');
    }
  }
  if (!isObj(value))
    return check('format', 'failed', 'not-a-presentation', 'A presentation must be a JSON object.');
  return { doc: value };
}

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';

function formatCheck(doc: Obj, jwt: boolean): PresentationCheck {
  const type = arr(doc['type']);
  const ctx = arr(doc['@context']);
  if (!type.includes('VerifiablePresentation'))
    return check(
      'format',
      'failed',
      'not-a-presentation',
      'This is not a Verifiable Presentation (its type does not include VerifiablePresentation).',
    );
  if (!jwt && ctx[0] !== VC1 && ctx[0] !== VC2)
    return check(
      'format',
      'failed',
      'not-a-presentation',
      'This presentation does not start with the Verifiable Credentials context.',
    );
  return jwt
    ? check(
        'format',
        'passed',
        'format-vp-jwt',
        'This is a Verifiable Presentation in a signed JSON Web Token.',
      )
    : check('format', 'passed', 'format-vp', 'This is a Verifiable Presentation.');
}

const holderOf = (doc: Obj): string | undefined => {
  const h = doc['holder'];
  if (typeof h === 'string') return h;
  return isObj(h) && typeof h['id'] === 'string' ? h['id'] : undefined;
};

/** The holder check from the signing key's controller and whether it may authenticate. */
function holderCheck(
  holder: string | undefined,
  key: { controller: string; assertion: boolean; id: string } | undefined,
  proofPassed: boolean,
): PresentationCheck {
  if (!holder)
    return check(
      'holder',
      'unknown',
      'holder-missing',
      'The presentation does not name its holder, so who presents it cannot be confirmed.',
    );
  if (!proofPassed || !key)
    return check(
      'holder',
      proofPassed ? 'unknown' : 'skipped',
      'holder-not-checked',
      proofPassed
        ? 'The holder could not be checked because the signing key could not be resolved.'
        : 'Not checked, because the presentation’s proof is not valid.',
    );
  if (key.controller !== holder)
    return check(
      'holder',
      'failed',
      'holder-mismatch',
      `The presentation says it is presented by ${holder}, but it was signed with a key of ${key.controller}.`,
    );
  if (!key.assertion)
    return check(
      'holder',
      'failed',
      'holder-mismatch',
      `The holder ${holder} has not authorised the key ${key.id} for authentication.`,
    );
  return check('holder', 'passed', 'holder-bound', `The presentation was signed by its holder ${holder}.`);
}

/** The challenge or domain check: `asked` by the verifier, `given` in the signed proof or token. */
function boundCheck(
  id: 'challenge' | 'domain',
  asked: string | undefined,
  given: unknown,
): PresentationCheck {
  if (asked === undefined)
    return check(
      id,
      'skipped',
      id === 'challenge' ? 'challenge-not-requested' : 'domain-not-requested',
      id === 'challenge'
        ? 'No challenge was asked for, so a replayed presentation would not be noticed.'
        : 'No domain was asked for.',
    );
  const values = arr(given).filter((v): v is string => typeof v === 'string');
  if (values.length === 0)
    return check(
      id,
      'failed',
      id === 'challenge' ? 'challenge-missing' : 'domain-missing',
      `The presentation does not carry the ${id} that was asked for.`,
    );
  if (!values.includes(asked))
    return check(
      id,
      'failed',
      id === 'challenge' ? 'challenge-mismatch' : 'domain-mismatch',
      `The presentation was made for another ${id} ("${values[0]!.slice(0, 80)}").`,
    );
  return check(
    id,
    'passed',
    id === 'challenge' ? 'challenge-match' : 'domain-match',
    `The presentation carries the ${id} that was asked for.`,
  );
}

/** Challenge and domain when the proof did not pass: what it says cannot be relied on. */
const unbound = (why: string): PresentationCheck[] => [
  check('challenge', 'skipped', 'not-checked', why),
  check('domain', 'skipped', 'not-checked', why),
];

/** Proof, holder, challenge and domain of a Data Integrity presentation. */
async function dataIntegrity(
  ctx: VerifyContext,
  doc: Obj,
  options: PresentationOptions,
): Promise<PresentationCheck[]> {
  const results: ProofResult[] = await verifyDataIntegrity({ ...ctx, purpose: 'authentication' }, doc);
  const proof = proofCheck(results) as PresentationCheck;
  if (proof.code === 'proof-wrong-purpose')
    proof.message =
      'The presentation’s proof was not made for authentication, so it does not show who presents it.';
  else if (proof.code === 'proof-missing')
    proof.message = 'The presentation carries no proof, so who presents it cannot be confirmed.';
  const passed = results.find((r) => r.outcome === 'passed');
  const used = passed ?? results[0];
  const proofs = arr(doc['proof']).filter(isObj);
  const signed = used ? proofs[used.index] : undefined;
  return [
    proof,
    holderCheck(holderOf(doc), passed?.method, !!passed),
    ...(passed
      ? [
          boundCheck('challenge', options.challenge, signed?.['challenge']),
          boundCheck('domain', options.domain, signed?.['domain']),
        ]
      : unbound('Not checked, because the presentation’s proof is not valid or could not be checked.')),
  ];
}

/** Proof, holder, challenge and domain of a VC-JWT presentation. */
async function jwtChecks(
  ctx: VerifyContext,
  doc: Obj,
  jwt: { jws: string; header: Obj; payload: Obj },
  options: PresentationOptions,
): Promise<PresentationCheck[]> {
  const { header, payload } = jwt;
  const iss = typeof payload['iss'] === 'string' ? payload['iss'] : undefined;
  const named = holderOf(doc);
  const holder = named ?? iss;
  const rest = (why: string): PresentationCheck[] => [
    check('holder', 'skipped', 'holder-not-checked', why),
    ...unbound(why),
  ];
  const fail = (code: PresentationCheck['code'], message: string): PresentationCheck[] => [
    check('proof', 'failed', code, message),
    ...rest('Not checked, because the presentation’s proof is not valid.'),
  ];
  const alg = header['alg'];
  if (typeof alg !== 'string' || !(JWT_ALGS as readonly string[]).includes(alg))
    return fail(
      alg === 'none' ? 'jwt-alg-none' : 'jwt-alg-unsupported',
      `The token's signing algorithm "${String(alg).slice(0, 20)}" is not accepted.`,
    );
  const crit = critProblem(header);
  if (crit) return fail(crit, 'The token needs extensions (crit) this verifier does not understand.');
  const kid = header['kid'];
  if (typeof kid !== 'string' || !kid)
    return fail('key-missing', 'The token does not say which key signed it (no "kid").');
  // A relative kid ("#key-1") names a key of the issuer (the holder).
  const key = await resolveKid(
    { ...ctx, purpose: 'authentication' },
    kid.startsWith('#') && iss ? `${iss}${kid}` : kid,
  );
  if (!key.ok)
    return [
      check('proof', key.outcome, key.code, key.message),
      ...rest('Not checked, because the signing key could not be resolved.'),
    ];
  if (!algFitsKey(alg, key.jwk))
    return fail('jwt-alg-key-mismatch', `The token says ${alg}, which does not fit its key.`);
  if (!(await verifyCompactJws(jwt.jws, alg as JwsAlg, { jwk: key.jwk })))
    return fail(
      'proof-bad-signature',
      'The token signature does not match: it was changed after signing, or signed with another key.',
    );
  const now = ctx.now.getTime();
  const exp = payload['exp'];
  const nbf = payload['nbf'];
  if (exp !== undefined && (typeof exp !== 'number' || exp * 1000 < now - ctx.skewMs))
    return fail('jwt-expired', 'The presentation token has expired.');
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf * 1000 > now + ctx.skewMs))
    return fail('jwt-not-yet-valid', 'The presentation token may not be used yet.');
  const proof = check('proof', 'passed', 'proof-valid', `The ${alg} token signature by ${key.id} is valid.`);
  const holderResult =
    named && iss && named !== iss
      ? check(
          'holder',
          'failed',
          'holder-mismatch',
          `The token is issued by ${iss}, but the presentation names the holder ${named}.`,
        )
      : holderCheck(holder, key, true);
  return [
    proof,
    holderResult,
    boundCheck('challenge', options.challenge, payload['nonce']),
    boundCheck('domain', options.domain, payload['aud']),
  ];
}

/** Verifies each enclosed credential and sums them up. */
async function credentials(
  doc: Obj,
  options: PresentationOptions,
): Promise<[PresentationCheck, VerificationReport[]]> {
  const items = arr(doc['verifiableCredential']);
  if (items.length === 0)
    return [
      check('credentials', 'skipped', 'credentials-none', 'The presentation holds no credentials.'),
      [],
    ];
  const { challenge: _c, domain: _d, ...credentialOptions } = options;
  const reports: VerificationReport[] = [];
  for (const item of items.slice(0, MAX_CREDENTIALS))
    reports.push(await runVerification(item, credentialOptions));
  const failed = reports.filter((r) => r.checks.some((c) => c.outcome === 'failed')).length;
  const verified = reports.filter((r) => r.verified).length;
  const extra = items.length > MAX_CREDENTIALS ? items.length - MAX_CREDENTIALS : 0;
  if (verified === items.length)
    return [
      check('credentials', 'passed', 'credentials-verified', `All ${items.length} credentials are verified.`),
      reports,
    ];
  if (failed > 0)
    return [
      check(
        'credentials',
        'failed',
        'credentials-failed',
        `${failed} of ${items.length} credentials failed verification.`,
      ),
      reports,
    ];
  return [
    check(
      'credentials',
      'unknown',
      'credentials-unknown',
      `${items.length - verified} of ${items.length} credentials could not be fully checked${extra ? ` (${extra} beyond the first ${MAX_CREDENTIALS} were not checked)` : ''}.`,
    ),
    reports,
  ];
}

/** The presentation verifier proper (loaded lazily by `verifyPresentation`); options already validated. */
export async function runPresentation(
  input: unknown,
  options: PresentationOptions = {},
): Promise<PresentationReport> {
  const ctx = makeContext({ ...options, refresh: false });
  const r = read(input);
  const checks: PresentationCheck[] = [];
  let creds: VerificationReport[] = [];
  let format: PresentationReport['format'] = 'unknown';
  let holder: string | undefined;
  if ('id' in r) checks.push(r);
  else {
    const f = formatCheck(r.doc, !!r.jwt);
    checks.push(f);
    if (f.outcome === 'passed') {
      format = r.jwt ? 'vp-jwt' : 'vp';
      holder =
        holderOf(r.doc) ??
        (r.jwt && typeof r.jwt.payload['iss'] === 'string' ? r.jwt.payload['iss'] : undefined);
      try {
        checks.push(
          ...(r.jwt ? await jwtChecks(ctx, r.doc, r.jwt, options) : await dataIntegrity(ctx, r.doc, options)),
        );
        const [c, reports] = await credentials(r.doc, options);
        checks.push(c);
        creds = reports;
      } catch (e) {
        checks.push(
          check(
            'proof',
            'unknown',
            ctx.signal?.aborted ? 'aborted' : 'verifier-error',
            ctx.signal?.aborted
              ? 'The check was cancelled.'
              : `The verifier could not finish: ${e instanceof Error ? e.message.slice(0, 200) : 'unexpected error'}.`,
          ),
        );
      }
    }
  }
  for (const id of ORDER)
    if (!checks.some((c) => c.id === id)) checks.push(check(id, 'skipped', 'not-checked', 'Not checked.'));
  checks.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  const get = (id: PresentationCheckId): PresentationCheck['outcome'] | undefined =>
    checks.find((c) => c.id === id)?.outcome;
  const verified =
    get('format') === 'passed' &&
    get('proof') === 'passed' &&
    get('holder') === 'passed' &&
    checks.every((c) => c.outcome === 'passed' || c.outcome === 'skipped');
  return { verified, format, ...(holder ? { holder } : {}), checks, credentials: creds };
}

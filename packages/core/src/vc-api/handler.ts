/**
 * The VC API verifier (W3C CCG "Verifiable Credentials API", verifier service):
 * - `POST …/credentials/verify` with `{ verifiableCredential, options }` (options `expectedProofPurpose`,
 *   `domain` and `challenge` are compared with every proof, as VC Data Integrity's "verify proof" says);
 * - `POST …/presentations/verify` with `{ verifiablePresentation, options: { challenge, domain } }`.
 *
 * Answers 200 with `{ verified: true, checks, warnings, errors }` when verified, and 400 with
 * problem details (RFC 9457, `application/problem+json`) carrying the same fields otherwise — a
 * request that is not JSON, or whose credential is not an object, is a 400 too (the library accepts
 * JSON text and JWS; the API does not). Unknown paths are 404, other methods 405. Never throws.
 * A presentation need not name its holder (VCDM 2.0: `holder` is optional; it is verified with
 * `verifyPresentation`'s `requireHolder: false`); one that names a holder must be signed by it.
 * Every check failure is a problem detail with the VC Data Model's type where one fits
 * (PARSING_ERROR, MALFORMED_VALUE_ERROR, CRYPTOGRAPHIC_SECURITY_ERROR, RANGE_ERROR), else
 * `about:blank`, plus Microcred's `check` and `code`.
 */
import { readBody } from '../fetch/read-body.js';
import type { CheckCode } from '../verify/codes.js';
import type { PresentationReport } from '../verify/presentation-types.js';
import type { CheckOutcome, VerificationReport } from '../verify/types.js';
import { verifyCredential } from '../verify/verify.js';
import { verifyPresentation } from '../verify/verify-presentation.js';
import { isObj } from '../parse/parse-input.js';

/** Options of {@link createVcApiHandler}. */
export interface VcApiHandlerOptions {
  /** Carries all of the verifier's network access (key documents, status lists…). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** The time checks are made against: a fixed date or a clock (default: the current time). */
  now?: Date | (() => Date);
  /** Largest request body read, in bytes (default 2 MB). */
  maxBodyBytes?: number;
}

/** An RFC 9457 problem detail, with the Microcred check it comes from. */
export interface ProblemDetail {
  type: string;
  title: string;
  detail: string;
  /** Which check (`proof`, `status`…), when it comes from one. */
  check?: string;
  /** Microcred's stable code (`proof-bad-signature`, `revoked`…). */
  code?: CheckCode;
}

/** The body of every verification answer (200, and 400 with the problem detail members too). */
export interface VcApiVerificationResult {
  verified: boolean;
  /** The checks that passed. */
  checks: string[];
  /** Optional checks that did not pass (endorsements, recipient…): they do not stop verification. */
  warnings: ProblemDetail[];
  /** Required checks that failed or could not be made. */
  errors: ProblemDetail[];
  /** For presentations: the result of each enclosed credential, in order. */
  credentialResults?: VcApiVerificationResult[];
}

const VCDM = 'https://www.w3.org/TR/vc-data-model#';
/** The VC Data Model 2.0 problem type of each check (others: `about:blank`). */
const TYPES: Record<string, string> = {
  format: `${VCDM}PARSING_ERROR`,
  schema: `${VCDM}MALFORMED_VALUE_ERROR`,
  proof: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  issuer: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  holder: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`,
  validity: `${VCDM}RANGE_ERROR`,
};
const SL = 'https://www.w3.org/ns/credentials/status-list#';
const RETRIEVAL = `${SL}STATUS_RETRIEVAL_ERROR`;
const STATUS_VERIFICATION = `${SL}STATUS_VERIFICATION_ERROR`;
/**
 * The problem type of each `status` code that is one of Bitstring Status List §3.5's processing
 * errors ("The type value of the error object MUST be a URL that starts with the value
 * https://www.w3.org/ns/credentials/status-list# and ends with the value in the section listed
 * below"), or a VC Data Model error (§3: MALFORMED_VALUE_ERROR, §3.2: RANGE_ERROR).
 */
const STATUS_TYPES: Partial<Record<CheckCode, string>> = {
  'status-unavailable': RETRIEVAL,
  'fetch-redirected': RETRIEVAL,
  'deadline-passed': RETRIEVAL,
  'budget-exhausted': RETRIEVAL,
  'status-list-unverified': STATUS_VERIFICATION,
  'status-list-unchecked': STATUS_VERIFICATION,
  'status-list-expired': STATUS_VERIFICATION,
  'status-list-revoked': STATUS_VERIFICATION,
  'status-list-wrong-issuer': STATUS_VERIFICATION,
  'status-purpose-mismatch': STATUS_VERIFICATION,
  'status-list-invalid': `${VCDM}MALFORMED_VALUE_ERROR`,
  'status-entry-invalid': `${VCDM}MALFORMED_VALUE_ERROR`,
  'status-index-out-of-range': `${VCDM}RANGE_ERROR`,
};
const REQUIRED = ['format', 'schema', 'proof', 'issuer', 'validity', 'status', 'credentials'];
const REQUIRED_VP = ['format', 'proof', 'holder', 'challenge', 'domain', 'credentials'];

interface AnyCheck {
  id: string;
  outcome: CheckOutcome;
  code: CheckCode;
  message: string;
}

function result(verified: boolean, checks: AnyCheck[], required: string[]): VcApiVerificationResult {
  const out: VcApiVerificationResult = { verified, checks: [], warnings: [], errors: [] };
  for (const c of checks) {
    if (c.outcome === 'passed') out.checks.push(c.id);
    if (c.outcome !== 'failed' && c.outcome !== 'unknown') continue;
    const problem: ProblemDetail = {
      type: (c.id === 'status' ? STATUS_TYPES[c.code] : undefined) ?? TYPES[c.id] ?? 'about:blank',
      title: c.outcome === 'failed' ? `The ${c.id} check failed` : `The ${c.id} check could not be made`,
      detail: c.message,
      check: c.id,
      code: c.code,
    };
    (required.includes(c.id) ? out.errors : out.warnings).push(problem);
  }
  return out;
}

const fromCredential = (r: VerificationReport): VcApiVerificationResult =>
  result(r.verified, r.checks, REQUIRED);

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/**
 * The steps of VC Data Integrity's "verify proof" that compare each proof of a credential with the
 * verifier's own options: `expectedProofPurpose`, `domain` (the same strings) and `challenge`.
 */
function askedOf(vc: Record<string, unknown>, opts: Record<string, unknown>): AnyCheck[] {
  const proofs = (Array.isArray(vc['proof']) ? vc['proof'] : [vc['proof']]).filter(isObj);
  const out: AnyCheck[] = [];
  const fail = (code: CheckCode, message: string): number =>
    out.push({ id: 'proof', outcome: 'failed', code, message });
  const purpose = opts['expectedProofPurpose'];
  if (purpose !== undefined && proofs.some((p) => p['proofPurpose'] !== purpose))
    fail('proof-wrong-purpose', `A proof's purpose is not the expected "${String(purpose).slice(0, 40)}".`);
  for (const k of ['domain', 'challenge'] as const) {
    const asked = strings(opts[k]);
    if (opts[k] === undefined) continue;
    for (const p of proofs) {
      const given = strings(p[k]);
      if (given.length === 0) fail(`${k}-missing`, `A proof does not carry the ${k} that was asked for.`);
      else if (given.some((g) => !asked.includes(g)) || asked.some((a) => !given.includes(a)))
        fail(`${k}-mismatch`, `A proof was made for another ${k}.`);
    }
  }
  return out;
}

// a URL string may have leading and trailing spaces and newlines, which URL parsing strips (WHATWG
// URL: "Remove any leading and trailing C0 control or space"), as a base64 data: URL often ends in one
const isUrl = (v: unknown): boolean => typeof v === 'string' && /^[a-z][a-z\d+.-]*:\S+$/i.test(v.trim());

/**
 * What a presentation object breaks of VCDM 2.0 that its proof does not always catch: later
 * `@context` items are "URLs and/or objects" (§4.3), an `id` is "a single URL" (§4.4), and `holder`
 * "MUST be either a URL or an object containing an id property" (§4.13). Undefined when it conforms.
 */
function presentationProblem(vp: Record<string, unknown>): string | undefined {
  const context = vp['@context'];
  if (Array.isArray(context) && context.slice(1).some((c) => !isUrl(c) && !isObj(c)))
    return 'Its later @context entries must be URLs or objects.';
  if ('id' in vp && !isUrl(vp['id'])) return 'Its id must be a single URL.';
  const h = vp['holder'];
  if (h !== undefined && !isUrl(isObj(h) ? h['id'] : h))
    return 'Its holder must be a URL or an object whose id is a URL.';
  return undefined;
}

function fromPresentation(r: PresentationReport): VcApiVerificationResult {
  return {
    ...result(r.verified, r.checks, REQUIRED_VP),
    credentialResults: r.credentials.map(fromCredential),
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status === 200 ? 'application/json' : 'application/problem+json',
      'cache-control': 'no-store',
      ...headers,
    },
  });

/** A 4xx/5xx problem detail without verification (bad request, not found…). */
const problem = (status: number, title: string, detail: string, headers?: Record<string, string>): Response =>
  json(status, { type: 'about:blank', title, status, detail }, headers);

/** 200 when verified; otherwise 400 with the result as problem details. */
function answer(r: VcApiVerificationResult, what: string): Response {
  if (r.verified) return json(200, r);
  const first = r.errors[0];
  return json(400, {
    type: first?.type ?? 'about:blank',
    title: `The ${what} is not verified`,
    status: 400,
    detail: first?.detail ?? `The ${what} did not pass verification.`,
    ...r,
  });
}

/**
 * Makes a VC API verifier: `(request) => Promise<Response>`, Fetch-standard, for any server that
 * speaks `Request`/`Response` (see `toNodeListener` for `node:http`). Paths are matched by their
 * end, so the handler can be mounted under a prefix (`/api/credentials/verify`).
 *
 * @example
 * const handler = createVcApiHandler();
 * Deno.serve(handler); // or: export default { fetch: handler } (Workers, Bun)
 */
export function createVcApiHandler(
  options: VcApiHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const now = (): Date | undefined => (typeof options.now === 'function' ? options.now() : options.now);
  return async (request) => {
    try {
      const path = new URL(request.url).pathname.replace(/\/+$/, '');
      const route = path.endsWith('/credentials/verify')
        ? 'credential'
        : path.endsWith('/presentations/verify')
          ? 'presentation'
          : undefined;
      if (!route) return problem(404, 'Not Found', `There is no VC API endpoint at ${path || '/'}.`);
      if (request.method !== 'POST')
        return problem(405, 'Method Not Allowed', 'Verification endpoints accept POST only.', {
          allow: 'POST',
        });
      let body: unknown;
      try {
        const bytes = await readBody(new Response(request.body, { headers: request.headers }), maxBody);
        body = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      } catch (e) {
        const tooLarge = e instanceof Error && 'code' in e && e.code === 'too-large';
        return tooLarge
          ? problem(413, 'Content Too Large', `The request is larger than ${maxBody} bytes.`)
          : problem(400, 'Bad Request', 'The request body is not JSON.');
      }
      if (!isObj(body)) return problem(400, 'Bad Request', 'The request body must be a JSON object.');
      const opts = isObj(body['options']) ? body['options'] : {};
      const at = now();
      // a fresh function per request: the verifier's caches are kept per `fetch`, so a status list
      // the issuer has just changed (a revocation, a suspension) is read anew by the next request
      const f = options.fetch;
      const common = { ...(f ? { fetch: f.bind(globalThis) } : {}), ...(at ? { now: at } : {}) };
      if (route === 'credential') {
        const vc = body['verifiableCredential'];
        if (!isObj(vc))
          return problem(400, 'Bad Request', 'verifiableCredential must be a JSON object (a credential).');
        for (const k of ['expectedProofPurpose', 'domain', 'challenge']) {
          const v = opts[k];
          const ok =
            typeof v === 'string' || (k === 'domain' && Array.isArray(v) && strings(v).length === v.length);
          if (v !== undefined && !ok) return problem(400, 'Bad Request', `options.${k} must be a string.`);
        }
        const r = fromCredential(await verifyCredential(vc, common));
        const asked = askedOf(vc, opts);
        if (asked.length === 0) return answer(r, 'credential');
        const extra = result(false, asked, REQUIRED);
        return answer({ ...r, verified: false, errors: [...extra.errors, ...r.errors] }, 'credential');
      }
      const vp = body['verifiablePresentation'];
      if (!isObj(vp))
        return problem(400, 'Bad Request', 'verifiablePresentation must be a JSON object (a presentation).');
      for (const k of ['challenge', 'domain'])
        if (opts[k] !== undefined && typeof opts[k] !== 'string')
          return problem(400, 'Bad Request', `options.${k} must be a string.`);
      const malformed = presentationProblem(vp);
      if (malformed)
        return answer(
          result(
            false,
            [{ id: 'format', outcome: 'failed', code: 'not-a-presentation', message: malformed }],
            REQUIRED_VP,
          ),
          'presentation',
        );
      const report = await verifyPresentation(vp, {
        ...common,
        requireHolder: false,
        ...(typeof opts['challenge'] === 'string' ? { challenge: opts['challenge'] } : {}),
        ...(typeof opts['domain'] === 'string' ? { domain: opts['domain'] } : {}),
      });
      return answer(fromPresentation(report), 'presentation');
    } catch (e) {
      return problem(
        500,
        'Internal Server Error',
        `The verifier could not finish: ${e instanceof Error ? e.message.slice(0, 200) : 'unexpected error'}.`,
      );
    }
  };
}

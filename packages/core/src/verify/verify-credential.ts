/**
 * `verifyCredential()`: the verification pipeline (OB 3.0 §Verification): format → conformance →
 * proof → issuer binding → validity window → status, plus CLR members and endorsements. Never throws
 * for bad input: every problem becomes a check with a stable code.
 */
import type { CredentialView } from '../model/credential-view.js';
import { McError, McParseError } from '../model/errors.js';
import { normalizeCredential } from '../normalize/normalize.js';
import { isObj, parseCredentialInput } from '../parse/parse-input.js';
import type { ParsedInput } from '../parse/parse-input.js';
import { unbake } from '../bake/unbake.js';
import { conformanceCheck, formatCheck, isVerified, issuerCheck, issuerIdOf, proofCheck } from './checks.js';
import type { VerifyContext } from './context.js';
import { deeper, makeContext } from './context.js';
import { verifyDataIntegrity } from './data-integrity.js';
import { warm } from './jsonld/canonize.js';
import { verifyVcJwt } from './jwt/vc-jwt.js';
import { decodeJws } from './jwt/jws.js';
import type { DecodedJws } from './jwt/jws.js';
import { part } from './kit.js';
export { part };
import type { Envelope } from './envelopes/envelope.js';
import { fetchText, describeFailure, failureCode, isHttpUrl } from './http.js';
import { refreshOnce } from './refresh.js';
import { checkStatus } from './status.js';
import type { Check, VerificationReport, VerifyOptions } from './types.js';
import { checkValidity } from './validity.js';

type Obj = Record<string, unknown>;

/** The order checks are reported in. */
const ORDER: Check['id'][] = [
  'format',
  'schema',
  'proof',
  'issuer',
  'validity',
  'status',
  'recipient',
  'credentials',
  'endorsements',
  'refresh',
];

/** Internal result: the report plus what nested callers (status lists, CLR) need. */
export interface InnerResult extends VerificationReport {
  document?: Obj;
  issuerId?: string;
}

/** The checks every report has, in this order (issue 14: also when the format check fails). */
const ALWAYS: Check['id'][] = ['format', 'proof', 'issuer', 'validity', 'status'];

/** Adds each of {@link ALWAYS} that is missing as `skipped` (`not-checked`). */
function complete(checks: Check[]): Check[] {
  const unread = checks.find((c) => c.id === 'format')?.outcome !== 'passed';
  for (const id of ALWAYS)
    if (!checks.some((c) => c.id === id))
      checks.push({
        id,
        outcome: 'skipped',
        code: 'not-checked',
        message: unread
          ? 'Not checked, because the input could not be read as a credential.'
          : 'Not checked.',
      });
  return checks;
}

const failFormat = (code: Check['code'], message: string): InnerResult => ({
  verified: false,
  format: 'unknown',
  checks: complete([{ id: 'format', outcome: 'failed', code, message }]),
});

/** Turns bytes (baked PNG/SVG or UTF-8 JSON/JWS) into parseable input; fetches a baked URL. */
async function readInput(ctx: VerifyContext, input: unknown): Promise<unknown> {
  let bytes: Uint8Array | undefined;
  if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else if (ArrayBuffer.isView(input))
    bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const text = typeof input === 'string' ? input : undefined;
  const looksBaked =
    (bytes && (bytes[0] === 0x89 || /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))))) ||
    (text !== undefined && /^\s*</.test(text));
  if (!looksBaked) return input;
  const baked = await unbake(bytes ?? text!);
  if (!baked) throw new McError('unbake', 'This image does not contain a badge or credential.');
  if (isHttpUrl(baked.text)) {
    const r = await fetchText(ctx, baked.text);
    // `details.check`: the code of the (unknown, never failed) format check this becomes in `run`.
    if (!r.ok)
      throw new McError(
        'http',
        `The badge image points to ${baked.text}, which could not be fetched: ${describeFailure(r)}.`,
        { details: { check: failureCode(r, 'http') } },
      );
    return r.text;
  }
  return baked.text;
}

/**
 * The `schema` check; the digests of related resources (their own lazy chunk) only when the
 * credential lists some.
 */
async function schemaCheck(ctx: VerifyContext, doc: Obj): Promise<Check> {
  if (doc['relatedResource'] === undefined) return conformanceCheck(doc);
  const { conformance } = await part(import('./related-resources.js'));
  return conformance(ctx, doc);
}

/** Verifies nested credentials (CLR members, endorsements) and sums them up as one check. */
async function nestedCheck(
  ctx: VerifyContext,
  id: 'credentials' | 'endorsements',
  items: unknown[],
  what: string,
): Promise<Check | undefined> {
  if (items.length === 0 || ctx.depth > 1) return undefined;
  const results: InnerResult[] = [];
  for (const item of items.slice(0, 20)) results.push(await verifyNested(ctx, item));
  const ok = results.filter((r) => r.verified).length;
  const failed = results.filter((r) => r.checks.some((c) => c.outcome === 'failed'));
  const names = (rs: InnerResult[]): string =>
    rs
      .slice(0, 3)
      .map(
        (r) =>
          `"${r.credential?.name ?? 'unreadable'}" (${r.checks.find((c) => c.outcome !== 'passed' && c.outcome !== 'skipped')?.code ?? '?'})`,
      )
      .join(', ');
  if (ok === results.length) {
    return {
      id,
      outcome: 'passed',
      code: `${id}-verified`,
      message: `All ${results.length} ${what} are verified.`,
    };
  }
  if (failed.length > 0) {
    return {
      id,
      outcome: 'failed',
      code: `${id}-failed`,
      message: `${failed.length} of ${results.length} ${what} failed verification: ${names(failed)}.`,
    };
  }
  const unverified = results.filter((r) => !r.verified);
  return {
    id,
    outcome: 'unknown',
    code: `${id}-unknown`,
    message: `${unverified.length} of ${results.length} ${what} could not be fully checked: ${names(unverified)}.`,
  };
}

/** CLR members and endorsements of a VC-shaped document. */
async function memberChecks(ctx: VerifyContext, doc: Obj, view: CredentialView): Promise<Check[]> {
  const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
  const subject = isObj(doc['credentialSubject']) ? doc['credentialSubject'] : {};
  const out: Check[] = [];
  if (view.format === 'clr2') {
    const c = await nestedCheck(
      ctx,
      'credentials',
      arr(subject['verifiableCredential']),
      'credentials in this record',
    );
    out.push(
      c ?? {
        id: 'credentials',
        outcome: 'skipped',
        code: 'credentials-none',
        message: 'The record holds no credentials.',
      },
    );
  }
  const achievement = isObj(subject['achievement']) ? subject['achievement'] : {};
  const endorsements = [
    ...arr(doc['endorsement']),
    ...arr(doc['endorsementJwt']),
    ...arr(achievement['endorsement']),
    ...arr(achievement['endorsementJwt']),
  ];
  const e = await nestedCheck(ctx, 'endorsements', endorsements, 'endorsements');
  if (e) out.push(e);
  return out;
}

/** Verifies a VC-shaped document with embedded Data Integrity proofs. */
async function verifyDataIntegrityCredential(
  ctx: VerifyContext,
  doc: Obj,
  view: CredentialView,
): Promise<InnerResult> {
  const checks: Check[] = [formatCheck(view.format, false), await schemaCheck(ctx, doc)];
  const issuerId = issuerIdOf(doc);
  const results = await verifyDataIntegrity(ctx, doc);
  checks.push(proofCheck(results), issuerCheck(issuerId, results), checkValidity(ctx, doc));
  if (ctx.depth < 2) checks.push(await checkStatus(ctx, doc, verifyNested));
  checks.push(...(await memberChecks(ctx, doc, view)));
  return {
    verified: false,
    format: view.format,
    credential: view,
    checks,
    document: doc,
    ...(issuerId ? { issuerId } : {}),
  };
}

async function verifyParsed(
  ctx: VerifyContext,
  parsed: ParsedInput,
  read?: CredentialView,
  token?: DecodedJws,
): Promise<InnerResult> {
  let view: CredentialView;
  try {
    view = read ?? normalizeCredential(parsed.jws ?? parsed.document);
  } catch (e) {
    const code = e instanceof McError ? e.code : 'not-a-credential';
    return failFormat(code, e instanceof Error ? e.message : 'This is not a credential.');
  }
  const doc = parsed.document;
  if (view.kind === 'achievement') {
    return {
      verified: false,
      format: view.format,
      credential: view,
      checks: [
        {
          id: 'format',
          outcome: 'failed',
          code: 'not-an-award',
          message:
            'This describes an achievement; it is not a credential awarded to someone, so there is nothing to verify.',
        },
      ],
    };
  }
  const base = { verified: false, format: view.format, credential: view, document: doc } as const;
  if (view.format === 'ob2') {
    // Open Badges 2.0 is its own lazy chunk: pages verifying only OB 3.0 / CLR never load it.
    const { verifyOb2 } = await part(import('./ob2.js'));
    const { checks, credential } = await verifyOb2(ctx, parsed, view);
    return { ...base, credential, checks };
  }
  if (parsed.jws) {
    const issuerId = issuerIdOf(doc);
    // header and payload decoded once (here, or by isPresentation when the input is this token), for
    // the signature check and for the token's nbf and exp
    const { header, payload } = token?.text === parsed.jws ? token : decodeJws(parsed.jws);
    const [proof, issuer] = await verifyVcJwt(ctx, parsed.jws, doc, issuerId, header, payload);
    const checks: Check[] = [
      formatCheck(view.format, true),
      await schemaCheck(ctx, doc),
      proof,
      issuer,
      checkValidity(ctx, doc, payload),
    ];
    if (ctx.depth < 2) checks.push(await checkStatus(ctx, doc, verifyNested));
    checks.push(...(await memberChecks(ctx, doc, view)));
    return { ...base, checks, ...(issuerId ? { issuerId } : {}) };
  }
  return verifyDataIntegrityCredential(ctx, doc, view);
}

/** Parsed input, with its view when reading it as a credential already made one. */
interface Read {
  parsed: ParsedInput;
  view?: CredentialView;
}

/**
 * The view `normalizeCredential(raw)` makes of the compact JWS `raw`, from its header and payload
 * already decoded (`token`) instead of decoding them again: for a VC-JOSE-COSE token, whose payload
 * is the credential (no `vc` claim), the parser's document is that payload, and the view of it as an
 * object differs only in naming the token (`jws`, `hasProof`). Undefined for any other input (a
 * `vc` claim, a token too large or that does not decode to objects: the parser reads those, and
 * reports what is wrong with them).
 */
function tokenView(raw: unknown, token: DecodedJws | undefined): CredentialView | undefined {
  const { text, header, payload } = token ?? {};
  // the parser's size limit is on the input as given (MAX_INPUT_SIZE, 2 MB)
  if (typeof raw !== 'string' || raw.length > 2 ** 21 || raw.trim() !== text) return undefined;
  if (!header || !payload || isObj(payload['vc'])) return undefined;
  const view = normalizeCredential(payload);
  view.jws = text;
  view.hasProof = true;
  return view;
}

/**
 * Parses the input; when the parser cannot read it, or it is an `Enveloped…` object, it may be an
 * SD-JWT, a `data:` URL, a COSE credential or an envelope (VC-JOSE-COSE), which ./envelopes/envelope.ts
 * (a lazy chunk) recognises. Otherwise the parser's own error stands. The input is parsed once: the
 * view's `source` and `jws` are what the parser read (a view that cannot be made is made again, and
 * its error reported, by `verifyParsed`). `token`: the input as a compact JWS, already decoded.
 */
async function readCredential(
  raw: unknown,
  token?: DecodedJws,
): Promise<Read | Exclude<Envelope, { text: string }>> {
  let parsed: ParsedInput | undefined;
  let view: CredentialView | undefined;
  try {
    view = tokenView(raw, token) ?? normalizeCredential(raw);
    parsed = { document: view.source as Obj, jws: view.jws };
  } catch (e) {
    if (!(e instanceof McParseError)) parsed = parseCredentialInput(raw);
  }
  if (parsed && !`${parsed.document['type']}`.includes('Enveloped')) return { parsed, view };
  // VCDM 2.0 §"Enveloped Verifiable Credentials": "The @context property of the object MUST be present
  // and include a context, such as the base context for this specification"
  if (parsed && [parsed.document['@context']].flat()[0] !== 'https://www.w3.org/ns/credentials/v2')
    throw new McError('not-a-credential', 'This enveloped credential lacks the VC 2.0 context.');
  const envelope = (await part(import('./envelopes/envelope.js'))).envelopeOf(parsed?.document ?? raw);
  if (!envelope) return { parsed: parsed ?? parseCredentialInput(raw) };
  return 'text' in envelope ? { parsed: parseCredentialInput(envelope.text) } : envelope;
}

async function run(ctx: VerifyContext, input: unknown, token?: DecodedJws): Promise<InnerResult> {
  let parsed: Read | Exclude<Envelope, { text: string }>;
  try {
    parsed = await readCredential(await readInput(ctx, input), token);
  } catch (e) {
    const check = e instanceof McError ? e.details?.['check'] : undefined;
    if (typeof check === 'string') {
      // the baked image's address could not be fetched: could not check, which is not a failure
      // set by `readInput` from `failureCode()`, so a check code
      const r = failFormat(check as Check['code'], (e as McError).message);
      r.checks[0]!.outcome = 'unknown';
      return r;
    }
    if (e instanceof McError) return failFormat(e.code, e.message);
    return failFormat('not-a-credential', 'This input could not be read as a credential.');
  }
  let result: InnerResult;
  try {
    result =
      'verify' in parsed
        ? await parsed.verify(ctx)
        : await verifyParsed(ctx, parsed.parsed, parsed.view, token);
  } catch (e) {
    const aborted = ctx.signal?.aborted;
    result = {
      verified: false,
      format: 'unknown',
      checks: [
        {
          id: 'proof',
          outcome: 'unknown',
          code: aborted ? 'aborted' : 'verifier-error',
          message: aborted
            ? 'The check was cancelled.'
            : `The verifier could not finish: ${e instanceof Error ? e.message.slice(0, 200) : 'unexpected error'}.`,
        },
      ],
    };
  }
  complete(result.checks);
  result.checks.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  result.verified = isVerified(result.checks);
  return result;
}

/** Verifies a credential on behalf of another check (status lists, CLR members, endorsements). */
export function verifyNested(ctx: VerifyContext, input: unknown): Promise<InnerResult> {
  if (ctx.depth > 3) return Promise.resolve(failFormat('too-deep', 'Credentials are nested too deeply.'));
  return run(ctx.depth === 0 ? deeper(ctx) : ctx, input);
}

const JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;
/** A secured presentation in a `data:` URL (VC-JOSE-COSE `vp+jwt`, `vp+sd-jwt`, `vp+cose`). */
const VP_DATA = /^data:application\/vp\+((ld\+|sd-)?jwt|cose)[,;]/i;
/** A COSE_Sign1's presentation: its `typ` (`application/vp+cose`) or its payload's `type`. */
const VP_COSE = /vp\+cose|"type":\s*\[?\s*"(Enveloped)?VerifiablePresentation"/;

/**
 * Whether `input` is a Verifiable Presentation rather than a credential: an object (or JSON text)
 * whose `type` names `VerifiablePresentation` (or `EnvelopedVerifiablePresentation` of a `vp+jwt`),
 * a token whose `typ` is `vp+jwt` or whose payload has a `vp` claim (VC-JWT), a
 * `data:application/vp+jwt` or `vp+cose` URL, or COSE bytes whose `typ` or payload names a
 * presentation. Other bytes are read as text unless they are an image. Never throws. A compact
 * JWS read on the way is added to `decoded`.
 */
function isPresentation(input: unknown, decoded: DecodedJws[] = []): boolean {
  let value = input;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (bytes.length > 2 ** 21) return false;
    // COSE (0xd2, 0x84): a presentation if it says so; an image (PNG 0x89) is not read as text
    if (bytes[0] === 0xd2 || bytes[0] === 0x84) return VP_COSE.test(new TextDecoder().decode(bytes));
    if (!(bytes[0]! < 0x7f)) return false;
    value = new TextDecoder().decode(bytes);
  }
  try {
    if (typeof value === 'string') {
      const text = value.trim();
      if (VP_DATA.test(text)) return true;
      if (JWS.test(text)) {
        const token = decodeJws(text);
        decoded.push(token);
        return /vp\+(ld\+)?jwt$/i.test(`${token.header?.['typ']}`) || isObj(token.payload?.['vp']);
      }
      if (!text.startsWith('{') || !text.includes('VerifiablePresentation')) return false;
      value = JSON.parse(text);
    }
    const types = isObj(value) ? [value['type']].flat() : [];
    return (
      types.includes('VerifiablePresentation') ||
      (types.includes('EnvelopedVerifiablePresentation') && VP_DATA.test(`${(value as Obj)['id']}`))
    );
  } catch {
    return false;
  }
}

/**
 * The verifier proper (loaded lazily by `verifyCredential`, and by `verifyMany`'s worker);
 * `options.now` is already validated. A presentation is verified as one (./presentation.ts, a lazy
 * chunk) and answered as a credential report with its `presentation` report.
 */
export async function runVerification(
  input: unknown,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const decoded: DecodedJws[] = [];
  if (isPresentation(input, decoded))
    return (await part(import('./presentation.js'))).presentationAsReport(input, options);
  return verifyOne(input, options, decoded[0]);
}

/**
 * Verifies `input` as one credential (what an enclosed credential of a presentation is); `token`:
 * the input's compact JWS already decoded, if it is one.
 */
export async function verifyOne(
  input: unknown,
  options: VerifyOptions = {},
  token?: DecodedJws,
): Promise<VerificationReport> {
  const ctx = makeContext(options);
  // the context groups a Data Integrity credential names start loading now, beside reading it and
  // resolving its key, not when canonicalisation first asks for them (a first verification)
  try {
    warm(input);
  } catch {
    // a hostile object: reading it below reports what is wrong
  }
  const result = await refreshOnce(ctx, await run(ctx, input, token), (text) =>
    run({ ...ctx, refresh: false }, text),
  );
  result.checks.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  const { document: _d, issuerId: _i, ...report } = result;
  return report;
}

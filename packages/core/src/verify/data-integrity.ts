/**
 * Data Integrity proofs with Ed25519: `DataIntegrityProof` with the cryptosuites `eddsa-rdfc-2022`
 * (and its old name `eddsa-2022`) and `eddsa-jcs-2022`, and the legacy `Ed25519Signature2020`.
 * Each proof of a proof set (or chain, via `previousProof`) is verified on its own.
 *
 * Signed data = SHA-256(canonical proof options) ‖ SHA-256(canonical document) — proof hash first.
 * A proof's `created` and `expires` must be XML Schema dateTimes; a proof created in the future
 * (beyond the clock skew) or past its `expires` fails even when its signature is good.
 */
import type { VerifyContext } from './context.js';
import type { CheckCode } from './codes.js';
import { concat, multibaseDecode, sha256 } from './encoding.js';
import { verifyEd25519 } from './ed25519.js';
import { canonicalizeJson } from './jcs.js';
import { canonizeRdfc, useAlt303, uses303 } from './jsonld/canonize.js';
import { CanonError } from './jsonld/errors.js';
import { ed25519FromJwk, resolveMethod } from './keys.js';
import type { ResolvedMethod } from './keys.js';
import { parseXsdDateTime } from './validity.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The result of verifying one proof. */
export interface ProofResult {
  /** Position in the `proof` array. */
  index: number;
  /** `eddsa-rdfc-2022`, `Ed25519Signature2020`, … */
  suite: string;
  outcome: 'passed' | 'failed' | 'unknown' | 'skipped';
  code: CheckCode;
  message: string;
  /** The resolved key, when it could be resolved (even if the signature failed). */
  method?: ResolvedMethod;
}

/** Suites this verifier understands. */
type Suite = 'rdfc' | 'jcs';

function suiteOf(proof: Obj): { name: string; suite?: Suite } {
  const type = typeof proof['type'] === 'string' ? proof['type'] : '(no type)';
  if (type === 'Ed25519Signature2020') return { name: type, suite: 'rdfc' };
  if (type === 'DataIntegrityProof') {
    const cs = proof['cryptosuite'];
    if (cs === 'eddsa-rdfc-2022' || cs === 'eddsa-2022') return { name: cs, suite: 'rdfc' };
    if (cs === 'eddsa-jcs-2022') return { name: cs, suite: 'jcs' };
    return { name: `DataIntegrityProof/${typeof cs === 'string' ? cs.slice(0, 40) : '?'}` };
  }
  return { name: type.slice(0, 60) };
}

const CANON_CODES: Record<CanonError['kind'], { outcome: 'failed' | 'unknown'; code: CheckCode; say: string }> =
  {
    'undefined-term': {
      outcome: 'failed',
      code: 'proof-undefined-term',
      say: 'The credential uses a term or type that none of its JSON-LD contexts defines, so its meaning is ambiguous and it cannot be verified',
    },
    'unknown-context': {
      outcome: 'unknown',
      code: 'proof-context-unavailable',
      say: 'The credential uses a JSON-LD context that Microcred does not carry (contexts are never downloaded)',
    },
    'invalid-jsonld': {
      outcome: 'failed',
      code: 'proof-invalid-jsonld',
      say: 'The credential is not valid JSON-LD',
    },
    'too-complex': {
      outcome: 'failed',
      code: 'proof-too-complex',
      say: 'The credential is too complex to canonicalise safely',
    },
    aborted: { outcome: 'unknown', code: 'aborted', say: 'The check was cancelled' },
  };

/** The document without `proof`, or with only the proofs a chained proof depends on. */
function unsecured(doc: Obj, proofs: Obj[], proof: Obj): Obj | undefined {
  const { proof: _p, ...rest } = doc;
  const prev = proof['previousProof'];
  if (prev === undefined) return rest;
  const ids = Array.isArray(prev) ? prev : [prev];
  const matched = ids.map((id) => proofs.find((p) => p['id'] === id));
  if (matched.some((m) => m === undefined)) return undefined;
  return { ...rest, proof: matched.length === 1 ? matched[0] : matched };
}

async function hashData(
  suite: Suite,
  doc: Obj,
  config: Obj,
  alt: boolean,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (suite === 'jcs') {
    const [p, d] = await Promise.all([sha256(canonicalizeJson(config)), sha256(canonicalizeJson(doc))]);
    return concat(p, d);
  }
  // one after the other: the proof options (same @context) process the contexts first, and the
  // document then finds them in the cache (run together, both would process them)
  const pc = await canonizeRdfc(alt ? useAlt303(config) : config, signal);
  const dc = await canonizeRdfc(alt ? useAlt303(doc) : doc, signal);
  const [p, d] = await Promise.all([sha256(pc), sha256(dc)]);
  return concat(p, d);
}

/** The proof's `created` and `expires`, or the name of the one that is present but not a dateTime. */
function proofTimes(proof: Obj): { created?: Date; expires?: Date } | { bad: 'created' | 'expires' } {
  const out: { created?: Date; expires?: Date } = {};
  for (const name of ['created', 'expires'] as const) {
    if (proof[name] === undefined) continue;
    const d = parseXsdDateTime(proof[name]);
    if (!d) return { bad: name };
    out[name] = d;
  }
  return out;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Verifies one proof of `doc`. */
async function verifyOne(
  ctx: VerifyContext,
  doc: Obj,
  proofs: Obj[],
  proof: Obj,
  index: number,
): Promise<ProofResult> {
  const { name, suite } = suiteOf(proof);
  const base = { index, suite: name };
  if (!suite) {
    return {
      ...base,
      outcome: 'skipped',
      code: 'proof-unsupported',
      message: `A proof of type ${name} is not supported and was not checked.`,
    };
  }
  if (proof['proofPurpose'] !== 'assertionMethod') {
    return {
      ...base,
      outcome: 'failed',
      code: 'proof-wrong-purpose',
      message: `The ${name} proof is not for making assertions (its purpose is "${String(proof['proofPurpose']).slice(0, 40)}").`,
    };
  }
  const times = proofTimes(proof);
  if ('bad' in times) {
    return {
      ...base,
      outcome: 'failed',
      code: 'proof-bad-date',
      message: `The ${name} proof's "${times.bad}" is not a valid date and time.`,
    };
  }
  const value = proof['proofValue'];
  const signature = typeof value === 'string' && value.startsWith('z') ? multibaseDecode(value) : undefined;
  if (!signature || signature.length !== 64) {
    return {
      ...base,
      outcome: 'failed',
      code: 'proof-malformed',
      message: `The ${name} proof has no valid signature value.`,
    };
  }
  const method = await resolveMethod(ctx, proof['verificationMethod']);
  if (!method.ok) return { ...base, outcome: method.outcome, code: method.code, message: method.message };
  const withMethod = { ...base, method };
  const raw = method.key.kind === 'ed25519' ? method.key.raw : ed25519FromJwk(method.key.jwk);
  if (!raw) {
    return {
      ...withMethod,
      outcome: 'failed',
      code: 'key-wrong-type',
      message: `The key ${method.id} is not an Ed25519 key, which a ${name} proof needs.`,
    };
  }
  let document = unsecured(doc, proofs, proof);
  if (!document) {
    return {
      ...withMethod,
      outcome: 'failed',
      code: 'proof-chain-broken',
      message: `The ${name} proof depends on a proof that is missing.`,
    };
  }
  const { proofValue: _v, ...config } = proof;
  if (suite === 'rdfc') config['@context'] = doc['@context'];
  else if (config['@context'] !== undefined) {
    // eddsa-jcs-2022: the document's @context must start with the proof's, which then replaces it
    const pc = Array.isArray(config['@context']) ? config['@context'] : [config['@context']];
    const dc = Array.isArray(doc['@context']) ? doc['@context'] : [doc['@context']];
    if (pc.some((c, i) => canonicalizeJson(c ?? null) !== canonicalizeJson(dc[i] ?? null))) {
      return {
        ...withMethod,
        outcome: 'failed',
        code: 'proof-context-mismatch',
        message: `The ${name} proof was made over different JSON-LD contexts.`,
      };
    }
    document = { ...document, '@context': config['@context'] };
  }
  const attempts = suite === 'rdfc' && uses303(doc) ? [false, true] : [false];
  let firstError: CanonError | undefined;
  for (const alt of attempts) {
    let data: Uint8Array;
    try {
      data = await hashData(suite, document, config, alt, ctx.signal);
    } catch (e) {
      firstError ??= e instanceof CanonError ? e : CanonError.from(e);
      continue;
    }
    if (await verifyEd25519(raw, signature, data)) {
      const note = alt ? ' (using the 1EdTech copy of OB context 3.0.3)' : '';
      const now = ctx.now.getTime();
      if (times.created && times.created.getTime() > now + ctx.skewMs) {
        return {
          ...withMethod,
          outcome: 'failed',
          code: 'proof-created-in-future',
          message: `The ${name} proof says it was made on ${day(times.created)}, in the future.`,
        };
      }
      if (times.expires && times.expires.getTime() < now - ctx.skewMs) {
        return {
          ...withMethod,
          outcome: 'failed',
          code: 'proof-expired',
          message: `The ${name} proof expired on ${day(times.expires)}.`,
        };
      }
      return {
        ...withMethod,
        outcome: 'passed',
        code: 'proof-valid',
        message: `The ${name} signature by ${method.id} is valid${note}.`,
      };
    }
    firstError = undefined;
  }
  if (firstError) {
    const c = CANON_CODES[firstError.kind];
    return {
      ...withMethod,
      outcome: c.outcome,
      code: c.code,
      message: `${c.say}: ${firstError.detail.slice(0, 200)}.`,
    };
  }
  return {
    ...withMethod,
    outcome: 'failed',
    code: 'proof-bad-signature',
    message: `The ${name} signature does not match the credential: it was changed after signing, or signed with another key.`,
  };
}

/** Verifies every embedded proof of `doc` (none → empty array). */
export async function verifyDataIntegrity(ctx: VerifyContext, doc: Obj): Promise<ProofResult[]> {
  const raw = doc['proof'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const proofs = list.filter(isObj);
  const results: ProofResult[] = [];
  for (let i = 0; i < list.length && i < 8; i++) {
    const p = list[i];
    if (!isObj(p)) {
      results.push({
        index: i,
        suite: '?',
        outcome: 'failed',
        code: 'proof-malformed',
        message: 'A proof is not an object.',
      });
      continue;
    }
    results.push(await verifyOne(ctx, doc, proofs, p, i));
  }
  return results;
}

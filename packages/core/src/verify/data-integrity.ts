/**
 * Data Integrity proofs: each proof of a proof set (or chain, via `previousProof`) is verified on its
 * own by the suite the table in ./suites/table.ts gives for it (Ed25519 suites in this chunk,
 * `Ed25519Signature2018` and the ECDSA suites as lazy chunks). Common to every suite: the proof
 * purpose, the dates, the verification method, and the signed data =
 * hash(canonical proof options) ‖ hash(canonical document) — proof hash first.
 * A proof's `created` and `expires` must be XML Schema dateTimeStamps; a proof created in the future
 * (beyond the clock skew) or past its `expires` fails even when its signature is good. */
import type { VerifyContext } from './context.js';
import type { CheckCode } from './codes.js';
import { concat, sha256 } from './encoding.js';
import { canonicalizeJson } from './jcs.js';
import { canonizeRdfc, useAlt303, uses303 } from './jsonld/canonize.js';
import { CanonError } from './jsonld/errors.js';
import { resolveMethod } from './keys.js';
import type { ResolvedMethod } from './keys.js';
import { parseXsdDateTime } from './validity.js';
import type { HashName } from './suites/suite.js';
import { suiteOf } from './suites/table.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;

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

const CANON_CODES: Record<
  CanonError['kind'],
  { outcome: 'failed' | 'unknown'; code: CheckCode; say: string }
> = {
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

/** SHA-256 (node:crypto in Node, see encoding.ts) or SHA-384 (WebCrypto). */
async function digest(hash: HashName, text: string): Promise<Uint8Array> {
  if (hash === 'SHA-256') return sha256(text);
  return new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(text)));
}

async function hashData(
  canon: 'rdfc' | 'jcs',
  hash: HashName,
  doc: Obj,
  config: Obj,
  alt: boolean,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (canon === 'jcs') {
    const [p, d] = await Promise.all([
      digest(hash, canonicalizeJson(config)),
      digest(hash, canonicalizeJson(doc)),
    ]);
    return concat(p, d);
  }
  // one after the other: the proof options (same @context) process the contexts first, and the
  // document then finds them in the cache (run together, both would process them)
  const pc = await canonizeRdfc(alt ? useAlt303(config) : config, signal);
  const dc = await canonizeRdfc(alt ? useAlt303(doc) : doc, signal);
  const [p, d] = await Promise.all([digest(hash, pc), digest(hash, dc)]);
  return concat(p, d);
}

/**
 * The proof's `created` and `expires`, or the name of the one that is present but not a dateTimeStamp:
 * an XML Schema dateTime WITH its time zone (`Z` or `±hh:mm`), as VC Data Integrity requires of both.
 */
function proofTimes(proof: Obj): { created?: Date; expires?: Date } | { bad: 'created' | 'expires' } {
  const out: { created?: Date; expires?: Date } = {};
  for (const name of ['created', 'expires'] as const) {
    if (proof[name] === undefined) continue;
    const d = parseXsdDateTime(proof[name]);
    if (!d || !/(?:Z|[+-]\d\d:\d\d)$/.test(String(proof[name]).trim())) return { bad: name };
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
  const { name, load } = suiteOf(proof);
  const base = { index, suite: name };
  // "The value of the cryptosuite property MUST be a string"; a proof's type "MUST be specified as a
  // string" (an array of one name is the same RDF, so only this check refuses it)
  const strings =
    typeof proof['type'] === 'string' &&
    (proof['type'] !== 'DataIntegrityProof' || typeof proof['cryptosuite'] === 'string');
  if (!load || !strings) {
    return {
      ...base,
      outcome: 'skipped',
      code: 'proof-unsupported',
      message: strings
        ? `A proof of type ${name} is not supported and was not checked.`
        : 'A proof whose type or cryptosuite is not a string is not supported and was not checked.',
    };
  }
  if (proof['proofPurpose'] !== (ctx.purpose ?? 'assertionMethod')) {
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
      message: `The ${name} proof's "${times.bad}" is not a valid date and time with a time zone.`,
    };
  }
  const suite = await load();
  const shape = suite.wellFormed(proof);
  if (shape !== true) {
    return {
      ...base,
      outcome: 'failed',
      code: 'proof-malformed',
      message: `The ${name} proof has no valid signature value.`,
      ...(shape as object),
    };
  }
  const method = await resolveMethod(ctx, proof['verificationMethod']);
  if (!method.ok) return { ...base, outcome: method.outcome, code: method.code, message: method.message };
  const withMethod = { ...base, method };
  const verifier = await suite.verifier(method.key);
  if (!verifier) {
    return {
      ...withMethod,
      outcome: 'failed',
      code: 'key-wrong-type',
      message: `The key ${method.id} is not ${suite.keyNeed ?? 'an Ed25519 key'}, which a ${name} proof needs.`,
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
  const config = { ...proof };
  for (const k of suite.value ?? ['proofValue']) delete config[k];
  if (suite.canon === 'rdfc') config['@context'] = doc['@context'];
  else if (config['@context'] !== undefined) {
    // eddsa-jcs-2022, ecdsa-jcs-2019: the document's @context must start with the proof's, which then replaces it
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
  const attempts = suite.canon === 'rdfc' && uses303(doc) ? [false, true] : [false];
  let firstError: CanonError | undefined;
  for (const alt of attempts) {
    let data: Uint8Array;
    try {
      data = await hashData(suite.canon, verifier.hash, document, config, alt, ctx.signal);
    } catch (e) {
      firstError ??= e instanceof CanonError ? e : CanonError.from(e);
      continue;
    }
    if (await verifier.verify(proof, data, document, alt)) {
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

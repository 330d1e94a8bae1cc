/** Builders for the proof, issuer, format and conformance checks, and the `verified` rule. */
import type { CredentialFormat } from '../model/credential-view.js';
import type { ProofResult } from './data-integrity.js';
import { modelProblems } from './model-rules.js';
import type { Check, CheckId } from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;

const FORMAT_NAMES: Record<CredentialFormat, string> = {
  'ob3-vc2': 'an Open Badges 3.0 credential (Verifiable Credentials 2.0)',
  'ob3-vc1': 'an Open Badges 3.0 credential (Verifiable Credentials 1.1)',
  clr2: 'a Comprehensive Learner Record (CLR 2.0)',
  ob2: 'an Open Badges 2.0 assertion',
  'ob2-badgeclass': 'an Open Badges 2.0 badge class (a description, not an award)',
  'ob3-achievement': 'an Open Badges 3.0 achievement (a description, not an award)',
  endorsement: 'an Open Badges 3.0 endorsement',
  vc: 'a Verifiable Credential',
};

/** The `format` check for a recognised format. */
export function formatCheck(format: CredentialFormat, jws: boolean): Check {
  const how = jws ? ' in a signed JSON Web Token' : '';
  return {
    id: 'format',
    outcome: 'passed',
    code: `format-${format}`,
    message: `This is ${FORMAT_NAMES[format]}${how}.`,
  };
}

/** The issuer id of a VC-shaped document (string issuer or `issuer.id`). */
export function issuerIdOf(doc: Obj): string | undefined {
  const i = doc['issuer'];
  if (typeof i === 'string') return i;
  if (isObj(i) && typeof i['id'] === 'string') return i['id'];
  return undefined;
}

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';

/** Minimal VC conformance: what every verifier needs before it can speak about a credential. */
export function conformanceCheck(doc: Obj): Check {
  const ctx = Array.isArray(doc['@context']) ? doc['@context'] : [doc['@context']];
  const problems: string[] = [];
  if (ctx[0] !== VC1 && ctx[0] !== VC2)
    problems.push('its first JSON-LD context is not the Verifiable Credentials context');
  const type = Array.isArray(doc['type']) ? doc['type'] : [doc['type']];
  if (!type.includes('VerifiableCredential')) problems.push('its type does not include VerifiableCredential');
  if (doc['issuer'] === undefined) problems.push('it has no issuer');
  else if (!issuerIdOf(doc)) problems.push('its issuer has no id');
  if (doc['credentialSubject'] === undefined) problems.push('it has no credentialSubject');
  if (ctx[0] === VC1 && doc['issuanceDate'] === undefined) problems.push('it has no issuanceDate');
  problems.push(...modelProblems(doc));
  return schemaCheck(problems, 'credential', 'a Verifiable Credential');
}

/** Summarises the proof results into the `proof` check. */
export function proofCheck(results: ProofResult[]): Check {
  if (results.length === 0) {
    return {
      id: 'proof',
      outcome: 'failed',
      code: 'proof-missing',
      message: 'The credential carries no proof (digital signature), so its origin cannot be confirmed.',
    };
  }
  const passed = results.filter((r) => r.outcome === 'passed');
  const failed = results.find((r) => r.outcome === 'failed');
  const unknown = results.find((r) => r.outcome === 'unknown');
  const skipped = results.filter((r) => r.outcome === 'skipped');
  const note =
    results.length > 1
      ? ` Proofs: ${results.map((r) => `#${r.index + 1} ${r.suite} ${r.outcome}`).join(', ')}.`
      : '';
  if (failed) return { id: 'proof', outcome: 'failed', code: failed.code, message: failed.message + note };
  if (passed.length > 0) {
    const msg =
      passed.length === 1 && results.length === 1
        ? passed[0]!.message
        : `${passed.length} of ${results.length} proofs are valid (${passed.map((p) => p.suite).join(', ')}).${skipped.length ? ' Unsupported proofs were not checked.' : ''}`;
    return {
      id: 'proof',
      outcome: 'passed',
      code: 'proof-valid',
      message: msg + (passed.length === 1 && results.length === 1 ? '' : note),
    };
  }
  if (unknown)
    return { id: 'proof', outcome: 'unknown', code: unknown.code, message: unknown.message + note };
  return {
    id: 'proof',
    outcome: 'unknown',
    code: 'proof-unsupported',
    message: `No proof on this credential is of a kind Microcred can check.${note}`,
  };
}

/** The `issuer` check: the key's controller must be the issuer, and the key must be an assertion method. */
export function issuerCheck(issuerId: string | undefined, results: ProofResult[]): Check {
  if (!issuerId)
    return {
      id: 'issuer',
      outcome: 'failed',
      code: 'issuer-missing',
      message: 'The credential does not name its issuer.',
    };
  const resolved = results.filter((r) => r.method);
  const preferred = resolved.filter((r) => r.outcome === 'passed');
  const pool = preferred.length > 0 ? preferred : resolved;
  if (pool.length === 0) {
    return {
      id: 'issuer',
      outcome: 'unknown',
      code: 'issuer-not-checked',
      message: 'The issuer could not be checked because the signing key could not be resolved.',
    };
  }
  const bound = pool.find((r) => r.method!.controller === issuerId && r.method!.assertion);
  if (bound) {
    return {
      id: 'issuer',
      outcome: 'passed',
      code: 'issuer-bound',
      message: `The signing key belongs to the issuer ${issuerId}.`,
    };
  }
  const m = pool[0]!.method!;
  if (m.controller !== issuerId) {
    return {
      id: 'issuer',
      outcome: 'failed',
      code: 'issuer-mismatch',
      message: `The credential says it was issued by ${issuerId}, but it was signed with a key of ${m.controller}.`,
    };
  }
  return {
    id: 'issuer',
    outcome: 'failed',
    code: 'issuer-key-not-authorized',
    message: `The issuer has not authorised the key ${m.id} to sign credentials (it is not an assertion method).`,
  };
}

/** Checks whose failure (or unknown outcome) means the credential is not verified. */
const REQUIRED: CheckId[] = ['format', 'schema', 'proof', 'issuer', 'validity', 'status', 'credentials'];

/** The `verified` rule: proof and issuer passed; no required check failed or unknown. */
export function isVerified(checks: Check[]): boolean {
  const get = (id: CheckId): Check | undefined => checks.find((c) => c.id === id);
  if (get('proof')?.outcome !== 'passed' || get('issuer')?.outcome !== 'passed') return false;
  if (get('validity')?.outcome !== 'passed') return false;
  return checks.every((c) => !REQUIRED.includes(c.id) || c.outcome === 'passed' || c.outcome === 'skipped');
}

/** Minimal Open Badges 2.0 conformance: the OB 2.0 context, the Assertion type, no `data:` assertion image. */
export function ob2ConformanceCheck(doc: Obj): Check {
  const ctx = Array.isArray(doc['@context']) ? doc['@context'] : [doc['@context']];
  const type = Array.isArray(doc['type']) ? doc['type'] : [doc['type']];
  const problems: string[] = [];
  if (!ctx.includes('https://w3id.org/openbadges/v2'))
    problems.push('it does not use the Open Badges 2.0 context');
  if (!type.includes('Assertion')) problems.push('its type is not Assertion');
  const image = isObj(doc['image']) ? doc['image']['id'] : doc['image'];
  if (typeof image === 'string' && image.startsWith('data:'))
    problems.push('its image is embedded data, not a web address');
  return schemaCheck(problems, 'badge', 'an Open Badges 2.0 assertion');
}

/** The `schema` check from a list of problems found (`what` names the thing, `kind` what it should be). */
function schemaCheck(problems: string[], what: string, kind: string): Check {
  return problems.length > 0
    ? {
        id: 'schema',
        outcome: 'failed',
        code: 'schema-invalid',
        message: `The ${what} is not well-formed: ${problems.join('; ')}.`,
      }
    : {
        id: 'schema',
        outcome: 'passed',
        code: 'schema-valid',
        message: `The ${what} has the fields ${kind} requires.`,
      };
}

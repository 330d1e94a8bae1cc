/**
 * Expected outcomes read from ../shared/vectors/SOURCES.md (the rows' "offline:" results of the
 * reference runs), translated into what the specification requires of this verifier: an expired
 * credential still reports its signature (the reference stack stops at expiry), a status list that
 * cannot be fetched or trusted gives `unknown`, a safe-mode failure gets its own code. A status list
 * issued by someone other than the credential's issuer gives `unknown` too (issue 11 item 3: the
 * reference stack accepts a list from anyone; Bitstring Status List §3.2 leaves issuer validation to
 * the use case, and Microcred trusts only the credential's own issuer).
 */
import { localFileFor, vectorJson, vectorText } from './harness.js';

const issuerOf = (doc: Record<string, unknown>): unknown => {
  const i = doc['issuer'];
  return typeof i === 'object' && i !== null ? (i as Record<string, unknown>)['id'] : i;
};

/** True when some status list of the vector at `file` (served offline) has another issuer than the vector. */
function listFromAnotherIssuer(file: string): boolean {
  const doc = vectorJson(file);
  const entries = [doc['credentialStatus']].flat() as Record<string, unknown>[];
  return entries.some((entry) => {
    const url = entry?.['statusListCredential'];
    const local = typeof url === 'string' ? localFileFor(url) : undefined;
    return local !== undefined && issuerOf(vectorJson(local)) !== issuerOf(doc);
  });
}

/** What a vector must give. Fields left out are not asserted. */
export interface Expected {
  file: string;
  verified: boolean;
  proof?: 'passed' | 'failed' | 'unknown';
  proofCode?: string;
  validity?: 'valid' | 'expired' | 'not-yet-valid';
  status?: 'passed' | 'failed' | 'unknown' | 'skipped';
  format?: string;
}

/** Rows of SOURCES.md under the section for `root` (e.g. `vc-test-fixtures/`). */
export function expectationsFor(root: string): Expected[] {
  const text = vectorText('SOURCES.md');
  const start = text.indexOf(`\n## ${root}`);
  if (start < 0) throw new Error(`SOURCES.md has no section ${root}`);
  const end = text.indexOf('\n## ', start + 5);
  const section = text.slice(start, end < 0 ? undefined : end);
  const out: Expected[] = [];
  for (const line of section.split('\n')) {
    const m = /^\| `([^`]+\.json)` \| (.*) \|$/.exec(line);
    if (!m) continue;
    const [, path, desc] = m as unknown as [string, string, string];
    const off = /offline: (.*)$/.exec(desc)?.[1] ?? '';
    if (!off) continue;
    const file = `${root.replace(/\/$/, '')}/${path}`;
    if (/PARSE ERROR/.test(off)) {
      out.push({ file, verified: false, format: 'empty-input' });
      continue;
    }
    const e: Expected = { file, verified: false };
    if (/after "validUntil"|Credential has expired/.test(off)) {
      e.validity = 'expired';
      e.proof = 'passed';
    } else if (/before "validFrom"/.test(off)) {
      e.validity = 'not-yet-valid';
      e.proof = 'passed';
    } else if (/Invalid signature/.test(off)) {
      e.proof = 'failed';
      e.proofCode = 'proof-bad-signature';
    } else if (/Safe mode validation error/.test(off)) {
      e.proof = 'failed';
      e.proofCode = 'proof-undefined-term';
    } else if (/offline did:web not found/.test(off)) {
      e.proof = 'unknown';
      e.proofCode = 'key-unavailable';
    } else if (/verified=True/.test(off)) {
      e.proof = 'passed';
      e.validity = 'valid';
      if (/status=REVOKED/.test(off)) e.status = 'failed';
      else if (/status=not-revoked/.test(off)) {
        e.status = 'passed';
        e.verified = true;
      } else if (/status=/.test(off)) e.status = 'unknown';
      else {
        e.status = 'skipped';
        e.verified = true;
      }
    } else if (/proofs=\[True/.test(off) && /status-check-failed/.test(off)) {
      e.proof = 'passed';
      e.validity = 'valid';
      e.status = 'unknown';
    } else continue;
    if (e.status && e.status !== 'skipped' && listFromAnotherIssuer(file)) {
      e.status = 'unknown';
      e.verified = false;
    }
    out.push(e);
  }
  return out;
}

/**
 * Expected outcomes read from ../shared/vectors/SOURCES.md (the rows' "offline:" results of the
 * reference runs), translated into what the specification requires of this verifier: an expired
 * credential still reports its signature (the reference stack stops at expiry), a status list that
 * cannot be fetched or trusted gives `unknown`, a safe-mode failure gets its own code.
 */
import { vectorText } from './harness.js';

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
    out.push(e);
  }
  return out;
}

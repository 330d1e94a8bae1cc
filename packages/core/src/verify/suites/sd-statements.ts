/**
 * The statements of a selectively disclosed document, as the selective-disclosure suites verify them
 * (W3C vc-di-ecdsa "labelReplacementCanonicalizeJsonLd" and "createVerifyData", used by vc-di-bbs):
 * the disclosed document is canonicalised (RDFC-1.0), its blank node labels replaced through the
 * proof's label map (`_:c14n0` → `_:b3` for bbs-2023), the N-Quads sorted, then split into the
 * mandatory ones (at `mandatoryIndexes`, hashed together with SHA-256) and the others.
 */
import type { Kit } from '../kit.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let sha256: Kit['sha256'], canonizeRdfc: Kit['canonizeRdfc'], useAlt303: Kit['useAlt303'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ sha256, canonizeRdfc, useAlt303 } = kit);
}

type Obj = Record<string, unknown>;

/** One canonical N-Quad: subject, predicate, object (a literal may hold spaces), optional graph. */
const NQUAD = /^(\S+) (\S+) ("(?:[^"\\]|\\.)*"\S*|\S+)(?: (\S+))? \.$/;

/**
 * A canonical N-Quad (without its line end) with its blank node labels replaced through `labelMap`
 * (only in term positions, never inside a literal); undefined when a label has no entry.
 */
function relabel(line: string, labelMap: Map<string, string>): string | undefined {
  const m = NQUAD.exec(line);
  if (!m) return undefined;
  const terms = [m[1]!, m[2]!, m[3]!, ...(m[4] ? [m[4]] : [])].map((t) => {
    if (!t.startsWith('_:')) return t;
    const label = labelMap.get(t.slice(2));
    return label && `_:${label}`;
  });
  return terms.every(Boolean) ? `${terms.join(' ')} .\n` : undefined;
}

/** The mandatory statements' hash and the other statements, in order. */
export interface Statements {
  mandatoryHash: Uint8Array;
  nonMandatory: string[];
}

/**
 * The statements of `document` (without its proof; `alt`: with the 1EdTech copy of OB context
 * 3.0.3), or undefined when it cannot be canonicalised, the label map does not fit it (a label
 * missing, two blank nodes given one label) or a mandatory index points past its statements.
 */
export async function disclosedStatements(
  document: Obj,
  alt: boolean,
  labelMap: Map<string, string>,
  mandatoryIndexes: readonly number[],
): Promise<Statements | undefined> {
  if (new Set(labelMap.values()).size !== labelMap.size) return undefined;
  let canonical: string;
  try {
    canonical = await canonizeRdfc(alt ? useAlt303(document) : document);
  } catch {
    return undefined;
  }
  const nquads: string[] = [];
  for (const line of canonical.split('\n')) {
    if (!line) continue;
    const relabelled = relabel(line, labelMap);
    if (!relabelled) return undefined;
    nquads.push(relabelled);
  }
  nquads.sort();
  const mandatory = new Set(mandatoryIndexes);
  if (mandatoryIndexes.some((i) => i >= nquads.length)) return undefined;
  // "For each entry (index, nq) in nquads […] If mandatoryIndexes includes index, add nq to
  // mandatory. Otherwise, add nq to nonMandatory."
  const nonMandatory = nquads.filter((_, i) => !mandatory.has(i));
  // hashMandatoryNQuads: SHA-256 of the mandatory N-Quads joined
  const mandatoryHash = await sha256(nquads.filter((_, i) => mandatory.has(i)).join(''));
  return { mandatoryHash, nonMandatory };
}

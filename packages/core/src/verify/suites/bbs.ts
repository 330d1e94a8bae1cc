/**
 * The `bbs-2023` suite (W3C Data Integrity BBS Cryptosuites v1.0), verification of derived proofs
 * only — Microcred never signs or derives. The holder discloses some statements of what the issuer
 * signed, with a zero-knowledge proof that the issuer signed them all:
 *
 * - the proof options are canonicalised (RDFC-1.0) and hashed: `proofHash` (the first half of the
 *   signed data data-integrity.ts computes);
 * - the disclosed document's N-Quads are relabelled through the proof's label map and sorted; the
 *   statements at `mandatoryIndexes` are hashed together (`mandatoryHash`), the others are the
 *   disclosed BBS messages, at `selectiveIndexes` among everything the issuer signed (./sd-statements.ts);
 * - BBS ProofVerify (draft-irtf-cfrg-bbs-signatures, ciphersuite BLS12-381-SHA-256, from
 *   @digitalbazaar/bbs-signatures on @noble/curves) with the issuer's BLS12-381 G2 key, header
 *   proofHash ‖ mandatoryHash and the proof's presentation header.
 *
 * A base proof (what the issuer gives the holder) fails with its own reason; a derived proof using
 * an optional feature (holder binding, pseudonyms: at risk in the specification) is not checked.
 * Lazy chunk `suite-bbs` (the curve is most of it), loaded the first time a credential carries
 * such a proof.
 */
import type { Kit } from '../kit.js';
import { verifyProof } from '@digitalbazaar/bbs-signatures';
import type { PublicKey } from '../keys.js';
import {
  featureOf,
  messageCount,
  parseDerivedProofValue,
  proofValueKind,
  use as useProofValue,
} from './bbs-proof-value.js';
import { disclosedStatements, use as useStatements } from './sd-statements.js';
import type { DataIntegritySuite, ShapeFailure } from './suite.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let concat: Kit['concat'], utf8: Kit['utf8'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ concat, utf8 } = kit);
  useProofValue(kit);
  useStatements(kit);
}

type Obj = Record<string, unknown>;

/**
 * The most messages (signed statements) a proof may cover. Verifying costs a hash to the curve and
 * a scalar multiplication per message (milliseconds each in JavaScript): a proof value claiming a
 * thousand held Node for 15 s here, while a credential has tens of statements (a large CLR a few
 * hundred). Beyond it the proof fails as too complex, before any key is resolved.
 */
const MAX_MESSAGES = 512;

/** Checks a baseline derived proof over `document` with the issuer's key; never throws. */
async function verifyDerived(
  publicKey: Uint8Array,
  proof: Obj,
  proofHash: Uint8Array,
  document: Obj,
  alt: boolean,
): Promise<boolean> {
  const parts = parseDerivedProofValue(proof['proofValue']);
  if (!parts) return false;
  const data = await disclosedStatements(document, alt, parts.labelMap, parts.mandatoryIndexes);
  // ProofVerify checks the same ("if length(disclosed_indexes) != R, return INVALID"); said here too
  if (!data || data.nonMandatory.length !== parts.selectiveIndexes.length) return false;
  // "Initialize bbsHeader to the concatenation of proofHash and mandatoryHash in that order.
  // Initialize disclosedMessages to an array of byte arrays obtained from the UTF-8 encoding of the
  // elements of the nonMandatory array." Then "ProofVerify(PK, proof, header, ph,
  // disclosed_messages, disclosed_indexes) […] with PK set as the public key of the original issuer,
  // proof set as bbsProof, header set as bbsHeader, disclosed_messages set as disclosedMessages, ph
  // set as presentationHeader, and disclosed_indexes set as selectiveIndexes."
  return verifyProof({
    publicKey,
    proof: parts.bbsProof,
    header: concat(proofHash, data.mandatoryHash),
    presentationHeader: parts.presentationHeader,
    disclosedMessages: data.nonMandatory.map(utf8),
    disclosedMessageIndexes: parts.selectiveIndexes,
    ciphersuite: 'BLS12-381-SHA-256',
  });
}

/** Whether the proof value is a baseline derived proof, or why it cannot be verified. */
function wellFormed(proof: Obj): boolean | ShapeFailure {
  const value = proof['proofValue'];
  const kind = proofValueKind(value);
  if (kind === 'base') {
    // not a forgery: nothing a verifier can check (could not check, never verified)
    return {
      outcome: 'unknown',
      code: 'proof-not-derived',
      message:
        'The bbs-2023 proof is the issuer’s base proof, which is meant for the holder: a verifier checks only a proof derived from it.',
    };
  }
  if (kind === 'feature') {
    return {
      outcome: 'skipped',
      code: 'proof-unsupported',
      message: `The bbs-2023 proof uses ${featureOf(value as string)}, an optional feature Microcred does not verify; it was not checked.`,
    };
  }
  const parts = parseDerivedProofValue(value);
  const messages = parts && messageCount(parts);
  if (messages !== undefined && messages > MAX_MESSAGES) {
    return {
      outcome: 'failed',
      code: 'proof-too-complex',
      message: `The bbs-2023 proof covers ${messages} statements, more than the ${MAX_MESSAGES} Microcred checks.`,
    };
  }
  return messages !== undefined;
}

/** `bbs-2023` (baseline derived proofs). */
export const bbs2023: DataIntegritySuite = {
  canon: 'rdfc',
  keyNeed: 'a BLS12-381 G2 key',
  wellFormed,
  verifier: (key: PublicKey) =>
    Promise.resolve(
      key.kind === 'bls12-381-g2'
        ? {
            hash: 'SHA-256',
            // data = SHA-256(canonical proof options) ‖ SHA-256(canonical document): the first half is
            // proofHash ("The hash used is the same as that used in the signature algorithm, i.e., SHA-256")
            verify: (proof, data, document, alt) =>
              verifyDerived(key.raw, proof, data.subarray(0, 32), document, alt).catch(() => false),
          }
        : undefined,
    ),
};

/**
 * The `ecdsa-sd-2023` suite (W3C vc-di-ecdsa, selective disclosure), verification of derived proofs
 * only — Microcred never derives. The holder discloses some statements of what the issuer signed:
 *
 * - the proof options are canonicalised (RDFC-1.0) and hashed: `proofHash` (the first half of the
 *   signed data data-integrity.ts computes);
 * - the disclosed document is canonicalised, its blank nodes renamed through the proof's label map
 *   (`_:c14n0` → `_:u<HMAC of the issuer's label>`), the N-Quads sorted (./sd-statements.ts);
 * - the statements at `mandatoryIndexes` are hashed together (`mandatoryHash`); the base signature,
 *   by the issuer's key, covers proofHash ‖ the ephemeral public key ‖ mandatoryHash;
 * - every other statement carries its own signature by that ephemeral P-256 key.
 *
 * P-256 with SHA-256 through WebCrypto (node:crypto in Node, see ../node-crypto.ts). P-256 only: the
 * spec's parseDerivedProofValue wants "a byte array of length 64" for the base signature and HMAC
 * labels "each of length 32" (a P-384 signature is 96 bytes, a SHA-384 label 48), and the Digital
 * Bazaar suite will not sign with another curve, so a P-384 issuer key is refused. Lazy chunk,
 * loaded the first time a credential carries such a proof. A base proof (what the issuer gives the
 * holder) is refused as not verifiable.
 */
import type { Kit } from '../kit.js';
import type { PublicKey } from '../keys.js';
import type { NodeKey } from '../node-crypto.js';
import { decompress, jwkOf, use as useEcKey } from './ec-key.js';
import { parseDerivedProofValue, proofValueKind, use as useProofValue } from './ecdsa-sd-proof-value.js';
import { disclosedStatements, use as useStatements } from './sd-statements.js';
import type { DataIntegritySuite, ShapeFailure } from './suite.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let concat: Kit['concat'], utf8: Kit['utf8'], nodeCrypto: Kit['nodeCrypto'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ concat, utf8, nodeCrypto } = kit);
  useEcKey(kit);
  useProofValue(kit);
  useStatements(kit);
}

type Obj = Record<string, unknown>;

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A P-256 public key: a node:crypto KeyObject in Node, a WebCrypto key elsewhere. */
type Key = NodeKey | CryptoKey;

async function importP256(jwk: JsonWebKey | undefined): Promise<Key | undefined> {
  if (jwk?.kty !== 'EC' || jwk.crv !== 'P-256' || 'd' in jwk) return undefined;
  const { kty, crv, x, y } = jwk;
  try {
    return nodeCrypto
      ? nodeCrypto.createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' })
      : await crypto.subtle.importKey(
          'jwk',
          { kty, crv, x, y },
          { name: 'ECDSA', namedCurve: 'P-256' },
          false,
          ['verify'],
        );
  } catch {
    return undefined;
  }
}

/**
 * ECDSA P-256 / SHA-256 over `data` with an IEEE P1363 (r ‖ s) signature; never throws. In Node
 * synchronously (a derived credential carries one signature per disclosed statement, and the thread
 * pool WebCrypto uses there costs more than each check).
 */
async function check(key: Key, sig: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return nodeCrypto
      ? nodeCrypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig)
      : await crypto.subtle.verify(ECDSA, key as CryptoKey, sig as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

async function verifyDerived(
  issuerKey: Key,
  proof: Obj,
  proofHash: Uint8Array,
  document: Obj,
  alt: boolean,
): Promise<boolean> {
  const parts = parseDerivedProofValue(proof['proofValue']);
  if (!parts) return false;
  const data = await disclosedStatements(document, alt, parts.labelMap, parts.mandatoryIndexes);
  // "If the length of signatures does not match the length of nonMandatory, an error MUST be raised"
  if (!data || data.nonMandatory.length !== parts.signatures.length) return false;
  // "Initialize toVerify to the result of calling the algorithm in Section 3.3.1 serializeSignData,
  // passing proofHash, publicKey, and mandatoryHash." — verified with the issuer's key
  const toVerify = concat(proofHash, parts.publicKey, data.mandatoryHash);
  if (!(await check(issuerKey, parts.baseSignature, toVerify))) return false;
  // each non-mandatory statement: "the UTF-8 representation of the value at index of nonMandatory as
  // the data to be verified against signature using the public key specified by publicKeyBytes"
  // (the ephemeral key of the proof value, whose P-256 multikey header is 0x80 0x24)
  const ephemeral = await importP256(decompress('P-256', parts.publicKey.subarray(2)));
  if (!ephemeral) return false;
  const results = await Promise.all(
    data.nonMandatory.map((nq, i) => check(ephemeral, parts.signatures[i]!, utf8(nq))),
  );
  return results.every(Boolean);
}

/** Whether the proof value is a derived proof, or why it cannot be verified. */
function wellFormed(proof: Obj): boolean | ShapeFailure {
  // "parseDerivedProofValue […] Ensure that the decodedProofValue starts with the ECDSA-SD disclosure
  // proof header bytes 0xd9, 0x5d, and 0x01": a base proof (0xd9 0x5d 0x00) is the holder's input to
  // "Add Derived Proof", never verified as it is
  if (proofValueKind(proof['proofValue']) === 'base') {
    // not a forgery: nothing a verifier can check (could not check, never verified)
    return {
      outcome: 'unknown',
      code: 'proof-not-derived',
      message:
        'The ecdsa-sd-2023 proof is the issuer’s base proof, which is meant for the holder: a verifier checks only a proof derived from it.',
    };
  }
  return parseDerivedProofValue(proof['proofValue']) !== undefined;
}

/** `ecdsa-sd-2023` (derived proofs). */
export const ecdsaSd: DataIntegritySuite = {
  canon: 'rdfc',
  keyNeed: 'a P-256 key',
  wellFormed,
  verifier: async (key: PublicKey) => {
    const issuerKey = await importP256(jwkOf(key));
    return (
      issuerKey && {
        hash: 'SHA-256',
        // data = SHA-256(canonical proof options) ‖ SHA-256(canonical document): the first half is proofHash
        verify: (proof, data, document, alt) =>
          verifyDerived(issuerKey, proof, data.subarray(0, 32), document, alt).catch(() => false),
      }
    );
  },
};

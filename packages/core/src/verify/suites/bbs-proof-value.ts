/**
 * The `proofValue` of a `bbs-2023` proof (W3C Data Integrity BBS Cryptosuites v1.0,
 * "parseDerivedProofValue"): multibase `u` (base64url, no padding) of a 3-byte header and CBOR. A
 * derived proof without optional features (header 0xd9 0x5d 0x03, "baseline") is the CBOR array
 * [bbsProof (bytes), compressed label map (unsigned integer → unsigned integer), mandatoryIndexes,
 * selectiveIndexes (unsigned integers), presentationHeader (bytes)]. Headers 0x05, 0x07 and 0x09 are
 * derived proofs with the optional features (holder binding, pseudonyms); even headers 0x02–0x08 are
 * base proofs, which the issuer gives the holder, not the verifier.
 */
import type { Kit } from '../kit.js';
import { readCbor } from './sd-cbor.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let base64UrlDecode: Kit['base64UrlDecode'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ base64UrlDecode } = kit);
}

/** What a baseline derived proof value holds (the label map decompressed: `c14n<k>` → `b<v>`). */
export interface DerivedProofValue {
  bbsProof: Uint8Array;
  labelMap: Map<string, string>;
  mandatoryIndexes: number[];
  selectiveIndexes: number[];
  presentationHeader: Uint8Array;
}

/** The header byte after 0xd9 0x5d of a derived proof with an optional feature, and its name. */
const FEATURES: Record<number, string> = {
  5: 'anonymous holder binding',
  7: 'pseudonyms',
  9: 'holder binding with pseudonyms',
};

/** What kind of `bbs-2023` proof value `value` is (undefined: none, not even a base proof). */
export function proofValueKind(value: unknown): 'derived' | 'base' | 'feature' | undefined {
  // "If the proofValue string does not start with u (U+0075 LATIN SMALL LETTER U) […] an error MUST be raised"
  const b = typeof value === 'string' && value.startsWith('u') ? base64UrlDecode(value.slice(1)) : undefined;
  if (!b || b[0] !== 0xd9 || b[1] !== 0x5d || b[2] === undefined) return undefined;
  if (b[2] === 3) return 'derived';
  if (FEATURES[b[2]]) return 'feature';
  return b[2] >= 2 && b[2] <= 8 && b[2] % 2 === 0 ? 'base' : undefined;
}

/** The name of the optional feature of a derived proof value (for messages). */
export function featureOf(value: string): string {
  return FEATURES[base64UrlDecode(value.slice(1))?.[2] ?? 0] ?? 'an optional feature';
}

/**
 * How many messages the issuer signed, as a derived proof tells: the BBS proof (ciphersuite
 * BLS12-381-SHA-256) is Abar ‖ Bbar ‖ D (three 48-byte points) ‖ e^ ‖ r1^ ‖ r3^ ‖ m^_1 … m^_U ‖
 * challenge (32-byte scalars), one m^ per undisclosed message, plus the disclosed ones; undefined
 * when the proof has no such length.
 */
export function messageCount(parts: DerivedProofValue): number | undefined {
  const scalars = (parts.bbsProof.length - 3 * 48) / 32;
  return Number.isInteger(scalars) && scalars >= 4 ? scalars - 4 + parts.selectiveIndexes.length : undefined;
}

const isUints = (x: unknown): x is number[] => Array.isArray(x) && x.every((i) => typeof i === 'number');

/** The parts of a baseline derived proof value, or undefined when it is not one. */
export function parseDerivedProofValue(value: unknown): DerivedProofValue | undefined {
  if (proofValueKind(value) !== 'derived') return undefined;
  const b = base64UrlDecode((value as string).slice(1))!;
  const at = { i: 3 };
  const parts = readCbor(b, at);
  // "Initialize components to an array that is the result of CBOR-decoding the bytes that follow
  // the three-byte BBS disclosure proof header. If the result is not an array of five, six, or eight
  // elements an error MUST be raised" (five: the baseline feature option)
  if (at.i !== b.length || !Array.isArray(parts) || parts.length !== 5) return undefined;
  const [bbsProof, compressed, mandatoryIndexes, selectiveIndexes, presentationHeader] = parts;
  if (!(bbsProof instanceof Uint8Array) || !(presentationHeader instanceof Uint8Array)) return undefined;
  if (!(compressed instanceof Map) || !isUints(mandatoryIndexes) || !isUints(selectiveIndexes))
    return undefined;
  // ProofVerify's disclosed_indexes: "vector of unsigned integers in ascending order"
  // (draft-irtf-cfrg-bbs-signatures); ascending also rules out one message disclosed twice
  if (selectiveIndexes.some((v, i) => i > 0 && v <= selectiveIndexes[i - 1]!)) return undefined;
  // decompressLabelMap: "a key that adds the prefix "c14n" to k, and a value that adds a prefix of
  // "b" to v"
  const labelMap = new Map<string, string>();
  for (const [k, v] of compressed) {
    if (typeof v !== 'number') return undefined;
    labelMap.set(`c14n${k}`, `b${v}`);
  }
  return { bbsProof, labelMap, mandatoryIndexes, selectiveIndexes, presentationHeader };
}

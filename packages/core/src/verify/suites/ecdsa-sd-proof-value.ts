/**
 * The `proofValue` of an `ecdsa-sd-2023` proof (W3C vc-di-ecdsa, "parseDerivedProofValue"):
 * multibase `u` (base64url, no padding) of the 3-byte header and CBOR. A derived proof (header
 * 0xd9 0x5d 0x01) is the CBOR array [baseSignature (64 bytes), publicKey (35 bytes: the P-256
 * multikey header 0x80 0x24 and a compressed point), signatures (64 bytes each), compressed label
 * map (unsigned integer → 32 bytes), mandatoryIndexes (unsigned integers)]. A base proof (header
 * 0xd9 0x5d 0x00) is what the issuer gives the holder; verifiers only verify derived proofs.
 * The CBOR is read by ./sd-cbor.ts (exactly these shapes, shared with bbs-2023).
 */
import type { Kit } from '../kit.js';
import { readCbor } from './sd-cbor.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let base64UrlDecode: Kit['base64UrlDecode'], base64UrlEncode: Kit['base64UrlEncode'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ base64UrlDecode, base64UrlEncode } = kit);
}

/** What a derived proof value holds (the label map decompressed: `c14n<k>` → `u<base64url>`). */
export interface DerivedProofValue {
  baseSignature: Uint8Array;
  publicKey: Uint8Array;
  signatures: Uint8Array[];
  labelMap: Map<string, string>;
  mandatoryIndexes: number[];
}

const isBytes = (x: unknown, length: number): x is Uint8Array =>
  x instanceof Uint8Array && x.length === length;

/** The kind of an `ecdsa-sd-2023` proofValue: `derived`, `base`, or undefined when neither. */
export function proofValueKind(value: unknown): 'derived' | 'base' | undefined {
  const b = typeof value === 'string' && value.startsWith('u') ? base64UrlDecode(value.slice(1)) : undefined;
  if (!b || b[0] !== 0xd9 || b[1] !== 0x5d) return undefined;
  return b[2] === 0x01 ? 'derived' : b[2] === 0x00 ? 'base' : undefined;
}

/** The parts of a derived proof value, or undefined when it is not one (a base proof is not). */
export function parseDerivedProofValue(value: unknown): DerivedProofValue | undefined {
  if (proofValueKind(value) !== 'derived') return undefined;
  const b = base64UrlDecode((value as string).slice(1))!;
  const at = { i: 3 };
  const parts = readCbor(b, at);
  // "Ensure the result is an array of five elements: a byte array of length 64, a byte array of
  // length [35], an array of byte arrays, each of length 64, a map of integers to byte arrays of
  // length 32, and an array of integers, throwing an error if not."
  if (at.i !== b.length || !Array.isArray(parts) || parts.length !== 5) return undefined;
  const [baseSignature, publicKey, signatures, compressed, mandatoryIndexes] = parts;
  if (!isBytes(baseSignature, 64) || !isBytes(publicKey, 35)) return undefined;
  if (publicKey[0] !== 0x80 || publicKey[1] !== 0x24) return undefined;
  if (!Array.isArray(signatures) || !signatures.every((s) => isBytes(s, 64))) return undefined;
  if (!(compressed instanceof Map) || !Array.isArray(mandatoryIndexes)) return undefined;
  if (!mandatoryIndexes.every((i) => typeof i === 'number')) return undefined;
  // decompressLabelMap: "a key that adds the prefix "c14n" to k and a value that adds a prefix of
  // "u" to the base64url-no-pad-encoded value for v"
  const labelMap = new Map<string, string>();
  for (const [k, v] of compressed) {
    if (!isBytes(v, 32)) return undefined;
    labelMap.set(`c14n${k}`, `u${base64UrlEncode(v)}`);
  }
  return {
    baseSignature,
    publicKey,
    signatures: signatures as Uint8Array[],
    labelMap,
    mandatoryIndexes: mandatoryIndexes as number[],
  };
}

/**
 * The CBOR (RFC 8949) reader for the proof values of the selective-disclosure suites: the bytes
 * after a proof value's 3-byte header are a CBOR array of unsigned integers, byte strings, arrays and
 * maps with definite lengths, nested at most two deep. This reader reads exactly those shapes and
 * refuses everything else (text, negative numbers, floats, indefinite lengths, duplicate map keys,
 * numbers beyond 2^32, every tag but one: tag 64, a uint8 typed array (RFC 8746), which is how
 * node-cbor writes a Uint8Array and which the Digital Bazaar suites read as a byte string, is read
 * as the byte string it wraps): a general CBOR library (cborg's decoder alone is about 6.7 KB gzip)
 * would be a large part of a suite's chunk for what is a fixed layout.
 */

/** A CBOR item of the shapes above. */
export type CborItem = number | Uint8Array | CborItem[] | Map<number, CborItem>;

/** Reads one item from `b` at `at.i` (advanced past it); undefined when it is of any other shape. */
export function readCbor(b: Uint8Array, at: { i: number }, depth = 0): CborItem | undefined {
  const head = b[at.i++];
  if (head === undefined || depth > 2) return undefined;
  const major = head >> 5;
  const info = head & 31;
  let n = info;
  if (info >= 24) {
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size || at.i + size > b.length) return undefined;
    n = 0;
    for (let k = 0; k < size; k++) n = n * 256 + b[at.i++]!;
  }
  if (major === 0) return n;
  if (major === 6) {
    const bytes = n === 64 ? readCbor(b, at, depth) : undefined;
    return bytes instanceof Uint8Array ? bytes : undefined;
  }
  // every element takes at least one byte: a length beyond what is left is a lie
  if (n > b.length - at.i) return undefined;
  if (major === 2) return b.subarray(at.i, (at.i += n));
  if (major !== 4 && major !== 5) return undefined;
  const list: CborItem[] = [];
  const map = new Map<number, CborItem>();
  for (let k = 0; k < n; k++) {
    const key = major === 5 ? readCbor(b, at, depth + 1) : 0;
    const value = readCbor(b, at, depth + 1);
    if (value === undefined || typeof key !== 'number') return undefined;
    if (major === 4) list.push(value);
    else if (map.has(key)) return undefined;
    else map.set(key, value);
  }
  return major === 4 ? list : map;
}

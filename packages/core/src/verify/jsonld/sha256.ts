/**
 * SHA-256 (FIPS 180-4), synchronous, for RDF canonicalisation: RDFC-1.0 hashes every blank node's
 * quads, many small messages, and WebCrypto's `digest` costs a promise and a trip to another thread
 * for each (most of rdf-canonize's time in a browser). Also the SHA-256 digests of a Data Integrity
 * proof's hash data. Checked against FIPS 180-2's examples and node:crypto in
 * test/core/verify/canonize-input.test.ts.
 */
import { toHex, utf8 } from '../encoding.js';

/** The first 32 bits of the fractional part of `x`. */
const frac = (x: number): number => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
/** FIPS 180-4 §4.2.2 and §5.3.3: from the cube and square roots of the first 64 and 8 primes. */
const K = new Int32Array(64);
let kn = 0;
const H0: number[] = [];
for (let n = 2; kn < 64; n++) {
  let d = 2;
  while (d * d <= n && n % d) d++;
  if (d * d <= n) continue;
  if (H0.length < 8) H0.push(frac(Math.sqrt(n)));
  K[kn++] = frac(Math.cbrt(n));
}
const W = new Int32Array(64);
const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** The SHA-256 digest of `data`. */
export function sha256Sync(data: Uint8Array): Uint8Array {
  const len = data.length;
  const buf = new Uint8Array(Math.ceil((len + 9) / 64) * 64);
  buf.set(data);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(buf.length - 8, Math.floor(len / 2 ** 29));
  view.setUint32(buf.length - 4, (len * 8) >>> 0);
  let [h0, h1, h2, h3, h4, h5, h6, h7] = H0 as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  for (let o = 0; o < buf.length; o += 64) {
    for (let t = 0; t < 16; t++) W[t] = view.getInt32(o + t * 4);
    for (let t = 16; t < 64; t++) {
      const x = W[t - 15]!;
      const y = W[t - 2]!;
      W[t] =
        ((rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) +
          (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10)) +
          W[t - 7]! +
          W[t - 16]!) |
        0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  const out = new DataView(new ArrayBuffer(32));
  [h0, h1, h2, h3, h4, h5, h6, h7].forEach((v, i) => out.setUint32(i * 4, v));
  return new Uint8Array(out.buffer);
}

/**
 * rdf-canonize's message digest (its `createMessageDigest` option): SHA-256 of the UTF-8 of what was
 * given to `update`, in lower-case hex, computed synchronously.
 */
export class Sha256Digest {
  private text = '';
  update(msg: string): void {
    this.text += msg;
  }
  digest(): string {
    return toHex(sha256Sync(utf8(this.text)));
  }
}

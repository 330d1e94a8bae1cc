/**
 * SHA-256 (FIPS 180-4), synchronous, for RDF canonicalisation: RDFC-1.0 hashes every blank node's
 * quads, many small messages, and WebCrypto's `digest` costs a promise and a trip to another thread
 * for each (most of rdf-canonize's time in a browser). Also the SHA-256 digests of a Data Integrity
 * proof's hash data. Checked against FIPS 180-2's examples and node:crypto in
 * test/core/verify/canonize-input.test.ts.
 */
import { toHex, utf8 } from '../encoding.js';
import { nodeCrypto } from '../node-crypto.js';

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

/** The state after one more 64-byte block of `view` at `o` (FIPS 180-4 §6.2.2). */
function block(view: DataView, o: number, s: Int32Array): void {
  for (let t = 0; t < 16; t++) W[t] = view.getInt32(o + t * 4);
  for (let t = 16; t < 64; t++) {
    const x = W[t - 15]!;
    const y = W[t - 2]!;
    const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
    const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
    W[t] = (s1 + W[t - 7]! + s0 + W[t - 16]!) | 0;
  }
  let a = s[0]!;
  let b = s[1]!;
  let c = s[2]!;
  let d = s[3]!;
  let e = s[4]!;
  let f = s[5]!;
  let g = s[6]!;
  let h = s[7]!;
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
  s[0]! += a;
  s[1]! += b;
  s[2]! += c;
  s[3]! += d;
  s[4]! += e;
  s[5]! += f;
  s[6]! += g;
  s[7]! += h;
}

/** The SHA-256 digest of `data`: `node:crypto`'s in Node (native), else {@link sha256Js}. */
export const sha256Sync = (data: Uint8Array): Uint8Array =>
  nodeCrypto ? new Uint8Array(nodeCrypto.createHash('sha256').update(data).digest()) : sha256Js(data);

/** The SHA-256 digest of `data`, in JavaScript. */
export function sha256Js(data: Uint8Array): Uint8Array {
  const len = data.length;
  const buf = new Uint8Array(Math.ceil((len + 9) / 64) * 64);
  buf.set(data);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(buf.length - 8, Math.floor(len / 2 ** 29));
  view.setUint32(buf.length - 4, (len * 8) >>> 0);
  const s = Int32Array.from(H0);
  for (let o = 0; o < buf.length; o += 64) block(view, o, s);
  const out = new DataView(new ArrayBuffer(32));
  s.forEach((v, i) => out.setInt32(i * 4, v));
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

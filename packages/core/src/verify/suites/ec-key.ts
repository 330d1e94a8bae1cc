/**
 * P-256 and P-384 public keys for WebCrypto: a Multikey holds a compressed point (0x02/0x03 ‖ x),
 * which WebCrypto does not import, so y is recovered from the curve equation
 * y² = x³ − 3x + b (mod p); both primes are 3 mod 4, so √a = a^((p+1)/4). Lazy: loaded only for
 * ECDSA keys (ecdsa-rdfc-2019, ecdsa-jcs-2019, ES256/ES384 tokens with a `zDn…`/`z82…` key).
 */
import type { Kit } from '../kit.js';
import type { PublicKey } from '../keys.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let base64UrlEncode: Kit['base64UrlEncode'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ base64UrlEncode } = kit);
}

const CURVES = {
  'P-256': {
    p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    size: 32,
  },
  'P-384': {
    p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    size: 48,
  },
} as const;

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let r = 1n;
  let b = base % m;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

const toBigInt = (bytes: Uint8Array): bigint => bytes.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);

function toBytes(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

/** Decompressed points by their base64url text (bounded). */
const points = new Map<string, JsonWebKey | undefined>();

/** The public JWK of a compressed P-256/P-384 point; undefined when it is not a point of the curve. */
export function decompress(crv: 'P-256' | 'P-384', point: Uint8Array): JsonWebKey | undefined {
  const id = crv + base64UrlEncode(point);
  if (!points.has(id)) {
    if (points.size > 100) points.clear();
    points.set(id, decompressPoint(crv, point));
  }
  return points.get(id);
}

function decompressPoint(crv: 'P-256' | 'P-384', point: Uint8Array): JsonWebKey | undefined {
  const { p, b, size } = CURVES[crv];
  if (point.length !== size + 1 || (point[0] !== 2 && point[0] !== 3)) return undefined;
  const x = toBigInt(point.subarray(1));
  if (x >= p) return undefined;
  const rhs = (((x * x) % p) * x - 3n * x + b + 3n * p) % p;
  let y = modPow(rhs, (p + 1n) / 4n, p);
  if ((y * y) % p !== rhs) return undefined;
  if (Number(y & 1n) !== (point[0] & 1)) y = p - y;
  return {
    kty: 'EC',
    crv,
    x: base64UrlEncode(point.subarray(1)),
    y: base64UrlEncode(toBytes(y, size)),
  };
}

/** A public JWK of a resolved key, decompressing EC points; undefined when the point is invalid. */
export function jwkOf(key: PublicKey): JsonWebKey | undefined {
  if (key.kind === 'jwk') return key.jwk;
  if (key.kind === 'ec') return decompress(key.crv, key.raw);
  return { kty: 'OKP', crv: 'Ed25519', x: base64UrlEncode(key.raw) };
}

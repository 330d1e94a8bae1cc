/**
 * A COSE_Sign1 (RFC 9052) of a credential, made in the browser with a fresh key (ES256, ES384 or EdDSA) and a
 * did:jwk issuer, as VC-JOSE-COSE §3.3 (`application/vc+cose`) secures one: the protected header holds the
 * algorithm, the key id (`<did>#0`), `typ` and the content type. A small CBOR writer of
 * the few kinds it needs (the Node tests use cose-js as the independent issuer).
 */
import { b64u, utf8 } from '../elements/helpers/bytes.js';

type Cbor = number | string | Uint8Array | Cbor[] | Map<number, Cbor> | { tag: number; value: Cbor };

function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n];
  if (n < 256) return [(major << 5) | 24, n];
  if (n < 65536) return [(major << 5) | 25, n >> 8, n & 255];
  return [(major << 5) | 26, n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function cbor(v: Cbor): Uint8Array {
  const out: number[] = [];
  const put = (x: Cbor): void => {
    if (typeof x === 'number') out.push(...(x >= 0 ? head(0, x) : head(1, -1 - x)));
    else if (typeof x === 'string') {
      const b = utf8(x);
      out.push(...head(3, b.length), ...b);
    } else if (x instanceof Uint8Array) out.push(...head(2, x.length), ...x);
    else if (Array.isArray(x)) {
      out.push(...head(4, x.length));
      x.forEach(put);
    } else if (x instanceof Map) {
      out.push(...head(5, x.size));
      for (const [k, val] of x) {
        put(k);
        put(val);
      }
    } else {
      out.push(...head(6, x.tag));
      put(x.value);
    }
  };
  put(v);
  return Uint8Array.from(out);
}

/** The COSE algorithms the tests sign with, and how WebCrypto makes and uses their keys. */
export type CoseAlg = 'ES256' | 'ES384' | 'EdDSA';
const KEYGEN = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  ES384: { name: 'ECDSA', namedCurve: 'P-384' },
  EdDSA: { name: 'Ed25519' },
} as const;
const SIGN = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  ES384: { name: 'ECDSA', hash: 'SHA-384' },
  EdDSA: { name: 'Ed25519' },
} as const;
const COSE_ALG: Record<CoseAlg, number> = { ES256: -7, ES384: -35, EdDSA: -8 };

/**
 * A did:jwk issuer with a fresh key for `alg` (default EdDSA), and `sign`, which makes the tagged
 * COSE_Sign1 of a credential (`vc`), or of a presentation (`vp`, VC-JOSE-COSE §3.3.2: typ
 * `application/vp+cose`, content type `application/vp`) when the key is its holder's.
 */
export async function coseIssuer(alg: CoseAlg = 'EdDSA'): Promise<{
  did: string;
  sign: (credential: object, kind?: 'vc' | 'vp') => Promise<Uint8Array>;
}> {
  const pair = (await crypto.subtle.generateKey(KEYGEN[alg], true, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const did = `did:jwk:${b64u(utf8(JSON.stringify(y ? { kty, crv, x, y } : { kty, crv, x })))}`;
  const sign = async (credential: object, kind: 'vc' | 'vp' = 'vc'): Promise<Uint8Array> => {
    const protectedHeader = cbor(
      new Map<number, Cbor>([
        [1, COSE_ALG[alg]],
        [4, utf8(`${did}#0`)],
        [16, `application/${kind}+cose`],
        [3, `application/${kind}`],
      ]),
    );
    const payload = utf8(JSON.stringify(credential));
    const toBeSigned = cbor(['Signature1', protectedHeader, new Uint8Array(0), payload]);
    const signature = new Uint8Array(
      await crypto.subtle.sign(SIGN[alg], pair.privateKey, toBeSigned as BufferSource),
    );
    return cbor({ tag: 18, value: [protectedHeader, new Map(), payload, signature] });
  };
  return { did, sign };
}

/** An Open Badges 3.0 credential of `issuerId` (the one the COSE tests sign). */
export const credential = (issuerId: string): object => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:0c1b2a3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Laser Cutter Induction',
  issuer: { id: issuerId, type: ['Profile'], name: 'Westfield Makerspace' },
  validFrom: '2026-02-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://westfield.example/achievements/laser',
      type: ['Achievement'],
      name: 'Laser Cutter Induction',
      description: 'Completed the induction.',
      criteria: { narrative: 'Attended and passed.' },
    },
  },
});

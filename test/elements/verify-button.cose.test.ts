/**
 * `<mc-verify-button>` on credentials secured with COSE (VC-JOSE-COSE §3.3, `application/vc+cose`) in
 * a real browser: the COSE chunk and its CBOR decoder load on demand, the signature is checked with
 * the browser's WebCrypto (ES256, ES384, Ed25519), and the answer is given in words. The COSE_Sign1
 * objects are made here with fresh keys and a small CBOR writer of the test's own (the Node tests,
 * test/core/verify/cose.test.ts, use cose-js and node-cbor as the independent issuers).
 */
import { expect, html } from '@open-wc/testing';
import type { McVerifyButton } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW } from './verify-button.helpers.js';
import { VerifyButtonHarness } from './harness/verify-button.js';

type Alg = 'ES256' | 'ES384' | 'EdDSA';
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
const COSE_ALG: Record<Alg, number> = { ES256: -7, ES384: -35, EdDSA: -8 };

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const b64u = (b: Uint8Array): string =>
  btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** CBOR (RFC 8949) of the few kinds a COSE_Sign1 needs: ints, byte and text strings, arrays, int-keyed maps. */
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

/** A did:jwk issuer with a fresh key, and the COSE_Sign1 of a credential it signs. */
async function issuer(alg: Alg) {
  const pair = (await crypto.subtle.generateKey(KEYGEN[alg], true, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const did = `did:jwk:${b64u(utf8(JSON.stringify(y ? { kty, crv, x, y } : { kty, crv, x })))}`;
  const sign = async (credential: object): Promise<Uint8Array> => {
    const protectedHeader = cbor(
      new Map<number, Cbor>([
        [1, COSE_ALG[alg]],
        [4, utf8(`${did}#0`)],
        [16, 'application/vc+cose'],
        [3, 'application/vc'],
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

const credential = (issuerId: string): object => ({
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

const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('<mc-verify-button> on COSE-secured credentials (application/vc+cose)', () => {
  afterEach(unmountAll);

  for (const alg of ['ES256', 'ES384', 'EdDSA'] as const) {
    it(`${alg}: verified, in words, as bytes and as an EnvelopedVerifiableCredential`, async () => {
      const { did, sign } = await issuer(alg);
      const cose = await sign(credential(did));
      const enveloped = {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+cose;base64,${btoa(String.fromCharCode(...cose))}`,
      };
      for (const input of [cose, enveloped]) {
        const el = await mount<McVerifyButton>(
          html`<mc-verify-button .credential=${input} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
        );
        await el.verify();
        await el.updateComplete;
        expect(el.state, JSON.stringify(el.report?.checks)).to.equal('verified');
        const h = new VerifyButtonHarness(el);
        expect(h.summary).to.equal('Verified');
        expect(h.checks.map((c) => c.textContent).join(' ')).to.contain(
          'The signing key belongs to the issuer',
        );
      }
    });
  }

  it('a changed credential is invalid, and damaged COSE is said to be damaged COSE, not bad JSON', async () => {
    const { did, sign } = await issuer('ES256');
    const cose = await sign(credential(did));
    const changed = cose.slice();
    const at = new TextDecoder('latin1').decode(changed).indexOf('Laser');
    changed[at] = 'M'.charCodeAt(0);
    let el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${changed} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.state).to.equal('invalid');
    unmountAll();
    el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${cose.subarray(0, cose.length - 30)}
        .now=${NOW}
        .fetch=${offline}
      ></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.report?.checks[0]?.code).to.equal('cose-malformed');
    const words = new VerifyButtonHarness(el).checks.map((c) => c.textContent).join(' ');
    expect(words).to.contain('secured with COSE (CBOR) is damaged');
    expect(words).to.not.contain('JSON');
  });
});

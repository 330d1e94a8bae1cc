import { expect } from '@open-wc/testing';
import { verifyCompactJws } from '@microcred/core/verify/jwt/jws.js';
import { verifyCredential } from '@microcred/core';

// A VC-JWT signature check in a browser goes through WebCrypto, with the imported key cached and
// the signing input's bytes written into a reused buffer (issue 14: a warm verification within 1.5×
// of jose alone). In Node the check is node:crypto's (test/core/verify/jwt-reuse.test.ts), so the
// WebCrypto path is tested here, in Chromium: a signing input is never cut short, a buffer reused
// for a shorter input never leaks the longer one's bytes, and two keys verified in turn never swap.
const enc = new TextEncoder();
const b64 = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const json64 = (v: unknown): string => b64(enc.encode(JSON.stringify(v)));

async function signer(): Promise<{ jwk: JsonWebKey; sign: (data: Uint8Array) => Promise<string> }> {
  const { publicKey, privateKey } = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const { kty, crv, x } = await crypto.subtle.exportKey('jwk', publicKey);
  return {
    jwk: { kty, crv, x },
    sign: async (data) =>
      b64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, data as BufferSource))),
  };
}

describe('verifyCompactJws with WebCrypto', () => {
  it('checks a signing input whose UTF-8 does not fit the reused buffer whole', async () => {
    const { jwk, sign } = await signer();
    const signed = `${json64({ alg: 'EdDSA' })}.${'€'.repeat(3000)}`; // 9 KB of UTF-8, 3 K units
    // what encoding into a buffer of 4 KB, or of two bytes a character (the reused buffer's sizes),
    // would keep: a signature over that must not verify the whole input
    for (const size of [4096, 2 * signed.length]) {
      const cut = new Uint8Array(size);
      const { written } = enc.encodeInto(signed, cut);
      const sig = await sign(cut.subarray(0, written));
      expect(await verifyCompactJws(`${signed}.${sig}`, 'EdDSA', { jwk }), `${size}`).to.equal(false);
    }
    const bytes = enc.encode(signed);
    expect(await verifyCompactJws(`${signed}.${await sign(bytes)}`, 'EdDSA', { jwk })).to.equal(true);
  });

  it('a long input then a shorter one: the shorter is checked on its own bytes', async () => {
    const { jwk, sign } = await signer();
    const long = `${json64({ alg: 'EdDSA' })}.${json64({ note: 'x'.repeat(3000) })}`;
    const short = `${json64({ alg: 'EdDSA' })}.${json64({ note: 'y' })}`;
    const longSig = await sign(enc.encode(long));
    const shortSig = await sign(enc.encode(short));
    expect(await verifyCompactJws(`${long}.${longSig}`, 'EdDSA', { jwk })).to.equal(true);
    expect(await verifyCompactJws(`${short}.${shortSig}`, 'EdDSA', { jwk })).to.equal(true);
    // the short input with the long one's signature: what the buffer's leftover bytes would sign
    expect(await verifyCompactJws(`${short}.${longSig}`, 'EdDSA', { jwk })).to.equal(false);
  });

  it('two did:jwk issuers in turn: each token verifies with its own key, a swapped kid fails', async () => {
    const keys = [await signer(), await signer()];
    const dids = keys.map((k) => `did:jwk:${json64(k.jwk)}`);
    const token = async (by: number, kidOf: number): Promise<string> => {
      const h = json64({ alg: 'EdDSA', kid: `${dids[kidOf]}#0`, typ: 'vc+jwt' });
      const p = json64({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: dids[kidOf],
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:learner', name: 'Ana' },
      });
      return `${h}.${p}.${await keys[by]!.sign(enc.encode(`${h}.${p}`))}`;
    };
    const now = new Date('2026-06-01T00:00:00Z');
    const fetch = async (): Promise<Response> => new Response('offline', { status: 404 });
    for (let round = 0; round < 2; round++) {
      for (const i of [0, 1]) {
        const r = await verifyCredential(await token(i, i), { now, fetch });
        expect(r.checks.find((c) => c.id === 'proof')?.outcome, `token ${i}`).to.equal('passed');
      }
      const swapped = await verifyCredential(await token(1, 0), { now, fetch });
      expect(swapped.checks.find((c) => c.id === 'proof')?.code).to.equal('proof-bad-signature');
    }
  });
});

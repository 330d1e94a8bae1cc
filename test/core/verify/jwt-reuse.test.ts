/**
 * What a warm VC-JWT verification reuses (issue 14, "VC-JWT within 1.5× of jose alone") never
 * changes an answer: an imported key is found by the exact key material, a did:jwk is read once per
 * identifier, the token decoded to tell a presentation apart is the one verified, and the signing
 * input is checked whole. Keys are fresh (jose signs); every mutation is checked after the caches
 * are warm, so a cached key or token can never stand in for a changed one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { normalizeCredential, verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { verifyCompactJws } from '../../../packages/core/src/verify/jwt/jws.js';
import { NOW, offlineFetch } from './harness.js';

const b64 = (v: unknown): string =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const outcome = (r: VerificationReport, id: string): string =>
  `${r.checks.find((c) => c.id === id)?.outcome}:${r.checks.find((c) => c.id === id)?.code}`;
const verify = (input: unknown): Promise<VerificationReport> =>
  verifyCredential(input, { now: NOW, fetch: offlineFetch() });

interface Issuer {
  did: string;
  jwk: JWK;
  privateKey: CryptoKey;
}

async function issuer(alg: 'EdDSA' | 'ES256'): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    crv: alg === 'EdDSA' ? 'Ed25519' : undefined,
  });
  const jwk = await exportJWK(publicKey);
  return { did: `did:jwk:${b64(jwk)}`, jwk, privateKey };
}

const credential = (issuerId: string, name = 'Insignia de prueba'): Record<string, unknown> => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:1c8a2f3e-0000-4000-8000-000000000002',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuerId, type: ['Profile'], name: 'Test issuer' },
  validFrom: '2026-01-01T00:00:00Z',
  name,
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: { id: 'urn:uuid:a', type: ['Achievement'], name: 'Prueba', criteria: { narrative: 'x' } },
  },
});

/** A vc+jwt by `signer` whose kid names `kidOf`'s did:jwk and whose credential names `kidOf` too. */
async function token(signer: Issuer, alg: string, kidOf: Issuer = signer, name?: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential(kidOf.did, name))))
    .setProtectedHeader({ alg, kid: `${kidOf.did}#0`, typ: 'vc+jwt' })
    .sign(signer.privateKey);
}

describe('a warm VC-JWT verification reuses nothing that could change its answer', () => {
  it('two did:jwk issuers verified in turn each verify with their own key; swapped keys fail', async () => {
    const [a, b] = [await issuer('EdDSA'), await issuer('EdDSA')];
    const [ta, tb] = [await token(a, 'EdDSA'), await token(b, 'EdDSA')];
    // b signs, but the kid (and the issuer) name a: the key a's did:jwk encodes must not verify it
    const swapped = await token(b, 'EdDSA', a);
    for (let round = 0; round < 3; round++) {
      for (const t of [ta, tb]) assert.equal((await verify(t)).verified, true, `round ${round}`);
      const r = await verify(swapped);
      assert.equal(outcome(r, 'proof'), 'failed:proof-bad-signature');
      assert.equal(r.verified, false);
    }
  });

  it('a tampered payload, signature or header fails after the same token verified (key cached)', async () => {
    const a = await issuer('ES256');
    const good = await token(a, 'ES256');
    assert.equal((await verify(good)).verified, true);
    const [h, p, s] = good.split('.') as [string, string, string];
    const other = (await token(a, 'ES256', a, 'Otra insignia')).split('.')[1]!;
    const sig = Buffer.from(s, 'base64url');
    sig[5]! ^= 1;
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>;
    for (const [what, t] of [
      ['payload', `${h}.${other}.${s}`],
      ['signature', `${h}.${p}.${sig.toString('base64url')}`],
      ['header', `${b64({ ...header, cty: 'vc' })}.${p}.${s}`],
    ]) {
      const r = await verify(t);
      assert.equal(outcome(r, 'proof'), 'failed:proof-bad-signature', what);
      assert.equal(r.verified, false, what);
    }
    assert.equal((await verify(good)).verified, true);
  });

  it('the token read to tell a presentation apart gives the same report as reading it afresh', async () => {
    const a = await issuer('EdDSA');
    const t = await token(a, 'EdDSA');
    const fromText = await verify(t);
    const fromPadded = await verify(`\n  ${t}  \n`);
    const fromBytes = await verify(new TextEncoder().encode(t));
    assert.equal(fromText.verified, true);
    assert.deepEqual(fromPadded, fromText);
    assert.deepEqual(fromBytes, fromText);
  });

  it('the credential a report shows is the view normalizeCredential makes of the token', async () => {
    // the verifier makes the view of a VC-JOSE-COSE token from the payload it decoded already; a
    // VCDM 1.1 token (a vc claim) and any other input are read by the parser, as before
    const a = await issuer('EdDSA');
    const v2 = await token(a, 'EdDSA');
    const v11 = await new CompactSign(
      new TextEncoder().encode(
        JSON.stringify({ iss: a.did, nbf: 1767225600, vc: { ...credential(a.did), issuer: undefined } }),
      ),
    )
      .setProtectedHeader({ alg: 'EdDSA', kid: `${a.did}#0`, typ: 'JWT' })
      .sign(a.privateKey);
    const notACredential = await new CompactSign(new TextEncoder().encode('{"hello":"world"}'))
      .setProtectedHeader({ alg: 'EdDSA', kid: `${a.did}#0`, typ: 'vc+jwt' })
      .sign(a.privateKey);
    for (const t of [v2, ` ${v2}\n`, v11]) {
      const r = await verify(t);
      assert.equal(r.checks.find((c) => c.id === 'proof')?.outcome, 'passed', t.slice(0, 20));
      assert.deepEqual(r.credential, normalizeCredential(t));
      assert.equal(r.credential?.jws, t.trim());
      assert.equal(r.credential?.hasProof, true);
    }
    assert.throws(() => normalizeCredential(notACredential));
    const bad = await verify(notACredential);
    assert.equal(bad.credential, undefined);
    assert.equal(bad.checks.find((c) => c.id === 'format')?.outcome, 'failed');
  });

  it('a did:jwk is read again when it changes: a private key in it is refused every time', async () => {
    const a = await issuer('EdDSA');
    assert.equal((await verify(await token(a, 'EdDSA'))).verified, true);
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const withD: Issuer = { ...a, did: `did:jwk:${b64(await exportJWK(privateKey))}` };
    for (let i = 0; i < 2; i++) {
      const r = await verify(await token(a, 'EdDSA', withD));
      assert.equal(outcome(r, 'proof'), 'failed:key-invalid');
    }
  });
});

describe('verifyCompactJws checks the whole signing input', () => {
  it('one whose UTF-8 does not fit the reused buffer is never cut short', async () => {
    const { publicKey, privateKey } = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ]);
    const jwk = (await crypto.subtle.exportKey('jwk', publicKey)) as JsonWebKey;
    const h = b64({ alg: 'EdDSA' });
    // 3,000 three-byte characters: 9 KB of UTF-8 from 3 K UTF-16 units
    const signed = `${h}.${'€'.repeat(3000)}`;
    const bytes = new TextEncoder().encode(signed);
    const sign = async (data: Uint8Array): Promise<string> =>
      Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, data as BufferSource)).toString(
        'base64url',
      );
    // a signature over what a cut-short encoding would give (the first 8 KB) must not verify
    assert.equal(
      await verifyCompactJws(`${signed}.${await sign(bytes.subarray(0, 8192))}`, 'EdDSA', { jwk }),
      false,
    );
    assert.equal(await verifyCompactJws(`${signed}.${await sign(bytes)}`, 'EdDSA', { jwk }), true);
    // and an ASCII input the buffer holds verifies after it, not with the longer input's bytes
    const short = `${h}.${b64('hola')}`;
    assert.equal(
      await verifyCompactJws(`${short}.${await sign(new TextEncoder().encode(short))}`, 'EdDSA', { jwk }),
      true,
    );
  });
});

/**
 * A VC-JWT whose protected header carries an inline `jwk` and a `kid` that is that key's JWK
 * Thumbprint (RFC 7638), as jose and many issuers write it. Keys are fresh; jose signs and computes
 * the thumbprints (an independent implementation).
 *
 * VC-JOSE-COSE §4.1.1 (kid): "If kid is present in the JOSE Header …, a verifier can use this
 * parameter as a hint indicating which key was used to secure the verifiable credential". A
 * thumbprint kid beside an inline key therefore names that key: the signature is checked with the
 * inline key, and a thumbprint of any other key fails the proof (the header contradicts itself).
 * RFC 7515 §4.1.3: `jwk` is "the public key that corresponds to the key used to digitally sign the
 * JWS" — it says who signed, not who the issuer is. So the issuer passes only when the issuer holds
 * that key: its did:jwk (or did:key) is the key, or (VC-JOSE-COSE §4.2.1, JWT Issuer) an https
 * issuer publishes it; otherwise the issuer is unknown, never passed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateJwkThumbprint, CompactSign, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { NOW, offlineFetch } from './harness.js';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const check = (r: VerificationReport, id: string): string => {
  const c = r.checks.find((x) => x.id === id);
  return `${c?.outcome}:${c?.code}`;
};
const HTTPS_ISSUER = 'https://issuer.example/profile';
const JWKS = 'https://issuer.example/.well-known/jwks.json';

interface Key {
  jwk: JWK;
  privateKey: CryptoKey;
  thumbprint: string;
}
async function key(alg: 'EdDSA' | 'ES256'): Promise<Key> {
  const { publicKey, privateKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  const jwk = await exportJWK(publicKey);
  return { jwk, privateKey, thumbprint: await calculateJwkThumbprint(jwk, 'sha256') };
}

const credential = (issuer: string, name = 'Insignia de prueba'): Record<string, unknown> => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:1c8a2f3e-0000-4000-8000-000000000003',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: 'Test issuer' },
  validFrom: '2026-01-01T00:00:00Z',
  name,
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: { id: 'urn:uuid:a', type: ['Achievement'], name: 'Prueba', criteria: { narrative: 'x' } },
  },
});

/** A vc+jwt signed by `signer`, carrying `inline`'s public key and `kid`. */
async function token(
  alg: string,
  signer: Key,
  issuer: string,
  { inline = signer, kid = signer.thumbprint, name }: { inline?: Key; kid?: string; name?: string } = {},
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential(issuer, name))))
    .setProtectedHeader({ alg, typ: 'vc+jwt', jwk: inline.jwk, kid })
    .sign(signer.privateKey);
}

const verify = (t: string, fetched: Record<string, unknown> = {}): Promise<VerificationReport> =>
  verifyCredential(t, { now: NOW, fetch: offlineFetch(fetched) });

describe('a VC-JWT with an inline jwk and its thumbprint as kid', () => {
  for (const alg of ['EdDSA', 'ES256'] as const) {
    it(`${alg}: the issuer is the did:jwk of the inline key → signature and issuer pass`, async () => {
      const k = await key(alg);
      const r = await verify(await token(alg, k, `did:jwk:${b64(k.jwk)}`));
      assert.equal(check(r, 'proof'), 'passed:proof-valid');
      assert.equal(check(r, 'issuer'), 'passed:issuer-bound');
      assert.equal(r.verified, true);
    });
  }

  it('the kid as a JWK Thumbprint URI (RFC 9278) is read the same way', async () => {
    const k = await key('EdDSA');
    const kid = `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${k.thumbprint}`;
    const r = await verify(await token('EdDSA', k, `did:jwk:${b64(k.jwk)}`, { kid }));
    assert.equal(r.verified, true);
  });

  it('an https issuer that publishes the key → passed; that does not → unknown; unreachable → unknown', async () => {
    const k = await key('ES256');
    const t = await token('ES256', k, HTTPS_ISSUER);
    const published = await verify(t, { [JWKS]: { keys: [k.jwk] } });
    assert.equal(check(published, 'issuer'), 'passed:issuer-bound');
    assert.equal(published.verified, true);
    const other = await key('ES256');
    const unpublished = await verify(t, { [JWKS]: { keys: [other.jwk] } });
    assert.equal(check(unpublished, 'proof'), 'passed:proof-valid');
    assert.equal(check(unpublished, 'issuer'), 'unknown:issuer-key-unpublished');
    assert.equal(unpublished.verified, false);
    const down = await verify(t, { [JWKS]: 503 });
    assert.equal(check(down, 'issuer'), 'unknown:issuer-key-unavailable');
    assert.equal(down.verified, false);
  });

  it('an issuer that is neither the key nor an https address is never passed', async () => {
    const k = await key('EdDSA');
    const r = await verify(await token('EdDSA', k, 'urn:uuid:9d3f0000-0000-4000-8000-000000000000'));
    assert.equal(check(r, 'proof'), 'passed:proof-valid');
    assert.equal(check(r, 'issuer'), 'unknown:issuer-key-unpublished');
    assert.equal(r.verified, false);
  });

  describe('mutations', () => {
    it('a kid that is the thumbprint of another key fails the proof', async () => {
      const [k, other] = [await key('EdDSA'), await key('EdDSA')];
      const r = await verify(await token('EdDSA', k, `did:jwk:${b64(k.jwk)}`, { kid: other.thumbprint }));
      assert.equal(check(r, 'proof'), 'failed:key-not-found');
      assert.equal(r.verified, false);
    });

    it('a thumbprint kid altered by one character fails the proof', async () => {
      const k = await key('ES256');
      const kid = (k.thumbprint[0] === 'A' ? 'B' : 'A') + k.thumbprint.slice(1);
      const r = await verify(await token('ES256', k, `did:jwk:${b64(k.jwk)}`, { kid }));
      assert.equal(check(r, 'proof'), 'failed:key-not-found');
    });

    it('a swapped key (another inline key with its own thumbprint) fails the signature', async () => {
      const [k, other] = [await key('EdDSA'), await key('EdDSA')];
      const t = await token('EdDSA', k, `did:jwk:${b64(other.jwk)}`, {
        inline: other,
        kid: other.thumbprint,
      });
      const r = await verify(t);
      assert.equal(check(r, 'proof'), 'failed:proof-bad-signature');
      assert.equal(r.verified, false);
    });

    it('a tampered payload fails the signature', async () => {
      const k = await key('ES256');
      const issuer = `did:jwk:${b64(k.jwk)}`;
      const [h, , s] = (await token('ES256', k, issuer)).split('.');
      const p = (await token('ES256', k, issuer, { name: 'Otra insignia' })).split('.')[1];
      const r = await verify(`${h}.${p}.${s}`);
      assert.equal(check(r, 'proof'), 'failed:proof-bad-signature');
    });

    it('the issuer is the did:jwk of another key → the issuer binding fails', async () => {
      const [k, other] = [await key('EdDSA'), await key('EdDSA')];
      const r = await verify(await token('EdDSA', k, `did:jwk:${b64(other.jwk)}`));
      assert.equal(check(r, 'proof'), 'passed:proof-valid');
      assert.equal(check(r, 'issuer'), 'failed:issuer-mismatch');
      assert.equal(r.verified, false);
    });

    it('an inline private key is refused, thumbprint or not', async () => {
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const priv = await exportJWK(privateKey);
      const k: Key = { jwk: priv, privateKey, thumbprint: await calculateJwkThumbprint(priv, 'sha256') };
      const r = await verify(await token('EdDSA', k, 'did:example:x'));
      assert.equal(check(r, 'proof'), 'failed:key-invalid');
    });

    it('a kid that is neither a thumbprint nor a DID or https address stays unknown', async () => {
      const k = await key('EdDSA');
      const r = await verify(await token('EdDSA', k, `did:jwk:${b64(k.jwk)}`, { kid: 'key-1' }));
      assert.equal(check(r, 'proof'), 'unknown:key-unsupported-method');
      assert.equal(r.verified, false);
    });
  });
});

/**
 * VC-JWT and Open Badges 2.0: the 1EdTech vectors (baked JWT PNG/SVG, CLR JWT, OB 2.0 hosted and
 * signed), and tokens issued here with jose and fresh keys (an independent implementation).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { unbake, verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { CLR20, NOW, OB20, OB30, offlineFetch, vectorBytes, vectorJson, vectorText } from './harness.js';

const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('VC-JWT vectors (inline jwk)', () => {
  for (const f of ['simple-jwt.png', 'simple-jwt.svg', 'simple-jwt_v1.png', 'simple-jwt_v1.svg']) {
    it(`${f}: signature valid; inline key proves nothing until the issuer publishes it`, async () => {
      const r = await verifyCredential(vectorBytes(`${OB30}/${f}`), { now: NOW, fetch: offlineFetch() });
      assert.equal(check(r, 'proof').outcome, 'passed', summary(r));
      assert.deepEqual(check(r, 'issuer'), { outcome: 'unknown', code: 'issuer-key-unpublished' });
      assert.equal(r.verified, false);
    });
  }
  it('simple-jwt.png is verified when the issuer publishes the key in its JWK Set', async () => {
    const bytes = vectorBytes(`${OB30}/simple-jwt.png`);
    const jws = Buffer.from(bytes)
      .toString('latin1')
      .match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/)![0];
    const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()) as { jwk: unknown };
    const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const vc = (payload['vc'] ?? payload) as Record<string, unknown>;
    const issuer =
      (typeof vc['issuer'] === 'string' ? vc['issuer'] : (vc['issuer'] as { id: string }).id) ??
      payload['iss'];
    const jwks = `${new URL(String(issuer)).origin}/.well-known/jwks.json`;
    const r = await verifyCredential(bytes, {
      now: NOW,
      fetch: offlineFetch({ [jwks]: { keys: [header.jwk] } }),
    });
    assert.equal(r.verified, true, summary(r));
  });
  it('CLR 2.0 as VC-JWT: signature valid', async () => {
    const r = await verifyCredential(vectorText(`${CLR20}/simple.jwt`), { now: NOW, fetch: offlineFetch() });
    assert.equal(check(r, 'proof').outcome, 'passed', summary(r));
  });
  it('ob30/simple.jwt has no key at all → key-missing', async () => {
    const r = await verifyCredential(vectorText(`${OB30}/simple.jwt`), { now: NOW, fetch: offlineFetch() });
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'key-missing' });
  });
  it('velocity.jwt uses did:velocity → cannot resolve, unknown', async () => {
    const r = await verifyCredential(vectorText(`${OB30}/velocity.jwt`), { now: NOW, fetch: offlineFetch() });
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'key-unsupported-method' });
    assert.equal(r.verified, false);
  });
});

describe('VC-JWT issued here with jose and fresh keys', () => {
  const credential = (issuer: string): Record<string, unknown> => ({
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:1c8a2f3e-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Test issuer' },
    validFrom: '2026-01-01T00:00:00Z',
    name: 'Insignia de prueba',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: { id: 'urn:uuid:a', type: ['Achievement'], name: 'Prueba', criteria: { narrative: 'x' } },
    },
  });
  for (const [alg, options] of [
    ['EdDSA', { crv: 'Ed25519' }],
    ['ES256', {}],
    ['RS256', { modulusLength: 2048 }],
  ] as const) {
    it(`${alg} with a did:jwk kid verifies; tampering fails`, async () => {
      const { publicKey, privateKey } = await generateKeyPair(alg, { ...options, extractable: true });
      const jwk = await exportJWK(publicKey);
      const did = `did:jwk:${b64(jwk)}`;
      const vc = credential(did);
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(vc)))
        .setProtectedHeader({ alg, kid: `${did}#0`, typ: 'vc+jwt' })
        .sign(privateKey);
      const ok = await verifyCredential(jws, { now: NOW, fetch: offlineFetch() });
      assert.equal(ok.verified, true, summary(ok));
      const [h, , s] = jws.split('.');
      const tampered = `${h}.${b64({ ...vc, name: 'Changed' })}.${s}`;
      const bad = await verifyCredential(tampered, { now: NOW, fetch: offlineFetch() });
      assert.deepEqual(check(bad, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
    });
  }
  it('alg none is refused; an alg that does not fit the key is refused', async () => {
    const vc = credential('did:example:x');
    const none = await verifyCredential(`${b64({ alg: 'none' })}.${b64(vc)}.`, {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.equal(check(none, 'proof').outcome, 'failed');
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const did = `did:jwk:${b64(jwk)}`;
    const signed = await new CompactSign(new TextEncoder().encode(JSON.stringify(credential(did))))
      .setProtectedHeader({ alg: 'ES256', kid: `${did}#0` })
      .sign(privateKey);
    const [, p, s] = signed.split('.');
    const mismatch = await verifyCredential(`${b64({ alg: 'RS256', kid: `${did}#0` })}.${p}.${s}`, {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.deepEqual(check(mismatch, 'proof'), { outcome: 'failed', code: 'jwt-alg-key-mismatch' });
  });
  it('a did:jwk key signing for another issuer fails the issuer binding', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const did = `did:jwk:${b64(await exportJWK(publicKey))}`;
    const jws = await new CompactSign(
      new TextEncoder().encode(JSON.stringify(credential('https://university.example/issuer'))),
    )
      .setProtectedHeader({ alg: 'EdDSA', kid: `${did}#0` })
      .sign(privateKey);
    const r = await verifyCredential(jws, { now: NOW, fetch: offlineFetch() });
    assert.equal(check(r, 'proof').outcome, 'passed');
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-mismatch' });
  });
});

describe('Open Badges 2.0', () => {
  /** Serves a hosted assertion at its own id (the 1EdTech tests do the same). */
  const hosted = async (file: string): Promise<VerificationReport> => {
    const doc = vectorJson(`${OB20}/${file}`);
    return verifyCredential(doc, { now: NOW, fetch: offlineFetch({ [String(doc['id'])]: doc }) });
  };
  for (const f of [
    'basic-assertion.json',
    'basic-assertion-with-allowed-origins.json',
    'basic-assertion-with-allowed-origins-valid-starts-with.json',
    'basic-assertion-with-allowed-origins-valid-multiple-starts-with.json',
    'assertion-with-endorsements.json',
  ]) {
    it(`${f}: valid`, async () => {
      const r = await hosted(f);
      assert.equal(r.verified, true, summary(r));
    });
  }
  for (const [f, id, code] of [
    ['basic-assertion-with-allowed-origins-invalid-starts-with.json', 'issuer', 'hosted-out-of-scope'],
    [
      'basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json',
      'issuer',
      'hosted-out-of-scope',
    ],
    ['basic-assertion-expired.json', 'validity', 'expired'],
    ['basic-assertion-in-future.json', 'validity', 'not-yet-valid'],
    ['basic-assertion-expired-before-issued.json', 'validity', 'validity-bad-window'],
    ['basic-assertion-invalid-context.json', 'schema', 'schema-invalid'],
    ['basic-assertion-invalid-type.json', 'schema', 'schema-invalid'],
    ['assertion-with-data-image.json', 'schema', 'schema-invalid'],
  ] as const) {
    it(`${f}: ${id} ${code}`, async () => {
      const r = await hosted(f);
      assert.equal(check(r, id).code, code, summary(r));
      assert.equal(r.verified, false);
    });
  }
  it('a hosted assertion answering 410 Gone is revoked', async () => {
    const doc = vectorJson(`${OB20}/basic-assertion.json`);
    const r = await verifyCredential(doc, { now: NOW, fetch: offlineFetch({ [String(doc['id'])]: 410 }) });
    assert.deepEqual(check(r, 'status'), { outcome: 'failed', code: 'revoked' });
    assert.equal(r.verified, false);
  });
  it('a hosted assertion that cannot be fetched is unknown', async () => {
    const r = await verifyCredential(vectorJson(`${OB20}/basic-assertion.json`), {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.equal(check(r, 'proof').outcome, 'unknown');
    assert.equal(r.verified, false);
  });
  it('a changed recipient does not match the hosted copy', async () => {
    const doc = vectorJson(`${OB20}/basic-assertion.json`);
    const changed = { ...doc, recipient: { type: 'email', hashed: false, identity: 'mallory@example.org' } };
    const r = await verifyCredential(changed, {
      now: NOW,
      fetch: offlineFetch({ [String(doc['id'])]: doc }),
    });
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'hosted-mismatch' });
  });
  it('baked OB 2.0 PNG (hosted) verifies', async () => {
    const png = vectorBytes(`${OB20}/simple-badge.png`);
    const doc = JSON.parse((await unbake(png))!.text) as Record<string, unknown>;
    const r = await verifyCredential(png, { now: NOW, fetch: offlineFetch({ [String(doc['id'])]: doc }) });
    assert.equal(check(r, 'proof').code, 'hosted-valid', summary(r));
  });
  it('signed: simple.jwt and simple-not-revoked.jwt valid; simple-revoked.jwt revoked', async () => {
    const a = await verifyCredential(vectorText(`${OB20}/simple.jwt`), { now: NOW, fetch: offlineFetch() });
    assert.equal(a.verified, true, summary(a));
    const b = await verifyCredential(vectorText(`${OB20}/simple-not-revoked.jwt`), {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.equal(b.verified, true, summary(b));
    assert.equal(check(b, 'status').code, 'not-revoked');
    const c = await verifyCredential(vectorText(`${OB20}/simple-revoked.jwt`), {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.deepEqual(check(c, 'status'), { outcome: 'failed', code: 'revoked' });
    assert.equal(check(c, 'proof').outcome, 'passed');
  });
  it('signed: a tampered payload fails', async () => {
    const [h, p, s] = vectorText(`${OB20}/simple.jwt`).trim().split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const r = await verifyCredential(`${h}.${b64({ ...payload, issuedOn: '2017-01-01T00:00:00Z' })}.${s}`, {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
  });
});

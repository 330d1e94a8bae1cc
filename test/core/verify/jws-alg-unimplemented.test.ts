/**
 * A token signed with a registered public-key JWS algorithm Microcred does not implement (ES256K,
 * ES512, PS256…, RS384/512, Ed25519, Ed448: RFC 7518 §3.1, RFC 8812 §3.2, RFC 9864) could not be
 * checked: its proof is `unknown`, never `failed` (a genuine credential is not forged because this
 * verifier lacks its curve) and never `passed`. `none`, MACs (HS256) and names that are not registered
 * are refused: RFC 8725 §3.1, "libraries MUST enable the caller to specify a supported set of
 * algorithms and MUST NOT use any other algorithms when performing cryptographic operations", and
 * a MAC checked with a public key is the classic confusion attack. For VC-JWT see real-world.test.ts
 * (the Velocity Network ES256K credential) too; this covers VC-JWT, SD-JWT VC's issuer JWT and a
 * presentation token, which share the rule (jwk.ts `algCheck`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyCredential, verifyPresentation } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { NOW } from './harness.js';
import { hostFetch, startServer } from './local-server.js';
import type { LocalServer } from './local-server.js';
import { sdJwtIssuer } from './sd-jwt-issuer.js';
import type { SdJwtIssuer } from './sd-jwt-issuer.js';

const ISS = 'https://registrar.alg.example';
const b64u = (s: string): string => Buffer.from(s).toString('base64url');

/** The SD-JWT with its issuer JWT's header `alg` replaced (the signature then no longer matches). */
function withAlg(sdJwt: string, alg: string): string {
  const [jwt, ...rest] = sdJwt.split('~');
  const [h, p, s] = jwt!.split('.');
  const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as Record<string, unknown>;
  return [[b64u(JSON.stringify({ ...header, alg })), p, s].join('.'), ...rest].join('~');
}

const proof = (r: VerificationReport): [string | undefined, string | undefined] => {
  const c = r.checks.find((x) => x.id === 'proof');
  return [c?.outcome, c?.code];
};

describe('SD-JWT VC signed with an algorithm Microcred does not implement', () => {
  let issuer: SdJwtIssuer;
  let server: LocalServer;
  let fetch: typeof globalThis.fetch;
  let token: string;
  const verify = (t: string): Promise<VerificationReport> => verifyCredential(t, { now: NOW, fetch });

  before(async () => {
    issuer = await sdJwtIssuer(ISS);
    server = await startServer((req, res) => {
      if (req.url === '/.well-known/jwt-vc-issuer') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(issuer.metadata));
      } else res.writeHead(404).end();
    });
    fetch = hostFetch({ [ISS]: server.origin });
    token = await issuer.issue();
  });
  after(() => server.close());

  it('control: the ES256 token verifies', async () => {
    const r = await verify(token);
    assert.deepEqual(proof(r), ['passed', 'proof-valid']);
    assert.equal(r.verified, true);
  });

  for (const alg of ['ES256K', 'ES512', 'PS256', 'RS512', 'Ed25519'])
    it(`${alg}: could not check (unknown), not failed, not verified`, async () => {
      const r = await verify(withAlg(token, alg));
      assert.deepEqual(proof(r), ['unknown', 'jwt-alg-unsupported']);
      assert.equal(r.verified, false);
    });

  for (const [alg, code] of [
    ['none', 'jwt-alg-none'],
    ['HS256', 'jwt-alg-unsupported'],
    ['ES999', 'jwt-alg-unsupported'],
  ] as const)
    it(`${alg}: refused (failed)`, async () => {
      const r = await verify(withAlg(token, alg));
      assert.deepEqual(proof(r), ['failed', code]);
      assert.equal(r.verified, false);
    });
});

/** A compact JWS with this header and payload and a signature of zeros (the alg is judged first). */
const token = (header: object, payload: object): string =>
  `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${Buffer.alloc(64).toString('base64url')}`;

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const HOLDER = 'did:example:holder';

describe('VC-JWT and presentation tokens signed with an algorithm Microcred does not implement', () => {
  const vc = (alg: string): string =>
    token(
      { alg, typ: 'vc+jwt', kid: 'did:example:issuer#key-1' },
      {
        '@context': [VC2],
        type: ['VerifiableCredential'],
        issuer: 'did:example:issuer',
        credentialSubject: { id: 'did:example:subject' },
        iss: 'did:example:issuer',
      },
    );
  const vp = (alg: string): string =>
    token(
      { alg, typ: 'vp+jwt', kid: `${HOLDER}#key-1` },
      { '@context': [VC2], type: ['VerifiablePresentation'], holder: HOLDER, iss: HOLDER },
    );
  const offline = async (): Promise<Response> => new Response('offline', { status: 404 });

  for (const [alg, outcome, code] of [
    ['ES512', 'unknown', 'jwt-alg-unsupported'],
    ['PS384', 'unknown', 'jwt-alg-unsupported'],
    ['none', 'failed', 'jwt-alg-none'],
    ['HS256', 'failed', 'jwt-alg-unsupported'],
  ] as const) {
    it(`a vc+jwt signed with ${alg}: ${outcome}`, async () => {
      const r = await verifyCredential(vc(alg), { now: NOW, fetch: offline });
      assert.deepEqual(proof(r), [outcome, code]);
      assert.equal(r.verified, false);
    });
    it(`a vp+jwt signed with ${alg}: ${outcome}`, async () => {
      const r = await verifyPresentation(vp(alg), { now: NOW, fetch: offline });
      const c = r.checks.find((x) => x.id === 'proof');
      assert.deepEqual([c?.outcome, c?.code], [outcome, code]);
      assert.equal(r.verified, false);
    });
  }
});

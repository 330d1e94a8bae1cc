/**
 * A token signed with a registered public-key JWS algorithm Microcred does not implement (ES256K,
 * ES512, PS256…, RS384/512, Ed25519, Ed448: RFC 7518 §3.1, RFC 8812 §3.2, RFC 9864) could not be
 * checked: its proof is `unknown`, never `failed` (a genuine credential is not forged because this
 * verifier lacks its curve) and never `passed`. `none`, MACs (HS256) and names that are not registered
 * are refused: RFC 8725 §3.1, "libraries MUST enable the caller to specify a supported set of
 * algorithms and MUST NOT use any other algorithms when performing cryptographic operations", and
 * a MAC checked with a public key is the classic confusion attack. For VC-JWT see real-world.test.ts
 * (the Velocity Network ES256K credential); this covers SD-JWT VC's issuer JWT.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyCredential } from '@microcred/core';
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

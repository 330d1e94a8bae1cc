/**
 * Issue 14 §3: `@microcred/core/vc-api` on a real HTTP server (node:http on 127.0.0.1, port 0,
 * through the shipped `toNodeListener` adapter), asked with real `fetch` requests.
 *
 * W3C CCG VC API, verifier: `POST /credentials/verify` with `{ verifiableCredential, options }` and
 * `POST /presentations/verify` with `{ verifiablePresentation, options }`; a verification result has
 * `checks`, `warnings` and `errors`; 400 answers carry problem details (RFC 9457).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createVcApiHandler, toNodeListener } from '@microcred/core/vc-api';
import type { VcApiVerificationResult } from '@microcred/core/vc-api';
import { badge, freshIssuer } from './verify/fresh-issuer.js';
import type { FreshIssuer } from './verify/fresh-issuer.js';
import { freshSigner } from './verify/fresh-signer.js';
import type { FreshSigner } from './verify/fresh-signer.js';
import { NOW, offlineFetch } from './verify/harness.js';

type Obj = Record<string, unknown>;
type Answer = VcApiVerificationResult & { type?: string; title?: string; status?: number; detail?: string };

describe('VC API verifier over real HTTP (issue 14 §3)', () => {
  let server: Server;
  let base: string;
  let academy: FreshIssuer;
  let learner: FreshSigner;
  let credential: Obj;
  const LIST = 'https://academy.example/status/9';

  const post = async (
    path: string,
    body: unknown,
  ): Promise<{ status: number; type: string; json: Answer }> => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      json: (await res.json()) as Answer,
    };
  };

  before(async () => {
    [academy, learner] = await Promise.all([freshIssuer(), freshSigner()]);
    credential = await academy.sign(badge(academy.did));
    const handler = createVcApiHandler({ fetch: offlineFetch({ [LIST]: 503 }), now: NOW });
    server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POST /credentials/verify: a verified credential is 200 with its checks', async () => {
    const r = await post('/credentials/verify', { verifiableCredential: credential, options: {} });
    assert.equal(r.status, 200);
    assert.match(r.type, /^application\/json/);
    assert.equal(r.json.verified, true);
    assert.deepEqual(r.json.checks, ['format', 'schema', 'proof', 'issuer', 'validity']);
    assert.deepEqual(r.json.errors, []);
    assert.deepEqual(r.json.warnings, []);
  });

  it('a tampered credential is 400 with problem details', async () => {
    const r = await post('/credentials/verify', { verifiableCredential: { ...credential, name: 'Forged' } });
    assert.equal(r.status, 400);
    assert.match(r.type, /^application\/problem\+json/);
    assert.equal(r.json.verified, false);
    assert.equal(r.json.status, 400);
    assert.equal(r.json.type, 'https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR');
    const e = r.json.errors.find((x) => x.check === 'proof');
    assert.equal(e?.code, 'proof-bad-signature');
    assert.ok(e?.detail);
  });

  it('a status list that cannot be fetched is an error (not verified), never a pass', async () => {
    const withStatus = await academy.sign(
      badge(academy.did, {
        credentialStatus: {
          id: `${LIST}#3`,
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: '3',
          statusListCredential: LIST,
        },
      }),
    );
    const r = await post('/credentials/verify', { verifiableCredential: withStatus });
    assert.equal(r.status, 400);
    assert.equal(r.json.errors.find((x) => x.check === 'status')?.code, 'status-unavailable');
    assert.ok(!r.json.checks.includes('status'));
  });

  it('bad requests are 400: not JSON, not an object, verifiableCredential not an object', async () => {
    for (const body of [
      'not json',
      '[1,2]',
      { verifiableCredential: JSON.stringify(credential) },
      { verifiableCredential: 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' },
      { verifiableCredential: [credential] },
      {},
    ]) {
      const r = await post('/credentials/verify', body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 60));
      assert.equal(r.json.title, 'Bad Request');
      assert.match(r.type, /^application\/problem\+json/);
    }
  });

  it('unknown paths are 404, other methods 405 with Allow: POST; a prefix is allowed', async () => {
    assert.equal((await post('/credentials/issue', {})).status, 404);
    const get = await fetch(`${base}/credentials/verify`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const prefixed = await post('/api/v1/credentials/verify', { verifiableCredential: credential });
    assert.equal(prefixed.status, 200);
  });

  it('a body over the limit is 413', async () => {
    const r = await post('/credentials/verify', {
      verifiableCredential: { pad: 'x'.repeat(2 * 1024 * 1024) },
    });
    assert.equal(r.status, 413);
  });

  it('POST /presentations/verify: challenge and domain from options; per-credential results', async () => {
    const vp = await learner.signPresentation(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: learner.did,
        verifiableCredential: [credential],
      },
      { challenge: 'abc-123', domain: 'https://hiring.example' },
    );
    const ok = await post('/presentations/verify', {
      verifiablePresentation: vp,
      options: { challenge: 'abc-123', domain: 'https://hiring.example' },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.json.errors));
    assert.deepEqual(ok.json.checks, ['format', 'proof', 'holder', 'challenge', 'domain', 'credentials']);
    assert.equal(ok.json.credentialResults?.[0]?.verified, true);
    const replay = await post('/presentations/verify', {
      verifiablePresentation: vp,
      options: { challenge: 'another', domain: 'https://hiring.example' },
    });
    assert.equal(replay.status, 400);
    assert.equal(replay.json.errors.find((e) => e.check === 'challenge')?.code, 'challenge-mismatch');
    const bad = await post('/presentations/verify', { verifiablePresentation: 'eyJ...' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.title, 'Bad Request');
  });
});

/**
 * The verifier's one guarded fetch (issue 11 items 5 and 11), against REAL local HTTP servers
 * (node:http on 127.0.0.1; two ports are two origins, named like hosts by `hostFetch`):
 * - redirects are followed only within the origin: an answer from another site is not the issuer's
 *   (`fetch-redirected`, unknown — never a pass, never a revocation);
 * - one verification has one deadline and one request budget, shared by every nested credential;
 * - bodies are capped while they are read (the connection is closed past the cap).
 * Hostile inputs are built here from the public 1EdTech vectors (SOURCES.md).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { bakePng, verifyCredential } from '@microcred/core';
import type { Check, VerificationReport } from '@microcred/core';
import { sameOrigin } from '../../../packages/core/src/verify/http.js';
import { NOW, OB20, OB30, VECTORS, vectorBytes, vectorJson } from './harness.js';
import type { LocalServer } from './local-server.js';
import { hostFetch, redirect, sendJson, startServer } from './local-server.js';

type Obj = Record<string, unknown>;
const check = (r: VerificationReport, id: Check['id']): Check => {
  const c = r.checks.find((x) => x.id === id);
  assert.ok(c, `no ${id} check in ${JSON.stringify(r.checks)}`);
  return c;
};
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code} ${c.message}`).join('\n');

/** A real 64-byte multibase signature value (from the vector); the keys never resolve, so it is never checked. */
const PROOF_VALUE = (vectorJson(`${OB30}/simple.json`)['proof'] as Obj[])[0]!['proofValue'] as string;
const proofBy = (verificationMethod: string): Obj => ({
  type: 'DataIntegrityProof',
  created: '2010-01-01T19:23:24Z',
  verificationMethod,
  cryptosuite: 'eddsa-rdfc-2022',
  proofPurpose: 'assertionMethod',
  proofValue: PROOF_VALUE,
});
const statusEntry = (url: string, i = 0): Obj => ({
  id: `${url}#${i}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(i),
  statusListCredential: url,
});
/** The 1EdTech OB 3.0 `simple.json` credential with its proof and status replaced. */
function ob3(proof: Obj[], credentialStatus: Obj[] = [], extra: Obj = {}): Obj {
  const { proof: _p, ...doc } = vectorJson(`${OB30}/simple.json`);
  return {
    ...doc,
    ...(proof.length ? { proof } : {}),
    ...(credentialStatus.length ? { credentialStatus } : {}),
    ...extra,
  };
}

describe('redirects: only within the origin (issue 11 item 5)', () => {
  let issuer: LocalServer; // https://example.org, the OB 2.0 vectors' issuer host
  let elsewhere: LocalServer; // https://evil.test, another site
  const asset = (path: string): string | undefined => {
    const file = join(VECTORS, OB20, 'assets', path.replace(/^\//, ''));
    return !path.includes('..') && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const assertion = vectorJson(`${OB20}/basic-assertion.json`);
  const didDoc = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: 'did:web:issuer.test',
    verificationMethod: [
      {
        id: 'did:web:issuer.test#key-1',
        type: 'Multikey',
        controller: 'did:web:issuer.test',
        publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
      },
    ],
    assertionMethod: ['did:web:issuer.test#key-1'],
  };
  let net: () => typeof fetch;
  before(async () => {
    elsewhere = await startServer((req, res) => {
      if (req.url === '/copy-of-assertion') return sendJson(res, assertion);
      if (req.url === '/gone') return sendJson(res, { error: 'gone' }, 410);
      if (req.url === '/did.json') return sendJson(res, didDoc);
      if (req.url === '/status') return sendJson(res, { type: ['VerifiableCredential'] });
      sendJson(res, {}, 404);
    });
    issuer = await startServer((req, res) => {
      const path = req.url ?? '/';
      const there = elsewhere.origin;
      if (path === '/beths-robotics-badge.json') return sendJson(res, assertion);
      if (path === '/to-elsewhere/badge.json') return redirect(res, `${there}/copy-of-assertion`);
      if (path === '/to-gone/badge.json') return redirect(res, `${there}/gone`);
      if (path === '/old/badge.json') return redirect(res, '/new/badge.json', 301);
      if (path === '/new/badge.json')
        return sendJson(res, { ...assertion, id: 'https://example.org/old/badge.json' });
      if (path === '/.well-known/did.json') return redirect(res, `${there}/did.json`);
      if (path === '/status/1') return redirect(res, `${there}/status`, 307);
      const body = asset(path);
      if (body === undefined) return sendJson(res, {}, 404);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    // A fresh fetch per verification: the verifier caches documents per fetch function.
    net = () =>
      hostFetch({
        'https://example.org': issuer.origin,
        'https://issuer.test': issuer.origin,
        'https://evil.test': elsewhere.origin,
      });
  });
  after(async () => {
    await issuer.close();
    await elsewhere.close();
  });
  /** The hosted assertion, claiming to live at `id` (on the issuer's host). */
  const hostedAt = (id: string): Promise<VerificationReport> =>
    verifyCredential({ ...assertion, id }, { now: NOW, fetch: net() });

  it('a hosted OB 2.0 badge whose address redirects to another site is unknown, not verified', async () => {
    // OB 2.0 §Hosted verification: "the Assertion's id ... must be the URL where it is hosted" —
    // a copy on another site, reached by a redirect, is not hosted by the issuer.
    const r = await hostedAt('https://example.org/to-elsewhere/badge.json');
    assert.equal(r.verified, false, summary(r));
    assert.equal(check(r, 'proof').outcome, 'unknown', summary(r));
    assert.equal(check(r, 'proof').code, 'fetch-redirected');
    assert.match(check(r, 'proof').message, /sent us to another site/);
  });
  it('a redirect to another site that answers 410 Gone is not a revocation', async () => {
    const r = await hostedAt('https://example.org/to-gone/badge.json');
    assert.ok(!r.checks.some((c) => c.outcome === 'failed'), summary(r));
    assert.deepEqual(
      { outcome: check(r, 'proof').outcome, code: check(r, 'proof').code },
      { outcome: 'unknown', code: 'fetch-redirected' },
    );
  });
  it('a redirect within the same origin is still followed (and the badge verifies)', async () => {
    const direct = await verifyCredential(assertion, { now: NOW, fetch: net() });
    assert.equal(direct.verified, true, `the local issuer serves the vector: ${summary(direct)}`);
    const r = await hostedAt('https://example.org/old/badge.json');
    assert.equal(check(r, 'proof').code, 'hosted-valid', summary(r));
    assert.equal(r.verified, true, summary(r));
  });
  it('a did:web document that redirects to another site is unknown (the key is never taken from there)', async () => {
    const doc = ob3([proofBy('did:web:issuer.test#key-1')], [], {
      issuer: { id: 'did:web:issuer.test', type: ['Profile'], name: 'Issuer' },
    });
    const r = await verifyCredential(doc, { now: NOW, fetch: net() });
    assert.equal(r.verified, false);
    assert.deepEqual(
      { outcome: check(r, 'proof').outcome, code: check(r, 'proof').code },
      { outcome: 'unknown', code: 'fetch-redirected' },
      summary(r),
    );
    assert.ok(elsewhere.requests.includes('/did.json'), 'the redirect was really followed to the other site');
  });
  it('a status list that redirects to another site makes the status unknown', async () => {
    const r = await verifyCredential(ob3([], [statusEntry('https://example.org/status/1')]), {
      now: NOW,
      fetch: net(),
    });
    assert.deepEqual(
      { outcome: check(r, 'status').outcome, code: check(r, 'status').code },
      { outcome: 'unknown', code: 'fetch-redirected' },
      summary(r),
    );
  });
  it('a baked image whose badge address redirects to another site: format unknown, never failed', async () => {
    const png = bakePng(
      vectorBytes('openbadges-bakery/test/unbaked.png'),
      'https://example.org/to-elsewhere/badge.json',
      {
        keyword: 'openbadges',
      },
    );
    const r = await verifyCredential(png, { now: NOW, fetch: net() });
    assert.equal(r.verified, false);
    assert.deepEqual(
      { id: r.checks[0]?.id, outcome: r.checks[0]?.outcome, code: r.checks[0]?.code },
      { id: 'format', outcome: 'unknown', code: 'fetch-redirected' },
      summary(r),
    );
    // The same image pointing at the issuer's own address is fetched and verified.
    const own = bakePng(vectorBytes('openbadges-bakery/test/unbaked.png'), String(assertion['id']), {
      keyword: 'openbadges',
    });
    assert.equal((await verifyCredential(own, { now: NOW, fetch: net() })).verified, true);
  });
  it('sameOrigin: the origin must match; only http → https on the same host is allowed', () => {
    assert.equal(sameOrigin('https://a.example/x', 'https://a.example/y?z'), true);
    assert.equal(sameOrigin('http://a.example/x', 'https://a.example/x'), true);
    assert.equal(sameOrigin('https://a.example/x', 'http://a.example/x'), false);
    assert.equal(sameOrigin('https://a.example/x', 'https://b.example/x'), false);
    assert.equal(sameOrigin('https://a.example/x', 'https://sub.a.example/x'), false);
    assert.equal(sameOrigin('https://a.example/x', 'https://a.example:8443/x'), false);
    assert.equal(sameOrigin('http://a.example:8080/x', 'https://a.example:8080/x'), false);
    assert.equal(sameOrigin('https://a.example/x', 'not a url'), false);
  });
});

describe('one deadline and one request budget per verification (issue 11 item 11)', () => {
  let counting: LocalServer; // https://many.test: every key 404s, every status list is a list with 8 more keys
  let silent: LocalServer; // https://silent.test: never answers
  before(async () => {
    counting = await startServer((req, res) => {
      const path = req.url ?? '/';
      const list = /^\/list\/(.+)$/.exec(path);
      if (!list) return sendJson(res, {}, 404);
      const url = `https://many.test${path}`;
      sendJson(res, {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: 'https://example.com/issuers/876543',
        validFrom: '2010-01-01T00:00:00Z',
        credentialSubject: {
          id: `${url}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA',
        },
        proof: Array.from({ length: 8 }, (_, i) => proofBy(`https://many.test/key/${list[1]}-${i}`)),
      });
    });
    silent = await startServer(() => {
      /* holds every request open and never answers */
    });
  });
  after(async () => {
    await counting.close();
    await silent.close();
  });

  /** 8 proofs and 4 status lists here, and 20 endorsements with as many each: about 900 requests unbounded. */
  function hungry(host: string): Obj {
    const many = (tag: string): [Obj[], Obj[]] => [
      Array.from({ length: 8 }, (_, i) => proofBy(`${host}/key/${tag}-${i}`)),
      Array.from({ length: 4 }, (_, i) => statusEntry(`${host}/list/${tag}-${i}`)),
    ];
    const { proof: _p, ...endorsement } = vectorJson(`${OB30}/endorsement-valid.json`);
    const endorsements = Array.from({ length: 20 }, (_, e) => {
      const [proof, credentialStatus] = many(`e${e}`);
      return { ...endorsement, id: `urn:uuid:endorsement-${e}`, proof, credentialStatus };
    });
    const [proof, status] = many('top');
    return ob3(proof, status, { endorsement: endorsements });
  }

  it('a credential that would make about 900 requests makes at most maxRequests (default 40), and is unknown', async () => {
    const r = await verifyCredential(hungry('https://many.test'), {
      now: NOW,
      fetch: hostFetch({ 'https://many.test': counting.origin }),
    });
    assert.ok(counting.requests.length <= 40, `${counting.requests.length} requests`);
    assert.ok(counting.requests.length >= 30, 'the budget is what stopped it, not something else');
    assert.equal(r.verified, false);
    assert.ok(
      !r.checks.some((c) => c.outcome === 'failed'),
      `network limits never fail a check:\n${summary(r)}`,
    );
    assert.equal(check(r, 'proof').outcome, 'unknown');
    assert.equal(check(r, 'endorsements').outcome, 'unknown', summary(r));
    assert.match(check(r, 'endorsements').message, /budget-exhausted/, summary(r));
  });
  it('maxRequests is a hard limit: with 0 nothing is fetched and every network check says budget-exhausted', async () => {
    const before = counting.requests.length;
    const r = await verifyCredential(hungry('https://many.test'), {
      now: NOW,
      fetch: hostFetch({ 'https://many.test': counting.origin }),
      maxRequests: 0,
    });
    assert.equal(counting.requests.length, before);
    for (const id of ['proof', 'status'] as const)
      assert.deepEqual(
        { outcome: check(r, id).outcome, code: check(r, id).code },
        { outcome: 'unknown', code: 'budget-exhausted' },
        summary(r),
      );
    assert.equal(r.verified, false);
  });
  it(
    'silent servers: the overall deadline stops the whole verification, cutting the per-request timeout',
    { timeout: 30_000 },
    async () => {
      // Without the deadline this waits timeoutMs (60 s) for each of ~900 requests.
      const r = await verifyCredential(hungry('https://silent.test'), {
        now: NOW,
        fetch: hostFetch({ 'https://silent.test': silent.origin }),
        timeoutMs: 60_000,
        deadlineMs: 300,
      });
      assert.ok(silent.requests.length <= 1, `${silent.requests.length} requests after the deadline`);
      assert.equal(r.verified, false);
      for (const id of ['proof', 'status'] as const)
        assert.deepEqual(
          { outcome: check(r, id).outcome, code: check(r, id).code },
          { outcome: 'unknown', code: 'deadline-passed' },
          summary(r),
        );
      assert.match(check(r, 'proof').message, /time allowed for this verification ran out/);
    },
  );
});

describe('size caps while reading (issue 11 item 11)', () => {
  const FIFTY_MB = 50 * 1024 * 1024;
  let big: LocalServer;
  const streams: Promise<{ written: number; finished: boolean }>[] = [];
  /** Streams 50 MB of JSON whitespace, chunked (no content-length), as fast as the client reads. */
  function stream50(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    streams.push(
      new Promise((resolve) => res.on('close', () => resolve({ written, finished: res.writableFinished }))),
    );
    const pump = (): void => {
      while (written < FIFTY_MB && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end('{}');
    };
    res.write('{"padding":"');
    pump();
  }
  before(async () => {
    big = await startServer((_req, res) => stream50(res));
  });
  after(() => big.close());
  const net = (): typeof fetch => hostFetch({ 'https://big.test': big.origin });

  it('a 50 MB status list is cut off after the 2 MB cap: too large, unknown, connection closed early', async () => {
    const r = await verifyCredential(ob3([], [statusEntry('https://big.test/list')]), {
      now: NOW,
      fetch: net(),
    });
    assert.equal(check(r, 'status').outcome, 'unknown');
    assert.match(check(r, 'status').message, /too large/, summary(r));
    const { written, finished } = await streams.at(-1)!;
    assert.equal(finished, false, 'the server never got to finish the 50 MB');
    // What the server wrote is the 2 MB read plus what the sockets buffered, not 50 MB.
    assert.ok(written < FIFTY_MB / 2, `server wrote ${written} bytes`);
  });
  it('a 50 MB did:web document is refused while it is read, not after', async () => {
    const doc = ob3([proofBy('did:web:big.test#key-1')], [], {
      issuer: { id: 'did:web:big.test', type: ['Profile'], name: 'Issuer' },
    });
    const r = await verifyCredential(doc, { now: NOW, fetch: net() });
    assert.deepEqual(
      { outcome: check(r, 'proof').outcome, code: check(r, 'proof').code },
      { outcome: 'unknown', code: 'key-unavailable' },
    );
    assert.match(check(r, 'proof').message, /too large/);
    const { written, finished } = await streams.at(-1)!;
    assert.equal(finished, false);
    assert.ok(written < FIFTY_MB / 2, `server wrote ${written} bytes`);
  });
});

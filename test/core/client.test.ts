// createClient against a real local node:http server: discovery, paging across several pages with
// Link and X-Total-Count, both JWS spellings, upsert (never retried), profile, every error type,
// retries with backoff and Retry-After, timeouts, abort, schema failures with paths, token handling.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  McError,
  McHttpError,
  McNetworkError,
  McSchemaError,
  McTimeoutError,
  createClient,
  parseLinkHeader,
} from '@microcred/core';
import { SignJWT, generateKeyPair } from 'jose';
import { OB30, readJson, readText } from './helpers/vectors.js';

let server: Server;
let base = '';
let api = '';
/** Every request the server saw. */
let seen: {
  method: string;
  url: string;
  auth: string | undefined;
  type: string | undefined;
  body: string;
}[] = [];
/** Per-path counters for flaky endpoints. */
let hits = new Map<string, number>();

const credential = readJson(`${OB30}/simple.json`) as Record<string, unknown>;
/** A conforming OB 3.0 VC-JWT, issued here with jose. */
let jws = '';
/** The 1EdTech VC-JWT vector: an early draft's shape (old context, no achievement) — not conforming. */
const draftJws = readText(`${OB30}/simple.jwt`).trim();
const TOTAL = 7;
const items = Array.from({ length: TOTAL }, (_, i) => ({ ...credential, id: `urn:uuid:item-${i}` }));

const imsx = (description: string) => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: description,
});

const profile = {
  id: 'https://issuer.example/profile',
  type: ['Profile'],
  name: 'Lakeside Unified School District',
};

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', base);
  const path = url.pathname;
  const count = (hits.get(path) ?? 0) + 1;
  hits.set(path, count);
  const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };
  const authed = req.headers.authorization === 'Bearer good';
  if (path === '/ims/ob/v3p0/discovery')
    return json(200, {
      openapi: '3.0.1',
      info: { title: 'Lakeside', version: '1.0', termsOfService: 'https://x.example/tos' },
      servers: [{ url: `${api}` }],
      components: {
        securitySchemes: {
          OAuth2ACG: {
            type: 'oauth2',
            'x-imssf-registrationUrl': `${base}/register`,
            flows: {
              authorizationCode: {
                authorizationUrl: `${base}/authorize`,
                tokenUrl: `${base}/token`,
                refreshUrl: `${base}/token`,
                scopes: { 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly': 'read' },
              },
            },
          },
        },
      },
    });
  if (path === '/ims/ob/v3p0/credentials' && req.method === 'GET') {
    if (!authed) return json(401, imsx('Missing or invalid token'));
    const limit = Number(url.searchParams.get('limit') ?? '3');
    const offset = Number(url.searchParams.get('offset') ?? '0');
    const page = items.slice(offset, offset + limit);
    const link = (o: number) => `</ims/ob/v3p0/credentials?limit=${limit}&offset=${o}>`;
    const links = [`${link(0)}; rel="first"`, `${link(Math.floor((TOTAL - 1) / limit) * limit)}; rel="last"`];
    if (offset + limit < TOTAL) links.push(`${link(offset + limit)}; rel="next"`);
    if (offset > 0) links.push(`${link(Math.max(0, offset - limit))}; rel="prev"`);
    return json(
      200,
      { credential: page, ...(offset === 0 ? { compactJwsString: [jws] } : {}) },
      { 'x-total-count': String(TOTAL), link: links.join(', ') },
    );
  }
  if (path === '/ims/ob/v3p0/credentials' && req.method === 'POST') {
    if (!authed) return json(401, imsx('Missing or invalid token'));
    if (req.headers['content-type']?.startsWith('text/plain')) {
      res.writeHead(201, { 'content-type': 'text/plain' });
      return void res.end(body);
    }
    if (hits.get('post-fail')) return json(503, imsx('busy'), { 'retry-after': '0' });
    return json(body.includes('item-0') ? 200 : 201, JSON.parse(body));
  }
  if (path === '/ims/ob/v3p0/profile') {
    if (!authed) return json(401, imsx('Missing or invalid token'));
    if (req.method === 'PUT') return json(200, JSON.parse(body));
    return json(200, profile);
  }
  // Misspelt JWS list and a cross-origin next link.
  if (path === '/misspelt/credentials')
    return json(200, { compactJwsStrings: [jws] }, { link: '<https://elsewhere.example/next>; rel="next"' });
  if (path === '/flaky/credentials') {
    if (count <= 2) return json(503, imsx('Try again'), { 'retry-after': '0' });
    return json(200, { credential: [] });
  }
  if (path === '/slow-retry/credentials') {
    if (count === 1) return json(429, imsx('Slow down'), { 'retry-after': '1' });
    return json(200, { credential: [] });
  }
  if (path === '/long-retry/credentials') return json(503, imsx('Later'), { 'retry-after': '3600' });
  if (path === '/draft/credentials') return json(200, { compactJwsString: [draftJws] });
  if (path === '/broken/credentials') return json(200, { credential: [{ ...credential, issuer: 42 }] });
  if (path === '/notjson/credentials') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return void res.end('<h1>hello</h1>');
  }
  if (path === '/badprofile/profile') return json(200, { type: 'Profile', name: 'no id' });
  if (path === '/plain-error/credentials') {
    res.writeHead(400, { 'content-type': 'text/plain' });
    return void res.end('nope');
  }
  if (path === '/hang/credentials') return; // never answers
  if (path === '/hang-then-ok/credentials') {
    if (count === 1) return;
    return json(200, { credential: [] });
  }
  if (path === '/cred.json') {
    if (count === 1) return json(503, imsx('warming up'));
    return json(200, credential);
  }
  json(404, imsx('Not found'));
}

before(async () => {
  const { privateKey } = await generateKeyPair('EdDSA');
  const { proof: _proof, ...vc } = credential;
  jws = await new SignJWT(vc).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt' }).sign(privateKey);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body,
      });
      route(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = `${base}/ims/ob/v3p0`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  seen = [];
  hits = new Map();
});

const fast = { retryDelayMs: 5, timeoutMs: 2000 };

describe('createClient: OB 3.0 API', () => {
  it('discovers the service, its OAuth URLs and scopes without sending a token', async () => {
    const client = createClient({ baseUrl: `${api}/`, accessToken: 'good' });
    assert.equal(client.baseUrl, api);
    const d = await client.discover();
    assert.equal(d.name, 'Lakeside');
    assert.equal(d.apiUrl, api);
    assert.equal(d.authorizationUrl, `${base}/authorize`);
    assert.equal(d.tokenUrl, `${base}/token`);
    assert.equal(d.registrationUrl, `${base}/register`);
    assert.deepEqual(Object.keys(d.scopes), [
      'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
    ]);
    assert.equal(seen[0]?.auth, undefined);
  });

  it('gets one page with typed links, total count, credentials and JWS strings', async () => {
    const client = createClient({ baseUrl: api, accessToken: 'good' });
    const page = await client.getCredentials({ limit: 3, since: new Date('2024-01-01T00:00:00Z') });
    assert.equal(page.credentials.length, 3);
    assert.deepEqual(page.compactJwsStrings, [jws]);
    assert.equal(page.totalCount, TOTAL);
    assert.equal(page.links.next, `${api}/credentials?limit=3&offset=3`);
    assert.equal(page.links.last, `${api}/credentials?limit=3&offset=6`);
    assert.equal(page.links.prev, undefined);
    assert.equal(seen[0]?.auth, 'Bearer good');
    assert.match(seen[0]?.url ?? '', /since=2024-01-01T00%3A00%3A00.000Z/);
  });

  it('iterates every page by following Link rel="next"', async () => {
    const client = createClient({ baseUrl: api, accessToken: async () => 'good' });
    const pages = [];
    for await (const page of client.credentialPages({ limit: 3 })) pages.push(page);
    assert.equal(pages.length, 3);
    assert.deepEqual(
      pages.map((p) => p.credentials.length),
      [3, 3, 1],
    );
    assert.ok(pages.every((p) => p.totalCount === TOTAL));
    const all = [];
    for await (const c of client.credentials({ limit: 3 })) all.push(c);
    assert.equal(all.length, TOTAL + 1);
    assert.deepEqual(
      all.filter((c) => typeof c !== 'string').map((c) => (c as { id: string }).id),
      items.map((i) => i.id),
    );
  });

  it('accepts the compactJwsStrings misspelling and never follows a link to another origin', async () => {
    const client = createClient({ baseUrl: `${base}/misspelt`, accessToken: 'good' });
    const pages = [];
    for await (const page of client.credentialPages()) pages.push(page);
    assert.equal(pages.length, 1);
    assert.deepEqual(pages[0]?.compactJwsStrings, [jws]);
    assert.equal(pages[0]?.links.next, 'https://elsewhere.example/next');
  });

  it('upserts JSON (201 created, 200 replaced) and JWS as text/plain', async () => {
    const client = createClient({ baseUrl: api, accessToken: 'good' });
    const created = await client.upsertCredential({ ...credential, id: 'urn:uuid:new' });
    assert.equal(created.created, true);
    assert.equal((created.credential as { id: string }).id, 'urn:uuid:new');
    const replaced = await client.upsertCredential(items[0]!);
    assert.equal(replaced.created, false);
    const viaJws = await client.upsertCredential(jws);
    assert.equal(viaJws.credential, jws);
    assert.equal(seen.at(-1)?.type, 'text/plain');
    assert.equal(seen.at(-1)?.body, jws);
  });

  it('never retries a POST', async () => {
    const client = createClient({ baseUrl: api, accessToken: 'good', ...fast });
    hits.set('post-fail', 1);
    await assert.rejects(client.upsertCredential({ ...credential }), (e: unknown) => {
      assert.ok(e instanceof McHttpError);
      assert.equal(e.status, 503);
      return true;
    });
    assert.equal(seen.filter((s) => s.method === 'POST').length, 1);
  });

  it('gets and puts the profile', async () => {
    const client = createClient({ baseUrl: api, accessToken: 'good' });
    assert.equal((await client.getProfile()).name, 'Lakeside Unified School District');
    const updated = await client.putProfile({ ...profile, name: 'Lakeside USD' });
    assert.equal(updated.name, 'Lakeside USD');
    assert.equal(seen.at(-1)?.method, 'PUT');
    assert.equal(seen.at(-1)?.type, 'application/json');
  });
});

describe('createClient: errors', () => {
  it('McHttpError carries the status and the Imsx_StatusInfo body', async () => {
    const client = createClient({ baseUrl: api, accessToken: 'bad' });
    await assert.rejects(client.getCredentials(), (e: unknown) => {
      assert.ok(e instanceof McHttpError);
      assert.equal(e.code, 'http');
      assert.equal(e.status, 401);
      assert.deepEqual(e.body, imsx('Missing or invalid token'));
      assert.match(e.message, /Missing or invalid token/);
      return true;
    });
  });

  it('a token function is asked again once after a 401', async () => {
    let calls = 0;
    const client = createClient({ baseUrl: api, accessToken: () => (++calls === 1 ? 'stale' : 'good') });
    const p = await client.getProfile();
    assert.equal(p.id, profile.id);
    assert.equal(calls, 2);
  });

  it('a non-Imsx error body is kept as text', async () => {
    const client = createClient({ baseUrl: `${base}/plain-error` });
    await assert.rejects(
      client.getCredentials(),
      (e: unknown) => e instanceof McHttpError && e.body === 'nope',
    );
  });

  it('McSchemaError lists the paths that failed', async () => {
    const client = createClient({ baseUrl: `${base}/broken` });
    await assert.rejects(client.getCredentials(), (e: unknown) => {
      assert.ok(e instanceof McSchemaError);
      assert.equal(e.code, 'schema');
      assert.ok(
        e.issues.some((i) => i.path.startsWith('credential[0].issuer')),
        JSON.stringify(e.issues),
      );
      return true;
    });
    await assert.rejects(createClient({ baseUrl: `${base}/notjson` }).getCredentials(), McSchemaError);
    await assert.rejects(createClient({ baseUrl: `${base}/badprofile` }).getProfile(), (e: unknown) => {
      assert.ok(e instanceof McSchemaError);
      assert.ok(e.issues.some((i) => i.path === 'id'));
      return true;
    });
  });

  it('strict: false accepts non-conforming credentials but still checks the envelope', async () => {
    await assert.rejects(createClient({ baseUrl: `${base}/draft` }).getCredentials(), (e: unknown) => {
      assert.ok(e instanceof McSchemaError);
      assert.ok(e.issues.some((i) => i.path.startsWith('compactJwsString[0]')));
      return true;
    });
    const page = await createClient({ baseUrl: `${base}/draft`, strict: false }).getCredentials();
    assert.deepEqual(page.compactJwsStrings, [draftJws]);
    await assert.rejects(
      createClient({ baseUrl: `${base}/notjson`, strict: false }).getCredentials(),
      McSchemaError,
    );
  });

  it('refuses to send an invalid profile or a non-JWS string', async () => {
    const client = createClient({ baseUrl: api, accessToken: 'good' });
    await assert.rejects(client.putProfile({ name: 'x' } as never), McSchemaError);
    await assert.rejects(client.upsertCredential('not a jws'), McSchemaError);
    assert.equal(seen.length, 0);
  });

  it('McNetworkError when nothing listens (after retries)', async () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9/ims/ob/v3p0', ...fast, retries: 1 });
    await assert.rejects(
      client.getCredentials(),
      (e: unknown) => e instanceof McNetworkError && e.code === 'network',
    );
  });

  it('McTimeoutError when the server does not answer in time', async () => {
    const client = createClient({ baseUrl: `${base}/hang`, timeoutMs: 150, retries: 0 });
    await assert.rejects(
      client.getCredentials(),
      (e: unknown) => e instanceof McTimeoutError && e.code === 'timeout',
    );
  });

  it('a timed-out GET is retried', async () => {
    const client = createClient({ baseUrl: `${base}/hang-then-ok`, timeoutMs: 150, retryDelayMs: 5 });
    const page = await client.getCredentials();
    assert.deepEqual(page.credentials, []);
    assert.equal(hits.get('/hang-then-ok/credentials'), 2);
  });

  it('aborts with McError("aborted"), before and during a request', async () => {
    const client = createClient({ baseUrl: `${base}/hang` });
    const pre = new AbortController();
    pre.abort();
    await assert.rejects(
      client.getCredentials({ signal: pre.signal }),
      (e: unknown) => e instanceof McError && e.code === 'aborted',
    );
    const during = new AbortController();
    const p = client.getCredentials({ signal: during.signal });
    setTimeout(() => during.abort(), 50);
    await assert.rejects(p, (e: unknown) => e instanceof McError && e.code === 'aborted');
  });

  it('an abort during a backoff wait stops the retries', async () => {
    const client = createClient({
      baseUrl: `${base}/long-retry`,
      retryDelayMs: 10_000,
      maxRetryDelayMs: 10_000,
    });
    const c = new AbortController();
    setTimeout(() => c.abort(), 100);
    // Retry-After 3600 s is over the cap: no retry at all, the 503 comes straight back.
    await assert.rejects(
      client.getCredentials({ signal: c.signal }),
      (e: unknown) => e instanceof McHttpError && e.status === 503,
    );
    assert.equal(hits.get('/long-retry/credentials'), 1);
  });
});

describe('createClient: retries', () => {
  it('retries a GET on 503 with backoff until it succeeds', async () => {
    const client = createClient({ baseUrl: `${base}/flaky`, ...fast });
    const page = await client.getCredentials();
    assert.deepEqual(page.credentials, []);
    assert.equal(hits.get('/flaky/credentials'), 3);
  });

  it('gives up after `retries` extra attempts', async () => {
    const client = createClient({ baseUrl: `${base}/flaky`, ...fast, retries: 1 });
    await assert.rejects(
      client.getCredentials(),
      (e: unknown) => e instanceof McHttpError && e.status === 503,
    );
    assert.equal(hits.get('/flaky/credentials'), 2);
  });

  it('honours Retry-After (seconds)', async () => {
    const client = createClient({ baseUrl: `${base}/slow-retry`, ...fast });
    const t0 = Date.now();
    await client.getCredentials();
    assert.ok(Date.now() - t0 >= 950, `waited ${Date.now() - t0} ms`);
    assert.equal(hits.get('/slow-retry/credentials'), 2);
  });

  it('does not retry a 4xx other than 408/425/429', async () => {
    const client = createClient({ baseUrl: api, accessToken: 'bad', ...fast });
    await assert.rejects(client.getCredentials(), McHttpError);
    assert.equal(seen.length, 1);
  });

  it('fetchCredential goes through the client fetch, retries, and sends no token', async () => {
    let through = 0;
    const client = createClient({
      baseUrl: api,
      accessToken: 'good',
      ...fast,
      fetch: (input, init) => {
        through++;
        return fetch(input, init);
      },
    });
    const doc = await client.fetchCredential(`${api}/../../../cred.json`);
    assert.equal((doc as { id: string }).id, credential.id);
    assert.equal(through, 2);
    assert.ok(seen.every((s) => s.auth === undefined));
  });
});

describe('createClient: misc', () => {
  it('rejects a non-http base URL and bad paging values', async () => {
    assert.throws(() => createClient({ baseUrl: 'javascript:alert(1)' }), McError);
    const client = createClient({ baseUrl: api });
    await assert.rejects(client.getCredentials({ limit: 0 }), RangeError);
    await assert.rejects(client.getCredentials({ since: 'not a date' }), RangeError);
    await assert.rejects(createClient().getProfile(), McError);
  });

  it('parseLinkHeader resolves relative links and multiple rels', () => {
    assert.deepEqual(
      parseLinkHeader('</a?x=1>; rel="next prev", <https://o.example/z>; rel=last', 'https://h.example/b/c'),
      {
        next: 'https://h.example/a?x=1',
        prev: 'https://h.example/a?x=1',
        last: 'https://o.example/z',
      },
    );
    assert.deepEqual(parseLinkHeader(null, 'https://h.example/'), {});
    assert.deepEqual(parseLinkHeader('garbage, <::>; rel="next"', 'https://h.example/'), {
      next: 'https://h.example/::',
    });
  });
});

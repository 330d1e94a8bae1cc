// fetchCredential against a real local node:http server: JSON, JWS text, HTTP errors with bodies,
// timeouts, aborts, size limits, and OB 2.0 assertions whose BadgeClass/Issuer are embedded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McError, McHttpError, fetchCredential, normalizeCredential } from '@microcred/core';
import { OB20, OB30, readText } from './helpers/vectors.js';

let server: Server;
let base = '';
const seen: { url: string; accept: string | undefined }[] = [];
const held: ServerResponse[] = [];

/** Rewrites the 1EdTech test host example.org to this server's /assets/ folder. */
const localise = (text: string): string => text.replace(/https?:\/\/example\.org\//g, `${base}/assets/`);

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  seen.push({ url, accept: req.headers.accept });
  const send = (
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
  if (url === '/full.json')
    return send(200, 'application/ld+json', readText('obv3-examples/ref/full_ex.json'));
  if (url === '/bom.json')
    return send(200, 'application/json; charset=utf-8', `\uFEFF${readText(`${OB30}/simple.json`)}`);
  if (url === '/simple.jwt') return send(200, 'text/plain', `${readText(`${OB30}/simple.jwt`)}\n`);
  if (url === '/missing')
    return send(
      404,
      'application/json',
      JSON.stringify({
        imsx_codeMajor: 'failure',
        imsx_severity: 'error',
        imsx_description: 'No such credential',
      }),
    );
  if (url === '/gone') return send(410, 'text/plain', 'revoked');
  if (url === '/error') return send(503, 'text/html', '<h1>down</h1>');
  if (url === '/page') return send(200, 'text/html', '<!doctype html><title>Badge</title>');
  if (url === '/list') return send(200, 'application/json', '[1,2,3]');
  if (url === '/big') return send(200, 'application/json', Buffer.alloc(3 * 1024 * 1024, 0x20));
  if (url === '/big-chunked') {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let n = 0;
    const pump = (): void => {
      while (n < 12) {
        n++;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('{}');
    };
    pump();
    return;
  }
  if (url === '/slow' || url === '/hang') {
    held.push(res);
    return;
  }
  if (url === '/ob2/assertion.json')
    return send(200, 'application/json', localise(readText(`${OB20}/basic-assertion.json`)));
  if (url === '/ob2/linked-lang.json')
    return send(200, 'application/json', localise(readText(`${OB20}/basic-assertion-with-language.json`)));
  if (url === '/ob2/broken-badge.json') {
    const doc = JSON.parse(localise(readText(`${OB20}/basic-assertion.json`))) as Record<string, unknown>;
    return send(200, 'application/json', JSON.stringify({ ...doc, badge: `${base}/missing` }));
  }
  if (url === '/ob2/broken-issuer.json') {
    const doc = JSON.parse(localise(readText(`${OB20}/basic-assertion.json`))) as Record<string, unknown>;
    return send(
      200,
      'application/json',
      JSON.stringify({ ...doc, badge: `${base}/assets/badge-with-bad-issuer.json` }),
    );
  }
  if (url.startsWith('/assets/')) {
    const name = url.slice('/assets/'.length);
    if (/^[\w.-]+\.json$/.test(name) && name !== 'bad-issuer.json') {
      try {
        return send(200, 'application/json', localise(readText(`${OB20}/assets/${name}`)));
      } catch {
        // fall through to 404
      }
    }
  }
  send(404, 'text/plain', 'not found');
}

before(async () => {
  server = createServer(route);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const r of held) r.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const rejectsWith = async (p: Promise<unknown>, check: (e: McError) => void): Promise<void> => {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof McError, `expected an McError, got ${String(e)}`);
    check(e);
    return true;
  });
};

describe('fetchCredential: successful answers', () => {
  it('parses a JSON-LD credential and sends the Accept header', async () => {
    const doc = await fetchCredential(`${base}/full.json`);
    assert.equal(typeof doc, 'object');
    assert.equal((doc as Record<string, unknown>)['id'], 'http://1edtech.edu/credentials/3732');
    assert.equal(
      seen.find((s) => s.url === '/full.json')?.accept,
      'application/ld+json, application/json;q=0.9, text/plain;q=0.5',
    );
  });

  it('tolerates a byte-order mark', async () => {
    const doc = await fetchCredential(`${base}/bom.json`);
    assert.equal(normalizeCredential(doc).name, 'Teamwork Badge');
  });

  it('returns a compact JWS body as the string', async () => {
    const jws = await fetchCredential(`${base}/simple.jwt`);
    assert.equal(jws, readText(`${OB30}/simple.jwt`).trim());
    assert.equal(normalizeCredential(jws).name, 'Example University Degree');
  });
});

describe('fetchCredential: errors', () => {
  it('404 → McHttpError with status, url, plain message and the parsed body', async () => {
    await rejectsWith(fetchCredential(`${base}/missing`), (e) => {
      assert.ok(e instanceof McHttpError);
      assert.equal(e.code, 'http');
      assert.equal(e.status, 404);
      assert.equal(e.url, `${base}/missing`);
      assert.match(e.message, /answered 404 Not Found/);
      assert.deepEqual((e.body as Record<string, unknown>)['imsx_description'], 'No such credential');
    });
  });

  it('410 → McHttpError explaining removal/revocation', async () => {
    await rejectsWith(fetchCredential(`${base}/gone`), (e) => {
      assert.equal((e as McHttpError).status, 410);
      assert.match(e.message, /410 Gone.*revoked/);
      assert.equal((e as McHttpError).body, 'revoked');
    });
  });

  it('503 → McHttpError', async () => {
    await rejectsWith(fetchCredential(`${base}/error`), (e) => assert.equal((e as McHttpError).status, 503));
  });

  it('a web page instead of a credential → invalid-json with a clear message', async () => {
    await rejectsWith(fetchCredential(`${base}/page`), (e) => {
      assert.equal(e.code, 'invalid-json');
      assert.match(e.message, /returned a web page/);
    });
  });

  it('a JSON array → not-a-credential', async () => {
    await rejectsWith(fetchCredential(`${base}/list`), (e) => assert.equal(e.code, 'not-a-credential'));
  });

  it('timeout → McTimeoutError', async () => {
    await rejectsWith(fetchCredential(`${base}/slow`, { timeoutMs: 150 }), (e) => {
      assert.equal(e.name, 'McTimeoutError');
      assert.equal(e.code, 'timeout');
    });
  });

  it('caller abort → McError aborted (already aborted, and while waiting)', async () => {
    await rejectsWith(fetchCredential(`${base}/full.json`, { signal: AbortSignal.abort() }), (e) =>
      assert.equal(e.code, 'aborted'),
    );
    const c = new AbortController();
    const p = fetchCredential(`${base}/hang`, { signal: c.signal });
    setTimeout(() => c.abort(), 50);
    await rejectsWith(p, (e) => assert.equal(e.code, 'aborted'));
  });

  it('bodies over 2 MB → too-large (declared length and streamed)', async () => {
    await rejectsWith(fetchCredential(`${base}/big`), (e) => assert.equal(e.code, 'too-large'));
    await rejectsWith(fetchCredential(`${base}/big-chunked`), (e) => assert.equal(e.code, 'too-large'));
  });

  it('network failure → McNetworkError', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    await rejectsWith(fetchCredential(`http://127.0.0.1:${port}/x`), (e) => {
      assert.equal(e.name, 'McNetworkError');
      assert.equal(e.code, 'network');
    });
  });

  it('only http and https URLs', async () => {
    for (const u of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:application/json,{}',
      'not a url',
      'ftp://x.example/',
    ]) {
      await rejectsWith(fetchCredential(u), (e) => assert.equal(e.code, 'unsupported-format'));
    }
  });
});

describe('fetchCredential: OB 2.0 hosted assertions', () => {
  it('embeds the linked BadgeClass and its linked Issuer', async () => {
    const doc = (await fetchCredential(`${base}/ob2/assertion.json`)) as Record<string, unknown>;
    const badge = doc['badge'] as Record<string, unknown>;
    assert.equal(badge['name'], 'Awesome Robotics Badge');
    assert.equal((badge['issuer'] as Record<string, unknown>)['name'], 'An Example Badge Issuer');
    const v = normalizeCredential(doc);
    assert.equal(v.name, 'Awesome Robotics Badge');
    assert.equal(v.issuer?.name, 'An Example Badge Issuer');
    assert.equal(v.issuer?.email, 'contact@example.org');
    assert.deepEqual(v.warnings, []);
  });

  it('embeds a BadgeClass with @language and translations', async () => {
    const v = normalizeCredential(await fetchCredential(`${base}/ob2/linked-lang.json`));
    assert.equal(v.name, 'Insignia fantastica');
    assert.equal(v.language, 'es');
    assert.equal(v.translations[0]?.lang, 'en-US');
  });

  it('returns the assertion as is when the BadgeClass cannot be fetched', async () => {
    const doc = (await fetchCredential(`${base}/ob2/broken-badge.json`)) as Record<string, unknown>;
    assert.equal(doc['badge'], `${base}/missing`);
    assert.equal(normalizeCredential(doc).achievementId, `${base}/missing`);
  });

  it('keeps the BadgeClass when only the Issuer cannot be fetched', async () => {
    const doc = (await fetchCredential(`${base}/ob2/broken-issuer.json`)) as Record<string, unknown>;
    const badge = doc['badge'] as Record<string, unknown>;
    assert.equal(badge['name'], 'Awesome Robotics Badge');
    assert.equal(badge['issuer'], `${base}/assets/bad-issuer.json`);
  });

  it('uses the `fetch` option for every request (here: example.org served from the vector files)', async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      const u = String(input);
      calls.push(u);
      const m = /^https?:\/\/example\.org\/(.+)$/.exec(u);
      const file =
        m?.[1] === 'beths-robotics-badge.json'
          ? `${OB20}/basic-assertion.json`
          : `${OB20}/assets/${m?.[1] ?? ''}`;
      try {
        return new Response(readText(file), { status: 200, headers: { 'content-type': 'application/json' } });
      } catch {
        return new Response('nope', { status: 404 });
      }
    };
    const v = normalizeCredential(
      await fetchCredential('https://example.org/beths-robotics-badge.json', { fetch: fake }),
    );
    assert.deepEqual(calls, [
      'https://example.org/beths-robotics-badge.json',
      'https://example.org/robotics-badge.json',
      'https://example.org/organization.json',
    ]);
    assert.equal(v.name, 'Awesome Robotics Badge');
    assert.equal(v.issuer?.name, 'An Example Badge Issuer');
  });
});

// createClient's feed readers: catalog, pathway and progress through the client's fetch, timeout
// and retry policy (a transient 503 is retried; a 404 is not).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, type McError } from '@microcred/core';
import { lakesideCatalogFeed, STACKS } from '../../stories/fixtures/catalog.js';

/** A fetch that answers from `answers` in order and records the URLs asked for. */
function scripted(answers: (() => Response)[]): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const f = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  }) as typeof fetch & { urls: string[] };
  f.urls = urls;
  return f;
}

const json =
  (body: unknown, status = 200): (() => Response) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createClient feed readers', () => {
  it('fetchCatalog parses the feed and retries a transient 503', async () => {
    const f = scripted([json({ imsx_codeMajor: 'failure' }, 503), json(lakesideCatalogFeed)]);
    const client = createClient({ fetch: f, retryDelayMs: 1 });
    const catalog = await client.fetchCatalog('https://district.example/catalog.json');
    assert.ok(catalog.entries.length > 10);
    assert.equal(f.urls.length, 2, 'one retry after the 503');
  });

  it('fetchPathway picks the stack named by the fragment', async () => {
    const client = createClient({ fetch: scripted([json(lakesideCatalogFeed)]) });
    const pathway = await client.fetchPathway(
      `https://district.example/catalog.json#${encodeURIComponent(STACKS.digital)}`,
    );
    assert.equal(pathway.name, 'Digital Learning Coach');
  });

  it('fetchProgress reads records; a 404 is not retried and is a typed error', async () => {
    const ok = createClient({
      fetch: scripted([json({ records: [{ achievement: 'urn:example:a1', state: 'submitted' }] })]),
    });
    const records = await ok.fetchProgress('https://district.example/progress');
    assert.equal(records[0]!.state, 'submitted');
    const f = scripted([json({}, 404), json({}, 404)]);
    await assert.rejects(
      createClient({ fetch: f, retryDelayMs: 1 }).fetchProgress('https://district.example/progress'),
      (e: McError & { status?: number }) => e.code === 'http' && e.status === 404,
    );
    assert.equal(f.urls.length, 1);
  });
});

/**
 * The bundled context resolver (packages/core/src/verify/jsonld/resolver.ts) against jsonld's own
 * resolver. Ours skips jsonld's check of every scoped context of a bundled context document when the
 * document is processed from an active context made by bundled documents alone; that is sound only
 * if, there, the check never fails. Here every bundled document, every pair and every triple that
 * starts with a VC context is processed with both resolvers, from the initial context: they must
 * fail alike or give the same active context.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import contextApi from 'jsonld/lib/context.js';
import eventsApi from 'jsonld/lib/events.js';
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { BundledContextResolver } from '../../../packages/core/src/verify/jsonld/resolver.js';

type Ctx = Record<string, unknown> & { mappings: Map<string, unknown> };
const process = contextApi.process as (...args: Parameters<typeof contextApi.process>) => Promise<Ctx>;

const URLS = Object.keys(CONTEXTS).sort();
const VC = ['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/v2'];

function options(contextResolver: unknown, contexts: Record<string, string>): Record<string, unknown> {
  return {
    base: '',
    safe: true,
    contextResolver,
    eventHandler: eventsApi.setupEventHandler({ options: { safe: true } }),
    documentLoader: async (url: string) => {
      if (!(url in contexts)) throw new Error(`not bundled: ${url}`);
      return { contextUrl: null, documentUrl: url, document: JSON.parse(contexts[url]!) };
    },
  };
}

/** What an active context means: its terms, defaults and protected terms (or the error it gave). */
function outcome(ctx: Ctx | Error): string {
  if (ctx instanceof Error) {
    const e = ctx as Error & { details?: { code?: string } };
    return `error ${e.name} ${e.details?.code ?? e.message}`;
  }
  return JSON.stringify([
    [...ctx.mappings].sort(([a], [b]) => (a < b ? -1 : 1)),
    ctx['@vocab'],
    ctx['@base'],
    ctx['@language'],
    ctx.processingMode,
    Object.keys(ctx['protected'] as object).sort(),
  ]);
}

/** Processes chains of context URLs from the initial context with jsonld's resolver and with ours. */
function processors(contexts = CONTEXTS) {
  const reference = options(new ContextResolver({ sharedCache: new Map() }), contexts);
  const referenceRoot = contextApi.getInitialContext(reference);
  const resolver = new BundledContextResolver(contexts);
  const resolves = { made: 0, skipped: 0 };
  const counting = {
    resolve: async (args: Parameters<BundledContextResolver['resolve']>[0]) => {
      const resolved = (await resolver.resolve(args)) as object[];
      // a skipped check gets a context that is never stored
      if (resolved.length === 1 && !('setProcessed' in resolved[0]!)) resolves.skipped++;
      else resolves.made++;
      return resolved;
    },
  };
  const ours = options(counting, contexts);
  const root = resolver.root(contextApi.getInitialContext(ours) as Parameters<typeof resolver.root>[0]);
  const run = (activeCtx: unknown, localCtx: string[], opts: unknown): Promise<Ctx | Error> =>
    process({ activeCtx, localCtx, options: opts }).catch((e: Error) => e);
  return {
    reference: (chain: string[]) => run(referenceRoot, chain, reference),
    ours: (chain: string[]) => run(root, chain, ours),
    resolves,
  };
}

/** Compares the chains; returns how many failed (with both resolvers). */
async function compare(chains: string[][], contexts = CONTEXTS): Promise<number> {
  const p = processors(contexts);
  let failed = 0;
  for (const chain of chains) {
    const [want, got] = [outcome(await p.reference(chain)), outcome(await p.ours(chain))];
    assert.equal(got, want, `contexts ${chain.join(' + ')}`);
    if (want.startsWith('error')) failed++;
  }
  return failed;
}

describe('bundled context resolver against jsonld', () => {
  it('processes every bundled context document as jsonld does', async () => {
    assert.equal(await compare(URLS.map((u) => [u])), 0);
  });

  it('processes every pair of them, one after the other, as jsonld does', async () => {
    // some pairs fail (a protected term redefined), and must fail alike
    assert.ok((await compare(URLS.flatMap((a) => URLS.map((b) => [a, b])))) > 0);
  });

  it('processes every VC context followed by two of them as jsonld does', async () => {
    await compare(VC.flatMap((a) => URLS.flatMap((b) => URLS.map((c) => [a, b, c]))));
  });

  it('would notice a bundled document with a bad scoped context that is never used', async () => {
    const bad = {
      '@context': { Thing: { '@id': 'https://example.org/Thing', '@context': { '@vocab': 'x' } } },
    };
    const contexts = { ...CONTEXTS, 'https://example.org/bad': JSON.stringify(bad) };
    await assert.rejects(
      compare([['https://example.org/bad']], contexts),
      /contexts https:\/\/example.org\/bad/,
    );
  });

  it('does not check the scoped contexts of bundled documents one by one', async () => {
    const p = processors();
    const chain = [VC[1]!, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
    const ctx = await p.ours(chain);
    assert.equal(outcome(ctx), outcome(await p.reference(chain)));
    // the two documents are resolved once; each check of one of their scoped contexts is skipped
    assert.equal(p.resolves.made, 1);
    assert.ok(p.resolves.skipped > 10, `${p.resolves.skipped} checks skipped`);
  });
});

/**
 * The bundled JSON-LD contexts come in groups (issue 14, verifier budget): the core group is part of
 * the verifier, the others are lazy chunks loaded the first time a credential names one of their
 * URLs (packages/core/src/verify/contexts/generate.mjs). Checked here: every bundled URL still gives
 * the document its source publishes, each is in exactly one group, a group is loaded only when one
 * of its URLs is used (and once), a URL in no group is never fetched, an OB 3.0 credential loads one
 * group, the Ed25519Signature2018 context resolves offline, and the verifier's bundle keeps the lazy
 * groups out of its other chunks.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as vc from '@digitalbazaar/vc';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import { Ed25519VerificationKey2018 } from '@digitalbazaar/ed25519-verification-key-2018';
import contextApi from 'jsonld/lib/context.js';
import eventsApi from 'jsonld/lib/events.js';
import expandApi from 'jsonld/lib/expand.js';
import { build } from 'vite';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { CONTEXTS as CORE } from '../../../packages/core/src/verify/contexts/generated/core.js';
import { LAZY } from '../../../packages/core/src/verify/contexts/generated/lazy.js';
import { BundledContextResolver } from '../../../packages/core/src/verify/jsonld/resolver.js';
import type { LoadGroup } from '../../../packages/core/src/verify/jsonld/resolver.js';
import { CanonError } from '../../../packages/core/src/verify/jsonld/errors.js';
import { NOW } from './harness.js';

type Obj = Record<string, unknown>;
const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const generated = resolve(repo, 'packages/core/src/verify/contexts/generated');
const ED25519_2018 = 'https://w3id.org/security/suites/ed25519-2018/v1';
const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const VC_2 = 'https://www.w3.org/ns/credentials/v2';

/** The generator's sources (./sources.mjs): URL → the document its npm package or copy publishes. */
async function sources(): Promise<Map<string, { doc: unknown; source: string }>> {
  const url = pathToFileURL(resolve(repo, 'packages/core/src/verify/contexts/sources.mjs')).href;
  const mod = (await import(url)) as {
    contextSources(): Promise<Map<string, { doc: unknown; source: string }>>;
  };
  return mod.contextSources();
}

/** The lazy loaders wrapped to count how often each group is loaded (by the group's first URL). */
function counted(lazy: Record<string, LoadGroup> = LAZY): {
  lazy: Record<string, LoadGroup>;
  loads: Map<LoadGroup, number>;
} {
  const loads = new Map<LoadGroup, number>();
  const wrapped = new Map<LoadGroup, LoadGroup>();
  const out: Record<string, LoadGroup> = {};
  for (const [url, load] of Object.entries(lazy)) {
    if (!wrapped.has(load))
      wrapped.set(load, () => {
        loads.set(load, (loads.get(load) ?? 0) + 1);
        return load();
      });
    out[url] = wrapped.get(load)!;
  }
  return { lazy: out, loads };
}

/** The documents a resolver gives for `context` (a URL or a list), resolved from a fresh context. */
async function documents(resolver: BundledContextResolver, context: unknown): Promise<unknown[]> {
  const activeCtx = {} as Parameters<BundledContextResolver['resolve']>[0]['activeCtx'];
  const resolved = (await resolver.resolve({ activeCtx, context })) as { document: unknown }[];
  return resolved.map((r) => r.document);
}

/** Expands `doc` in safe mode with only `resolver`'s contexts, as canonize.ts does. */
async function expand(resolver: BundledContextResolver, doc: unknown): Promise<unknown> {
  const options = {
    base: '',
    safe: true,
    contextResolver: resolver,
    eventHandler: eventsApi.setupEventHandler({ options: { safe: true } }),
    isFrame: false,
    keepFreeFloatingNodes: false,
  };
  const root = resolver.root(
    contextApi.getInitialContext(options) as Parameters<BundledContextResolver['root']>[0],
  );
  return expandApi.expand({ activeCtx: root, element: structuredClone(doc), options });
}

describe('bundled context groups', () => {
  it('every URL of the generator’s sources is bundled once, in the core group or one lazy group', async () => {
    const src = await sources();
    assert.deepEqual(Object.keys(CONTEXTS).sort(), [...src.keys()].sort());
    for (const url of src.keys()) {
      const core = Object.prototype.hasOwnProperty.call(CORE, url);
      const lazy = Object.prototype.hasOwnProperty.call(LAZY, url);
      assert.ok(core !== lazy, `${url} is in the core group or a lazy one, not both or neither`);
    }
    assert.ok(Object.prototype.hasOwnProperty.call(LAZY, ED25519_2018), 'the 2018 context is bundled');
  });

  it('each bundled URL resolves to the very document of its source (the split lost or changed none)', async () => {
    const src = await sources();
    for (const [url, { doc, source }] of src) {
      const load = LAZY[url];
      const text = load ? (await load())[url] : CORE[url];
      assert.ok(text !== undefined, `${url} is in its group (${source})`);
      assert.deepEqual(JSON.parse(text), doc, `${url} is the document of ${source}`);
      assert.equal(CONTEXTS[url], text, `${url}: the all-contexts record has the same text`);
    }
  });

  it('the lazy URLs are held by a few groups, each URL by the group its loader gives', async () => {
    const loaders = new Set(Object.values(LAZY));
    assert.ok(loaders.size >= 2 && loaders.size <= 4, `${loaders.size} lazy groups`);
    for (const [url, load] of Object.entries(LAZY)) {
      const group = await load();
      assert.ok(Object.prototype.hasOwnProperty.call(group, url), `${url} is in its group`);
      for (const other of Object.keys(group)) assert.equal(LAZY[other], load, `${other} is in one group`);
    }
  });
});

describe('the resolver loads a group only when a document names one of its URLs', () => {
  it('the core contexts load no group; a lazy URL loads its group once, even when asked for twice at once', async () => {
    const { lazy, loads } = counted();
    const resolver = new BundledContextResolver(CORE, lazy);
    await documents(resolver, [VC_2, 'https://w3id.org/security/data-integrity/v2']);
    assert.equal(loads.size, 0, 'no group for the core contexts');
    const [a, b] = await Promise.all([documents(resolver, OB_303), documents(resolver, OB_303)]);
    assert.deepEqual(a, b);
    assert.deepEqual(a, [(JSON.parse(CONTEXTS[OB_303]!) as Obj)['@context']]);
    await documents(resolver, 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json');
    assert.deepEqual([...loads.values()], [1], 'one group, loaded once');
    assert.equal([...loads.keys()][0], LAZY[OB_303]);
  });

  it('a URL that no group holds is unknown-context and loads nothing (contexts are never fetched)', async () => {
    const { lazy, loads } = counted();
    const resolver = new BundledContextResolver(CORE, lazy);
    for (const url of ['https://example.org/context.json', '__proto__', 'constructor', 'toString']) {
      await assert.rejects(
        async () => documents(resolver, url),
        (e: unknown) => e instanceof CanonError && e.kind === 'unknown-context',
        url,
      );
    }
    assert.equal(loads.size, 0);
  });

  it('a group that cannot be loaded gives unknown-context (never a failed proof), and is tried again later', async () => {
    let fail = true;
    const load: LoadGroup = () =>
      fail
        ? Promise.reject(new Error('chunk unreachable'))
        : Promise.resolve({ [OB_303]: CONTEXTS[OB_303]! });
    const resolver = new BundledContextResolver(CORE, { [OB_303]: load });
    await assert.rejects(
      async () => documents(resolver, [VC_2, OB_303]),
      (e: unknown) =>
        e instanceof CanonError && e.kind === 'unknown-context' && /chunk unreachable/.test(e.detail),
    );
    fail = false;
    assert.equal((await documents(resolver, [VC_2, OB_303])).length, 2);
  });

  it('a group that does not hold the URL it was loaded for leaves it unknown (no endless loading)', async () => {
    let loads = 0;
    const resolver = new BundledContextResolver(CORE, {
      'https://example.org/missing': () => (loads++, Promise.resolve({})),
    });
    for (let i = 0; i < 2; i++)
      await assert.rejects(
        async () => documents(resolver, 'https://example.org/missing'),
        (e: unknown) => e instanceof CanonError && e.kind === 'unknown-context',
      );
    assert.equal(loads, 1);
  });

  it('an OB 3.0 credential (VC 2.0, eddsa-rdfc-2022) expands loading one group; a plain VC 2.0 one none', async () => {
    const { lazy, loads } = counted();
    const resolver = new BundledContextResolver(CORE, lazy);
    const proof = {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2026-02-01T00:00:00Z',
      verificationMethod:
        'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      proofPurpose: 'assertionMethod',
      proofValue: 'z5C5b',
    };
    const plain = {
      '@context': [VC_2],
      type: ['VerifiableCredential'],
      issuer: 'did:example:issuer',
      validFrom: '2026-02-01T00:00:00Z',
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '7',
        statusListCredential: 'https://example.org/status/1',
      },
      credentialSubject: { id: 'did:example:learner' },
      proof,
    };
    await expand(resolver, plain);
    assert.equal(loads.size, 0, 'a VC 2.0 credential needs no lazy group');
    const badge = {
      ...plain,
      '@context': [VC_2, OB_303],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Lab Safety',
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://example.org/achievements/1',
          type: ['Achievement'],
          name: 'Lab Safety',
          criteria: { narrative: 'Passed the practical.' },
        },
      },
    };
    const expanded = JSON.stringify(await expand(resolver, badge));
    assert.match(expanded, /purl\.imsglobal\.org\/spec\/vc\/ob\/vocab\.html#Achievement/);
    assert.deepEqual([...loads.values()], [1], 'one lazy group for an OB 3.0 credential');
  });
});

describe('Ed25519Signature2018 context (issue 14: JFF plugfests 1 and 3)', () => {
  const did = 'did:web:registrar.example';
  let signed: Obj;
  let didDoc: Obj;
  before(async () => {
    const key = await Ed25519VerificationKey2018.generate({ controller: did, id: `${did}#key-2018` });
    const vm = {
      id: key.id,
      type: 'Ed25519VerificationKey2018',
      controller: did,
      publicKeyBase58: key.publicKeyBase58,
    };
    didDoc = {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [vm],
      assertionMethod: [key.id],
    };
    const docs: Record<string, unknown> = { [did]: didDoc, [key.id]: { '@context': ED25519_2018, ...vm } };
    // the reference signer reads the same bundled documents; anything else is not there
    const documentLoader = async (url: string) => {
      const text = CONTEXTS[url];
      const document = text ? (JSON.parse(text) as unknown) : docs[url];
      if (!document) throw new Error(`offline: ${url}`);
      return { contextUrl: null, documentUrl: url, document };
    };
    signed = (await vc.issue({
      credential: {
        '@context': [VC_2, ED25519_2018, OB_303],
        id: 'urn:uuid:0b7e6c1e-8a5f-4a44-9f0e-2c4b7d5e6f71',
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: 'Lab Safety',
        issuer: { id: did, type: ['Profile'], name: 'Northside College' },
        validFrom: '2026-02-01T00:00:00Z',
        credentialSubject: {
          id: 'did:example:learner-3',
          type: ['AchievementSubject'],
          achievement: {
            id: 'https://northside.example/achievements/lab-safety',
            type: ['Achievement'],
            name: 'Lab Safety',
            description: 'Handles lab equipment safely.',
            criteria: { narrative: 'Passed the practical.' },
          },
        },
      },
      suite: new Ed25519Signature2018({ key, date: '2026-11-21T12:00:00Z' }),
      documentLoader,
    })) as Obj;
  });

  /** A fetch that serves the issuer's DID document only, and records every address asked for. */
  function offline(asked: string[]): typeof fetch {
    return (async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      asked.push(url);
      return url === 'https://registrar.example/.well-known/did.json'
        ? new Response(JSON.stringify(didDoc), { headers: { 'content-type': 'application/json' } })
        : new Response('not found', { status: 404 });
    }) as typeof fetch;
  }
  const summary = (r: VerificationReport): string =>
    r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');

  it('a credential whose @context names it resolves offline and verifies; the context is never fetched', async () => {
    assert.deepEqual(signed['@context'], [VC_2, ED25519_2018, OB_303]);
    assert.equal((signed['proof'] as Obj)['type'], 'Ed25519Signature2018');
    const asked: string[] = [];
    const r = await verifyCredential(signed, { now: NOW, fetch: offline(asked) });
    assert.equal(r.verified, true, summary(r));
    assert.equal(r.checks.find((c) => c.id === 'proof')?.outcome, 'passed');
    assert.deepEqual(
      asked,
      ['https://registrar.example/.well-known/did.json'],
      'only the DID document is fetched',
    );
  });

  it('a changed field of it fails (the 2018 context is really used to canonicalise)', async () => {
    const changed = structuredClone(signed);
    ((changed['credentialSubject'] as Obj)['achievement'] as Obj)['name'] = 'Lab Safety (edited)';
    const r = await verifyCredential(changed, { now: NOW, fetch: offline([]) });
    assert.equal(r.checks.find((c) => c.id === 'proof')?.outcome, 'failed', summary(r));
  });
});

describe('the verifier bundle keeps the lazy groups apart', () => {
  it('the verify worker’s chunks hold the core group; each lazy group is a dynamic chunk of its own that nothing imports statically', async () => {
    const out = await build({
      configFile: false,
      root: repo,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: resolve(repo, 'packages/core/src/verify/verify-worker.ts'), formats: ['es'] },
      },
    });
    const chunks = (Array.isArray(out) ? out : [out])
      .flatMap((o) => ('output' in o ? o.output : []))
      .filter((c) => c.type === 'chunk');
    const holding = (file: string) =>
      chunks.filter((c) => c.moduleIds.some((id) => id === resolve(generated, file)));
    const groups = ['badges.ts', 'legacy.ts'];
    for (const file of groups) {
      const [chunk, ...more] = holding(file);
      assert.ok(chunk && more.length === 0, `${file} is in one chunk`);
      assert.deepEqual(chunk.moduleIds, [resolve(generated, file)], `${file}'s chunk holds it alone`);
      assert.ok(chunk.isDynamicEntry, `${file} is loaded by import()`);
      for (const c of chunks)
        assert.ok(!c.imports.includes(chunk.fileName), `${c.fileName} does not import ${file} statically`);
    }
    // the all-contexts record (tests and tools) is nowhere in the verifier
    assert.equal(holding('contexts.ts').length, 0, 'generated/contexts.ts is not bundled');
    // the core group comes with the JSON-LD engine (one lazy chunk); the index of the other groups
    // with canonicalisation, which starts a group's download beside the engine's
    const inChunkOf = (file: string, module: string) => {
      const [chunk, ...more] = holding(file);
      assert.ok(chunk && more.length === 0, `${file} is in one chunk`);
      const id = resolve(repo, 'packages/core/src/verify/jsonld', module);
      assert.ok(chunk.moduleIds.includes(id), `${file} is in the chunk of jsonld/${module}`);
      return chunk;
    };
    inChunkOf('core.ts', 'engine.ts');
    const index = inChunkOf('lazy.ts', 'canonize.ts');
    for (const group of groups)
      assert.ok(index.dynamicImports.includes(holding(group)[0]!.fileName), `it loads ${group}`);
  });
});

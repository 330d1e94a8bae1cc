/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, for `eddsa-rdfc-2022` and
 * `Ed25519Signature2020`. JSON-LD is expanded in safe mode with ONLY the bundled contexts: a context
 * that is not bundled is never fetched, and an undefined term is an error of its own kind.
 *
 * The libraries and the core contexts are loaded lazily from ./engine.ts on first use; each other
 * group of contexts when a document names one of its URLs, beside the engine when that is the
 * document's own `@context`. The context resolver (./resolver.ts) and the index of the groups are
 * part of this module's chunk, so the engine chunk shares no module with it.
 */
import { LAZY } from '../contexts/generated/lazy.js';
import type * as EngineModule from './engine.js';
import { CanonError } from './errors.js';
import { BundledContextResolver } from './resolver.js';
import { warm } from './warm.js';

export { warm };

type Engine = typeof EngineModule & {
  resolver: BundledContextResolver;
  eventHandler: unknown;
  root?: ReturnType<BundledContextResolver['root']>;
};

let engine: Promise<Engine> | undefined;

/** The URL under which the 1EdTech validator's variant of OB context 3.0.3 is loaded. */
export const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB_303_ALT_URL = `${OB_303}#1edtech-validator`;

function loadEngine(): Promise<Engine> {
  engine ??= import('./engine.js').then((m) => ({
    ...m,
    resolver: new BundledContextResolver(m.CORE, LAZY),
    eventHandler: m.setupEventHandler({ options: { safe: true } }),
  }));
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Replaces OB context 3.0.3 by its 1EdTech variant in every `@context` of `doc` (deep). */
export function useAlt303(doc: unknown): unknown {
  if (Array.isArray(doc)) return doc.map(useAlt303);
  if (typeof doc !== 'object' || doc === null) return doc;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '@context') {
      const swap = (c: unknown): unknown => (c === OB_303 ? OB_303_ALT_URL : c);
      out[k] = Array.isArray(v) ? v.map(swap) : swap(v);
    } else out[k] = useAlt303(v);
  }
  return out;
}

/** True when `doc` mentions OB context 3.0.3 in its top-level `@context`. */
export function uses303(doc: Record<string, unknown>): boolean {
  const c = doc['@context'];
  return Array.isArray(c) ? c.includes(OB_303) : c === OB_303;
}

/**
 * The canonical N-Quads of `doc` (RDFC-1.0 over its safe-mode expansion).
 * @throws {CanonError} `undefined-term`, `unknown-context`, `invalid-jsonld`, `too-complex`, `aborted`.
 */
export async function canonizeRdfc(doc: unknown, signal?: AbortSignal): Promise<string> {
  warm(doc);
  const e = await loadEngine();
  const options = {
    base: '',
    safe: true,
    contextResolver: e.resolver,
    eventHandler: e.eventHandler,
    isFrame: false,
    keepFreeFloatingNodes: false,
    produceGeneralizedRdf: false,
    // a language value object's @direction becomes an i18n datatype, as the Data Integrity
    // cryptosuites sign it (VCDM 2.0 §11.1); with none set, safe mode refuses @direction
    rdfDirection: 'i18n-datatype',
  };
  let dataset: unknown[];
  try {
    const activeCtx = (e.root ??= e.resolver.root(
      e.getInitialContext(options) as Parameters<BundledContextResolver['root']>[0],
    ));
    // no copy of `doc`: expansion reads it and builds new objects (test/core/verify/canonize-input.test.ts
    // checks a verified credential is left as it was)
    let expanded = await e.expand({ activeCtx, element: doc, options });
    if (expanded === null) expanded = [];
    else if (!Array.isArray(expanded)) {
      const o = expanded as Record<string, unknown>;
      expanded = '@graph' in o && Object.keys(o).length === 1 ? o['@graph'] : [o];
    }
    dataset = e.toRDF(expanded, options);
  } catch (err) {
    throw CanonError.from(err);
  }
  if (signal?.aborted) throw new CanonError('aborted', 'cancelled');
  try {
    return await new e.RDFC10({ maxWorkFactor: 1, signal: signal ?? null }).main(dataset);
  } catch (err) {
    if (signal?.aborted) throw new CanonError('aborted', 'cancelled');
    throw new CanonError('too-complex', err instanceof Error ? err.message : String(err));
  }
}

// Types for the few jsonld / rdf-canonize internals the verifier imports (they ship no types).
// They are CommonJS modules, imported through their default export (module.exports).
declare module 'jsonld/lib/expand.js' {
  const api: { expand(args: { activeCtx: unknown; element: unknown; options: unknown }): Promise<unknown> };
  export default api;
}
declare module 'jsonld/lib/context.js' {
  const api: {
    getInitialContext(options: unknown): unknown;
    process(args: { activeCtx: unknown; localCtx: unknown; options: unknown }): Promise<unknown>;
  };
  export default api;
}
declare module 'jsonld/lib/toRdf.js' {
  const api: { toRDF(expanded: unknown, options: unknown): unknown[] };
  export default api;
}
declare module 'jsonld/lib/events.js' {
  const api: { setupEventHandler(args: { options: unknown }): unknown };
  export default api;
}
declare module 'jsonld/lib/ContextResolver.js' {
  export default class ContextResolver {
    constructor(args: { sharedCache: { get(k: string): unknown; set(k: string, v: unknown): unknown } });
  }
}
declare module 'rdf-canonize/lib/RDFC10.js' {
  export default class RDFC10 {
    constructor(args: { maxWorkFactor?: number; signal?: AbortSignal | null });
    main(dataset: unknown[]): Promise<string>;
  }
}

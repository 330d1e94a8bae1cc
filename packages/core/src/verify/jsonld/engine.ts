/**
 * The heavy half of RDF canonicalisation, loaded only through `import()` from canonize.ts: jsonld's
 * expansion and toRDF modules (not its compaction, framing or document loaders), rdf-canonize's
 * RDFC-1.0 class, and the core group of the bundled JSON-LD contexts (the other groups are lazy chunks
 * of their own, see canonize.ts).
 */
import { lent } from './immediate.js';
import expandApi from 'jsonld/lib/expand.js';
import contextApi from 'jsonld/lib/context.js';
import toRdfApi from 'jsonld/lib/toRdf.js';
import eventsApi from 'jsonld/lib/events.js';
import RDFC10 from 'rdf-canonize/lib/RDFC10.js';
import { CONTEXTS as CORE } from '../contexts/generated/core.js';

// the libraries are evaluated and rdf-canonize holds its `setImmediate`: the global object gets
// back to having none (see ./immediate.ts)
if (lent) delete (globalThis as { setImmediate?: unknown }).setImmediate;

export const expand = expandApi.expand;
export const getInitialContext = contextApi.getInitialContext;
export const toRDF = toRdfApi.toRDF;
export const setupEventHandler = eventsApi.setupEventHandler;
export { RDFC10, CORE };

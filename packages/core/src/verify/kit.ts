/**
 * What the verifier's lazy parts (the suites other than EdDSA, the envelopes, OB 2.0, presentations,
 * related resources) use of the verifier itself, handed to each when it is loaded (`part`) instead of
 * imported.
 *
 * Why not imported: a bundler puts a module used by two lazily loaded entries in a chunk of its own.
 * Were a lazy part to import any module of the verifier, esbuild (and any bundler without Rollup's
 * analysis of what is already loaded) would move the verifier's modules into such a chunk, and a
 * first verification would fetch the verifier's entry chunk, then that chunk: one more round of
 * requests, about a tenth of a first verification in a fresh page (`npm run bench:verify`).
 * test/core/verify/first-load.test.ts checks the verifier stays one chunk.
 *
 * A lazy part declares what it uses as `let name: Kit['name']` and exports `use(kit)`, which assigns
 * them; it may import types, its own modules and the modules of the page's `verifyCredential` (model
 * errors), nothing else of the verifier.
 */
import { conformanceCheck, formatCheck, ob2ConformanceCheck, proofCheck } from './checks.js';
import { makeContext } from './context.js';
import { verifyDataIntegrity } from './data-integrity.js';
import { readDataUrl } from './data-url.js';
import { verifyEd25519 } from './ed25519.js';
import {
  base64UrlDecode,
  base64UrlEncode,
  concat,
  multibaseDecode,
  sha256,
  toHex,
  utf8,
} from './encoding.js';
import { cached, DEFAULT_TTL_MS } from './cache.js';
import { describeFailure, failureCode, fetchJson, fetchText, isHttpUrl } from './http.js';
import { canonizeRdfc, useAlt303 } from './jsonld/canonize.js';
import { algCheck, algFitsKey, JWT_ALGS, resolveKid, sameKey } from './jwt/jwk.js';
import { critProblem, decodeJwsPart, verifyCompactJws } from './jwt/jws.js';
import { resolveMethod } from './keys.js';
import { nodeCrypto } from './node-crypto.js';
import { ed25519Raw } from './suites/eddsa.js';
import { checkValidity } from './validity.js';
import { verifyNested, verifyOne } from './verify-credential.js';
import { UNTITLED_NAME } from '../normalize/fields.js';
import { normalizeCredential } from '../normalize/normalize.js';
import { isObj } from '../parse/parse-input.js';

/**
 * The verifier's helpers, as handed to its lazy parts: made on the first `part()`, not when this
 * module is evaluated (within the verifier's import cycles some are not yet defined then).
 */
const make = () => ({
  conformanceCheck,
  formatCheck,
  ob2ConformanceCheck,
  proofCheck,
  makeContext,
  verifyDataIntegrity,
  readDataUrl,
  verifyEd25519,
  base64UrlDecode,
  base64UrlEncode,
  concat,
  multibaseDecode,
  sha256,
  toHex,
  utf8,
  cached,
  DEFAULT_TTL_MS,
  describeFailure,
  failureCode,
  fetchJson,
  fetchText,
  isHttpUrl,
  canonizeRdfc,
  useAlt303,
  algCheck,
  algFitsKey,
  JWT_ALGS,
  sameKey,
  resolveKid,
  critProblem,
  decodeJwsPart,
  verifyCompactJws,
  resolveMethod,
  nodeCrypto,
  ed25519Raw,
  checkValidity,
  verifyNested,
  verifyOne,
  UNTITLED_NAME,
  normalizeCredential,
  isObj,
  part,
});

/** What a lazy part is handed. */
export type Kit = ReturnType<typeof make>;
let kit: Kit | undefined;

/** A lazy part of the verifier: a module that is handed the kit before it is used. */
export interface Part {
  use(kit: Kit): void;
}

/**
 * Imports a lazy part and hands it the kit: `await part(import('./ob2.js'))`.
 * @param load the part's dynamic import (a literal `import()`, so bundlers see the chunk).
 */
export async function part<T extends Part>(load: Promise<T>): Promise<T> {
  const m = await load;
  m.use((kit ??= make()));
  return m;
}

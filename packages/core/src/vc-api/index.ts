/**
 * `@microcred/core/vc-api`: a W3C CCG VC API verifier for servers — `createVcApiHandler()` answers
 * `POST /credentials/verify` and `POST /presentations/verify` with Fetch-standard `Request` /
 * `Response` (Node 18+, Deno, Bun, Workers), and `toNodeListener()` mounts it on `node:http`.
 */
export { createVcApiHandler } from './handler.js';
export type { ProblemDetail, VcApiHandlerOptions, VcApiVerificationResult } from './handler.js';
export { toNodeListener } from './node.js';
export type { NodeRequestLike, NodeResponseLike } from './node.js';

/**
 * `@microcred/core/schemas`: zod (`zod/mini`) schemas of Open Badges 2.0/3.0, CLR 2.0 and W3C VCs,
 * and `validateCredential()` / `assertValidCredential()`. For trust boundaries; display uses the
 * zod-free `normalizeCredential()`.
 * @packageDocumentation
 */
export * from './common.js';
export * from './ob3.js';
export * from './ob2.js';
export * from './clr.js';
export * from './vc.js';
export * from './validate.js';

/**
 * @microcred/core — data model, normalisation, verification and client for micro-credentials.
 * No DOM rendering and no Lit: runs in browsers and in Node.
 * @packageDocumentation
 */
export * from './model/credential-view.js';
export * from './model/errors.js';

/**
 * The public entry of presentation verification: a small function that loads the presentation
 * verifier (./presentation.ts, its own lazy chunk, with the credential verifier) only when called,
 * so importing `@microcred/core` never pulls it in.
 */
import { McError } from '../model/errors.js';
import type { PresentationOptions, PresentationReport } from './presentation-types.js';

/**
 * Verifies a Verifiable Presentation: a JSON presentation with a Data Integrity proof (purpose
 * `authentication`), a VC-JWT presentation (a compact JWS with a `vp` claim), a VC-JOSE-COSE
 * `vp+jwt` (also as an `EnvelopedVerifiablePresentation` / `data:application/vp+jwt,…` URL), or a
 * VC-JOSE-COSE `vp+cose` (a COSE_Sign1 as bytes, or as an `EnvelopedVerifiablePresentation` /
 * `data:application/vp+cose;base64,…` URL; its challenge is the CWT nonce, its domain the CWT aud). Checks
 * the proof, that its key is the holder's (holder binding), the challenge and domain the verifier
 * asked for, verifies every enclosed credential (enveloped ones too) with `verifyCredential()`, and
 * reports whether each credential is about the holder (the `subject` check, which informs and does
 * not decide `verified`).
 *
 * @param input a parsed object, JSON text, a compact JWS, a `data:` URL, or COSE bytes.
 * @param options `challenge` and `domain` as given to the holder; `now`, `fetch`, `signal` and the
 *   limits as for `verifyCredential()` (each enclosed credential gets the same options).
 * @returns a report with a check per aspect and a report per credential. Bad input never rejects.
 * @throws {McError} (a rejected promise) only for programmer errors, such as an invalid `now`.
 */
export async function verifyPresentation(
  input: unknown,
  options: PresentationOptions = {},
): Promise<PresentationReport> {
  if (options.now !== undefined && (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())))
    throw new McError('invalid-option', 'verifyPresentation: options.now must be a valid Date.');
  for (const k of ['challenge', 'domain'] as const)
    if (options[k] !== undefined && typeof options[k] !== 'string')
      throw new McError('invalid-option', `verifyPresentation: options.${k} must be a string.`);
  // both chunks load at once; the presentation verifier is handed the credential verifier's helpers
  const presentation = import('./presentation.js');
  const { part } = await import('./verify-credential.js');
  return (await part(presentation)).runPresentation(input, options);
}

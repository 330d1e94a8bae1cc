/**
 * The public entry of the verifier: a small function that loads the verifier proper (and, from it,
 * the JSON-LD and JOSE libraries) only when a credential is verified, so importing
 * `verifyCredential` from `@microcred/core` costs a card's bundle almost nothing.
 */
import { McError } from '../model/errors.js';
import type { VerificationReport, VerifyOptions } from './types.js';
import type * as VerifierModule from './verify-credential.js';
import { warm } from './jsonld/warm.js';

let verifier: Promise<typeof VerifierModule> | undefined;

/**
 * Verifies a credential: Open Badges 3.0 (VCDM 2.0/1.1) and CLR 2.0 with Data Integrity proofs
 * (`eddsa-rdfc-2022`, `eddsa-2022`, `eddsa-jcs-2022`, `Ed25519Signature2020`), VC-JWT, Open Badges 2.0
 * (hosted and signed), and baked PNG/SVG images of any of these.
 *
 * @param input a parsed JSON object, JSON text, a compact JWS, or bytes (baked PNG/SVG, JSON, JWS).
 * @param options `now` drives every time check; `fetch` carries ALL network access; `signal` aborts.
 * @returns a report whose `verified` is true only when the proof and issuer binding passed, the
 *   validity window holds, the credential is not revoked, and no required check is unknown. Bad input
 *   never rejects: it gives failed checks with stable codes.
 * @throws {McError} (a rejected promise) only for programmer errors, such as an invalid `now`.
 */
export async function verifyCredential(
  input: unknown,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  if (options.now !== undefined && (!(options.now instanceof Date) || Number.isNaN(options.now.getTime()))) {
    throw new McError('invalid-option', 'verifyCredential: options.now must be a valid Date.');
  }
  if (!verifier) {
    verifier = import('./verify-credential.js');
    verifier.catch(() => (verifier = undefined));
    // Data Integrity proofs need the JSON-LD engine (the larger chunk) and the context groups the
    // credential names: fetch them alongside the verifier instead of after it, unless the input is
    // plainly a compact JWS (VC-JWT, OB 2.0 signed).
    if (!(typeof input === 'string' && /^\s*eyJ/.test(input))) {
      void import('./jsonld/engine.js').catch(() => {});
      try {
        warm(input);
      } catch {
        // a hostile object: the verifier reports what is wrong with it
      }
    }
  }
  const { runVerification } = await verifier;
  return runVerification(input, options);
}

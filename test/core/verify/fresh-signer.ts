/**
 * Fresh did:key signers for conformance and presentation tests: an Ed25519 key signing through the
 * Digital Bazaar stack (@digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite).
 *
 * `signUnchecked` signs a credential WITHOUT @digitalbazaar/vc's own data-model checks (its
 * `issue()` refuses `credentialSubject: {}` or `evidence` without `type`), so that a
 * non-conforming credential carries a valid proof and only the verifier's conformance check can
 * fail. It goes through `vc.signPresentation`, which is jsonld-signatures' `sign()` with the proof
 * purpose given — here `assertionMethod`, as for an issued credential. Every proof is dated
 * `SIGNED_AT` (the tests pin "now"; a proof dated by the wall clock would be in their future).
 */
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { SIGNED_AT } from './fresh-issuer.js';

type Obj = Record<string, unknown>;

/** Offline document loader: the bundled contexts only (signing never touches the network). */
export const documentLoader = async (url: string): Promise<unknown> => {
  const text = CONTEXTS[url];
  if (!text) throw new Error(`offline: ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(text) as unknown };
};

/** A did:key (or the given controller) with a fresh Ed25519 key. */
export interface FreshSigner {
  did: string;
  /** The public key, multibase (`z6Mk…`), for controller documents. */
  publicKeyMultibase: string;
  /** `did:key:z…#z…`, the verification method of every proof. */
  method: string;
  /** Signs a copy of a credential (assertionMethod), skipping @digitalbazaar/vc's data-model checks. */
  signUnchecked: (credential: Obj) => Promise<Obj>;
  /**
   * Signs a copy of a presentation (purpose authentication, with `challenge` and `domain` when given;
   * without a challenge the Digital Bazaar stack refuses, so tests always give one).
   */
  signPresentation: (presentation: Obj, options?: { challenge?: string; domain?: string }) => Promise<Obj>;
}

/**
 * A new signer: a did:key, or — with `controller` (a did:web or https URL) — the key
 * `<controller>#key-1`, whose controller document the test serves itself.
 */
export async function freshSigner(controller?: string): Promise<FreshSigner> {
  const key = await Ed25519Multikey.generate();
  const did = controller ?? `did:key:${key.publicKeyMultibase}`;
  const method = controller ? `${controller}#key-1` : `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = method;
  const suite = (): DataIntegrityProof =>
    new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022, date: SIGNED_AT });
  return {
    did,
    publicKeyMultibase: key.publicKeyMultibase,
    method,
    signUnchecked: (credential) =>
      vc.signPresentation({
        presentation: structuredClone(credential),
        suite: suite(),
        documentLoader,
        purpose: new vc.CredentialIssuancePurpose(),
      }),
    signPresentation: (presentation, options = {}) =>
      vc.signPresentation({
        presentation: structuredClone(presentation),
        suite: suite(),
        documentLoader,
        // @digitalbazaar/vc makes the authentication purpose from these
        ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
        ...(options.domain !== undefined ? { domain: options.domain } : {}),
      }),
  };
}

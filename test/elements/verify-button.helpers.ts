/**
 * Shared fixtures for the `<mc-verify-button>` tests: real vectors (served at /vectors/), the pinned
 * clock, and the offline `fetch` the demo uses (SOURCES.md's offline map), passed to each button
 * through its `fetch` property — never a global stub.
 */
import '@microcred/elements/verify-button/mc-verify-button.js';
import '@microcred/elements/credential-card/mc-credential-card.js';
import { html } from '@open-wc/testing';
import type { McVerifyButton } from '@microcred/elements';
import { vectorFetch } from '../../demo/src/vector-fetch.js';
import { mount } from './helpers/dom.js';
import { VerifyButtonHarness } from './harness/verify-button.js';

export { vectorFetch };

/** The instant every verification is made at (the vectors' reference runs used this date). */
export const NOW = new Date('2026-11-22T12:00:00Z');

const vcf = '/vectors/vc-test-fixtures/verifiableCredentials/v2';
const vcore = '/vectors/verifier-core/src/test-fixtures/verifiableCredentials';

/** Real public vectors, one per outcome (expected outcomes from ../shared/vectors/SOURCES.md). */
export const VV = {
  /** Valid eddsa-rdfc-2022, did:key, status list (index 7, not revoked) → verified. */
  valid: `${vcore}/v2/v2WithValidStatus.json`,
  /** Valid, did:key, no status, no expiry → verified without any network. */
  validOffline: `${vcf}/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json`,
  /** Ed25519Signature2020, validUntil 2011-01-01 → expired (signature good). */
  expired: `${vcf}/ed25519/didKey/legacy-noStatus-expired.json`,
  /** Signature valid, status list index 6 set → revoked. */
  revoked: `${vcore}/v2/v2Revoked.json`,
  /** A field changed after signing → the signature fails. */
  tampered: `${vcf}/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json`,
  /** Both proofs valid, but the status list URL is a 404 → could not verify. */
  badStatusUrl: `${vcore}/eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json`,
};

/** Fetches a vector as JSON. */
export async function vectorJson(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Text of the first match of `selector` in `el`'s shadow root, whitespace collapsed. */
export function text(el: Element, selector: string): string {
  return (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A verify button on a page in `lang`, given the vector at `path`, after it has verified it. */
export async function verifiedButton(path: string, lang: string): Promise<VerifyButtonHarness> {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-verify-button
        .credential=${await vectorJson(path)}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-verify-button>
    </div>`,
  );
  const vb = wrapper.querySelector('mc-verify-button') as McVerifyButton;
  await vb.verify();
  await vb.updateComplete;
  return new VerifyButtonHarness(vb);
}

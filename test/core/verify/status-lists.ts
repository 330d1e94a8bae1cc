/**
 * A revocation list and a suspension list of one fresh issuer (Bitstring Status List v1.0), each
 * with bit 5 on and bit 3 off, served offline — for the tests that tell a suspended credential from
 * a revoked one. §2.1: `revocation` "is used to cancel the validity of a verifiable credential.
 * This status is not reversible."; `suspension` "is used to temporarily prevent the acceptance of a
 * verifiable credential".
 */
import { statusEntry, statusList, type FreshIssuer } from './fresh-issuer.js';
import { offlineFetch, type OfflineFetch } from './harness.js';

type Obj = Record<string, unknown>;

/** The revocation list's address. */
export const REVOCATION = 'https://academy.example/status/revocation';
/** The suspension list's address. */
export const SUSPENSION = 'https://academy.example/status/suspension';

/** A `credentialStatus` entry of `purpose` at bit `index` of the list at `url` (bit 5 on, bit 3 off). */
export const entry = (url: string, index: number, purpose: 'revocation' | 'suspension'): Obj => ({
  ...statusEntry(url, index),
  statusPurpose: purpose,
});

/** A `fetch` serving both lists ({@link REVOCATION}, {@link SUSPENSION}), signed by `issuer`, bit 5 on in each. */
export async function revocationAndSuspension(issuer: FreshIssuer): Promise<OfflineFetch> {
  const list = (url: string, purpose: string): Promise<Obj> => {
    const l = statusList(url, issuer.did, [5]);
    return issuer.sign({
      ...l,
      credentialSubject: { ...(l['credentialSubject'] as Obj), statusPurpose: purpose },
    });
  };
  const [revocation, suspension] = await Promise.all([
    list(REVOCATION, 'revocation'),
    list(SUSPENSION, 'suspension'),
  ]);
  return offlineFetch({ [REVOCATION]: revocation, [SUSPENSION]: suspension });
}

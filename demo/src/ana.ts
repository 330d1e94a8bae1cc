/**
 * Ana Rivera's credentials, fetched once for the portfolio page (both its wallets use them): her
 * credentials from the demo issuer's OB 3.0 API (JSON-LD with Data Integrity proofs and a VC-JWT),
 * her legacy Open Badges 2.0 hosted badge (fetchCredential embeds its badge class and issuer), and a
 * CLR 2.0 transcript from the public vectors (a format the issuer does not issue).
 */
import { ISSUER_URL, TOKENS, credentialsOf, issuerClient } from './issuer.js';
import { vector } from './shell.js';
import { paths } from './vectors.js';

let job: Promise<unknown[]> | undefined;

/** Every credential of Ana's the portfolio shows; rejects when the demo issuer is not running. */
export function anaCredentials(): Promise<unknown[]> {
  job ??= Promise.all([
    credentialsOf(TOKENS.ana),
    issuerClient().fetchCredential(`${ISSUER_URL}/ob2/assertions/digital-citizenship-2019-ana-rivera`),
    vector(paths.clrTranscript),
  ]).then(([issued, legacy, transcript]) => [...issued, legacy, transcript]);
  return job;
}

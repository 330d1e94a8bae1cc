/**
 * Ana Rivera's credentials, fetched once for the portfolio page (both its wallets use them): her
 * credentials from the demo issuer's OB 3.0 API (JSON-LD with Data Integrity proofs and a VC-JWT),
 * her legacy Open Badges 2.0 hosted badge (fetchCredential embeds its badge class and issuer), and
 * the issuer's signed CLR 2.0 record of her (`GET /educators/ana-rivera/clr`: her OB 3.0
 * credentials in good standing, each with its own proof, and the stacks their achievements belong to).
 */
import { ISSUER_URL, TOKENS, credentialsOf, issuerClient, issuerJson } from './issuer.js';

/** Ana's educator id on the demo issuer (`GET /educators` lists them). */
const ANA = 'ana-rivera';

let job: Promise<unknown[]> | undefined;

/** Every credential of Ana's the portfolio shows; rejects when the demo issuer is not running. */
export function anaCredentials(): Promise<unknown[]> {
  job ??= Promise.all([
    credentialsOf(TOKENS.ana),
    issuerClient().fetchCredential(`${ISSUER_URL}/ob2/assertions/digital-citizenship-2019-${ANA}`),
    issuerJson<Record<string, unknown>>(`/educators/${ANA}/clr`),
  ]).then(([issued, legacy, record]) => [...issued, legacy, record]);
  return job;
}

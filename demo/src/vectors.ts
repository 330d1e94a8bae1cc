/**
 * The real public test vectors each demo page shows (served from ../shared/vectors at /vectors/).
 * Most demo data comes from the demo issuer (issuer.ts); these real credentials from 1EdTech, the
 * Digital Credentials Consortium and the W3C show formats and states the issuer does not produce.
 */
const dcpv = 'digital-credentials-public-validator/inspector-vc/src/test/resources';
const dcc = 'vc-test-fixtures/verifiableCredentials';

export const paths = {
  fullExample: 'obv3-examples/ref/full_ex.json',
  complete: `${dcpv}/ob30/complete.json`,
  alignments: `${dcc}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json`,
  program: `${dcc}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-credName.json`,
  award: `${dcc}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-achievementTypeExample.json`,
  dccDiploma: `${dcc}/v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry.json`,
  teamwork: `${dcpv}/ob30/simple.json`,
  expired: `${dcc}/v2/ed25519/didKey/legacy-noStatus-expired.json`,
  notYetValid: `${dcc}/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-notYetValid.json`,
  ob2Assertion: `${dcpv}/ob20/basic-assertion.json`,
  ob2Badge: `${dcpv}/ob20/assets/robotics-badge.json`,
  ob2BadgeEs: `${dcpv}/ob20/assets/badgeclass-with-language.json`,
  ob2Issuer: `${dcpv}/ob20/assets/organization.json`,
};

// Sweep: every display-relevant vector in ../shared/vectors normalises to the expected format
// with a real name; the non-credential files (contexts, keys, DID documents…) fail with McErrors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, normalizeCredential } from '@microcred/core';
import type { CredentialFormat } from '@microcred/core';
import { CLR20, OB20, VCF, VCORE, listVectors, readText } from './helpers/vectors.js';

/** Expected format per vector (by path pattern, first match wins). */
const EXPECT: [RegExp, CredentialFormat | 'error'][] = [
  // OB 2.0 linked resources: BadgeClasses display, the rest (issuers, keys, lists, endorsements…) are no credentials.
  [/ob20\/assets\/(badgecriteria|openbadges_context|criteria-no-type)\.json$/, 'error'],
  [/ob20\/assets\/(altbadgeurl|.*badge[^/]*)\.json$/, 'ob2-badgeclass'],
  [/ob20\/assets\//, 'error'],
  [
    /ob20\/rdf-validation\/(valid-badge-class|valid-badge-class-empty-criteria-type|badge-class-invalid-issuer-type)\.json$/,
    'ob2-badgeclass',
  ],
  [/ob20\/rdf-validation\//, 'error'],
  [/ob20\/(issuer-compact-iri-validation|redirected-validation-subject)\.json$/, 'error'],
  [/ob20\/badge-class-with-language\.json$/, 'ob2-badgeclass'],
  [/ob20\//, 'ob2'],
  [/clr20\//, 'clr2'],
  [/ob30\/endorsement-/, 'endorsement'],
  [/ob30\/simple-err-type\.json$/, 'vc'],
  [
    /ob30\/(simple_v1|simple-eddsa-2022|simple-err-context|simple-noproof|complete_v1|credential-status-revoked)\.json$/,
    'ob3-vc1',
  ],
  [/ob30\/(simple|velocity)\.jwt$/, 'ob3-vc1'],
  [/ob30\/bit-string-list\/testlist$/, 'vc'],
  [/ob30\//, 'ob3-vc2'],
  [/vc-test-fixtures\/verifiableCredentials\/v1\/ed25519\/didKey\/legacy-noStatus-noExpiry\.json$/, 'error'], // empty upstream file
  [/notExpired-endorsement/, 'endorsement'],
  [/vc-test-fixtures\/verifiableCredentials\/v1\//, 'ob3-vc1'],
  [/vc-test-fixtures\/verifiableCredentials\/v2\//, 'ob3-vc2'],
  [/verifier-core\/.*\/v1\//, 'ob3-vc1'],
  [/verifier-core\/.*\/status\//, 'vc'],
  [/verifier-core\//, 'ob3-vc2'],
  [/extracted\/linked-data-proof-clr/, 'clr2'],
  [/extracted\/linked-data-proof-ob/, 'ob3-vc2'],
  [/full_ex\.json$/, 'ob3-vc2'],
];

/** VCs in vc-test-fixtures that are not Open Badges (status lists, minimal VCs, an old DCC shape). */
const GENERIC_VC =
  /legacyRegistry-noStatus-noExpiry-minimal|legacy-expiredStatus|legacy-missingTypeStatus|legacy-notYetValidStatus|legacy-tamperedStatus|nonOBWithOBContext|oldDCCExample/;

const FILES = [
  ...listVectors(
    OB20.replace(/\/ob20$/, ''),
    /\/ob(20|30)\/.*\.(json|jwt|1ob)$|ob30\/bit-string-list\/testlist$/,
  ),
  ...listVectors(CLR20, /\.(json|jwt)$/),
  ...listVectors(VCF, /\.json$/),
  ...listVectors(VCORE, /\.json$/),
  ...listVectors('verifier-core/src/test-fixtures/status', /\.json$/),
  ...listVectors('openbadges-specification/ob_v3p0/impl/extracted', /\.json$/),
  'obv3-examples/ref/full_ex.json',
];

describe('normalize every display vector', () => {
  it('finds the vectors', () => {
    assert.ok(FILES.length > 150, `only ${FILES.length} vectors found`);
  });

  const counts: Record<string, number> = {};
  for (const file of FILES) {
    const expected = GENERIC_VC.test(file) ? 'vc' : (EXPECT.find(([re]) => re.test(file))?.[1] ?? 'error');
    it(`${file} → ${expected}`, () => {
      let text = '';
      try {
        text = readText(file);
        const v = normalizeCredential(text);
        counts[v.format] = (counts[v.format] ?? 0) + 1;
        assert.equal(v.format, expected);
        assert.ok(v.name.length > 0);
        if (v.format !== 'ob2' && v.format !== 'vc')
          assert.notEqual(v.name, 'Untitled credential', 'has a real name');
        if (v.kind === 'credential' && v.format !== 'ob2' && !/simple-err-issuer\.json/.test(file))
          assert.ok(v.issuer, 'has an issuer');
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        assert.ok(e instanceof McError, String(e));
        assert.equal('error', expected, `${file}: ${e.code} ${e.message}`);
      }
    });
  }
});

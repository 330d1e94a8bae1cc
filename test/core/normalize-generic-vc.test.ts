// Issue 14 §1, "Generic credentials display": a Verifiable Credential that is not an Open Badge shows
// the name its issuer gave it in the shapes real issuers use — `credentialSubject.degree.name`
// (the VC Data Model's UniversityDegreeCredential example), `credentialSubject.hasCredential.name`
// (schema.org, used by the DCC), `credentialSubject.achievement.name` — and the credential's own
// `name` first. Display only: nothing here changes what the verifier checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeCredential, UNTITLED_NAME } from '@microcred/core';
import { VCF, readJson } from './helpers/vectors.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const base = (subject: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@context': [VC2, 'https://www.w3.org/ns/credentials/examples/v2'],
  id: 'http://university.example/credentials/3732',
  type: ['VerifiableCredential', 'ExampleDegreeCredential'],
  issuer: 'https://university.example/issuers/565049',
  validFrom: '2010-01-01T00:00:00Z',
  credentialSubject: subject,
  ...extra,
});

describe('generic Verifiable Credentials display a name (issue 14 §1)', () => {
  it('credentialSubject.degree.name (the VC Data Model degree example)', () => {
    const v = normalizeCredential(
      base({
        id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
        degree: { type: 'ExampleBachelorDegree', name: 'Bachelor of Science and Arts' },
      }),
    );
    assert.equal(v.format, 'vc');
    assert.equal(v.name, 'Bachelor of Science and Arts');
  });

  it('credentialSubject.hasCredential.name (a real DCC credential from vc-test-fixtures)', () => {
    const doc = readJson(
      `${VCF}/v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-oldDCCExample.json`,
    );
    assert.equal(doc['name'], undefined, 'the vector has no credential name');
    const v = normalizeCredential(doc);
    assert.equal(v.name, 'GT Guide');
    assert.equal(v.recipient?.name, 'Ya Ya Na', 'the subject’s own name stays the recipient');
  });

  it('credentialSubject.achievement.name, also in a list of subjects', () => {
    assert.equal(normalizeCredential(base({ achievement: { name: 'Welding I' } })).name, 'Welding I');
    assert.equal(
      normalizeCredential(base([{ id: 'did:example:1', hasCredential: [{ name: 'First Aid' }] }])).name,
      'First Aid',
    );
  });

  it('the credential’s own name wins over the subject’s shapes', () => {
    const v = normalizeCredential(
      base({ degree: { name: 'Bachelor of Science and Arts' } }, { name: 'Example University Degree' }),
    );
    assert.equal(v.name, 'Example University Degree');
  });

  it('hostile values are not names: objects, booleans, bare strings and blank names fall through', () => {
    assert.equal(normalizeCredential(base({ degree: { name: { nested: ['x'] } } })).name, UNTITLED_NAME);
    assert.equal(
      normalizeCredential(base({ degree: { name: true }, hasCredential: '  ' })).name,
      UNTITLED_NAME,
    );
    assert.equal(
      normalizeCredential(base({ degree: 'Bachelor', hasCredential: { name: ' \u0000 ' } })).name,
      UNTITLED_NAME,
    );
  });
});

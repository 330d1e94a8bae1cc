// normalizeCredential over real CLR 2.0 vectors: the bundle, each inner credential, associations.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeCredential } from '@microcred/core';
import { CLR20, readText } from './helpers/vectors.js';

describe('normalize CLR 2.0', () => {
  it('simple.json: one inner OpenBadgeCredential', () => {
    const v = normalizeCredential(readText(`${CLR20}/simple.json`));
    assert.equal(v.format, 'clr2');
    assert.equal(v.name, 'Sample Transcript');
    assert.equal(v.issuer?.name, 'Example University');
    assert.equal(v.issued?.toISOString(), '2010-01-01T00:00:00.000Z');
    assert.equal(v.hasProof, true);
    assert.equal(v.achievementId, undefined, 'the subject achievement list does not describe the CLR itself');
    assert.equal(v.credentials.length, 1);
    const inner = v.credentials[0];
    assert.equal(inner?.format, 'ob3-vc2');
    assert.equal(inner?.name, 'Teamwork Badge');
    assert.equal(inner?.achievementName, 'Teamwork');
    assert.equal(inner?.issuer?.name, 'Example Corp');
    assert.equal(inner?.hasProof, true);
  });

  it('simple-noproof.json has no outer proof', () => {
    assert.equal(normalizeCredential(readText(`${CLR20}/simple-noproof.json`)).hasProof, false);
  });

  it('simple.jwt: the CLR as a VC-JWT', () => {
    const v = normalizeCredential(readText(`${CLR20}/simple.jwt`));
    assert.equal(v.format, 'clr2');
    assert.equal(v.name, 'Sample Transcript');
    assert.ok(v.jws);
    assert.equal(v.credentials.length, 1);
  });

  it('complex.json: six credentials of a stackable pathway and five associations', () => {
    const v = normalizeCredential(readText(`${CLR20}/complex.json`));
    assert.equal(v.name, 'Ellis Monday');
    assert.equal(v.issuer?.name, 'Western High School, RSD');
    assert.equal(v.issuer?.url, 'https://western.riverwell.k12.or.us/');
    assert.deepEqual(
      v.credentials.map((c) => c.name),
      [
        'Nurse Assistant 1 Program with Licensure',
        'Health Careers 1',
        'Human Anatomy and Physiology',
        'Intro to Health Careers',
        'Nurse Assisting 1',
        'Oregon State Board of Nursing - Certified Nursing Assistant',
      ],
    );
    assert.deepEqual(
      v.credentials.map((c) => c.achievementType),
      ['Diploma', 'Course', 'Course', 'Course', 'Course', 'Badge'],
    );
    assert.equal(v.associations.length, 5);
    assert.deepEqual(v.associations[0], {
      type: 'isParentOf',
      sourceId: 'urn:uuid:3314c2c0-2ee9-4183-838b-470c15ddfb08',
      targetId: 'urn:uuid:bb9a27e6-3a2d-413b-b0c7-97ef9dfdde22',
    });
    assert.equal(v.associations.filter((a) => a.type === 'isPartOf').length, 1);
  });

  it('simple_v1.json: CLR on VCDM 1.1 displays the same pathway', () => {
    const v = normalizeCredential(readText(`${CLR20}/simple_v1.json`));
    assert.equal(v.format, 'clr2');
    assert.equal(v.credentials.length, 6);
  });

  it('an unreadable inner credential is skipped with a warning, the rest still shows', () => {
    const v = normalizeCredential({
      type: ['VerifiableCredential', 'ClrCredential'],
      name: 'Transcript',
      credentialSubject: {
        verifiableCredential: ['not a jws', { type: 'Nonsense' }, { name: 'x', credentialSubject: {} }],
      },
    });
    assert.equal(v.credentials.length, 1);
    assert.equal(v.warnings.length, 2);
  });
});

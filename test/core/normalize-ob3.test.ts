// normalizeCredential over real Open Badges 3.0 vectors (VCDM 2.0 and 1.1, JSON and VC-JWT):
// asserts the displayed values, not just that nothing throws.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeCredential } from '@microcred/core';
import { OB30, VCF, VCORE, readJson, readText } from './helpers/vectors.js';

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

describe('normalize OB 3.0: the spec complete example (obv3-examples/ref/full_ex.json)', () => {
  const v = normalizeCredential(readText('obv3-examples/ref/full_ex.json'));

  it('recognises the format and the main fields', () => {
    assert.equal(v.format, 'ob3-vc2');
    assert.equal(v.kind, 'credential');
    assert.equal(v.id, 'http://1edtech.edu/credentials/3732');
    assert.equal(v.name, '1EdTech University Degree for Example Student');
    assert.equal(v.description, '1EdTech University Degree Description');
    assert.deepEqual(v.image, {
      url: 'https://1edtech.edu/credentials/3732/image',
      alt: '1EdTech University Degree for Example Student',
    });
    assert.equal(v.achievementId, 'https://1edtech.edu/achievements/degree');
    assert.equal(v.achievementName, '1EdTech University Degree');
    assert.equal(v.achievementType, 'Degree');
    assert.equal(v.hasProof, false, 'the complete example is unsigned');
  });

  it('reads the issuer profile and leaves out the creator when it is the issuer', () => {
    assert.deepEqual(v.issuer, {
      id: 'https://1edtech.edu/issuers/565049',
      name: '1EdTech University',
      url: 'https://1edtech.edu',
      email: 'registrar@1edtech.edu',
      image: { url: 'https://1edtech.edu/logo.png', alt: '1EdTech University logo' },
      description: '1EdTech University provides online degree programs.',
    });
    assert.equal(v.creator, undefined);
  });

  it('reads recipient, dates and credits', () => {
    assert.deepEqual(v.recipient, { hashed: false, id: 'did:example:ebfeb1f712ebc6f1c276e12ec21' });
    assert.equal(iso(v.issued), '2010-01-01T00:00:00.000Z');
    assert.equal(iso(v.validFrom), '2010-01-01T00:00:00.000Z');
    assert.equal(iso(v.validUntil), '2030-01-01T00:00:00.000Z');
    assert.equal(v.creditsAvailable, 36);
    assert.equal(v.creditsEarned, 42);
    assert.equal(v.fieldOfStudy, 'Research');
    assert.equal(v.specialization, 'Computer Science Research');
    assert.equal(v.humanCode, 'R1');
  });

  it('keeps Markdown criteria and the criteria link', () => {
    assert.deepEqual(v.criteria, {
      narrative: '# Degree Requirements\nStudents must complete...',
      url: 'https://1edtech.edu/achievements/degree',
    });
  });

  it('reads alignments, tags and evidence', () => {
    assert.equal(v.alignments.length, 2);
    assert.deepEqual(v.alignments[0], {
      name: '1EdTech University Degree',
      url: 'https://1edtech.edu/catalog/degree',
      code: 'degree',
      framework: '1EdTech University Program and Course Catalog',
      description: '1EdTech University Degree programs.',
      type: 'CFItem',
    });
    assert.equal(v.alignments[1]?.type, 'CTDL');
    assert.deepEqual(v.tags, ['research', 'computer science']);
    assert.equal(v.evidence.length, 2);
    assert.equal(v.evidence[0]?.name, 'Final Project Report');
    assert.equal(v.evidence[0]?.url, 'https://1edtech.edu/credentials/3732/evidence/1');
    assert.equal(v.evidence[0]?.genre, 'Research');
    assert.equal(v.evidence[0]?.audience, 'Department');
    assert.match(v.evidence[0]?.narrative ?? '', /^# Final Project Report\n/);
    assert.equal(v.evidence[1]?.url, 'https://github.com/somebody/project');
  });

  it('resolves results against the result descriptions and rubric levels', () => {
    assert.equal(v.resultDescriptions.length, 3);
    const rubric = v.resultDescriptions[1];
    assert.equal(rubric?.resultType, 'RubricCriterionLevel');
    assert.deepEqual(
      rubric?.levels.map((l) => l.name),
      ['Mastery', 'Basic'],
    );
    assert.equal(rubric?.levels[0]?.points, '4');
    assert.equal(rubric?.requiredLevel, 'Mastery', 'requiredLevel id resolved to the level name');
    assert.deepEqual(v.resultDescriptions[0]?.allowedValue, ['D', 'C', 'B', 'A']);
    assert.equal(v.resultDescriptions[0]?.requiredValue, 'C');
    assert.deepEqual(v.results, [
      { value: 'A', description: 'Final Project Grade' },
      // The spec example points this result at the LetterGrade description while the level lives in
      // the rubric description; the level is still found by id.
      { achievedLevel: 'Mastery', description: 'Final Project Grade' },
      { status: 'Completed', description: 'Final Project Grade' },
    ]);
  });

  it('collects credential-level and achievement-level endorsements', () => {
    assert.deepEqual(
      v.endorsements.map((e) => e.id),
      ['http://1edtech.edu/endorsementcredential/3735', 'http://1edtech.edu/endorsementcredential/3734'],
    );
    const e = v.endorsements[0];
    assert.equal(e?.endorser?.name, 'Example Accrediting Agency');
    assert.equal(e?.comment, '1EdTech University is in good standing');
    assert.equal(iso(e?.issued), '2010-01-01T00:00:00.000Z');
  });

  it('keeps the source document and reports no surprise warnings', () => {
    assert.equal((v.source as { id: string }).id, 'http://1edtech.edu/credentials/3732');
    assert.deepEqual(v.warnings, []);
  });
});

describe('normalize OB 3.0: 1EdTech validator vectors', () => {
  it('simple.json: VCDM 2.0 with a Data Integrity proof', () => {
    const v = normalizeCredential(readJson(`${OB30}/simple.json`));
    assert.equal(v.format, 'ob3-vc2');
    assert.equal(v.name, 'Teamwork Badge');
    assert.equal(v.issuer?.name, 'Example Corp');
    assert.equal(v.hasProof, true);
    assert.equal(v.achievementType, undefined);
    assert.equal(iso(v.issued), '2010-01-01T00:00:00.000Z');
  });

  it('simple_v1.json: VCDM 1.1 names (issuanceDate) are read', () => {
    const v = normalizeCredential(readText(`${OB30}/simple_v1.json`));
    assert.equal(v.format, 'ob3-vc1');
    assert.equal(v.name, 'Teamwork Badge');
    assert.equal(iso(v.issued), '2010-01-01T00:00:00.000Z');
  });

  it('complete.json and complete_v1.json show the same achievement on both data models', () => {
    const v2 = normalizeCredential(readText(`${OB30}/complete.json`));
    const v1 = normalizeCredential(readText(`${OB30}/complete_v1.json`));
    assert.equal(v2.format, 'ob3-vc2');
    assert.equal(v1.format, 'ob3-vc1');
    for (const v of [v1, v2]) {
      assert.equal(v.name, '1EdTech University Degree for Example Student');
      assert.equal(v.issuer?.name, '1EdTech University');
      assert.equal(v.alignments.length, 2);
      assert.equal(v.results.length, 3);
      assert.equal(v.endorsements.length, 2);
      assert.equal(v.evidence.length, 2);
    }
  });

  it('simple.jwt: a VC-JWT whose payload carries the credential in a `vc` claim', () => {
    const text = readText(`${OB30}/simple.jwt`).trim();
    const v = normalizeCredential(text);
    assert.equal(v.format, 'ob3-vc1');
    assert.equal(v.name, 'Example University Degree');
    assert.equal(v.issuer?.name, 'Example University');
    assert.equal(v.jws, text);
    assert.equal(v.hasProof, true);
  });

  it('velocity.jwt: iss/jti/nbf claims fill issuer, id and issuance date', () => {
    const v = normalizeCredential(readText(`${OB30}/velocity.jwt`));
    assert.equal(v.name, 'Velocity Network Board Member 2022');
    assert.equal(v.issuer?.id, 'did:web:registrar%3A3000:d:www.acmecorp-zrnkgupzazhhustuwbufc.com');
    assert.match(v.id ?? '', /^did:velocity:v2:/);
    assert.equal(iso(v.issued), '2022-12-31T00:00:00.000Z');
    assert.equal(
      v.image?.url,
      'https://assets.velocitynetwork.foundation/logos/Badges-VNF-Board-Member-538.png',
    );
  });

  it('endorsement-valid.json: an EndorsementCredential on its own', () => {
    const v = normalizeCredential(readText(`${OB30}/endorsement-valid.json`));
    assert.equal(v.format, 'endorsement');
    assert.equal(v.kind, 'credential');
    assert.equal(v.name, 'Example endorsement');
    assert.equal(v.issuer?.name, 'State Department of Education');
    assert.ok(v.description, 'the endorsement comment or description is shown');
  });

  it('vc-test-fixtures endorsement: comment shown as the description, endorsed party as recipient id', () => {
    const v = normalizeCredential(
      readText(`${VCF}/v2/bothSignatureTypes/didkey/legacy-noStatus-notExpired-endorsement.json`),
    );
    assert.equal(v.format, 'endorsement');
    assert.equal(v.name, 'SDE endorsement');
    assert.equal(v.issuer?.name, 'State Department of Education');
    assert.equal(v.description, '1EdTech University is in good standing');
    assert.equal(v.recipient?.id, 'https://1edtech.edu/issuers/565049');
    assert.equal(iso(v.validUntil), '2030-01-01T00:00:00.000Z');
    assert.equal(v.hasProof, true);
  });

  it('simple-err-issued.json / simple-err-expired.json: dates outside the window are kept for the UI to judge', () => {
    assert.equal(
      iso(normalizeCredential(readText(`${OB30}/simple-err-issued.json`)).validFrom),
      '2040-01-01T00:00:00.000Z',
    );
    assert.equal(
      iso(normalizeCredential(readText(`${OB30}/simple-err-expired.json`)).validUntil),
      '2010-01-01T00:00:00.000Z',
    );
  });

  it('simple-err-issuer.json: a missing issuer is simply absent', () => {
    const v = normalizeCredential(readText(`${OB30}/simple-err-issuer.json`));
    assert.equal(v.issuer, undefined);
    assert.equal(v.name, 'Example University Degree');
  });

  it('simple-err-type.json: an unknown credential type is shown as a generic VC', () => {
    assert.equal(normalizeCredential(readText(`${OB30}/simple-err-type.json`)).format, 'vc');
  });

  it('simple-multiple-proofs.json counts as carrying a proof', () => {
    assert.equal(normalizeCredential(readText(`${OB30}/simple-multiple-proofs.json`)).hasProof, true);
  });

  it('simple-noproof.json has no proof', () => {
    assert.equal(normalizeCredential(readText(`${OB30}/simple-noproof.json`)).hasProof, false);
  });
});

describe('normalize OB 3.0: DCC vc-test-fixtures and verifier-core fixtures', () => {
  it('complexIssuer: issuer profile with image caption, email and home page', () => {
    const v = normalizeCredential(
      readText(`${VCF}/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json`),
    );
    assert.equal(v.name, 'A marvel');
    assert.equal(v.issuer?.name, 'Bestest Ever University');
    assert.equal(v.issuer?.url, 'https://bestest.edu');
    assert.equal(v.issuer?.email, 'horse@better.edu');
    assert.equal(v.issuer?.image?.alt, 'MIT oh');
    assert.equal(v.issuer?.description, 'The bestest.');
  });

  it('issuerImageId (VCDM 1.1): issuer image without caption gets the issuer name as alt', () => {
    const v = normalizeCredential(
      readText(`${VCF}/v1/ed25519/didKey/legacyRegistry-noStatus-noExpiry-issuerImageId.json`),
    );
    assert.equal(v.format, 'ob3-vc1');
    assert.equal(v.name, 'A Simply Wonderful Course');
    assert.equal(v.achievementName, 'Introduction to Wonderfullness');
    assert.equal(v.issuer?.image?.alt, 'University of Wonderful');
    assert.equal(v.issuer?.url, 'https://wonderful.edu/');
    assert.equal(iso(v.issued), '2020-01-01T00:00:00.000Z');
    assert.equal(v.criteria?.narrative, 'Completion of the Wonderful Course - well done you!');
  });

  it('identityHash: a single (non-array) unhashed name identifier becomes the recipient name', () => {
    const v = normalizeCredential(
      readText(`${VCF}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json`),
    );
    assert.deepEqual(v.recipient, { hashed: false, name: 'Parker Pearl' });
    assert.equal(
      v.name,
      'Truth, veracity, candor, and verisimilitude.',
      'no credential name: the achievement name',
    );
    assert.equal(v.achievementType, 'Program');
    assert.deepEqual(v.image, {
      url: 'https://digitalcredentials.github.io/badge-assets/brain.png',
      alt: 'Certificate logo',
    });
  });

  it('credSubjName: credentialSubject.name is the recipient name', () => {
    const v = normalizeCredential(
      readText(`${VCF}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-credSubjName.json`),
    );
    assert.equal(v.recipient?.name, 'Parker Pearl');
  });

  it('alignments: two alignments are read', () => {
    const v = normalizeCredential(
      readText(`${VCF}/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json`),
    );
    assert.equal(v.name, 'Example University Degree');
    assert.equal(v.alignments.length, 2);
    assert.ok(v.alignments.every((a) => a.name.length > 0));
  });

  it('lcwExperience: Markdown criteria with links survive as text', () => {
    const v = normalizeCredential(
      readText(`${VCF}/v2/ed25519/didKey/legacy-noStatus-noExpiry-lcwExperience.json`),
    );
    assert.equal(v.name, 'LCW Experience Badge');
    assert.equal(v.issuer?.name, 'Digital Credentials Consortium');
    assert.equal(v.recipient?.name, 'Zoey Zebrafish');
    assert.equal(iso(v.issued), '2026-01-23T15:11:55.521Z');
    assert.match(v.criteria?.narrative ?? '', /^- Learner experienced .*\n- Learned about \[W3C/);
  });

  it('stringIssuerId: a plain issuer id string', () => {
    const v = normalizeCredential(readText(`${VCORE}/v2/v2SimpleIssuerId.json`));
    assert.deepEqual(v.issuer, { id: 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q' });
  });

  it('v1Expired: expirationDate is the expiry', () => {
    const v = normalizeCredential(readText(`${VCORE}/v1/v1Expired.json`));
    assert.equal(v.format, 'ob3-vc1');
    assert.equal(iso(v.validUntil), '2025-01-09T16:23:24.000Z');
  });

  it('v2Expired: validUntil is the expiry', () => {
    assert.equal(
      iso(normalizeCredential(readText(`${VCORE}/v2/v2Expired.json`)).validUntil),
      '2011-01-01T00:00:00.000Z',
    );
  });

  it('safeModeBreaker: a real-world KQED/PBS credential still displays', () => {
    const v = normalizeCredential(readText(`${VCORE}/eddsa/v2/safeModeBreaker.json`));
    assert.match(v.name, /^PBS Media Literacy Educator Certification/);
    assert.equal(v.issuer?.name, 'KQED & PBS');
  });
});

describe('normalize OB 3.0: bare Achievements (catalog entries)', () => {
  const ach = (readJson('obv3-examples/ref/full_ex.json')['credentialSubject'] as Record<string, unknown>)[
    'achievement'
  ];

  it('shows an Achievement as kind "achievement" with the creator as issuer', () => {
    const v = normalizeCredential(ach);
    assert.equal(v.format, 'ob3-achievement');
    assert.equal(v.kind, 'achievement');
    assert.equal(v.id, 'https://1edtech.edu/achievements/degree');
    assert.equal(v.name, '1EdTech University Degree');
    assert.equal(v.issuer?.name, '1EdTech University');
    assert.equal(v.recipient, undefined);
    assert.equal(v.alignments.length, 2);
    assert.equal(v.resultDescriptions.length, 3);
    assert.equal(v.endorsements.length, 1, 'the achievement-level endorsement');
    assert.deepEqual(v.image, {
      url: 'https://1edtech.edu/achievements/degree/image',
      alt: '1EdTech University Degree',
    });
  });

  it('reads the catalog-feed registration extension, translations and language', () => {
    const v = normalizeCredential({
      type: 'Achievement',
      id: 'https://district.example/achievements/robotics-1',
      name: 'Robótica 1',
      inLanguage: 'es',
      achievementType: 'MicroCredential',
      related: [
        {
          id: 'https://district.example/achievements/robotics-1?lang=en',
          type: ['Related'],
          inLanguage: 'en',
        },
      ],
      registration: {
        url: 'https://district.example/register/robotics-1',
        opens: '2025-08-01',
        closes: '2025-09-15T23:59:00-07:00',
        cost: 'Free',
        seats: '25',
      },
    });
    assert.equal(v.language, 'es');
    assert.equal(v.achievementType, 'MicroCredential');
    assert.deepEqual(v.translations, [
      {
        lang: 'en',
        id: 'https://district.example/achievements/robotics-1?lang=en',
        url: 'https://district.example/achievements/robotics-1?lang=en',
      },
    ]);
    assert.equal(v.registration?.url, 'https://district.example/register/robotics-1');
    assert.equal(iso(v.registration?.opens), '2025-08-01T00:00:00.000Z');
    assert.equal(iso(v.registration?.closes), '2025-09-16T06:59:00.000Z');
    assert.equal(v.registration?.cost, 'Free');
    assert.equal(v.registration?.seats, 25);
  });
});

// Schemas (zod/mini): every valid vector passes, broken ones fail with paths; OB 2.0 and CLR 2.0;
// validateCredential / assertValidCredential behaviour.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McSchemaError, assertValidCredential, validateCredential } from '@microcred/core';
import {
  AchievementSchema,
  AlignmentSchema,
  ImageSchema,
  ProfileSchema,
  ResultSchema,
} from '@microcred/core/schemas';
import { CLR20, OB20, OB30, VCF, VCORE, listVectors, readJson, readText } from './helpers/vectors.js';

const issuesOf = (
  input: unknown,
  expected?: Parameters<typeof validateCredential>[1],
): { path: string; message: string }[] => {
  const r = validateCredential(input, expected);
  return r.ok ? [] : r.issues;
};

describe('schemas: valid OB 3.0 vectors pass', () => {
  const valid = [
    'obv3-examples/ref/full_ex.json',
    `${OB30}/simple.json`,
    `${OB30}/simple_v1.json`,
    `${OB30}/complete.json`,
    `${OB30}/simple-context-alias.json`,
    `${OB30}/simple-context-version.json`,
    `${OB30}/simple-multiple-proofs.json`,
    `${OB30}/simple-did-key-method.json`,
    `${OB30}/simple-eddsa-2022.json`,
    `${OB30}/endorsement-valid.json`,
    `${OB30}/velocity.jwt`,
    `${OB30}/sd/derivedcredential.json`,
    'openbadges-specification/ob_v3p0/impl/extracted/linked-data-proof-ob.signed.json',
    ...listVectors(VCORE, /\.json$/),
    ...listVectors(VCF, /\.json$/).filter(
      (f) =>
        !/v1\/ed25519\/didKey\/legacy-noStatus-noExpiry\.json$|badSchema|credSubjName|credName|identityHash/.test(
          f,
        ),
    ),
  ];
  for (const file of valid) {
    it(file, () => {
      const r = validateCredential(readText(file));
      assert.deepEqual(r.ok ? [] : r.issues, []);
      assert.ok(r.ok && ['ob3-vc2', 'ob3-vc1', 'endorsement', 'vc'].includes(r.format));
    });
  }
});

describe('schemas: non-conformant vectors in the DCC fixtures', () => {
  it('achievementType "Program" is not an OB 3.0 achievement type (the official JSON Schema agrees)', () => {
    for (const f of listVectors(VCF, /credSubjName|credName|identityHash/)) {
      assert.deepEqual(
        issuesOf(readText(f)).map((i) => i.path),
        ['credentialSubject.achievement.achievementType'],
        f,
      );
    }
  });

  it('twoOIDF-revoked-notExpired-badSchema.json lacks validFrom', () => {
    assert.deepEqual(
      issuesOf(readText(`${VCF}/v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json`)),
      [{ path: 'validFrom', message: 'is required' }],
    );
  });

  it('the empty upstream file is reported, not thrown', () => {
    assert.deepEqual(issuesOf(readText(`${VCF}/v1/ed25519/didKey/legacy-noStatus-noExpiry.json`)), [
      { path: '', message: 'Nothing was given: the credential is empty.' },
    ]);
  });
});

describe('schemas: broken OB 3.0 vectors fail with the right path', () => {
  const broken: [string, string, RegExp][] = [
    ['simple-err-context.json', '@context', /first @context must be/],
    [
      'simple-err-credential-subject-achievement-result-description-type.json',
      'credentialSubject.achievement.resultDescription[2].type',
      /ResultDescription/,
    ],
    [
      'simple-err-credential-subject-identifier-type.json',
      'credentialSubject.identifier[0].type',
      /IdentityObject/,
    ],
    ['simple-err-credential-subject-profile-type.json', 'credentialSubject.source.type', /Profile/],
    ['simple-err-credential-subject-result-type.json', 'credentialSubject.result[1].type', /Result/],
    ['simple-err-credential-subject-type.json', 'credentialSubject.type', /AchievementSubject/],
    ['simple-err-evidence-type.json', 'evidence[1].type', /Evidence/],
    ['simple-err-issuer-otheridentifier-type.json', 'issuer.otherIdentifier[1].type', /IdentifierEntry/],
    ['simple-err-issuer-parentorg-type.json', 'issuer.parentOrg.type', /Profile/],
    ['simple-err-issuer-type.json', 'issuer.type', /Profile/],
    ['simple-err-issuer.json', 'issuer', /is required/],
  ];
  for (const [file, path, message] of broken) {
    it(`${file} → ${path}`, () => {
      const issues = issuesOf(readText(`${OB30}/${file}`));
      const hit = issues.find((i) => i.path === path);
      assert.ok(hit, `no issue at ${path}: ${JSON.stringify(issues)}`);
      assert.match(hit.message, message);
    });
  }

  it('simple-err-type.json is a valid generic VC but not an OB 3.0 credential', () => {
    const text = readText(`${OB30}/simple-err-type.json`);
    assert.deepEqual(validateCredential(text).ok && validateCredential(text).format, 'vc');
    const issues = issuesOf(text, 'ob3-vc2');
    assert.deepEqual(issues[0], {
      path: 'type',
      message: 'type must include "AchievementCredential" or "OpenBadgeCredential"',
    });
  });

  it('ob30/simple.jwt uses a pre-release context, so it is not conformant', () => {
    assert.ok(issuesOf(readText(`${OB30}/simple.jwt`)).some((i) => i.path === '@context'));
  });

  it('complete_v1.json: endorsements lack the required id', () => {
    assert.ok(
      issuesOf(readText(`${OB30}/complete_v1.json`)).some(
        (i) => i.path === 'issuer.endorsement[0].id' && i.message === 'is required',
      ),
    );
  });

  it('deliberate breakage of the spec example', () => {
    const full = readJson('obv3-examples/ref/full_ex.json');
    const subject = full['credentialSubject'] as Record<string, unknown>;
    const ach = subject['achievement'] as Record<string, unknown>;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...full, validFrom: '2010-01-01' }, 'validFrom', /date-time/],
      [{ ...full, validFrom: '2010-01-01T00:00:00' }, 'validFrom', /time zone/],
      [{ ...full, validUntil: 'never' }, 'validUntil', /date-time/],
      [{ ...full, id: 'not a uri' }, 'id', /absolute URI/],
      [{ ...full, id: undefined }, 'id', /is required/],
      [{ ...full, type: ['OpenBadgeCredential'] }, 'type', /VerifiableCredential/],
      [
        { ...full, '@context': ['https://www.w3.org/ns/credentials/v2'] },
        '@context',
        /Open Badges 3.0 context/,
      ],
      [{ ...full, image: { id: 'https://x.example/i.png', type: 'Picture' } }, 'image.type', /"Image"/],
      [
        { ...full, credentialSubject: { ...subject, achievement: { ...ach, name: undefined } } },
        'credentialSubject.achievement.name',
        /is required/,
      ],
      [
        { ...full, credentialSubject: { ...subject, achievement: { ...ach, achievementType: 'Trophy' } } },
        'credentialSubject.achievement.achievementType',
        /ext:/,
      ],
      [
        { ...full, credentialSubject: { ...subject, result: [{ type: ['Result'], status: 'Done' }] } },
        'credentialSubject.result[0].status',
        /Completed/,
      ],
      [
        {
          ...full,
          credentialSubject: {
            ...subject,
            identifier: [{ type: 'IdentityObject', identityHash: 'x', identityType: 'emailAddress' }],
          },
        },
        'credentialSubject.identifier[0].hashed',
        /is required/,
      ],
    ];
    for (const [doc, path, message] of cases) {
      const issues = issuesOf(JSON.parse(JSON.stringify(doc)));
      const hit = issues.find((i) => i.path === path);
      assert.ok(hit, `expected an issue at ${path}, got ${JSON.stringify(issues)}`);
      assert.match(hit.message, message, path);
    }
  });
});

describe('schemas: leniency for untidy real credentials', () => {
  it('accepts single values where arrays are specified and string images/issuers', () => {
    const full = readJson('obv3-examples/ref/full_ex.json');
    const subject = full['credentialSubject'] as Record<string, unknown>;
    const ach = subject['achievement'] as Record<string, unknown>;
    const r = validateCredential({
      ...full,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      image: 'https://1edtech.edu/credentials/3732/image',
      issuer: 'https://1edtech.edu/issuers/565049',
      proof: { type: 'DataIntegrityProof', created: '2024-01-01T00:00:00Z' },
      credentialSchema: { id: 'https://x.example/schema.json', type: '1EdTechJsonSchemaValidator2019' },
      credentialSubject: {
        ...subject,
        type: 'AchievementSubject',
        achievement: { ...ach, type: 'Achievement', tag: 'one' },
      },
    });
    assert.equal(r.ok, true, JSON.stringify(!r.ok && r.issues));
  });
});

describe('schemas: parts', () => {
  it('Image, Alignment, Profile, Result, Achievement', () => {
    assert.equal(
      ImageSchema.safeParse({ id: 'https://x.example/a.png', type: 'Image', caption: 'c' }).success,
      true,
    );
    assert.equal(
      ImageSchema.safeParse({ id: 'https://x.example/a.png', type: 'Image', extra: 1 }).success,
      false,
    );
    assert.equal(
      AlignmentSchema.safeParse({ type: ['Alignment'], targetName: 'n', targetUrl: 'https://x.example' })
        .success,
      true,
    );
    assert.equal(AlignmentSchema.safeParse({ type: ['Alignment'], targetName: 'n' }).success, false);
    assert.equal(ProfileSchema.safeParse({ id: 'did:example:1', type: 'Profile' }).success, true);
    assert.equal(ProfileSchema.safeParse({ id: 'did:example:1', type: 'Person' }).success, false);
    assert.equal(ResultSchema.safeParse({ type: ['Result'], status: 'Withdrew' }).success, true);
    const ach = (readJson('obv3-examples/ref/full_ex.json')['credentialSubject'] as Record<string, unknown>)[
      'achievement'
    ];
    assert.equal(AchievementSchema.safeParse(ach).success, true);
    assert.equal(validateCredential(ach).ok && validateCredential(ach).format, 'ob3-achievement');
  });
});

describe('schemas: OB 2.0', () => {
  it('valid assertions pass (hosted, signed JWS, data image, endorsements, language, blank-node evidence)', () => {
    for (const f of [
      'basic-assertion.json',
      'basic-assertion-with-language.json',
      'basic-assertion-with-allowed-origins.json',
      'assertion-with-data-image.json',
      'assertion-with-endorsements.json',
      'assertion-with-extension-node-basic.json',
      'simple.jwt',
      'simple-revoked.jwt',
    ]) {
      assert.deepEqual(issuesOf(readText(`${OB20}/${f}`)), [], f);
    }
  });

  it('valid BadgeClasses pass', () => {
    for (const f of [
      'robotics-badge.json',
      'badgeclass-with-language.json',
      'badgeclass-with-complex-image.json',
      'badgeclass1.json',
    ]) {
      const r = validateCredential(readText(`${OB20}/assets/${f}`));
      assert.ok(r.ok && r.format === 'ob2-badgeclass', `${f}: ${JSON.stringify(!r.ok && r.issues)}`);
    }
  });

  it('invalid ones fail with paths', () => {
    assert.deepEqual(issuesOf(readText(`${OB20}/basic-assertion-invalid-type.json`)), [
      { path: 'type', message: 'type must be "Assertion"' },
    ]);
    assert.ok(
      issuesOf(readText(`${OB20}/basic-assertion-invalid-context.json`), 'ob2').some(
        (i) => i.path === '@context',
      ),
    );
    assert.deepEqual(issuesOf(readText(`${OB20}/basic-assertion-expired-before-issued.json`)), [
      { path: 'expires', message: 'expires must not be before issuedOn' },
    ]);
    assert.deepEqual(issuesOf(readText(`${OB20}/badge-class-with-language.json`)), [
      { path: 'image', message: 'is required' },
    ]);
    const doc = readJson(`${OB20}/basic-assertion.json`);
    assert.ok(
      issuesOf({ ...doc, recipient: { type: 'email', identity: 'x' } }).some(
        (i) => i.path === 'recipient.hashed',
      ),
    );
    assert.ok(
      issuesOf({ ...doc, verification: { type: 'magic' } }).some((i) => i.path === 'verification.type'),
    );
    assert.ok(issuesOf({ ...doc, issuedOn: 'last tuesday' }).some((i) => i.path === 'issuedOn'));
  });
});

describe('schemas: CLR 2.0', () => {
  it('simple.json, simple_v1.json and the spec test vector pass', () => {
    for (const f of [
      `${CLR20}/simple.json`,
      `${CLR20}/simple_v1.json`,
      'openbadges-specification/ob_v3p0/impl/extracted/linked-data-proof-clr.signed.json',
    ]) {
      const r = validateCredential(readText(f));
      assert.ok(r.ok && r.format === 'clr2', `${f}: ${JSON.stringify(!r.ok && r.issues)}`);
    }
  });

  it('complex.json: an inner endorsement lacks its required name', () => {
    assert.deepEqual(issuesOf(readText(`${CLR20}/complex.json`)), [
      {
        path: 'credentialSubject.verifiableCredential[0].credentialSubject.achievement.endorsement[0].name',
        message: 'is required',
      },
    ]);
  });

  it('drafts with the pre-release CLR context fail on @context', () => {
    for (const f of ['simple-noproof.json', 'simple_old_safesigned.json', 'simple.jwt']) {
      assert.ok(
        issuesOf(readText(`${CLR20}/${f}`)).some((i) => i.path === '@context'),
        f,
      );
    }
  });

  it('associations are checked', () => {
    const doc = readJson(`${CLR20}/simple.json`);
    const subject = doc['credentialSubject'] as Record<string, unknown>;
    const bad = {
      ...doc,
      credentialSubject: {
        ...subject,
        association: [
          { type: 'Association', associationType: 'isBestFriendOf', sourceId: 'urn:a', targetId: 'urn:b' },
        ],
      },
    };
    assert.ok(issuesOf(bad).some((i) => i.path === 'credentialSubject.association[0].associationType'));
  });
});

describe('schemas: validateCredential / assertValidCredential', () => {
  it('reports parse and format problems as issues, never throws', () => {
    assert.deepEqual(validateCredential('{'), {
      ok: false,
      issues: [
        {
          path: '',
          message:
            'This text is not valid JSON, so it cannot be read as a credential. Check that it was copied completely.',
        },
      ],
    });
    const r = validateCredential({ hello: 1 });
    assert.equal(r.ok, false);
    assert.equal(r.ok ? undefined : r.format, undefined);
  });

  it('assertValidCredential returns the document or throws McSchemaError with paths', () => {
    assert.equal(assertValidCredential(readText(`${OB30}/simple.json`))['name'], 'Teamwork Badge');
    assert.throws(
      () => assertValidCredential(readText(`${OB30}/simple-err-issuer-type.json`)),
      (e: unknown) =>
        e instanceof McSchemaError &&
        e.code === 'schema' &&
        e.issues.some((i) => i.path === 'issuer.type') &&
        /does not follow the ob3-vc2 standard: issuer\.type/.test(e.message),
    );
  });
});

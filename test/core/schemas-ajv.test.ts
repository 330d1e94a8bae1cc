// Cross-check: our zod verdicts against the official 1EdTech OB 3.0 AchievementCredential JSON
// Schema (ajv, draft 2019-09) for every VCDM 2.0 OB 3.0 vector and for deliberately broken variants.
// Documents are first put in the strict shape (our documented leniencies undone: single values →
// arrays, string images → Image objects, proof → array). Deliberate differences are listed below.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { detectFormat, parseCredentialInput, validateCredential } from '@microcred/core';
import { OB30, VCF, VCORE, listVectors, readJson, readText } from './helpers/vectors.js';
import { toStrictShape } from './helpers/strict-shape.js';

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validateOfficial = ajv.compile(
  readJson('obv3-examples/schemas/ob_v3p0_achievementcredential_schema.json'),
);

/**
 * Deliberate differences, each with its reason. Key: vector path (or case name) → who is stricter.
 * - "zod stricter": we also require ids/URLs to be absolute URIs, which the JSON Schema leaves as plain strings.
 * - "ajv stricter": the JSON Schema wants the OB context exactly second; we accept it anywhere after the VC context.
 */
const KNOWN: Record<string, 'zod stricter' | 'ajv stricter'> = {};

function verdicts(doc: unknown): { zod: boolean; ajv: boolean; ajvErrors: string } {
  const zod = validateCredential(doc, 'ob3-vc2').ok;
  const ajvOk = validateOfficial(toStrictShape(doc));
  return { zod, ajv: ajvOk, ajvErrors: ajv.errorsText(validateOfficial.errors) };
}

const vc2Vectors = [
  'obv3-examples/ref/full_ex.json',
  'openbadges-specification/ob_v3p0/impl/extracted/linked-data-proof-ob.signed.json',
  ...listVectors(OB30, /\.(json|1ob)$/),
  ...listVectors(VCF, /\/v2\/.*\.json$/),
  ...listVectors(VCORE, /\/v2\/.*\.json$/),
].filter((f) => {
  try {
    const doc = parseCredentialInput(readText(f)).document;
    return detectFormat(doc) === 'ob3-vc2';
  } catch {
    return false;
  }
});

describe('zod and the official JSON Schema agree on every VCDM 2.0 OB 3.0 vector', () => {
  it('has vectors to compare', () => assert.ok(vc2Vectors.length > 40, String(vc2Vectors.length)));
  for (const f of vc2Vectors) {
    it(f, () => {
      const v = verdicts(readJson(f));
      const known = KNOWN[f];
      if (known === 'zod stricter') assert.deepEqual([v.zod, v.ajv], [false, true]);
      else if (known === 'ajv stricter') assert.deepEqual([v.zod, v.ajv], [true, false]);
      else assert.equal(v.zod, v.ajv, `zod ${v.zod} vs ajv ${v.ajv}: ${v.ajvErrors}`);
    });
  }
});

describe('zod and the official JSON Schema agree on broken variants of the spec example', () => {
  const full = readJson('obv3-examples/ref/full_ex.json');
  const subject = full['credentialSubject'] as Record<string, unknown>;
  const ach = subject['achievement'] as Record<string, unknown>;
  const withSubject = (s: Record<string, unknown>): Record<string, unknown> => ({
    ...full,
    credentialSubject: { ...subject, ...s },
  });
  const withAch = (a: Record<string, unknown>): Record<string, unknown> =>
    withSubject({ achievement: { ...ach, ...a } });
  const cases: [string, Record<string, unknown>, boolean][] = [
    ['unchanged', full, true],
    ['no id', { ...full, id: undefined }, false],
    ['no issuer', { ...full, issuer: undefined }, false],
    ['no validFrom', { ...full, validFrom: undefined }, false],
    ['validFrom without time zone', { ...full, validFrom: '2010-01-01T00:00:00' }, false],
    ['validFrom date only', { ...full, validFrom: '2010-01-01' }, false],
    ['validUntil garbage', { ...full, validUntil: 'soon' }, false],
    ['awardedDate with offset', { ...full, awardedDate: '2010-01-01T00:00:00+02:00' }, true],
    ['VC context not first', { ...full, '@context': [...(full['@context'] as string[])].reverse() }, false],
    [
      'no OB context',
      { ...full, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.org/ctx.json'] },
      false,
    ],
    ['type without VerifiableCredential', { ...full, type: ['OpenBadgeCredential'] }, false],
    ['type without an OB type', { ...full, type: ['VerifiableCredential'] }, false],
    [
      'AchievementCredential type',
      { ...full, type: ['VerifiableCredential', 'AchievementCredential'] },
      true,
    ],
    ['subject without achievement', withSubject({ achievement: undefined }), false],
    ['subject wrong type', withSubject({ type: ['Person'] }), false],
    ['creditsEarned as text', withSubject({ creditsEarned: 'forty' }), false],
    [
      'identifier missing hashed',
      withSubject({
        identifier: [{ type: 'IdentityObject', identityHash: 'x', identityType: 'emailAddress' }],
      }),
      false,
    ],
    [
      'identifier extra field',
      withSubject({
        identifier: [
          { type: 'IdentityObject', identityHash: 'x', identityType: 'emailAddress', hashed: false, note: 1 },
        ],
      }),
      false,
    ],
    [
      'identifier ext: type',
      withSubject({
        identifier: [
          { type: 'IdentityObject', identityHash: 'x', identityType: 'ext:studentNumber', hashed: false },
        ],
      }),
      true,
    ],
    ['result bad status', withSubject({ result: [{ type: ['Result'], status: 'Passed' }] }), false],
    ['result without type', withSubject({ result: [{ status: 'Completed' }] }), false],
    ['achievement without criteria', withAch({ criteria: undefined }), false],
    ['achievement without description', withAch({ description: undefined }), false],
    ['achievement unknown achievementType', withAch({ achievementType: 'Trophy' }), false],
    ['achievement ext: achievementType', withAch({ achievementType: 'ext:Trophy' }), true],
    ['achievement bad inLanguage', withAch({ inLanguage: 'Spanish' }), false],
    ['achievement good inLanguage', withAch({ inLanguage: 'es-MX' }), true],
    [
      'alignment without targetUrl',
      withAch({ alignment: [{ type: ['Alignment'], targetName: 'x' }] }),
      false,
    ],
    [
      'alignment unknown targetType',
      withAch({
        alignment: [
          { type: ['Alignment'], targetName: 'x', targetUrl: 'https://x.example', targetType: 'Skill' },
        ],
      }),
      false,
    ],
    [
      'rubric level without name',
      withAch({
        resultDescription: [
          {
            id: 'urn:x',
            type: ['ResultDescription'],
            name: 'n',
            resultType: 'RubricCriterionLevel',
            rubricCriterionLevel: [{ id: 'urn:l', type: ['RubricCriterionLevel'] }],
          },
        ],
      }),
      false,
    ],
    [
      'resultDescription unknown resultType',
      withAch({
        resultDescription: [{ id: 'urn:x', type: ['ResultDescription'], name: 'n', resultType: 'Vibes' }],
      }),
      false,
    ],
    [
      'image with extra field',
      { ...full, image: { id: 'https://x.example/i.png', type: 'Image', width: 10 } },
      false,
    ],
    ['image wrong type', { ...full, image: { id: 'https://x.example/i.png', type: 'Picture' } }, false],
    ['issuer profile without id', { ...full, issuer: { type: ['Profile'], name: 'x' } }, false],
    [
      'issuer profile wrong type',
      { ...full, issuer: { id: 'https://x.example', type: ['Organization'] } },
      false,
    ],
    ['issuer as a string', { ...full, issuer: 'https://1edtech.edu/issuers/565049' }, true],
    ['evidence without type', { ...full, evidence: [{ id: 'https://x.example/e' }] }, false],
    ['proof without type', { ...full, proof: [{ proofValue: 'z' }] }, false],
    [
      'proof created garbage',
      { ...full, proof: [{ type: 'DataIntegrityProof', created: 'yesterday' }] },
      false,
    ],
    ['credentialStatus without id', { ...full, credentialStatus: { type: '1EdTechRevocationList' } }, false],
    [
      'endorsement without name',
      {
        ...full,
        endorsement: [{ ...(full['endorsement'] as Record<string, unknown>[])[0], name: undefined }],
      },
      false,
    ],
    ['endorsementJwt not a JWS', { ...full, endorsementJwt: ['nope'] }, false],
  ];
  for (const [name, doc, expected] of cases) {
    it(name, () => {
      const v = verdicts(JSON.parse(JSON.stringify(doc)));
      assert.equal(v.ajv, expected, `ajv: ${v.ajvErrors}`);
      assert.equal(v.zod, expected, 'zod');
    });
  }

  it('documents our deliberate leniency: the OB context may come after other contexts', () => {
    const ctx = full['@context'] as string[];
    const doc = { ...full, '@context': [ctx[0], ctx[2], ctx[1]] };
    const v = verdicts(doc);
    assert.deepEqual([v.zod, v.ajv], [true, false]);
  });

  it('documents our deliberate strictness: ids must be absolute URIs', () => {
    const v = verdicts({ ...full, id: 'credential 3732' });
    assert.deepEqual([v.zod, v.ajv], [false, true]);
  });
});

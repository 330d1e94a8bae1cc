// normalizeCredential over real Open Badges 2.0 vectors (1EdTech validator test resources):
// assertions with embedded or linked BadgeClass/Issuer, signed (JWS) assertions, BadgeClasses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeCredential } from '@microcred/core';
import { OB20, readJson, readText } from './helpers/vectors.js';

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

/** The 1EdTech tests serve example.org from ob20/assets; embed linked badge/issuer the way fetchCredential does. */
function embedFromAssets(assertion: Record<string, unknown>): Record<string, unknown> {
  const asset = (u: unknown): Record<string, unknown> | undefined =>
    typeof u === 'string' && /^https?:\/\/example\.org\//.test(u)
      ? readJson(`${OB20}/assets/${u.replace(/^https?:\/\/example\.org\//, '')}`)
      : undefined;
  const badge = asset(assertion['badge']);
  if (!badge) return assertion;
  const issuer = asset(badge['issuer']);
  return { ...assertion, badge: issuer ? { ...badge, issuer } : badge };
}

describe('normalize OB 2.0 assertions', () => {
  it('basic-assertion.json as published: badge only linked, hashed recipient hidden', () => {
    const v = normalizeCredential(readText(`${OB20}/basic-assertion.json`));
    assert.equal(v.format, 'ob2');
    assert.equal(v.kind, 'credential');
    assert.equal(v.id, 'https://example.org/beths-robotics-badge.json');
    assert.equal(v.achievementId, 'https://example.org/robotics-badge.json');
    assert.equal(v.name, 'Untitled credential', 'no name until the BadgeClass is fetched');
    assert.ok(v.warnings.some((w) => /only linked/.test(w)));
    assert.deepEqual(v.recipient, { hashed: true });
    assert.equal(iso(v.issued), '2016-12-31T23:59:59.000Z');
    assert.deepEqual(v.evidence, [{ url: 'https://example.org/beths-robot-work.html' }]);
    assert.equal(v.hasProof, true, 'hosted verification counts as carrying a proof');
    assert.deepEqual(v.image, {
      url: 'https://example.org/beths-robot-badge.png',
      alt: 'Untitled credential',
    });
  });

  it('basic-assertion.json with its BadgeClass and Issuer embedded', () => {
    const v = normalizeCredential(embedFromAssets(readJson(`${OB20}/basic-assertion.json`)));
    assert.equal(v.name, 'Awesome Robotics Badge');
    assert.equal(v.achievementName, 'Awesome Robotics Badge');
    assert.equal(v.description, 'For doing awesome things with robots that people think is pretty great.');
    assert.deepEqual(v.issuer, {
      id: 'https://example.org/organization.json',
      name: 'An Example Badge Issuer',
      url: 'https://example.org',
      email: 'contact@example.org',
    });
    assert.deepEqual(v.criteria, { url: 'https://example.org/badgecriteria.json' });
    assert.deepEqual(v.image, {
      url: 'https://example.org/beths-robot-badge.png',
      alt: 'Awesome Robotics Badge',
    });
    assert.deepEqual(v.warnings, []);
  });

  it('assertion-with-endorsements.json: embedded BadgeClass; linked endorsements keep their ids', () => {
    const v = normalizeCredential(readText(`${OB20}/assertion-with-endorsements.json`));
    assert.equal(v.name, 'Awesome Robotics Badge');
    assert.deepEqual(v.issuer, { id: 'https://example.org/organization.json' });
    assert.deepEqual(
      v.endorsements.map((e) => e.id),
      [
        'https://example.org/endorsement-1.json',
        'https://example.org/endorsement-2.json',
        'https://example.org/endorsement-3.json',
        'https://example.org/endorsement-4.json',
      ],
    );
  });

  it('an embedded OB 2.0 Endorsement gives endorser, comment and date', () => {
    const doc = readJson(`${OB20}/assertion-with-endorsements.json`);
    const v = normalizeCredential({ ...doc, endorsement: [readJson(`${OB20}/assets/endorsement-1.json`)] });
    const e = v.endorsements[0];
    assert.equal(e?.id, 'http://example.org/endorsement-1.json');
    assert.equal(e?.comment, 'Pretty good');
    assert.deepEqual(e?.endorser, { id: 'http://example.org/issuer1.json' });
    assert.equal(iso(e?.issued), '2017-10-01T00:00:00.000Z');
  });

  it('assertion-with-data-image.json: a data:image/png assertion image is kept', () => {
    const v = normalizeCredential(readText(`${OB20}/assertion-with-data-image.json`));
    assert.match(v.image?.url ?? '', /^data:image\/png;base64,iVBOR/);
  });

  it('basic-assertion-expired.json: expires is the expiry', () => {
    const v = normalizeCredential(readText(`${OB20}/basic-assertion-expired.json`));
    assert.ok(v.validUntil instanceof Date);
    assert.ok(v.validUntil.getTime() < Date.UTC(2030, 0, 1));
  });

  it('basic-assertion-in-future.json: issuedOn in 2100 is kept', () => {
    assert.equal(
      iso(normalizeCredential(readText(`${OB20}/basic-assertion-in-future.json`)).issued),
      '2100-12-31T23:59:59.000Z',
    );
  });

  it('simple.jwt: a signed OB 2.0 assertion (JWS payload is the assertion)', () => {
    const text = readText(`${OB20}/simple.jwt`);
    const v = normalizeCredential(text);
    assert.equal(v.format, 'ob2');
    assert.equal(v.id, 'https://example.org/beths-robotics-badge.json');
    assert.equal(v.jws, text.trim());
    assert.equal(v.hasProof, true);
    assert.deepEqual(v.recipient, { hashed: true });
  });

  it('shows an unhashed recipient identity', () => {
    const doc = readJson(`${OB20}/basic-assertion.json`);
    const v = normalizeCredential({
      ...doc,
      recipient: { type: 'email', hashed: false, identity: 'beth@example.org' },
    });
    assert.deepEqual(v.recipient, { hashed: false, id: 'beth@example.org' });
  });

  it('never shows a hashed identity even when `hashed` is missing', () => {
    const doc = readJson(`${OB20}/basic-assertion.json`);
    const v = normalizeCredential({ ...doc, recipient: { type: 'email', identity: 'sha256$abcdef' } });
    assert.deepEqual(v.recipient, { hashed: true });
  });

  it('accepts a Unix timestamp for issuedOn (OB 2.0 allows it)', () => {
    const doc = readJson(`${OB20}/basic-assertion.json`);
    assert.equal(
      iso(normalizeCredential({ ...doc, issuedOn: 1483228799 }).issued),
      '2016-12-31T23:59:59.000Z',
    );
  });
});

describe('normalize OB 2.0 BadgeClasses (catalog entries)', () => {
  it('robotics-badge.json', () => {
    const v = normalizeCredential(readText(`${OB20}/assets/robotics-badge.json`));
    assert.equal(v.format, 'ob2-badgeclass');
    assert.equal(v.kind, 'achievement');
    assert.equal(v.id, 'https://example.org/robotics-badge.json');
    assert.equal(v.name, 'Awesome Robotics Badge');
    assert.deepEqual(v.image, {
      url: 'https://example.org/robotics-badge.png',
      alt: 'Awesome Robotics Badge',
    });
    assert.equal(v.recipient, undefined);
  });

  it('badgeclass-with-language.json: @language and a related translation', () => {
    const v = normalizeCredential(readText(`${OB20}/assets/badgeclass-with-language.json`));
    assert.equal(v.name, 'Insignia fantastica');
    assert.equal(v.language, 'es');
    assert.deepEqual(v.translations, [
      {
        lang: 'en-US',
        id: 'https://example.org/robotics-badge.json',
        url: 'https://example.org/robotics-badge.json',
      },
    ]);
  });

  it('badge-class-with-language.json: en-US', () => {
    const v = normalizeCredential(readText(`${OB20}/badge-class-with-language.json`));
    assert.equal(v.language, 'en-US');
    assert.equal(v.issuer?.id, 'http://example.org/issuer1.json');
    assert.deepEqual(v.criteria, { url: 'http://example.com/badgecriteria.json' });
  });

  it('badgeclass-with-complex-image.json: image object caption is the alt text', () => {
    const v = normalizeCredential(readText(`${OB20}/assets/badgeclass-with-complex-image.json`));
    assert.deepEqual(v.image, {
      url: 'http://example.org/beths-robot-badge.png',
      alt: 'A hexagon with attitude',
    });
  });

  it('badgeclass-with-endorsements.json: two linked endorsements', () => {
    assert.equal(
      normalizeCredential(readText(`${OB20}/assets/badgeclass-with-endorsements.json`)).endorsements.length,
      2,
    );
  });

  it('reads OB 2.0 alignments and tags', () => {
    const v = normalizeCredential({
      ...readJson(`${OB20}/assets/robotics-badge.json`),
      tags: 'robots',
      alignment: {
        targetName: 'CCSS.ELA-Literacy.RST.11-12.3',
        targetUrl: 'http://www.corestandards.org/ELA-Literacy/RST/11-12/3',
        targetDescription: 'Follow precisely a complex multistep procedure…',
        targetFramework: 'CCSS',
        targetCode: 'RST.11-12.3',
      },
    });
    assert.deepEqual(v.tags, ['robots']);
    assert.deepEqual(v.alignments, [
      {
        name: 'CCSS.ELA-Literacy.RST.11-12.3',
        url: 'http://www.corestandards.org/ELA-Literacy/RST/11-12/3',
        description: 'Follow precisely a complex multistep procedure…',
        framework: 'CCSS',
        code: 'RST.11-12.3',
      },
    ]);
  });
});

describe('normalize OB 2.0: things that are not credentials', () => {
  it('an Issuer profile is recognised but unsupported', () => {
    assert.throws(() => normalizeCredential(readText(`${OB20}/assets/organization.json`)), {
      code: 'unsupported-format',
    });
  });

  it('redirected-validation-subject.json has comments, so it is not JSON', () => {
    assert.throws(() => normalizeCredential(readText(`${OB20}/redirected-validation-subject.json`)), {
      code: 'invalid-json',
    });
  });

  it('an Open Badges 1.0 assertion is unsupported', () => {
    assert.throws(
      () =>
        normalizeCredential({
          uid: 'abc123',
          recipient: 'sha256$deadbeef',
          badge: 'https://example.org/badge.json',
          verify: { type: 'hosted', url: 'https://example.org/assertion.json' },
          issuedOn: 1359217910,
        }),
      { name: 'McFormatError', code: 'unsupported-format' },
    );
  });
});

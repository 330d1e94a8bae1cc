// normalizeCredential reads OB 3.0 credentials, OB 2.0 assertions and catalog entries with one reader:
// these pin what that reader promises for each format, and the string guarantees around `mailto:`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeCredential } from '@microcred/core';

describe('normalize: one reader for every format', () => {
  it('an OB 3.0 Achievement (catalog entry) shows its creator as the issuer, never as a separate creator', () => {
    const v = normalizeCredential({
      type: ['Achievement'],
      id: 'urn:uuid:a',
      name: 'Robotics',
      creator: { id: 'https://district.example', name: 'District' },
      tag: ['stem'],
    });
    assert.equal(v.kind, 'achievement');
    assert.equal(v.id, 'urn:uuid:a');
    assert.equal(v.achievementId, 'urn:uuid:a');
    assert.equal(v.issuer?.name, 'District');
    assert.equal(v.creator, undefined);
    assert.deepEqual(v.tags, ['stem']);
  });

  it('an OB 2.0 BadgeClass shows its issuer; an assertion takes name, tags and language from its badge', () => {
    const badge = {
      type: 'BadgeClass',
      id: 'https://b.example/badge',
      name: 'Badge',
      issuer: { id: 'https://b.example/issuer', name: 'Issuer' },
      tags: ['a'],
      '@language': 'es',
      image: 'https://b.example/badge.png',
    };
    const bc = normalizeCredential(badge);
    assert.equal(bc.kind, 'achievement');
    assert.equal(bc.id, 'https://b.example/badge');
    assert.equal(bc.issuer?.name, 'Issuer');
    const a = normalizeCredential({
      type: 'Assertion',
      id: 'https://b.example/assertion',
      recipient: { type: 'email', hashed: false, identity: 'mailto:ana@example.org' },
      badge,
      issuedOn: '2024-01-02T00:00:00Z',
      image: 'https://b.example/baked.png',
    });
    assert.equal(a.name, 'Badge');
    assert.deepEqual(a.tags, ['a']);
    assert.equal(a.language, 'es');
    assert.deepEqual(
      a.image,
      { url: 'https://b.example/baked.png', alt: 'Badge' },
      "the assertion's image wins",
    );
    assert.deepEqual(a.recipient, { hashed: false, id: 'ana@example.org' });
    assert.equal(a.issued?.toISOString(), '2024-01-02T00:00:00.000Z');
  });

  it('an OB 2.0 assertion with a linked badge keeps the badge id and says it is only linked', () => {
    const v = normalizeCredential({
      type: 'Assertion',
      recipient: { identity: 'sha256$abc' },
      badge: 'https://b.example/badge',
    });
    assert.equal(v.achievementId, 'https://b.example/badge');
    assert.deepEqual(v.recipient, { hashed: true });
    assert.ok(v.warnings.some((w) => /only linked/.test(w)));
  });

  it('a bare or spaced mailto: never leaves an empty or untrimmed string', () => {
    const v = normalizeCredential({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'x',
      issuer: { id: 'https://i.example', email: 'mailto: a@b.example' },
      credentialSubject: { id: 'mailto:', achievement: { name: 'A' } },
    });
    assert.equal(v.issuer?.email, 'a@b.example');
    assert.equal(v.recipient, undefined);
    const ob2 = normalizeCredential({
      type: 'Assertion',
      recipient: { hashed: false, identity: 'mailto:' },
      badge: 'x',
    });
    assert.deepEqual(ob2.recipient, { hashed: false });
  });
});

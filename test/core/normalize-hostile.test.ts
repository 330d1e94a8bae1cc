// normalizeCredential on hostile input: unsafe URLs in every link/image field are dropped with a
// warning, HTML stays inert text, control characters go, dates are checked, errors are McErrors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, normalizeCredential } from '@microcred/core';
import type { CredentialView } from '@microcred/core';
import { OB20, readJson, readText } from './helpers/vectors.js';

const UNSAFE = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x.png',
  '/relative/path',
  'https//missing-colon',
  'ftp://example.org/x',
];

/** Every URL-bearing field of the display model, walked recursively. */
function allUrls(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => allUrls(x, out));
  else if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'source') continue;
      if ((k === 'url' || k === 'href') && typeof x === 'string') out.push(x);
      else allUrls(x, out);
    }
  }
  return out;
}

/** Every string in the display model except the raw `source`. */
function allStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => allStrings(x, out));
  else if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) if (k !== 'source' && k !== 'jws') allStrings(x, out);
  }
  return out;
}

const SAFE_URL = /^(https?:\/\/\S+|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,])/i;

/** An OB 3.0 credential with `bad` in every link and image field. */
function ob3WithEverywhere(bad: string): Record<string, unknown> {
  const img = { id: bad, type: 'Image', caption: 'cap' };
  const profile = { id: 'https://issuer.example', type: ['Profile'], name: 'Issuer', url: bad, image: img };
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    id: 'urn:uuid:1',
    name: 'Badge',
    issuer: profile,
    validFrom: '2024-01-01T00:00:00Z',
    image: bad,
    evidence: [{ id: bad, name: 'Work' }, bad],
    endorsement: [
      { type: ['VerifiableCredential', 'EndorsementCredential'], issuer: profile, credentialSubject: {} },
    ],
    credentialSubject: {
      type: ['AchievementSubject'],
      image: img,
      achievement: {
        id: 'urn:uuid:a',
        type: ['Achievement'],
        name: 'Achievement',
        image: img,
        creator: { ...profile, id: 'https://creator.example' },
        criteria: { id: bad, narrative: 'Do it' },
        alignment: [{ targetName: 'Skill', targetUrl: bad }],
        registration: { url: bad },
      },
    },
  };
}

describe('normalize: unsafe URLs are dropped everywhere', () => {
  for (const bad of UNSAFE) {
    it(`drops ${JSON.stringify(bad)} from every link and image of an OB 3.0 credential`, () => {
      const v = normalizeCredential(ob3WithEverywhere(bad));
      for (const u of allUrls(v)) assert.match(u, SAFE_URL, `unsafe url survived: ${u}`);
      assert.equal(v.image, undefined);
      assert.equal(v.issuer?.url, undefined);
      assert.equal(v.issuer?.image, undefined);
      assert.equal(v.creator?.url, undefined);
      assert.equal(v.criteria?.url, undefined);
      assert.equal(v.alignments[0]?.url, undefined);
      assert.deepEqual(v.evidence, [{ name: 'Work' }]);
      assert.equal(v.endorsements[0]?.endorser?.url, undefined);
      assert.equal(v.registration, undefined);
      assert.ok(
        v.warnings.some((w) => /dropped a link/.test(w)),
        'a warning says why',
      );
      assert.equal(v.name, 'Badge', 'the rest of the credential still shows');
    });
  }

  it('drops unsafe URLs from OB 2.0 assertion, badge, issuer, criteria and evidence', () => {
    for (const bad of UNSAFE) {
      const doc = readJson(`${OB20}/assertion-with-endorsements.json`);
      const badge = doc['badge'] as Record<string, unknown>;
      const v = normalizeCredential({
        ...doc,
        image: bad,
        evidence: [bad, { id: bad, narrative: 'n' }],
        badge: {
          ...badge,
          image: { id: bad },
          criteria: bad,
          issuer: { id: 'x', name: 'I', url: bad, image: bad },
        },
      });
      for (const u of allUrls(v)) assert.match(u, SAFE_URL);
      assert.equal(v.image, undefined);
      assert.equal(v.criteria, undefined);
      assert.deepEqual(v.evidence, [{ narrative: 'n' }]);
    }
  });

  it('keeps raster and SVG data:image URLs for images only, never for links', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const svg = 'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"/>';
    const v = normalizeCredential({ ...ob3WithEverywhere(png), image: svg });
    assert.equal(v.image?.url, svg);
    assert.equal(v.issuer?.image?.url, png);
    assert.equal(v.issuer?.url, undefined, 'a data: URL is never a link');
    assert.equal(v.criteria?.url, undefined);
  });

  it('keeps ordinary http and https links', () => {
    const v = normalizeCredential(ob3WithEverywhere('https://ok.example/a?b=c#d'));
    assert.equal(v.image?.url, 'https://ok.example/a?b=c#d');
    assert.equal(v.criteria?.url, 'https://ok.example/a?b=c#d');
    assert.equal(v.registration?.url, 'https://ok.example/a?b=c#d');
  });
});

describe('normalize: text is inert and clean', () => {
  it('HTML in text fields is kept verbatim as text (not interpreted, not stripped)', () => {
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const v = normalizeCredential({
      ...ob3WithEverywhere('https://ok.example'),
      name: html,
      description: `**b** ${html}`,
    });
    assert.equal(v.name, html);
    assert.equal(v.description, `**b** ${html}`);
  });

  it('removes control characters, collapses whitespace in names, keeps line breaks in Markdown', () => {
    const v = normalizeCredential({
      ...ob3WithEverywhere('https://ok.example'),
      name: '  Ro\u0000bo\u0007tics\u200B \n\t Badge\u202E ',
      description: 'Line 1\r\nLine\u0000 2\u001b[31m  \n\n- item\u0085',
    });
    assert.equal(v.name, 'Robotics\u200B Badge\u202E', 'format characters are not control characters');
    assert.equal(v.description, 'Line 1\nLine 2[31m\n\n- item');
    for (const s of allStrings(v)) {
      assert.ok(
        ![...s].some((c) => /\p{Cc}/u.test(c) && c !== '\n' && c !== '\t'),
        `control char in ${JSON.stringify(s)}`,
      );
      assert.equal(s, s.trim());
      assert.notEqual(s, '');
    }
  });

  it('empty and whitespace-only strings are omitted, and a missing name falls back', () => {
    const v = normalizeCredential({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: '   ',
      description: '\u0000',
      credentialSubject: { achievement: { name: '', description: ' ' } },
    });
    assert.equal(v.name, 'Untitled credential');
    assert.equal(v.description, undefined);
    assert.ok(!('description' in v), 'absent fields are not present as undefined keys');
  });

  it('numbers where strings belong are accepted; objects where strings belong are ignored', () => {
    const v = normalizeCredential({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 2024,
      description: { evil: true },
      credentialSubject: { achievement: { name: ['a'], humanCode: 101, creditsAvailable: '3.5' } },
    });
    assert.equal(v.name, '2024');
    assert.equal(v.description, undefined);
    assert.equal(v.humanCode, '101');
    assert.equal(v.creditsAvailable, 3.5);
  });
});

describe('normalize: dates', () => {
  it('unparseable dates are omitted with a warning', () => {
    const v = normalizeCredential({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'x',
      validFrom: 'yesterday',
      validUntil: '2024-13-45T99:99:99Z',
      awardedDate: 'Tue Mar 05 2024',
      credentialSubject: {},
    });
    assert.equal(v.issued, undefined);
    assert.equal(v.validUntil, undefined);
    assert.equal(v.awarded, undefined);
    assert.equal(v.warnings.filter((w) => /not a date/.test(w)).length, 3);
  });

  it('accepts date-only and offset date-times', () => {
    const v = normalizeCredential({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'x',
      validFrom: '2024-03-05',
      validUntil: '2025-03-05T10:00:00+02:00',
      credentialSubject: {},
    });
    assert.equal(v.issued?.toISOString(), '2024-03-05T00:00:00.000Z');
    assert.equal(v.validUntil?.toISOString(), '2025-03-05T08:00:00.000Z');
  });
});

describe('normalize: single values where arrays belong', () => {
  it('wraps single type, alignment, tag, evidence, endorsement, result, identifier and related', () => {
    const v = normalizeCredential({
      '@context': 'https://www.w3.org/ns/credentials/v2',
      type: 'OpenBadgeCredential',
      name: 'Single',
      evidence: { id: 'https://e.example', name: 'E' },
      endorsement: { issuer: 'did:example:e', credentialSubject: { endorsementComment: 'Good' } },
      proof: { type: 'DataIntegrityProof' },
      credentialSubject: {
        identifier: { identityType: 'emailAddress', identityHash: 'sha256$abc', hashed: true },
        result: { status: 'Completed' },
        achievement: {
          type: 'Achievement',
          name: 'A',
          alignment: { targetName: 'Skill' },
          tag: 'solo',
          related: { id: 'urn:x', inLanguage: 'es' },
          resultDescription: { id: 'rd', name: 'RD', rubricCriterionLevel: { id: 'l', name: 'L' } },
        },
      },
    });
    assert.equal(v.format, 'ob3-vc2');
    assert.equal(v.hasProof, true);
    assert.equal(v.evidence.length, 1);
    assert.equal(v.endorsements[0]?.comment, 'Good');
    assert.deepEqual(v.recipient, { hashed: true });
    assert.deepEqual(v.results, [{ status: 'Completed' }]);
    assert.deepEqual(v.alignments, [{ name: 'Skill' }]);
    assert.deepEqual(v.tags, ['solo']);
    assert.deepEqual(v.translations, [{ lang: 'es', id: 'urn:x' }]);
    assert.equal(v.resultDescriptions[0]?.levels[0]?.name, 'L');
  });

  it('arrays are always present on every view, including nested CLR credentials', () => {
    const keys: (keyof CredentialView)[] = [
      'alignments',
      'tags',
      'evidence',
      'results',
      'resultDescriptions',
      'endorsements',
      'translations',
      'credentials',
      'associations',
      'warnings',
    ];
    const check = (v: CredentialView): void => {
      for (const k of keys) assert.ok(Array.isArray(v[k]), k);
      v.credentials.forEach(check);
    };
    check(normalizeCredential({ type: 'BadgeClass', name: 'x' }));
    check(
      normalizeCredential(
        readText('digital-credentials-public-validator/inspector-clr/src/test/resources/clr20/complex.json'),
      ),
    );
  });
});

describe('normalize: errors', () => {
  const fails = (input: unknown, code: string): void => {
    assert.throws(
      () => normalizeCredential(input),
      (e: unknown) => e instanceof McError && e.code === code,
    );
  };

  it('not a credential', () => {
    fails({}, 'not-a-credential');
    fails({ hello: 'world' }, 'not-a-credential');
    fails('[]', 'not-a-credential');
    fails('"just text"', 'not-a-credential');
  });

  it('recognisable but unsupported', () => {
    fails({ '@context': 'https://w3id.org/openbadges/v1', type: 'Assertion' }, 'unsupported-format');
    fails({ type: 'Issuer', name: 'x' }, 'unsupported-format');
    fails(
      { '@context': 'https://www.w3.org/ns/credentials/v2', type: 'VerifiablePresentation' },
      'unsupported-format',
    );
  });

  it('parse errors pass through', () => {
    fails('', 'empty-input');
    fails('{', 'invalid-json');
    fails('x'.repeat(3 * 1024 * 1024), 'too-large');
    fails('['.repeat(70) + ']'.repeat(70), 'too-deep');
  });

  it('a CLR nested in CLRs stops after a few levels', () => {
    let doc: Record<string, unknown> = {
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'leaf',
      credentialSubject: {},
    };
    for (let i = 0; i < 10; i++) {
      doc = {
        type: ['VerifiableCredential', 'ClrCredential'],
        name: `clr${i}`,
        credentialSubject: { verifiableCredential: [doc] },
      };
    }
    let v = normalizeCredential(doc);
    let depth = 0;
    while (v.credentials[0]) {
      v = v.credentials[0];
      depth++;
    }
    assert.ok(depth <= 5);
  });
});

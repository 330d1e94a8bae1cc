// Pathways and progress: building requirement trees (pathway JSON, catalog stacks, CLR 2.0
// associations, OB 3.0 related), progress records, and computeProgress on tricky trees.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { McError } from '@microcred/core';
import {
  computeProgress,
  fetchPathway,
  fetchProgress,
  normalizeCredential,
  parseCatalog,
  parsePathway,
  parseProgressRecords,
  pathwayFromAssociations,
  pathwayFromRelated,
  pathwaysFromCatalog,
  readPathway,
  walkRequirements,
  type CredentialView,
  type Pathway,
  type ProgressRecord,
} from '@microcred/core';
import { lakesideCatalogFeed, STACKS } from '../../stories/fixtures/catalog.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const A = (n: string | number): string => `https://x.example/achievements/${n}`;

/** A minimal awarded OB 3.0 credential for `achievementId`, normalised. */
function cred(
  achievementId: string,
  extra: Record<string, unknown> = {},
  subjectExtra: Record<string, unknown> = {},
): CredentialView {
  return normalizeCredential({
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: `urn:uuid:${Math.random().toString(16).slice(2)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://x.example/issuer', type: ['Profile'], name: 'X' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'c',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        name: `Achievement ${achievementId}`,
        criteria: { narrative: 'x' },
        ...subjectExtra,
      },
    },
    ...extra,
  });
}
/** An OB 2.0 assertion for a badge class. */
function ob2(badgeClassId: string): CredentialView {
  return normalizeCredential({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://x.example/assertions/1',
    recipient: { type: 'email', identity: 'a@x.example', hashed: false },
    issuedOn: '2025-01-01T00:00:00Z',
    verification: { type: 'hosted' },
    badge: {
      id: badgeClassId,
      type: 'BadgeClass',
      name: 'Old badge',
      issuer: { id: 'https://x.example/i', type: 'Issuer', name: 'X' },
    },
  });
}
const rec = (
  achievementId: string,
  state: ProgressRecord['state'],
  extra: Partial<ProgressRecord> = {},
): ProgressRecord => ({
  achievementId,
  state,
  ...extra,
});
const pathway = (requirement: unknown, extra: Record<string, unknown> = {}): Pathway =>
  parsePathway({ id: 'https://x.example/p', name: 'P', requirement, ...extra });

describe('parsePathway', () => {
  it('reads all-of, n-of, optional and prerequisites, resolving achievement ids to requirement ids', () => {
    const p = pathway({
      allOf: [
        A(1),
        { achievement: A(2), prerequisites: [A(1)] },
        { nOf: 2, of: [A(3), A(4), A(5)], name: 'Electives' },
        { achievement: A(6), optional: true },
      ],
    });
    assert.equal(p.root.kind, 'all');
    assert.equal(p.root.n, 3, 'the optional child is not counted');
    const [one, two, electives, six] = p.root.children;
    assert.equal(one!.kind, 'achievement');
    assert.deepEqual(two!.prerequisites, [A(1)]);
    assert.equal(electives!.kind, 'n-of');
    assert.equal(electives!.n, 2);
    assert.equal(electives!.name, 'Electives');
    assert.equal(six!.optional, true);
    assert.deepEqual(p.issues, []);
  });
  it('wraps a single requirement in a group and rejects what is not a pathway', () => {
    assert.equal(pathway(A(1)).root.children.length, 1);
    assert.throws(
      () => parsePathway({ id: 'x' }),
      (e: McError) => e.code === 'schema',
    );
    assert.throws(
      () => pathway(42),
      (e: McError) => e.code === 'schema',
    );
  });
  it('clamps an impossible n-of, de-duplicates ids and breaks prerequisite cycles, with issues', () => {
    const p = pathway({
      allOf: [
        { nOf: 5, of: [A(1), A(2)] },
        { achievement: A(3), prerequisites: [A(4)] },
        { achievement: A(4), prerequisites: [A(3)] },
        A(3),
      ],
    });
    const nOf = p.root.children[0]!;
    assert.equal(nOf.kind === 'n-of' && nOf.n, 2);
    const ids = walkRequirements(p.root).map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(p.issues.some((i) => /cycle/.test(i.message)));
    assert.ok(p.issues.some((i) => /never be met/.test(i.message)));
  });
  it('ignores bad children and very deep trees without throwing', () => {
    let deep: unknown = A(1);
    for (let i = 0; i < 40; i++) deep = { allOf: [deep] };
    const p = pathway({ allOf: [deep, 7, null, A(2)] });
    assert.ok(p.issues.length >= 3);
    assert.ok(walkRequirements(p.root).some((r) => r.kind === 'achievement' && r.achievementId === A(2)));
  });
});

describe('pathways from other sources', () => {
  it('from the catalog feed: declared trees, names from entries', () => {
    const pathways = pathwaysFromCatalog(parseCatalog(lakesideCatalogFeed));
    assert.deepEqual(
      pathways.map((p) => p.id),
      [STACKS.literacy, STACKS.digital, STACKS.inclusive],
    );
    const digital = pathways[1]!;
    assert.equal(digital.root.children[1]!.kind, 'n-of');
    assert.equal(digital.root.children[0]!.name, 'Digital Citizenship');
  });
  it('from a catalog with stack membership only (all of the members)', () => {
    const c = parseCatalog({
      stacks: [{ id: 's', name: 'S' }],
      achievements: [
        { id: A(1), name: 'One', stacks: ['s'] },
        { id: A(2), name: 'Two' },
        { id: A(3), name: 'Three', stacks: 's' },
      ],
    });
    const [p] = pathwaysFromCatalog(c);
    assert.deepEqual(
      p!.root.children.map((r) => r.name),
      ['One', 'Three'],
    );
  });
  it("from a catalog whose stacks list their achievements (the demo issuer's shape)", () => {
    const c = parseCatalog({
      stacks: [{ id: 's', name: 'S', achievements: [A(2), A(1)] }],
      achievements: [
        { id: A(1), name: 'One' },
        { id: A(2), name: 'Two' },
      ],
    });
    assert.deepEqual(c.entries[0]!.stacks, ['s'], 'members get the stack (facet)');
    const [p] = pathwaysFromCatalog(c);
    assert.deepEqual(
      p!.root.children.map((r) => r.name),
      ['Two', 'One'],
    );
  });
  it('a translated catalog: requirements also match the achievement in its other languages', () => {
    const c = parseCatalog({
      stacks: [{ id: 's', name: 'S', achievements: [`${A(1)}?lang=es`] }],
      achievements: [
        { id: `${A(1)}?lang=es`, name: 'Uno', related: [{ id: A(1), type: ['Related'], inLanguage: 'en' }] },
      ],
    });
    const [p] = pathwaysFromCatalog(c);
    assert.equal(computeProgress(p!, [cred(A(1))], [], { now: NOW }).complete, true);
    assert.equal(
      computeProgress(p!, [], [rec(A(1), 'in-progress')], { now: NOW }).root.children[0]!.state,
      'in-progress',
    );
  });
  it('from CLR 2.0 associations: isPartOf, isParentOf, isChildOf, precedes, nested stacks', () => {
    const p = pathwayFromAssociations(
      [
        { type: 'isPartOf', sourceId: A(1), targetId: A('stack') },
        { type: 'isParentOf', sourceId: A('stack'), targetId: A('sub') },
        { type: 'isChildOf', sourceId: A(2), targetId: A('sub') },
        { type: 'isPartOf', sourceId: A(3), targetId: A('sub') },
        { type: 'precedes', sourceId: A(1), targetId: A('sub') },
        { type: 'isRelatedTo', sourceId: A(9), targetId: A(1) },
      ],
      { names: { [A('stack')]: 'Stack' } },
    );
    assert.equal(p.name, 'Stack');
    assert.equal(p.achievement?.id, A('stack'));
    const sub = p.root.children[1]!;
    assert.equal(sub.kind, 'all');
    assert.equal(sub.kind === 'all' && sub.achievementId, A('sub'));
    assert.deepEqual(sub.prerequisites, [A(1)]);
    assert.throws(
      () => pathwayFromAssociations([{ type: 'precedes', sourceId: A(1), targetId: A(2) }]),
      (e: McError) => e.code === 'schema',
    );
  });
  it('from OB 3.0 related, ignoring translations', () => {
    const p = pathwayFromRelated({
      id: A('stack'),
      name: 'Stack',
      related: [
        { id: A(1), type: ['Related'] },
        { id: A('stack-es'), type: ['Related'], inLanguage: 'es' },
        { id: A(2), type: ['Related'] },
      ],
    });
    assert.deepEqual(
      p.root.children.map((r) => r.id),
      [A(1), A(2)],
    );
    assert.throws(
      () => pathwayFromRelated({ id: A('x'), related: [{ id: A('x-es'), inLanguage: 'es' }] }),
      (e: McError) => e.code === 'schema',
    );
  });
  it('readPathway picks the shape (pathway, catalog stack, CLR)', () => {
    assert.equal(readPathway(lakesideCatalogFeed, STACKS.inclusive).name, 'Inclusive Classroom');
    assert.throws(
      () => readPathway(lakesideCatalogFeed, 'nope'),
      (e: McError) => e.code === 'schema',
    );
  });
});

describe('progress records', () => {
  it('reads records, skipping invalid ones with issues', () => {
    const r = parseProgressRecords({
      learner: 'did:example:maya',
      records: [
        { achievement: A(1), state: 'in-progress', percent: 40, updated: '2026-03-01' },
        {
          achievement: A(2),
          state: 'returned',
          feedback: {
            comment: 'Add **two** more samples.',
            reviewer: 'R. Diaz',
            date: '2026-03-02',
            criteria: [{ criterion: 'Quality', level: 'Developing' }],
          },
        },
        { achievement: A(3), state: 'done' },
        { achievement: A(4), state: 'in-progress', percent: 140 },
        { achievement: A(5), state: 'submitted', url: 'javascript:alert(1)' },
      ],
    });
    assert.equal(r.records.length, 3);
    assert.equal(r.records[0]!.learner, 'did:example:maya');
    assert.equal(r.records[1]!.feedback?.criteria[0]!.level, 'Developing');
    assert.equal(r.records[2]!.url, undefined, 'unsafe URL dropped');
    assert.equal(r.issues.length, 2);
    assert.throws(
      () => parseProgressRecords({ nope: 1 }),
      (e: McError) => e.code === 'schema',
    );
  });
});

describe('computeProgress', () => {
  const lit = pathway({
    allOf: [A(1), { achievement: A(2), prerequisites: [A(1)] }, A(3), { achievement: A(4), optional: true }],
  });

  it('nothing held: not started, next steps are the unblocked requirements in order', () => {
    const p = computeProgress(lit, [], [], { now: NOW });
    assert.equal(p.complete, false);
    assert.equal(p.done, 0);
    assert.equal(p.required, 3);
    assert.equal(p.root.state, 'not-started');
    assert.deepEqual(
      p.nextSteps.map((s) => s.requirement.id),
      [A(1), A(3)],
      'A(2) waits for its prerequisite; the optional A(4) is not a step',
    );
    assert.deepEqual(p.byId.get(A(2))!.blockedBy, [A(1)]);
  });

  it('matches by achievement id; k of n; prerequisites unlock', () => {
    const p = computeProgress(lit, [cred(A(1))], [], { now: NOW });
    assert.equal(p.done, 1);
    assert.equal(p.byId.get(A(1))!.state, 'earned');
    assert.ok(p.byId.get(A(1))!.credential);
    assert.deepEqual(p.byId.get(A(2))!.blockedBy, []);
    assert.deepEqual(
      p.nextSteps.map((s) => s.requirement.id),
      [A(2), A(3)],
    );
    assert.equal(p.percent, 33);
  });

  it('completes without the optional requirement; optional earned does not change k of n', () => {
    const p = computeProgress(lit, [cred(A(1)), cred(A(2)), cred(A(3))], [], { now: NOW });
    assert.equal(p.complete, true);
    assert.equal(p.percent, 100);
    assert.deepEqual(p.nextSteps, []);
    const q = computeProgress(lit, [cred(A(1)), cred(A(4))], [], { now: NOW });
    assert.equal(q.done, 1);
  });

  it('expired credentials do not count unless the pathway or requirement accepts them', () => {
    const expired = cred(A(1), { validUntil: '2026-01-01T00:00:00Z' });
    const p = computeProgress(lit, [expired], [], { now: NOW });
    assert.equal(p.byId.get(A(1))!.state, 'expired');
    assert.equal(p.byId.get(A(1))!.satisfied, false);
    assert.equal(p.nextSteps[0]!.requirement.id, A(1), 'renewing comes before starting something new');
    const accepted = computeProgress(
      pathway(
        lit.root.children.map((c) => c.id),
        { acceptExpired: true },
      ),
      [expired],
      [],
      { now: NOW },
    );
    assert.equal(accepted.byId.get(A(1))!.satisfied, true);
    assert.equal(accepted.byId.get(A(1))!.expiredAccepted, true);
    const perReq = computeProgress(
      pathway({ allOf: [{ achievement: A(1), acceptExpired: true }] }),
      [expired],
      [],
      { now: NOW },
    );
    assert.equal(perReq.complete, true);
    const notAtThatTime = computeProgress(lit, [expired], [], { now: new Date('2025-06-01T00:00:00Z') });
    assert.equal(notAtThatTime.byId.get(A(1))!.state, 'earned', 'judged at `now`');
  });

  it('a valid copy wins over an expired one; revoked never counts, even when expiry is accepted', () => {
    const p = computeProgress(lit, [cred(A(1), { validUntil: '2026-01-01T00:00:00Z' }), cred(A(1))], [], {
      now: NOW,
    });
    assert.equal(p.byId.get(A(1))!.state, 'earned');
    const revoked = computeProgress(
      pathway([A(1)], { acceptExpired: true }),
      [{ view: cred(A(1)), revoked: true }],
      [rec(A(1), 'earned')],
      { now: NOW },
    );
    assert.equal(revoked.byId.get(A(1))!.state, 'revoked');
    assert.equal(revoked.complete, false);
    const ob2Revoked = ob2(A(7));
    (ob2Revoked.source as Record<string, unknown>)['revoked'] = true;
    assert.equal(computeProgress(pathway([A(7)]), [ob2Revoked], [], { now: NOW }).complete, false);
  });

  it('not-yet-valid credentials do not count', () => {
    const future = cred(A(1), { validFrom: '2027-01-01T00:00:00Z' });
    assert.equal(computeProgress(lit, [future], [], { now: NOW }).byId.get(A(1))!.satisfied, false);
  });

  it('matches OB 2.0 badge class ids through alsoMatches', () => {
    const p = pathway({ allOf: [{ achievement: A(1), alsoMatches: ['https://old.example/badges/1'] }] });
    assert.equal(computeProgress(p, [ob2('https://old.example/badges/1')], [], { now: NOW }).complete, true);
    assert.equal(
      computeProgress(pathway([A(8)]), [ob2(A(8))], [], { now: NOW }).complete,
      true,
      'or directly by id',
    );
  });

  it('matches by alignment only when the pathway says so', () => {
    const req = { allOf: [{ achievement: A(1), alignment: [{ targetCode: 'STD-6' }] }] };
    const aligned = cred(
      A('other'),
      {},
      {
        alignment: [
          { type: ['Alignment'], targetName: 'Std 6', targetUrl: 'https://s.example/6', targetCode: 'STD-6' },
        ],
      },
    );
    assert.equal(computeProgress(pathway(req), [aligned], [], { now: NOW }).complete, false);
    assert.equal(
      computeProgress(pathway(req, { matchAlignments: true }), [aligned], [], { now: NOW }).complete,
      true,
    );
  });

  it('opens CLR records and matches the credentials inside', () => {
    const clr = normalizeCredential({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      ],
      id: 'urn:uuid:clr',
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: 'https://x.example/i', type: ['Profile'], name: 'X' },
      validFrom: '2025-01-01T00:00:00Z',
      name: 'Record',
      credentialSubject: {
        type: ['ClrSubject'],
        verifiableCredential: [cred(A(1)).source as object],
      },
    });
    assert.equal(computeProgress(lit, [clr], [], { now: NOW }).byId.get(A(1))!.state, 'earned');
  });

  it('record states: in progress, submitted, in review, returned, earned (trusted unless requireCredential)', () => {
    const records = [
      rec(A(1), 'earned'),
      rec(A(2), 'returned', { feedback: { comment: 'Add samples', criteria: [] } }),
      rec(A(3), 'in-review', { expected: new Date('2026-04-01') }),
    ];
    const p = computeProgress(lit, [], records, { now: NOW });
    assert.equal(p.byId.get(A(1))!.state, 'earned');
    assert.equal(p.byId.get(A(2))!.state, 'returned');
    assert.equal(p.byId.get(A(3))!.state, 'in-review');
    assert.deepEqual(
      p.nextSteps.map((s) => s.state),
      ['returned'],
    );
    assert.deepEqual(
      p.waiting.map((s) => s.requirement.id),
      [A(3)],
    );
    const strict = computeProgress(lit, [], records, { now: NOW, requireCredential: true });
    assert.equal(strict.byId.get(A(1))!.state, 'not-started');
  });

  it('the newest record wins; a credential beats any record', () => {
    const records = [
      rec(A(1), 'in-progress', { updated: new Date('2026-03-10'), percent: 50 }),
      rec(A(1), 'submitted', { updated: new Date('2026-03-12') }),
      rec(A(1), 'in-progress', { updated: new Date('2026-03-01') }),
    ];
    assert.equal(computeProgress(lit, [], records, { now: NOW }).byId.get(A(1))!.state, 'submitted');
    assert.equal(computeProgress(lit, [cred(A(1))], records, { now: NOW }).byId.get(A(1))!.state, 'earned');
  });

  it('n-of: counts k of n, caps at n, and offers every unmet elective', () => {
    const p = pathway({ allOf: [A(1), { id: 'electives', nOf: 2, of: [A(2), A(3), A(4)] }] });
    const one = computeProgress(p, [cred(A(3))], [], { now: NOW });
    const electives = one.byId.get('electives')!;
    assert.equal(electives.done, 1);
    assert.equal(electives.required, 2);
    assert.equal(electives.state, 'in-progress');
    assert.deepEqual(
      one.nextSteps.map((s) => s.requirement.id),
      [A(1), A(2), A(4)],
    );
    const three = computeProgress(p, [cred(A(1)), cred(A(2)), cred(A(3)), cred(A(4))], [], { now: NOW });
    assert.equal(three.byId.get('electives')!.done, 2);
    assert.equal(three.complete, true);
  });

  it('nested groups: a sub-stack credential satisfies its whole group; blocked groups block their children', () => {
    const p = pathway({
      allOf: [
        A(1),
        { id: 'sub', achievement: A('sub'), allOf: [A(2), A(3)], prerequisites: [A(1)] },
        { nOf: 1, of: [{ allOf: [A(4), A(5)] }, A(6)] },
      ],
    });
    const fresh = computeProgress(p, [], [], { now: NOW });
    assert.deepEqual(
      fresh.nextSteps.map((s) => s.requirement.id),
      [A(1), A(4), A(5), A(6)],
    );
    const sub = computeProgress(p, [cred(A('sub'))], [], { now: NOW });
    assert.equal(sub.byId.get('sub')!.satisfied, true);
    assert.equal(sub.done, 1);
    const nested = computeProgress(p, [cred(A(1)), cred(A(2)), cred(A(3)), cred(A(4)), cred(A(5))], [], {
      now: NOW,
    });
    assert.equal(nested.complete, true);
  });

  it('holding the stack credential completes the stack', () => {
    const p = pathway({ allOf: [A(1), A(2)] }, { achievement: A('stack') });
    const r = computeProgress(p, [cred(A('stack'))], [], { now: NOW });
    assert.equal(r.complete, true);
    assert.ok(r.stackCredential);
    assert.equal(r.percent, 100);
    assert.deepEqual(r.nextSteps, []);
  });

  it('outside prerequisites are met by a held credential', () => {
    const p = pathway({ allOf: [{ achievement: A(1), prerequisites: [A('outside')] }] });
    assert.deepEqual(computeProgress(p, [], [], { now: NOW }).nextSteps, []);
    assert.equal(computeProgress(p, [cred(A('outside'))], [], { now: NOW }).nextSteps.length, 1);
  });

  it('empty groups are met; junk in the inputs is ignored', () => {
    const p = pathway({ allOf: [] });
    assert.equal(computeProgress(p, [], [], { now: NOW }).complete, true);
    const junk = [null, 42, 'x', {}] as unknown as CredentialView[];
    const junkRecords = [null, { state: 'earned' }] as unknown as ProgressRecord[];
    assert.equal(computeProgress(lit, junk, junkRecords, { now: NOW }).done, 0);
  });

  it('the same achievement in two branches is satisfied by one credential in both', () => {
    const p = pathway({ allOf: [A(1), { nOf: 1, of: [A(1), A(2)] }] });
    assert.equal(computeProgress(p, [cred(A(1))], [], { now: NOW }).complete, true);
  });
});

describe('fetchPathway / fetchProgress', () => {
  const serve =
    (body: unknown): typeof fetch =>
    async () =>
      new Response(JSON.stringify(body));
  it('fetches a pathway (fragment picks a catalog stack) and records', async () => {
    const p = await fetchPathway(`https://x.example/catalog.json#${encodeURIComponent(STACKS.digital)}`, {
      fetch: serve(lakesideCatalogFeed),
    });
    assert.equal(p.name, 'Digital Learning Coach');
    const records = await fetchProgress('https://x.example/progress', {
      fetch: serve({ records: [{ achievement: A(1), state: 'submitted' }] }),
    });
    assert.equal(records[0]!.state, 'submitted');
    await assert.rejects(
      fetchProgress('https://x.example/p', { fetch: async () => new Response('nope') }),
      (e: McError) => e.code === 'invalid-json',
    );
  });
});

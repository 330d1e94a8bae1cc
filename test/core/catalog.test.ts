// Catalog feeds: JSON feed (validation per field, per entry), CSV (RFC 4180 parser and column
// mapping), CTDL JSON-LD (mapped and unmapped properties), search (accents, facets, sort), fetch.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CatalogIndex,
  McError,
  durationMinutes,
  fetchCatalog,
  foldText,
  normalizeCredential,
  parseCatalog,
  parseCatalogCsv,
  parseCatalogCtdl,
  parseCsv,
  toIsoDuration,
} from '@microcred/core';
import {
  catalogEntries,
  generateCatalogFeed,
  lakesideCatalogCsv,
  lakesideCatalogFeed,
  lakesideCtdl,
  STACKS,
} from '../../stories/fixtures/catalog.js';

const rejects = (fn: () => unknown, code: string): void =>
  assert.throws(fn, (e: unknown) => e instanceof McError && e.code === code);

describe('catalog feed (JSON)', () => {
  const catalog = parseCatalog(lakesideCatalogFeed);

  it('reads every entry with its micro-credential facts', () => {
    assert.equal(catalog.source, 'json');
    assert.equal(catalog.entries.length, catalogEntries.length);
    assert.deepEqual(catalog.issues, []);
    const writing = catalog.entries.find((e) => e.name === 'Writing Workshop')!;
    assert.equal(writing.effort, 'PT15H');
    assert.equal(writing.effortMinutes, 900);
    assert.equal(writing.format, 'cohort');
    assert.deepEqual(writing.registration?.opens, new Date('2026-02-01'));
    assert.equal(writing.registration?.seats, 25);
    assert.equal(writing.registration?.cost, 'Free');
    assert.deepEqual(writing.subjects, ['Literacy', 'English language arts']);
    assert.deepEqual(writing.gradeBands, ['3–5', '6–8']);
    assert.deepEqual(writing.stacks, [STACKS.literacy]);
    assert.equal(writing.requiredEvidence[0]!.kind, 'lesson-plan');
    assert.equal(writing.skills.length, 2);
    assert.equal(writing.issuer?.name, 'Lakeside Unified School District');
    assert.equal(catalog.publisher?.name, 'Lakeside Unified School District');
    assert.equal(catalog.stacks.length, 3);
  });

  it('keeps the achievement for the card, which shows it in catalog mode with registration', () => {
    const view = normalizeCredential(catalog.entries[1]!.achievement);
    assert.equal(view.kind, 'achievement');
    assert.equal(
      view.registration?.url,
      'https://learn.lakeside-usd.example/register/foundations-of-reading',
    );
  });

  it('accepts a bare array and the entries/items aliases', () => {
    assert.equal(parseCatalog(catalogEntries).entries.length, catalogEntries.length);
    assert.equal(parseCatalog({ items: catalogEntries.slice(0, 2) }).entries.length, 2);
    assert.equal(parseCatalog(JSON.stringify({ entries: catalogEntries.slice(0, 3) })).entries.length, 3);
  });

  it('skips entries without id or name, and duplicates, with an issue each', () => {
    const c = parseCatalog([
      { name: 'No id' },
      { id: 'urn:x:1' },
      { id: 'urn:x:2', name: 'Two' },
      { id: 'urn:x:2', name: 'Dup' },
      42,
    ]);
    assert.deepEqual(
      c.entries.map((e) => e.name),
      ['Two'],
    );
    assert.equal(c.issues.length, 4);
    assert.match(c.issues[3]!.message, /duplicate/);
  });

  it('drops only the bad field: effort, format, registration, seats, evidence', () => {
    const c = parseCatalog([
      {
        id: 'urn:x:1',
        name: 'Bad fields',
        effort: 'ten hours',
        format: 'in-person',
        registration: { url: 'javascript:alert(1)' },
        requiredEvidence: 'not a list',
        subjects: 'Science',
      },
      { id: 'urn:x:2', name: 'Bad seats', registration: { seats: -1, url: 'https://x.example/r' } },
    ]);
    const [a, b] = c.entries;
    assert.equal(a!.effort, undefined);
    assert.equal(a!.format, undefined);
    assert.equal(a!.registration, undefined);
    assert.equal(a!.achievement['registration'], undefined, 'the card never sees an unsafe registration');
    assert.deepEqual(a!.requiredEvidence, []);
    assert.deepEqual(a!.subjects, ['Science'], 'a single string is a one-item list');
    assert.equal(b!.registration, undefined);
    assert.ok(c.issues.some((i) => i.path === 'achievements[0].effort'));
    assert.ok(c.issues.some((i) => i.path === 'achievements[0].format'));
    assert.ok(c.issues.some((i) => i.path === 'achievements[1].registration'));
  });

  it('strips control characters and trims text', () => {
    const c = parseCatalog([{ id: ' urn:x:1 ', name: '  Bell\u0007 name ', subjects: [' Math ', 'Math'] }]);
    assert.equal(c.entries[0]!.id, 'urn:x:1');
    assert.equal(c.entries[0]!.name, 'Bell name');
    assert.deepEqual(c.entries[0]!.subjects, ['Math']);
  });

  it('throws typed errors for what is not a catalog', () => {
    rejects(() => parseCatalog('{"achievements": '), 'invalid-json');
    rejects(() => parseCatalog('   '), 'empty-input');
    rejects(() => parseCatalog({ hello: 'world' }), 'schema');
    rejects(() => parseCatalog(null), 'empty-input');
  });
});

describe('catalog feed language (WCAG 3.1.2: the language of parts)', () => {
  // Issue 13: issuer text "carries the language it is in — from the credential's or feed's
  // inLanguage, the chosen related translation, or the feed's default".
  const entry = (id: string, extra: Record<string, unknown> = {}) => ({
    id: `https://lakeside.example/a/${id}`,
    type: ['Achievement'],
    name: id,
    ...extra,
  });
  it("an entry without inLanguage takes the feed's; one with its own keeps it", () => {
    const c = parseCatalog({
      inLanguage: 'en',
      achievements: [entry('reading'), entry('lectura', { inLanguage: 'es' })],
    });
    assert.deepEqual(
      c.entries.map((e) => e.language),
      ['en', 'es'],
    );
  });
  it('no language anywhere stays unknown (never the page language); a hostile feed inLanguage is ignored', () => {
    assert.equal(parseCatalog({ achievements: [entry('reading')] }).entries[0]!.language, undefined);
    for (const inLanguage of [42, { en: true }, ['en'], '', null])
      assert.equal(
        parseCatalog({ inLanguage, achievements: [entry('reading')] }).entries[0]!.language,
        undefined,
      );
  });
});

describe('ISO 8601 durations', () => {
  it('converts to minutes', () => {
    assert.equal(durationMinutes('PT10H'), 600);
    assert.equal(durationMinutes('PT1H30M'), 90);
    assert.equal(durationMinutes('P1D'), 1440);
    assert.equal(durationMinutes('P1W'), 10080);
    assert.equal(durationMinutes('PT1,5H'), 90);
    assert.equal(durationMinutes('P'), undefined);
    assert.equal(durationMinutes('PT'), undefined);
    assert.equal(durationMinutes('10 hours'), undefined);
  });
  it('reads spreadsheet words', () => {
    assert.equal(toIsoDuration('10 hours'), 'PT10H');
    assert.equal(toIsoDuration('90 min'), 'PT90M');
    assert.equal(toIsoDuration('2 días'), 'P2D');
    assert.equal(toIsoDuration('1,5 h'), 'PT1.5H');
    assert.equal(toIsoDuration('pt3h'), 'PT3H');
  });
});

describe('CSV', () => {
  it('parses RFC 4180: quotes, escaped quotes, line breaks in quotes, CRLF, BOM, blank lines', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n1,"two, three","say ""hi"""\r\n\r\n"multi\nline",,x\n');
    assert.deepEqual(rows, [
      ['a', 'b', 'c'],
      ['1', 'two, three', 'say "hi"'],
      ['multi\nline', '', 'x'],
    ]);
  });
  it('detects semicolon and tab delimiters (spreadsheets in Spanish locales)', () => {
    assert.deepEqual(parseCsv('a;b\n"1;2";3'), [
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    assert.deepEqual(parseCsv('a\tb\n1\t2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('survives an unterminated quote and a missing final newline', () => {
    assert.deepEqual(parseCsv('a,b\n1,"open'), [
      ['a', 'b'],
      ['1', 'open'],
    ]);
  });
  it('maps the documented columns', () => {
    const c = parseCatalog(lakesideCatalogCsv);
    assert.equal(c.source, 'csv');
    assert.equal(c.entries.length, 3);
    const [reading, writing, bilingue] = c.entries;
    assert.equal(reading!.effort, 'PT10H');
    assert.deepEqual(reading!.gradeBands, ['K–2', '3–5']);
    assert.deepEqual(reading!.requiredEvidence, [
      { name: 'Video of a phonics routine', kind: 'video' },
      { name: 'Reflection', kind: 'reflection' },
    ]);
    assert.deepEqual(reading!.skills, [{ name: 'Literacy instruction', code: 'LTGF-2.1' }]);
    assert.equal(writing!.description, 'Mini-lessons, conferring and "peer feedback".');
    assert.equal(writing!.registration?.seats, 25);
    assert.equal(writing!.requiredEvidence[0]!.kind, 'lesson-plan');
    assert.equal(bilingue!.name, 'Educación bilingüe en el aula');
    assert.equal(bilingue!.language, 'es');
    assert.equal(bilingue!.achievementType, 'MicroCredential');
    assert.deepEqual(c.unmapped, []);
  });
  it('accepts aliases in any case and reports unknown columns', () => {
    const c = parseCatalogCsv('Title,ID,Grade Band,Hours,Favourite colour\nReading,urn:x:1,K–2,3,blue\n');
    assert.equal(c.entries[0]!.name, 'Reading');
    assert.equal(c.entries[0]!.effort, 'PT3H');
    assert.deepEqual(c.entries[0]!.gradeBands, ['K–2']);
    assert.deepEqual(c.unmapped, ['favourite_colour']);
  });
  it('rejects a CSV without id and name columns; skips rows without them', () => {
    rejects(() => parseCatalogCsv('name,effort\nX,PT1H'), 'schema');
    const c = parseCatalogCsv('id,name\nurn:x:1,\n,Nameless\nurn:x:3,Good');
    assert.equal(c.entries.length, 1);
    assert.equal(c.issues.length, 2);
    assert.equal(c.issues[0]!.path, 'row 2');
  });
  it('is detected from text that does not start like JSON', () => {
    assert.equal(parseCatalog('id,name\nurn:x:1,One').source, 'csv');
  });
});

describe('CTDL JSON-LD', () => {
  const c = parseCatalog(lakesideCtdl);
  it('maps credentials and uses the owner organisation', () => {
    assert.equal(c.source, 'ctdl');
    assert.equal(c.entries.length, 2);
    const [reading, leader] = c.entries;
    assert.equal(reading!.name, 'Foundations of Reading');
    assert.equal(reading!.achievementType, 'MicroCredential');
    assert.equal(reading!.effort, 'PT10H');
    assert.equal(reading!.registration?.cost, 'Free');
    assert.deepEqual(reading!.subjects, ['Literacy']);
    assert.deepEqual(reading!.audience, ['Teacher']);
    assert.equal(reading!.format, 'self-paced');
    assert.equal(reading!.issuer?.name, 'Lakeside Unified School District');
    assert.equal(leader!.achievementType, 'Certificate');
    assert.equal(leader!.effortMinutes, 2400);
  });
  it('reports what does not map', () => {
    assert.deepEqual(c.unmapped, ['ceterms:naics', 'ceterms:occupationType']);
  });
  it('accepts a single node and rejects a graph without credentials', () => {
    const one = parseCatalogCtdl({
      '@id': 'https://x.example/c/1',
      '@type': 'ceterms:Badge',
      'ceterms:name': 'One',
    });
    assert.equal(one.entries[0]!.achievementType, 'Badge');
    rejects(() => parseCatalogCtdl({ '@graph': [{ '@type': 'ceterms:CredentialOrganization' }] }), 'schema');
  });
});

describe('search', () => {
  const index = new CatalogIndex(parseCatalog(lakesideCatalogFeed).entries);
  it('folds accents and case', () => {
    assert.equal(foldText('  Educación  BILINGÜE '), 'educacion bilingue');
    assert.deepEqual(
      index.search({ text: 'educacion' }).entries.map((e) => e.name),
      ['Educación bilingüe en el aula'],
    );
    assert.equal(index.search({ text: 'EDUCACIÓN bilingue' }).entries.length, 1);
  });
  it('requires every word, and matches subjects, skills and descriptions', () => {
    assert.deepEqual(
      index.search({ text: 'phonics reading' }).entries.map((e) => e.name),
      ['Foundations of Reading'],
    );
    assert.ok(index.search({ text: 'ltgf-3.2' }).entries.some((e) => e.name === 'Data-Informed Instruction'));
  });
  it('counts facets with the other facets applied (a click gives exactly that count)', () => {
    const r = index.search({ filters: { subject: ['Technology'] } });
    const tech = r.facets.subject.find((f) => f.value === 'Technology')!;
    assert.equal(tech.count, r.entries.length);
    const literacy = r.facets.subject.find((f) => f.value === 'Literacy')!;
    const either = index.search({ filters: { subject: ['Technology', 'Literacy'] } });
    assert.equal(either.entries.length, tech.count + literacy.count - 0, 'no entry has both');
    for (const f of r.facets.format) {
      const narrowed = index.search({ filters: { subject: ['Technology'], format: [f.value] } });
      assert.equal(narrowed.entries.length, f.count, `format ${f.value}`);
    }
  });
  it('filters by effort range and stack, and keeps selected values with 0 results', () => {
    const r = index.search({ filters: { effort: ['under-5h'], stack: [STACKS.digital] } });
    assert.deepEqual(
      r.entries.map((e) => e.name),
      ['Digital Citizenship'],
    );
    const none = index.search({ text: 'zzz', filters: { format: ['cohort'] } });
    assert.equal(none.entries.length, 0);
    assert.deepEqual(none.facets.format, [{ value: 'cohort', count: 0 }]);
  });
  it('sorts by name, effort and newest', () => {
    const names = index.search({ sort: 'name' }).entries.map((e) => e.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
    );
    const effort = index.search({ sort: 'effort' }).entries.map((e) => e.effortMinutes ?? Infinity);
    assert.deepEqual(
      effort,
      [...effort].sort((a, b) => a - b),
    );
    assert.equal(index.search({ sort: 'newest' }).entries[0]!.name, 'Co-Teaching for Inclusion');
  });
  it('filters 1,000 entries quickly (no timing assertion; a smoke check of scale)', () => {
    const big = new CatalogIndex(parseCatalog(generateCatalogFeed(1000)).entries);
    assert.equal(big.entries.length, 1000);
    const r = big.search({ text: 'educacion', filters: { format: ['cohort'] } });
    assert.ok(r.entries.length > 0);
    assert.ok(r.entries.every((e) => e.format === 'cohort'));
  });
});

describe('fetchCatalog', () => {
  const respond =
    (body: string, init: ResponseInit = {}): typeof fetch =>
    async () =>
      new Response(body, init);
  it('parses JSON, and CSV by content type', async () => {
    const json = await fetchCatalog('https://x.example/c.json', {
      fetch: respond(JSON.stringify(lakesideCatalogFeed)),
    });
    assert.equal(json.entries.length, catalogEntries.length);
    const csv = await fetchCatalog('https://x.example/c', {
      fetch: respond(lakesideCatalogCsv, { headers: { 'content-type': 'text/csv; charset=utf-8' } }),
    });
    assert.equal(csv.source, 'csv');
  });
  it('sends Accept and maps HTTP, network and abort failures to typed errors', async () => {
    let accept = '';
    await fetchCatalog('https://x.example/c.json', {
      fetch: async (_url, init) => {
        accept = new Headers(init?.headers).get('accept') ?? '';
        return new Response('[]');
      },
    });
    assert.match(accept, /application\/json/);
    await assert.rejects(
      fetchCatalog('https://x.example/c', { fetch: respond('', { status: 404 }) }),
      (e: McError) => e.code === 'http',
    );
    await assert.rejects(
      fetchCatalog('https://x.example/c', {
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
      (e: McError) => e.code === 'network',
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      fetchCatalog('https://x.example/c', { signal: controller.signal }),
      (e: McError) => e.code === 'aborted',
    );
    await assert.rejects(fetchCatalog('ftp://x.example/c'), (e: McError) => e.code === 'unsupported-format');
  });
});

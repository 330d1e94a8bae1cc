// No catastrophic regular expressions on input (issue 11 item 10). Each case feeds the public
// function the "pumping" input that made the old pattern backtrack exponentially or quadratically,
// at a size where the old pattern needed many seconds (measured on this 2-core machine with the
// patterns as they were; the figure is in each case's name), and checks both the answer and that it
// came back within LIMIT_MS. The bound is deliberately generous (1 s for work that now takes a few
// milliseconds and used to take 10 s or more): it is a guard against a regression to a superlinear
// pattern, not a benchmark, so a busy machine cannot make it flaky.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  bakeSvg,
  createClient,
  isSvg,
  McError,
  normalizeCredential,
  parseCatalogCsv,
  parseCsv,
  parseLinkHeader,
  unbake,
  unbakeSvg,
  verifyCredential,
} from '@microcred/core';
import { base64UrlDecode } from '../../packages/core/src/verify/encoding.js';

/** Generous bound per case (see the header): the old patterns needed 10 s to minutes here. */
const LIMIT_MS = 1000;

/** Runs `fn`, asserts it finished within {@link LIMIT_MS}, and returns its result. */
function fast<T>(fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  assert.ok(ms < LIMIT_MS, `took ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms): superlinear again?`);
  return result;
}
async function fastAsync<T>(fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  assert.ok(ms < LIMIT_MS, `took ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms): superlinear again?`);
  return result;
}

const unbakeError = (e: unknown): boolean => e instanceof McError && e.code === 'unbake';
const NS3 = 'https://purl.imsglobal.org/ob/v3p0';
const CREDENTIAL = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] };

describe('isSvg: linear on comments (the issue: <!----> ×28 + x froze the tab 5.3 s, doubling per comment)', () => {
  // The old pattern (<!--[\s\S]*?-->\s*)* could split a run of comments 2^n ways: 24 comments took
  // 0.1 s here, so 40 would take about two hours.
  const comments = '<!---->'.repeat(40);

  it('40 empty comments and no <svg>: false, at once', () => {
    assert.equal(
      fast(() => isSvg(`${comments}x`)),
      false,
    );
  });

  it('40 empty comments then <svg>: true, at once', () => {
    assert.equal(
      fast(() => isSvg(`${comments}<svg xmlns="http://www.w3.org/2000/svg"></svg>`)),
      true,
    );
  });

  it('a long unterminated comment (1 MB): false, at once', () => {
    assert.equal(
      fast(() => isSvg(`<!--${'<!-- -'.repeat(200_000)}`)),
      false,
    );
  });

  it('verifyCredential on the same text starting with "<": fails the format check (unbake), at once', async () => {
    const report = await fastAsync(() =>
      verifyCredential(`${comments}x`, {
        now: new Date('2026-01-01T00:00:00Z'),
        fetch: () => Promise.reject(new Error('no network in this test')),
      }),
    );
    assert.equal(report.verified, false);
    assert.equal(report.checks[0]?.code, 'unbake');
  });

  it('unbake() of the same text as bytes: "neither a PNG nor an SVG", at once', async () => {
    await assert.rejects(
      fastAsync(() => unbake(new TextEncoder().encode(`${comments}x`))),
      unbakeError,
    );
  });

  it('still knows real prologs: XML declaration, comments, DOCTYPE with an internal subset, BOM, upper case', () => {
    assert.equal(isSvg('\uFEFF<?xml version="1.0"?>\n<!-- a -->\n<svg/>'), true);
    assert.equal(isSvg('<svgx>'), false);
    assert.equal(isSvg('\uFEFF<?xml version="1.0"?>\n<!-- a -->\n<svg width="1"></svg>'), true);
    assert.equal(
      isSvg(
        '<?xml version="1.0"?><!-- Generator: x --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [ <!ENTITY ns "x"> ]>\n<!-- b --><svg>',
      ),
      true,
    );
    assert.equal(isSvg('  <SVG>'), true);
    assert.equal(isSvg('<!-- <svg> -->'), false, 'an <svg> inside a comment is not the root');
    assert.equal(isSvg('<html><svg></svg></html>'), false);
    assert.equal(isSvg('{"<svg>": 1}'), false);
  });
});

describe('SVG unbaking and baking: linear on unterminated tags, CDATA and comments', () => {
  it('<openbadges:credential ×30,000 without ">" (old: about 30 s): a damaged-badge error, at once', () => {
    const svg = `<svg xmlns:openbadges="${NS3}">${'<openbadges:credential '.repeat(30_000)}`;
    fast(() => assert.throws(() => unbakeSvg(svg), unbakeError));
  });

  it('<![CDATA[ ×60,000 never closed inside the badge element (old: about 10 s): an error, at once', () => {
    const svg = `<svg><openbadges:credential>${'<![CDATA['.repeat(60_000)}</openbadges:credential></svg>`;
    fast(() => assert.throws(() => unbakeSvg(svg), unbakeError));
  });

  it('<!-- ×60,000 never closed inside the badge element (old: about 14 s): an error, at once', () => {
    const svg = `<svg><openbadges:credential>${'<!--'.repeat(60_000)}</openbadges:credential></svg>`;
    fast(() => assert.throws(() => unbakeSvg(svg), unbakeError));
  });

  it('a huge numeric character reference is an unbake error, not a RangeError', () => {
    const svg = `<svg><openbadges:credential verify="&#x110000;&#99999999999;"></openbadges:credential></svg>`;
    assert.throws(() => unbakeSvg(svg), unbakeError);
  });

  it('entities are decoded once (&#x26;lt; is "&lt;", not "<")', () => {
    const svg = `<svg><openbadges:credential verify="a&#x26;lt;b&amp;amp;c&#65;"/></svg>`;
    assert.equal(unbakeSvg(svg)?.text, 'a&lt;b&amp;cA');
  });

  it('verify="…" is read as an attribute, not found inside another attribute\'s value', () => {
    const svg = `<svg><openbadges:credential data-x=" verify='wrong'" verify="right"/></svg>`;
    assert.equal(unbakeSvg(svg)?.text, 'right');
  });

  it('bakeSvg over <openbadges:credential ×30,000 left unclosed (old: about 20 s): bakes, and the result unbakes', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<openbadges:credential'.repeat(30_000)}</svg>`;
    const baked = fast(() => bakeSvg(svg, CREDENTIAL));
    assert.deepEqual(JSON.parse(unbakeSvg(baked)!.text), CREDENTIAL);
  });

  it('bakeSvg replaces an existing baked element (self-closing and paired)', () => {
    const svg = `<svg><openbadges:credential verify="old"/><openbadges:assertion>x</openbadges:assertion><g/></svg>`;
    const baked = bakeSvg(svg, 'a.b.c');
    assert.equal(
      baked.match(/openbadges:(credential|assertion)\b/g)?.length,
      2,
      'one new element (open + close)',
    );
    assert.equal(unbakeSvg(baked)?.text, 'a.b.c');
    assert.ok(baked.includes('<g/>'));
  });

  it('bakeSvg on <svg ×60,000 with no ">" (old: about 18 s): "not an SVG image", at once', () => {
    fast(() => assert.throws(() => bakeSvg('<svg '.repeat(60_000), CREDENTIAL), unbakeError));
  });
});

describe('CSV catalog: linear on long cells (the issue: a 141 KB skills cell froze the page 4.1 s)', () => {
  const csv = (column: string, cell: string): string =>
    `id,name,${column}\nhttps://example.org/a/1,One,"${cell.replace(/"/g, '""')}"\n`;

  it('skills: "(http://" ×40,000 (320 KB; old: about 2 s at 20,000 and four times that per doubling) is one skill, at once', () => {
    const cell = '(http://'.repeat(40_000);
    const catalog = fast(() => parseCatalogCsv(csv('skills', cell)));
    assert.equal(catalog.entries[0]?.skills.length, 1);
    assert.equal(catalog.entries[0]?.skills[0]?.name, cell);
    assert.equal(catalog.entries[0]?.skills[0]?.url, undefined);
  });

  it('skills: a 141 KB name of spaces before its URL (old: about 25 s): name and URL, at once', () => {
    const cell = `Reading${' '.repeat(141_000)}words (https://example.org/s/1)`;
    const catalog = fast(() => parseCatalogCsv(csv('skills', cell)));
    const skill = catalog.entries[0]?.skills[0];
    assert.equal(skill?.url, 'https://example.org/s/1');
    assert.ok(skill?.name.startsWith('Reading') && skill.name.endsWith('words'));
  });

  it('skills: "CODE:" then 100,000 spaces and line breaks (old: about 50 s): name kept, at once', () => {
    const cell = `RL.1:${' '.repeat(100_000)}\rx\ry`;
    const catalog = fast(() => parseCatalogCsv(csv('skills', cell)));
    assert.equal(catalog.entries[0]?.skills.length, 1);
  });

  it('evidence: "video:" then 100,000 spaces and line breaks (old: about 50 s): read, at once', () => {
    const cell = `video:${' '.repeat(100_000)}\rx\ry`;
    const catalog = fast(() => parseCatalogCsv(csv('evidence', cell)));
    assert.equal(catalog.entries[0]?.requiredEvidence.length, 1);
    assert.equal(catalog.entries[0]?.requiredEvidence[0]?.kind, 'video');
  });

  it('parseCsv: an unquoted cell of 40,000 spaces, a letter and 40,000 quotes (old: about 6 s): one cell, at once', () => {
    const cell = `${' '.repeat(40_000)}x${'"'.repeat(40_000)}`;
    const rows = fast(() => parseCsv(`a,b\n${cell},y\n`));
    assert.deepEqual(rows[1], [cell, 'y']);
  });

  it('still reads skills, codes and evidence kinds as before', () => {
    const catalog = parseCatalogCsv(
      'id,name,skills,evidence\nhttps://example.org/a/1,One,"RL.1: Key ideas (https://example.org/s/1); Plain","video: A lesson; Student work: Essays; Notes"\n',
    );
    const e = catalog.entries[0]!;
    assert.deepEqual(e.skills, [
      { name: 'Key ideas', url: 'https://example.org/s/1', code: 'RL.1' },
      { name: 'Plain' },
    ]);
    assert.deepEqual(e.requiredEvidence, [
      { name: 'A lesson', kind: 'video' },
      { name: 'Essays', kind: 'student-work' },
      { name: 'Notes' },
    ]);
  });
});

describe('normaliser, client and encodings: linear on runs', () => {
  it('a description of 150,000 spaces before a word (old: about 20 s): the word, at once', () => {
    const view = fast(() =>
      normalizeCredential({
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: 'https://example.org/issuer', type: ['Profile'], name: 'Issuer' },
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement: {
            id: 'https://example.org/a/1',
            type: ['Achievement'],
            name: 'One',
            description: `${' '.repeat(150_000)}word`,
            criteria: { narrative: 'Do it.' },
          },
        },
      }),
    );
    assert.equal(view.description, 'word');
  });

  it('a Link header of 60,000 "<" (old: about 3 s): no links, at once', () => {
    assert.deepEqual(
      fast(() => parseLinkHeader('<'.repeat(60_000), 'https://example.org/')),
      {},
    );
  });

  it('base64url with 60,000 "=" inside (old: about 4 s): malformed, at once', () => {
    assert.equal(
      fast(() => base64UrlDecode(`${'='.repeat(60_000)}x`)),
      undefined,
    );
    assert.deepEqual(base64UrlDecode('AQI='), Uint8Array.from([1, 2]));
  });

  it('an API base URL with 60,000 slashes inside (old: about 4 s): accepted, at once', () => {
    const client = fast(() => createClient({ baseUrl: `https://example.org/${'/'.repeat(60_000)}x//` }));
    assert.ok(client.baseUrl?.endsWith('/x'));
  });
});

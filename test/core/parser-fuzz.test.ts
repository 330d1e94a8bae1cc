// A bounded fuzz pass over the parsers (issue 11, "Tests: … a fuzz pass"): seeded, deterministic
// mutations of real inputs — a baked PNG and SVGs from ../shared/vectors, a JSON credential and a
// compact JWS from there, and a CSV catalog, a JSON catalog feed and a CTDL graph written below —
// fed to the public parsers. A case fails when a parser throws anything but a typed `McError`, or
// when its work is over the budget: BUDGET_MS_PER_KB (16 ms, a frame) per KB of input, with a
// floor of BUDGET_FLOOR_MS (250 ms) so a small input on a busy 2-core machine, or the first call
// of a code path, cannot fail it. The budget is generous on purpose: a quadratic parser on the
// pumped inputs below (up to 256 KB) takes seconds, linear ones take milliseconds.
// The whole file runs a few hundred cases in a few seconds. On a failure the message gives the
// target, the case number and the seed, so `SEED=… node --import tsx --test …` replays it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  bakeSvg,
  isSvg,
  McError,
  normalizeCredential,
  parseCatalog,
  parseCredentialInput,
  unbake,
  unbakePng,
  unbakeSvg,
} from '@microcred/core';
import { OB20, OB30, vectorPath } from './helpers/vectors.js';
import { prng as rng } from './helpers/prng.js';

const SEED = Number(process.env['SEED'] ?? 0x11c0ffee);
const BUDGET_MS_PER_KB = 16;
const BUDGET_FLOOR_MS = 250;
/** Largest mutated input (pumps stop growing here): big enough that a quadratic scan blows the budget. */
const MAX_SIZE = 256 * 1024;

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)]!;

/** Tokens that parsers split on or scan for, inserted and pumped by the mutator. */
const TOKENS = [
  '<', '>', '/>', '<!--', '-->', '<![CDATA[', ']]>', '<?xml ?>', '<!DOCTYPE svg [', '<svg ', '<svg>',
  '<openbadges:credential ', '</openbadges:credential>', 'verify="', "'", '"', '""', '&#x', '&#x110000;',
  '&#99999999;', '&amp;', '{', '}', '[', ']', ':', ',', ';', '|', '\n', '\r', '\r\n', '\t', ' ', '\u2028',
  '\uFEFF', '\u0000', '(http://', '(https://a)', 'https://', '=', '==', '.', '-', '_', 'eyJ', '\\u0000',
  '\\"', '1e999', '-0', 'null', 'true', '"@context"', '"type"', '"id"', '"@graph"', '"ceterms:price"',
  '"ceterms:currency":"US$"', 'P1DT', 'PT', '#', '?', '%', 'é', '\uD800', '💥', '<!---->', '(http://',
  '<openbadges:credential', '<openbadges:assertion ', 'xmlns:openbadges="', 'video:', 'RL.1:',
]; // prettier-ignore

/** One seeded mutation of `text`: 1–4 edits (flip, insert, delete, truncate, pump a slice or token). */
function mutate(r: Rand, text: string): string {
  let s = text;
  for (let edits = 1 + int(r, 4); edits > 0; edits--) {
    // Often at the very start or end, where parsers look first (prologs, headers, padding).
    const where = r();
    const at = where < 0.15 ? 0 : where < 0.3 ? s.length : int(r, s.length + 1);
    switch (int(r, 8)) {
      case 0: // replace one code unit
        s = s.slice(0, at) + String.fromCharCode(int(r, 0x3000)) + s.slice(at + 1);
        break;
      case 1: // insert a token
        s = s.slice(0, at) + pick(r, TOKENS) + s.slice(at);
        break;
      case 2: // delete a range
        s = s.slice(0, at) + s.slice(at + 1 + int(r, 64));
        break;
      case 3: // truncate
        s = s.slice(0, at);
        break;
      case 4: // duplicate a slice of the input
        s = s.slice(0, at) + s.slice(int(r, s.length), at) + s.slice(at);
        break;
      default: {
        // pump: one or two tokens or a short slice, repeated up to MAX_SIZE
        const unit =
          r() < 0.7
            ? pick(r, TOKENS) + (r() < 0.3 ? pick(r, TOKENS) : '')
            : s.slice(at, at + 1 + int(r, 12)) || 'a';
        const times = Math.max(1, Math.floor((MAX_SIZE - s.length) / unit.length / (1 + int(r, 4))));
        s = s.slice(0, at) + unit.repeat(times) + s.slice(at);
      }
    }
  }
  return s.length > MAX_SIZE * 2 ? s.slice(0, MAX_SIZE * 2) : s;
}

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);
const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The chunks of a PNG (type and data), for mutations that keep lengths and CRCs right. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    out.push({ type: latin1(png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}
function png(list: { type: string; data: Uint8Array }[]): Uint8Array {
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const { type, data } of list) {
    const c = new Uint8Array(12 + data.length);
    const view = new DataView(c.buffer);
    view.setUint32(0, data.length);
    c.set(bytesOf(type), 4);
    c.set(data, 8);
    view.setUint32(8 + data.length, crc32(c.subarray(4, 8 + data.length)));
    parts.push(c);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A mutated PNG: half the time a raw mutation of the bytes, otherwise one chunk's data mutated
 * (the badge's `iTXt`/`tEXt` chunk most often) with its length and CRC made right again, so the
 * reader gets past the chunk framing into the text.
 */
function mutatePng(r: Rand, seed: Uint8Array): Uint8Array {
  if (r() < 0.4) return bytesOf(mutate(r, latin1(seed)));
  const list = chunks(seed);
  const text = list.findIndex((c) => c.type === 'iTXt' || c.type === 'tEXt');
  const i = text >= 0 && r() < 0.7 ? text : int(r, list.length);
  const target = list[i]!;
  list[i] = {
    type: r() < 0.1 ? pick(r, ['iTXt', 'tEXt', 'IEND']) : target.type,
    data: bytesOf(mutate(r, latin1(target.data))),
  };
  if (r() < 0.2)
    list.splice(int(r, list.length), 0, {
      type: pick(r, ['iTXt', 'tEXt']),
      data: bytesOf(mutate(r, 'openbadges\0\0\0\0\0{}')),
    });
  return png(list);
}

/** What a target does with one input (returns or throws). */
type Target = (input: string | Uint8Array) => unknown;

/** Credential pipeline: parse, then normalise (what the card does with pasted or fetched text). */
const credentialPipeline: Target = (input) => normalizeCredential(parseCredentialInput(input).document);

/** Runs `target` on `input`; throws (failing the test) on a non-McError or on a blown budget. */
async function check(name: string, n: number, target: Target, input: string | Uint8Array): Promise<void> {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  const budget = Math.max(BUDGET_FLOOR_MS, (BUDGET_MS_PER_KB * size) / 1024);
  const start = performance.now();
  try {
    await target(input);
  } catch (e) {
    if (!(e instanceof McError)) {
      const sample = typeof input === 'string' ? JSON.stringify(input.slice(0, 200)) : `${size} bytes`;
      assert.fail(`${name} case ${n} (seed ${SEED}): ${String(e)}\n  input: ${sample}`);
    }
  }
  const ms = performance.now() - start;
  assert.ok(
    ms <= budget,
    `${name} case ${n} (seed ${SEED}): ${ms.toFixed(0)} ms for ${(size / 1024).toFixed(1)} KB (budget ${budget.toFixed(0)} ms)`,
  );
}

/** Runs `cases` mutations of each seed through `target` (the seed itself first, as a warm-up). */
async function fuzz<T extends string | Uint8Array>(
  name: string,
  seeds: T[],
  cases: number,
  mutator: (r: Rand, seed: T) => T,
  target: Target,
  salt: number,
): Promise<void> {
  const r = rng(SEED ^ salt);
  for (const seed of seeds) await check(`${name} (seed input)`, 0, target, seed);
  for (let n = 1; n <= cases; n++) await check(name, n, target, mutator(r, pick(r, seeds)));
}
const mutateText = (r: Rand, s: string): string => mutate(r, s);

// ---- seed inputs -------------------------------------------------------------------------------

const read = (rel: string): string => readFileSync(vectorPath(rel), 'utf8');
const PNG_SEEDS = [
  new Uint8Array(readFileSync(vectorPath(`${OB20}/simple-badge.png`))),
  new Uint8Array(readFileSync(vectorPath(`${OB30}/simple-json.png`))),
];
const SVG_SEEDS = [
  read(`${OB30}/simple-json.svg`),
  read(`${OB30}/simple-jwt.svg`),
  read('openbadges-bakery/test/baked.svg'),
];
const JSON_SEEDS = [read(`${OB30}/simple.json`), read(`${OB30}/complete.json`)].filter(Boolean);
const JWS_SEEDS = [read(`${OB30}/simple.jwt`).trim(), read(`${OB20}/simple.jwt`).trim()];

/** A CSV catalog written for this test (every mapped column, quoted cells, a CRLF row). */
const CSV_SEED = [
  'id,name,description,effort,format,subjects,grade_bands,stacks,registration_url,registration_opens,registration_closes,cost,seats,evidence,skills,language,image,issuer_name,issuer_url',
  'https://fuzz.example/a/1,Reading Routines,"Build ""daily"" routines.\nTwo lines.",10 hours,self-paced,Literacy;ELA,K-2|3-5,https://fuzz.example/s/1,https://fuzz.example/r/1,2026-01-01,2026-02-01,$25,30,"video: A lesson; Student work: Essays","RL.1: Key ideas (https://fuzz.example/std/1); Plain skill",en,https://fuzz.example/i.png,Fuzz USD,https://fuzz.example',
  'https://fuzz.example/a/2,Números,Descripción,PT90M,cohort,Math,6-8,,,,,Free,,reflection: Notes,,es,,,\r',
].join('\n');

/** A CTDL graph written for this test (an organisation, two credentials, a cost, competencies). */
const CTDL_SEED = JSON.stringify({
  '@context': 'https://credreg.net/ctdl/schema/context/json',
  '@graph': [
    { '@id': 'https://fuzz.example/org', '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { en: 'Fuzz Org' } },
    {
      '@id': 'https://fuzz.example/c/1', '@type': 'ceterms:MicroCredential', 'ceterms:ctid': 'ce-1',
      'ceterms:name': { 'en-US': 'One', es: 'Uno' }, 'ceterms:description': { en: 'First.' },
      'ceterms:ownedBy': ['https://fuzz.example/org'],
      'ceterms:estimatedDuration': [{ 'ceterms:exactDuration': 'PT10H' }],
      'ceterms:estimatedCost': [{ 'ceterms:price': 25, 'ceterms:currency': 'USD' }],
      'ceterms:audienceType': [{ 'ceterms:targetNodeName': { en: 'audience:Teacher' } }],
      'ceterms:learningDeliveryType': [{ 'ceterms:targetNodeName': { en: 'deliveryType:OnlineOnly' } }],
      'ceterms:targetCompetency': [{ 'ceterms:targetNodeName': { en: 'Reading' }, 'ceterms:targetNode': 'https://fuzz.example/k' }],
      'ceterms:keyword': [{ en: ['a', 'b'] }], 'ceterms:isPartOf': [{ '@id': 'https://fuzz.example/s' }],
    },
    { '@id': 'https://fuzz.example/c/2', '@type': 'ceterms:Badge', 'ceterms:name': 'Two', 'ceterms:requires': [{ 'ceterms:description': 'Do it.' }] },
  ],
}); // prettier-ignore

/** A JSON catalog feed written for this test. */
const FEED_SEED = JSON.stringify({
  type: 'CatalogFeed',
  name: 'Fuzz',
  stacks: [{ id: 'https://fuzz.example/s/1', name: 'S', achievements: ['https://fuzz.example/a/1'] }],
  achievements: [
    {
      id: 'https://fuzz.example/a/1', type: ['Achievement'], name: 'One', effort: 'P1DT2H', format: 'blended',
      registration: { url: 'https://fuzz.example/r', opens: '2026-01-01', closes: '2026-02-01', cost: '$5', seats: 3 },
      requiredEvidence: ['x', { name: 'y', kind: 'Lesson Plan' }], subjects: ['A'], alignment: [{ targetName: 'K', targetUrl: 'https://fuzz.example/k' }],
    },
  ],
}); // prettier-ignore

// ---- the pass ----------------------------------------------------------------------------------

describe(`parser fuzz pass (seed ${SEED}; ${BUDGET_MS_PER_KB} ms per KB, floor ${BUDGET_FLOOR_MS} ms)`, () => {
  // Found by this pass: a chunk whose keyword ran ~120 KB before its NUL threw RangeError
  // (String.fromCharCode spread) instead of an McError; png.ts now reads keywords of 1-79 bytes only.
  it('PNG: unbake() and unbakePng() on 60 mutated baked PNGs', async () => {
    await fuzz('unbakePng', PNG_SEEDS, 30, mutatePng, (b) => unbakePng(b as Uint8Array), 1);
    await fuzz('unbake(png)', PNG_SEEDS, 30, mutatePng, (b) => unbake(b), 2);
  });

  it('SVG: isSvg, unbakeSvg, unbake() and bakeSvg on 120 mutated baked SVGs', async () => {
    await fuzz('isSvg', SVG_SEEDS, 30, mutateText, (s) => isSvg(s as string), 3);
    await fuzz('unbakeSvg', SVG_SEEDS, 40, mutateText, (s) => unbakeSvg(s as string), 4);
    await fuzz(
      'unbake(svg bytes)',
      SVG_SEEDS,
      20,
      mutateText,
      (s) => unbake(new TextEncoder().encode(s as string)),
      5,
    );
    await fuzz('bakeSvg', SVG_SEEDS, 30, mutateText, (s) => bakeSvg(s as string, { id: 'urn:x' }), 6);
  });

  it('JSON credentials: parseCredentialInput + normalizeCredential on 60 mutations', async () => {
    await fuzz('credential JSON', JSON_SEEDS, 60, mutateText, credentialPipeline, 7);
  });

  it('JWS credentials: parseCredentialInput + normalizeCredential on 50 mutations', async () => {
    await fuzz('credential JWS', JWS_SEEDS, 50, mutateText, credentialPipeline, 8);
  });

  it('catalogs: parseCatalog on 60 CSV, 50 CTDL and 40 JSON feed mutations', async () => {
    await fuzz('catalog CSV', [CSV_SEED], 60, mutateText, (s) => parseCatalog(s), 9);
    await fuzz('catalog CTDL', [CTDL_SEED], 50, mutateText, (s) => parseCatalog(s), 10);
    await fuzz('catalog feed', [FEED_SEED], 40, mutateText, (s) => parseCatalog(s), 11);
  });
});

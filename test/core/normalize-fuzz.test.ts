// Fuzz: a few hundred seeded random mutations of real vectors (JSON-level and text-level).
// normalizeCredential must either return a well-formed view or throw an McError — nothing else.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, normalizeCredential } from '@microcred/core';
import type { CredentialView } from '@microcred/core';
import { CLR20, OB20, OB30, readText } from './helpers/vectors.js';
import { prng } from './helpers/prng.js';

const NASTY: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1e308,
  NaN,
  true,
  '',
  ' ',
  'javascript:alert(1)',
  'data:text/html,<b>',
  '\u0000\u0007\u009f',
  '<script>alert(1)</script>',
  '9999-99-99',
  [],
  [[]],
  {},
  { id: 'javascript:x' },
  { '@value': 'v' },
  'https://ok.example/',
  'x'.repeat(1000),
];

function mutate(value: unknown, rnd: () => number): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  if (Array.isArray(value)) {
    if (value.length && rnd() < 0.3) return value.map((x) => (rnd() < 0.3 ? mutate(x, rnd) : x));
    return rnd() < 0.5 ? (value[0] ?? pick(NASTY)) : pick(NASTY);
  }
  if (value && typeof value === 'object') {
    const o = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(o);
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n && keys.length; i++) {
      const k = pick(keys);
      const r = rnd();
      if (r < 0.2) delete o[k];
      else if (r < 0.5) o[k] = pick(NASTY);
      else if (r < 0.7) o[k] = [o[k], pick(NASTY)];
      else o[k] = mutate(o[k], rnd);
    }
    return o;
  }
  return pick(NASTY);
}

function mutateText(text: string, rnd: () => number): string {
  const i = Math.floor(rnd() * text.length);
  const r = rnd();
  if (r < 0.3) return text.slice(0, i);
  if (r < 0.6) return text.slice(0, i) + String.fromCharCode(Math.floor(rnd() * 0x300)) + text.slice(i + 1);
  return text.slice(0, i) + text.slice(i + Math.floor(rnd() * 20));
}

function checkView(v: CredentialView): void {
  assert.equal(typeof v.name, 'string');
  assert.ok(v.name.length > 0);
  for (const k of [
    'alignments',
    'tags',
    'evidence',
    'results',
    'resultDescriptions',
    'endorsements',
    'credentials',
    'associations',
  ] as const) {
    assert.ok(Array.isArray(v[k]));
  }
  for (const d of [v.issued, v.validFrom, v.validUntil, v.awarded])
    if (d) assert.ok(!Number.isNaN(d.getTime()));
  const urls = JSON.stringify({ ...v, source: undefined, jws: undefined }).match(/"url":"[^"]*"/g) ?? [];
  for (const u of urls)
    assert.match(u, /^"url":"(https?:\/\/|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,])/i);
}

const SEEDS = [
  `${OB30}/complete.json`,
  `obv3-examples/ref/full_ex.json`,
  `${CLR20}/complex.json`,
  `${OB20}/assertion-with-endorsements.json`,
];

describe('normalize fuzz', () => {
  for (const file of SEEDS) {
    it(`survives 150 structural and 50 textual mutations of ${file.split('/').pop()}`, () => {
      const text = readText(file);
      const base = JSON.parse(text) as unknown;
      const rnd = prng(0xc0ffee ^ file.length);
      let ok = 0;
      let errors = 0;
      for (let i = 0; i < 200; i++) {
        let input: unknown = i < 150 ? base : text;
        if (i < 150) for (let m = 0; m < 1 + (i % 4); m++) input = mutate(input, rnd);
        else input = mutateText(text, rnd);
        try {
          checkView(normalizeCredential(input));
          ok++;
        } catch (e) {
          if (e instanceof assert.AssertionError) throw e;
          assert.ok(e instanceof McError, `mutation ${i} threw a non-McError: ${String(e)}`);
          errors++;
        }
      }
      assert.equal(ok + errors, 200);
      assert.ok(ok > 50, `most structural mutations should still display (${ok})`);
    });
  }
});

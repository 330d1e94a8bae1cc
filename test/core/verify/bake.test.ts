/** Baked images: reading OB 3.0 / 2.0 PNG and SVG vectors, and baking round trips (UTF-8 safe). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bakePng, bakeSvg, unbake, unbakePng, unbakeSvg, verifyCredential } from '@microcred/core';
import {
  NOW,
  OB20,
  OB30,
  fragmentKeyDocs,
  offlineFetch,
  vectorBytes,
  vectorJson,
  vectorText,
} from './harness.js';

describe('unbake', () => {
  it('OB 3.0 PNG (iTXt openbadgecredential, JSON) and SVG (openbadges:credential, CDATA)', async () => {
    const png = await unbakePng(vectorBytes(`${OB30}/simple-json.png`));
    assert.equal(png?.source, 'openbadgecredential');
    assert.ok(png?.text.startsWith('{'));
    const svg = unbakeSvg(vectorText(`${OB30}/simple-json.svg`));
    assert.equal(svg?.source, 'openbadges:credential');
    assert.ok(svg?.text.startsWith('{'));
  });
  it('OB 3.0 PNG and SVG holding a VC-JWT', async () => {
    assert.match((await unbake(vectorBytes(`${OB30}/simple-jwt.png`)))!.text, /^eyJ/);
    assert.match((await unbake(vectorText(`${OB30}/simple-jwt.svg`)))!.text, /^eyJ/);
  });
  it('OB 2.0 PNG (iTXt openbadges) and legacy SVG (openbadges:assertion)', async () => {
    const png = await unbake(vectorBytes(`${OB20}/simple-badge.png`));
    assert.equal(png?.source, 'openbadges');
    const svg = await unbake(vectorText('openbadges-bakery/test/baked.svg'));
    assert.equal(svg?.source, 'openbadges:assertion');
    const noJson = await unbake(vectorText('openbadges-bakery/test/no-json.svg'));
    assert.match(noJson!.text, /^https?:/);
  });
  it('unbaked images carry nothing; malformed JSON is read as text and then fails to parse', async () => {
    assert.equal(await unbake(vectorBytes('openbadges-bakery/test/unbaked.png')), undefined);
    assert.equal(await unbake(vectorText('openbadges-bakery/test/unbaked.svg')), undefined);
    const r = await verifyCredential(vectorBytes('openbadges-bakery/test/bad-json.svg'), {
      now: NOW,
      fetch: offlineFetch(),
    });
    assert.equal(r.checks[0]?.outcome, 'failed');
  });
  it('verifies a baked PNG and SVG end to end', async () => {
    for (const f of ['simple-json.png', 'simple-json.svg']) {
      const text = (await unbake(vectorBytes(`${OB30}/${f}`)))!.text;
      const r = await verifyCredential(vectorBytes(`${OB30}/${f}`), {
        now: NOW,
        fetch: offlineFetch(fragmentKeyDocs(JSON.parse(text) as Record<string, unknown>)),
      });
      assert.equal(
        r.checks.find((c) => c.id === 'proof')?.outcome,
        'passed',
        `${f}: ${JSON.stringify(r.checks)}`,
      );
    }
  });
});

describe('bake', () => {
  const credential = { ...vectorJson(`${OB30}/simple.json`), name: 'Insignia de Español — niño 🎓' };
  it('bakePng → unbakePng round trip keeps UTF-8', async () => {
    const baked = bakePng(vectorBytes('openbadges-bakery/test/unbaked.png'), credential);
    const out = await unbakePng(baked);
    assert.equal(out?.source, 'openbadgecredential');
    assert.equal((JSON.parse(out!.text) as { name: string }).name, 'Insignia de Español — niño 🎓');
    const again = await unbakePng(bakePng(baked, 'eyJhbGciOiJFZERTQSJ9.e30.sig'));
    assert.equal(again?.text, 'eyJhbGciOiJFZERTQSJ9.e30.sig', 'baking twice replaces the old chunk');
  });
  it('bakeSvg → unbakeSvg round trip (JSON in CDATA, JWS in verify)', () => {
    const svg = vectorText('openbadges-bakery/test/unbaked.svg');
    const baked = bakeSvg(svg, { ...credential, description: 'contains ]]> inside' });
    assert.equal(
      (JSON.parse(unbakeSvg(baked)!.text) as { description: string }).description,
      'contains ]]> inside',
    );
    const jws = bakeSvg(svg, 'eyJhbGciOiJFZERTQSJ9.e30.sig');
    assert.equal(unbakeSvg(jws)?.text, 'eyJhbGciOiJFZERTQSJ9.e30.sig');
  });
  it('rejects non-images', () => {
    assert.throws(() => bakePng(new Uint8Array([1, 2, 3]), {}), { code: 'unbake' });
    assert.throws(() => bakeSvg('<html></html>', {}), { code: 'unbake' });
  });
});

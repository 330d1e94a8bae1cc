// A wallet import given a presentation keeps the credentials it holds, each on its own (issue 14:
// "The verify button, the wallet import and the card accept a presentation and show its
// credentials"). VC Data Model 2.0 §4.13: "verifiableCredential … The value MUST be one or more
// verifiable credential objects or enveloped verifiable credentials".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { importCredentials } from '@microcred/core';
import { presentationItems } from '@microcred/core/wallet/presentation-items.js';
import { OB20, OB30, readJson, readText } from './helpers/vectors.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
/** An unsigned compact JWS around `payload` (the wallet reads, it does not verify at import). */
const jwt = (payload: unknown, typ = 'JWT'): string =>
  `${b64url({ alg: 'ES256', typ })}.${b64url(payload)}.c2ln`;

const OB3 = readJson(`${OB30}/complete.json`);
const OB2_JWS = readText(`${OB20}/simple.jwt`).trim();
const vp = (held: unknown): Record<string, unknown> => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiablePresentation'],
  holder: 'did:example:holder',
  verifiableCredential: held,
});
const text = (t: string) => ({ kind: 'text', text: t }) as const;

describe('wallet import: a presentation gives its credentials', () => {
  it('a JSON presentation with a credential object and a compact JWS: both imported, labelled by position', async () => {
    const results = await importCredentials([text(JSON.stringify(vp([OB3, OB2_JWS])))], { now: NOW });
    assert.deepEqual(
      results.map((r) => [r.label, r.status]),
      [
        ['text #1', 'imported'],
        ['text #2', 'imported'],
      ],
    );
    assert.equal(
      results[0]!.record!.summary.name,
      (await importCredentials([text(JSON.stringify(OB3))]))[0]!.name,
    );
  });

  it('a VP-JWT (vp claim), a vp+jwt whose payload is the presentation, and an enveloped presentation', async () => {
    for (const input of [
      jwt({ iss: 'did:example:holder', vp: vp([OB3]) }),
      jwt(vp([OB3]), 'vp+jwt'),
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: 'EnvelopedVerifiablePresentation',
        id: `data:application/vp+jwt,${jwt(vp([OB3]), 'vp+jwt')}`,
      }),
    ]) {
      const results = await importCredentials([text(input)], { now: NOW });
      assert.deepEqual(
        results.map((r) => r.status),
        ['imported'],
        input.slice(0, 40),
      );
    }
  });

  it('an enveloped vc+jwt held by the presentation is opened to the credential inside', async () => {
    const enveloped = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${jwt(OB3, 'vc+jwt')}`,
    };
    const [result, ...more] = await importCredentials([text(JSON.stringify(vp([enveloped])))], { now: NOW });
    assert.equal(more.length, 0);
    assert.equal(result!.status, 'imported');
  });

  it('the same credential twice in one presentation is a duplicate the second time', async () => {
    const results = await importCredentials([text(JSON.stringify(vp([OB3, OB3])))], { now: NOW });
    assert.deepEqual(
      results.map((r) => r.status),
      ['imported', 'duplicate'],
    );
  });

  it('a presentation holding nothing is said to be a presentation (nothing imported); a presentation inside a presentation is not opened again', async () => {
    const empty = await importCredentials([text(JSON.stringify(vp([])))], { now: NOW });
    assert.equal(empty.length, 1);
    assert.notEqual(empty[0]!.status, 'imported');
    assert.match(empty[0]!.message ?? '', /presentation/);
    const nested = await importCredentials([text(JSON.stringify(vp([vp([OB3])])))], { now: NOW });
    assert.equal(nested.length, 1);
    assert.notEqual(nested[0]!.status, 'imported');
  });

  it('presentationItems: at most 20 credentials; hostile values give undefined, never a throw', () => {
    assert.equal(presentationItems(vp(Array.from({ length: 50 }, () => OB3)))!.length, 20);
    for (const v of [
      null,
      42,
      '',
      'a.b.c',
      'data:application/vp+jwt,@@',
      { type: 'EnvelopedVerifiablePresentation' },
      [],
    ])
      assert.equal(presentationItems(v), undefined, JSON.stringify(v));
  });
});

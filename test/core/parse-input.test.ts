// parseCredentialInput: objects, JSON text, compact JWS (VC-JWT and OB 2.0 signed), bytes, and
// hostile input (empty, huge, deep, garbage) answered with the right McError code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, isCompactJws, parseCredentialInput } from '@microcred/core';
import { CLR20, OB20, OB30, readText } from './helpers/vectors.js';

const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const jwsOf = (payload: unknown, header: unknown = { alg: 'RS256' }): string =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.c2ln`;

describe('parseCredentialInput: accepted inputs', () => {
  it('a plain object is returned as the document', () => {
    const doc = { type: 'Assertion' };
    assert.equal(parseCredentialInput(doc).document, doc);
  });

  it('JSON text, with a byte-order mark and surrounding whitespace', () => {
    assert.deepEqual(parseCredentialInput('\uFEFF  {"name":"x"}\n').document, { name: 'x' });
  });

  it('UTF-8 bytes as Uint8Array and ArrayBuffer decode non-ASCII correctly (no mojibake)', () => {
    const bytes = new TextEncoder().encode('{"name":"Insignia fantástica — ñ"}');
    assert.equal(parseCredentialInput(bytes).document['name'], 'Insignia fantástica — ñ');
    assert.equal(parseCredentialInput(bytes.buffer).document['name'], 'Insignia fantástica — ñ');
  });

  it('an OB 2.0 signed assertion (JWS) yields the payload itself', () => {
    const text = readText(`${OB20}/simple.jwt`);
    const r = parseCredentialInput(text);
    assert.equal(r.document['type'], 'Assertion');
    assert.equal(r.jws, text.trim());
  });

  it('a VC-JWT with a `vc` claim yields the credential (1EdTech ob30/simple.jwt)', () => {
    const r = parseCredentialInput(readText(`${OB30}/simple.jwt`));
    assert.ok(Array.isArray(r.document['type']));
    assert.ok((r.document['type'] as string[]).includes('OpenBadgeCredential'));
  });

  it('a CLR VC-JWT from bytes', () => {
    const r = parseCredentialInput(new TextEncoder().encode(readText(`${CLR20}/simple.jwt`)));
    assert.ok((r.document['type'] as string[]).includes('ClrCredential'));
    assert.ok(r.jws);
  });

  it('fills iss, jti, nbf, exp and sub into a VCDM 1.1 `vc` claim when absent', () => {
    const r = parseCredentialInput(
      jwsOf({
        iss: 'https://issuer.example',
        jti: 'urn:uuid:1',
        nbf: 1262304000,
        exp: 1893456000,
        sub: 'did:example:learner',
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential'],
          credentialSubject: {},
        },
      }),
    );
    assert.equal(r.document['issuer'], 'https://issuer.example');
    assert.equal(r.document['id'], 'urn:uuid:1');
    assert.equal(r.document['issuanceDate'], '2010-01-01T00:00:00Z');
    assert.equal(r.document['expirationDate'], '2030-01-01T00:00:00Z');
    assert.deepEqual(r.document['credentialSubject'], { id: 'did:example:learner' });
  });

  it('uses validFrom/validUntil for a VCDM 2.0 `vc` claim and keeps values already present', () => {
    const r = parseCredentialInput(
      jwsOf({
        iss: 'https://other.example',
        nbf: 1262304000,
        exp: 1893456000,
        vc: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          issuer: { id: 'https://issuer.example', name: 'Issuer' },
          validFrom: '2011-01-01T00:00:00Z',
        },
      }),
    );
    assert.deepEqual(r.document['issuer'], { id: 'https://issuer.example', name: 'Issuer' });
    assert.equal(r.document['validFrom'], '2011-01-01T00:00:00Z');
    assert.equal(r.document['validUntil'], '2030-01-01T00:00:00Z');
  });

  it('isCompactJws tells JWS from JSON', () => {
    assert.equal(isCompactJws(readText(`${OB20}/simple.jwt`)), true);
    assert.equal(isCompactJws('{"a":1}'), false);
    assert.equal(isCompactJws('a.b'), false);
  });
});

describe('parseCredentialInput: hostile input', () => {
  const code = (input: unknown): string => {
    try {
      parseCredentialInput(input);
    } catch (e) {
      assert.ok(e instanceof McError, `expected McError, got ${String(e)}`);
      assert.ok(e.message.length > 10);
      return e.code;
    }
    return 'no error';
  };

  it('empty input', () => {
    for (const v of ['', '   \n', undefined, null, new Uint8Array(0), new ArrayBuffer(0)])
      assert.equal(code(v), 'empty-input');
  });

  it('invalid JSON says so in plain words', () => {
    assert.equal(code('{"name": '), 'invalid-json');
    assert.equal(code('<html>'), 'invalid-json');
    assert.throws(() => parseCredentialInput('{oops}'), /not valid JSON/);
  });

  it('bytes that are not UTF-8', () => {
    assert.equal(code(new Uint8Array([0xff, 0xfe, 0x7b, 0x80])), 'invalid-json');
  });

  it('invalid JWS: bad base64, payload not JSON, payload not an object, header not JSON', () => {
    assert.equal(code('eyJhbGciOiJSUzI1NiJ9.!!!!.sig'), 'invalid-json', 'not JWS-shaped at all');
    assert.equal(code(`${b64url('{"alg":"RS256"}')}.${b64url('not json')}.c2ln`), 'invalid-jws');
    assert.equal(code(`${b64url('{"alg":"RS256"}')}.${b64url('[1,2]')}.c2ln`), 'invalid-jws');
    assert.equal(code(`${b64url('nope')}.${b64url('{}')}.c2ln`), 'invalid-jws');
    assert.equal(code(`${b64url('{"alg":"RS256"}')}.A.c2ln`), 'invalid-jws');
  });

  it('too large: text and bytes over 2 MB', () => {
    const big = `{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    assert.equal(code(big), 'too-large');
    assert.equal(code(new TextEncoder().encode(big)), 'too-large');
  });

  it('too deep: JSON text, JWS payload and objects nested beyond 64 levels', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.equal(code(`{"a":${deep}}`), 'too-deep');
    assert.equal(code(jwsOf(JSON.parse(`{"a":${'['.repeat(80)}${']'.repeat(80)}}`))), 'too-deep');
    let o: Record<string, unknown> = {};
    const root = o;
    for (let i = 0; i < 100; i++) o = o['x'] = {};
    assert.equal(code(root), 'too-deep');
    assert.equal(code(`{"a":${'{"b":'.repeat(70)}1${'}'.repeat(70)}}`), 'too-deep');
  });

  it('a circular object is rejected instead of hanging', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    assert.equal(code(a), 'too-deep');
  });

  it('brackets inside strings do not count as nesting', () => {
    assert.doesNotThrow(() => parseCredentialInput(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`));
  });

  it('non-objects are not credentials', () => {
    for (const v of ['[1,2]', '42', '"text"', 'true', 'null', 42, true, [{}], () => 1, Symbol('x')]) {
      assert.equal(code(v), 'not-a-credential', String(typeof v));
    }
  });

  it('an object whose getters throw still yields an McError', () => {
    const evil = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    assert.ok(['invalid-json', 'not-a-credential'].includes(code(evil)));
  });
});

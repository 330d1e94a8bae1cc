// lookInside: what an input that is not one readable credential is (issue 14 §1, "Say what it is"):
// "An SD-JWT, a COSE/CBOR credential, an enveloped credential or a presentation must never be told
// 'This text is not valid JSON': recognise each and answer in words."
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { McFormatError, normalizeCredential } from '@microcred/core';
import { lookInside } from '@microcred/core/parse/look-inside.js';

const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8').trim();
/** The VC-JOSE-COSE specification's COSE_Sign1 example (hex) and its vc+jwt example, published vectors. */
const COSE_HEX = fixture('vc-jose-cose/credential-cose-spec-example.txt');
const VC_JWT = fixture('vc-jose-cose/credential-jose-bad-signature.txt');
/** The SD-JWT VC draft's presentation example (issuer JWT, disclosures, key binding JWT). */
const SD_JWT = fixture('sd-jwt-vc/figure-7-presentation.txt');

const code = (input: unknown): string | undefined => {
  const found = lookInside(input);
  return found instanceof McFormatError ? found.code : undefined;
};

describe('lookInside: says what a non-credential input is', () => {
  it('the inputs really are unreadable as one credential (what the element saw before asking)', () => {
    for (const input of [SD_JWT, COSE_HEX, Buffer.from(COSE_HEX, 'hex')])
      assert.throws(() => normalizeCredential(input));
  });

  it('a presentation, as an object, as JSON text and enveloped', () => {
    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] };
    assert.equal(code(vp), 'presentation');
    assert.equal(code(JSON.stringify(vp)), 'presentation');
    assert.equal(
      code({ type: 'EnvelopedVerifiablePresentation', id: 'data:application/vp+jwt,eyJ.eyJ.x' }),
      'presentation',
    );
    assert.equal(code('data:application/vp+jwt,eyJ.eyJ.x'), 'presentation');
  });

  it('an SD-JWT (issuer JWT ~ disclosures ~ key binding), bare or enveloped', () => {
    assert.equal(code(SD_JWT), 'sd-jwt');
    assert.equal(code(`  ${SD_JWT}\n`), 'sd-jwt');
    assert.equal(
      code({ type: ['EnvelopedVerifiableCredential'], id: `data:application/vc+sd-jwt,${SD_JWT}` }),
      'sd-jwt',
    );
  });

  it('COSE: bytes (tagged and untagged), hex as the spec prints it, base64, base64url, and enveloped', () => {
    const bytes = Buffer.from(COSE_HEX, 'hex');
    assert.equal(bytes[0], 0xd2, 'the spec example is a tagged COSE_Sign1 (tag 18)');
    assert.equal(code(new Uint8Array(bytes)), 'cose');
    assert.equal(code(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)), 'cose');
    assert.equal(code(new Uint8Array(bytes.subarray(1))), 'cose', 'untagged COSE_Sign1');
    assert.equal(code(COSE_HEX), 'cose');
    assert.equal(code(bytes.toString('base64')), 'cose');
    assert.equal(code(bytes.toString('base64url')), 'cose');
    assert.equal(code(bytes.subarray(1).toString('base64')), 'cose', 'untagged, base64');
    const url = `data:application/vc+cose;base64,${bytes.toString('base64')}`;
    assert.equal(code({ '@context': [], type: 'EnvelopedVerifiableCredential', id: url }), 'cose');
  });

  it('opens an enveloped vc+jwt: the credential inside is the JWT, as text or base64', () => {
    const env = { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${VC_JWT}` };
    assert.deepEqual(lookInside(env), { inner: VC_JWT });
    assert.deepEqual(lookInside(JSON.stringify(env)), { inner: VC_JWT });
    const b64 = `data:application/vc+jwt;base64,${Buffer.from(VC_JWT).toString('base64')}`;
    assert.deepEqual(lookInside(b64), { inner: VC_JWT });
    // … which the display model then reads (VC-JOSE-COSE: the payload is the credential itself).
    const view = normalizeCredential((lookInside(env) as { inner: string }).inner);
    assert.equal(view.kind, 'credential');
  });

  it('anything else is left to the original error (undefined)', () => {
    for (const input of [
      '{"name": broken',
      'hello',
      { type: 'Thing' },
      { type: 'EnvelopedVerifiableCredential' },
      { type: 'EnvelopedVerifiableCredential', id: 'https://example.org/c.jwt' },
      { type: 'EnvelopedVerifiableCredential', id: 'data:text/plain,hi' },
      'data:application/vc+jwt,%E0%A4%A', // bad percent-encoding
      'data:application/vc+jwt;base64,@@@', // not base64
      new Uint8Array([0xff, 0xfe, 0x00]),
      null,
      42,
      [],
    ])
      assert.equal(lookInside(input), undefined, String(input));
  });

  it('every answer is a typed McFormatError with an English message', () => {
    const found = lookInside(SD_JWT);
    assert.ok(found instanceof McFormatError);
    assert.match(found.message, /SD-JWT/);
  });
});

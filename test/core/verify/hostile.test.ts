/** Hostile input never throws and never hangs: it gives a failed or unknown check with a code. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
import { NOW, VCF, offlineFetch, vectorBytes, vectorJson, OB30 } from './harness.js';

const inputs: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['an array', [1, 2]],
  ['empty string', ''],
  ['garbage text', 'not json at all'],
  ['garbage bytes', new Uint8Array([0, 1, 2, 3, 255, 254, 7])],
  ['invalid UTF-8', new Uint8Array([0xc3, 0x28])],
  ['deep nesting', '['.repeat(100_000) + ']'.repeat(100_000)],
  ['deep object', JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60))],
  [
    'huge string',
    JSON.stringify({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      name: 'x'.repeat(3_000_000),
    }),
  ],
  ['a JWS of garbage', 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.'],
  ['wrong types', { '@context': 5, type: { a: 1 }, issuer: [1, 2], credentialSubject: 'me', proof: 'yes' }],
  [
    'proof of wrong shapes',
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'VerifiableCredential',
      issuer: 'did:key:z6Mk',
      credentialSubject: { id: 'x' },
      proof: [
        1,
        null,
        {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-rdfc-2022',
          proofPurpose: 'assertionMethod',
          proofValue: 'z' + '1'.repeat(5000),
          verificationMethod: 'did:key:z6Mkxx',
        },
      ],
    },
  ],
  [
    'cyclic-looking references',
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:a',
      type: ['VerifiableCredential'],
      issuer: { id: 'urn:a', parentOrg: { id: 'urn:a' } },
      credentialSubject: { id: 'urn:a' },
    },
  ],
  ['a truncated PNG', vectorBytes(`${OB30}/simple-json.png`).subarray(0, 200)],
  ['an SVG without a badge', '<svg xmlns="http://www.w3.org/2000/svg"></svg>'],
  ['a PNG signature only', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
];

describe('hostile input', () => {
  for (const [name, input] of inputs) {
    it(`${name} → a failed/unknown check, no exception`, async () => {
      const r = await verifyCredential(input, { now: NOW, fetch: offlineFetch() });
      assert.equal(r.verified, false);
      assert.ok(r.checks.length > 0);
      assert.ok(r.checks.some((c) => c.outcome === 'failed' || c.outcome === 'unknown'));
      for (const c of r.checks) {
        assert.equal(typeof c.code, 'string');
        assert.ok(c.message.length > 0);
      }
    });
  }
  it('a status list URL that is not https is not fetched', async () => {
    const doc = vectorJson(`${VCF}/v2/ed25519/didKey/legacy-noStatus-noExpiry.json`);
    const f = offlineFetch();
    doc['credentialStatus'] = {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '1',
      statusListCredential: 'file:///etc/passwd',
    };
    const r = await verifyCredential(doc, { now: NOW, fetch: f });
    assert.equal(f.requests.length, 0);
    assert.equal(r.verified, false);
  });
});

/**
 * Issue 14 §1: signed documents that verify but are not conforming Verifiable Credentials. Each
 * credential here is signed with a fresh key by the Digital Bazaar stack (without its own data-model
 * checks, which refuse several of them: fresh-signer.ts), so its proof is valid and only the
 * conformance check can fail.
 *
 * VC Data Model 2.0 section "Conformance": "A conforming verifier implementation … MUST produce errors
 * when non-conforming documents are detected."
 */
import { createHash } from 'node:crypto';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { badge } from './fresh-issuer.js';
import { freshSigner } from './fresh-signer.js';
import type { FreshSigner } from './fresh-signer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const get = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};

/** The resource a relatedResource points at, its bytes, and their digests. */
const RESOURCE = 'https://academy.example/rubric.json';
const BYTES = new TextEncoder().encode('{"rubric":"Observed in three lessons."}\n');
const sri = (alg: 'sha256' | 'sha384' | 'sha512', b: Uint8Array): string =>
  `${alg}-${createHash(alg).update(b).digest('base64')}`;
/** digestMultibase: multibase base64url-no-pad (`u`) of a sha2-256 multihash (0x12, 0x20, digest). */
const multibase256 = (b: Uint8Array): string =>
  `u${Buffer.concat([Buffer.from([0x12, 0x20]), createHash('sha256').update(b).digest()]).toString('base64url')}`;
/** A fetch that serves the resource's bytes (not JSON-wrapped) and 404 for anything else. */
const resourceFetch = (body: Uint8Array | number | Error): typeof fetch =>
  (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== RESOURCE) return new Response('not found', { status: 404 });
    if (body instanceof Error) throw body;
    if (typeof body === 'number') return new Response('gone', { status: body });
    return new Response(body as BodyInit, { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

describe('VC Data Model 2.0 MUSTs on signed credentials (issue 14 §1)', () => {
  let academy: FreshSigner;
  const verify = async (extra: Obj, fetchFn: typeof fetch = offlineFetch()): Promise<VerificationReport> =>
    verifyCredential(await academy.signUnchecked(badge(academy.did, extra)), { now: NOW, fetch: fetchFn });
  const assertSchemaError = (r: VerificationReport, pattern: RegExp): void => {
    assert.equal(get(r, 'proof').outcome, 'passed', `the proof must be valid: ${summary(r)}`);
    assert.deepEqual(get(r, 'schema'), { outcome: 'failed', code: 'schema-invalid' }, summary(r));
    assert.match(r.checks.find((c) => c.id === 'schema')!.message, pattern);
    assert.equal(r.verified, false);
  };

  before(async () => {
    academy = await freshSigner();
  });

  it('control: the same credential, conforming, verifies', async () => {
    const r = await verify({
      evidence: [{ id: 'https://academy.example/evidence/1', type: ['Evidence'], name: 'Lesson video' }],
      termsOfUse: { type: 'https://academy.example/vocab#Policy', id: 'https://academy.example/policy' },
      credentialSchema: [
        {
          id: 'https://academy.example/schemas/badge.json',
          type: 'JsonSchema',
        },
      ],
    });
    assert.equal(get(r, 'schema').outcome, 'passed', summary(r));
    assert.equal(r.verified, true, summary(r));
  });

  // section "Credential Subject": "The value of the credentialSubject property is a set of objects where
  // each object MUST be the subject of one or more claims, which MUST be serialized inside the
  // credentialSubject property."
  it('credentialSubject: {} (no claims) is an error', async () => {
    assertSchemaError(await verify({ credentialSubject: {} }), /credentialSubject/);
  });
  it('credentialSubject: an array holding an empty object is an error', async () => {
    const subject = (badge('did:example:x')['credentialSubject'] as Obj) ?? {};
    assertSchemaError(await verify({ credentialSubject: [subject, {}] }), /credentialSubject/);
  });

  // "Evidence": "Each object … MUST specify its type"; "Terms of Use": "Each termsOfUse value
  // MUST specify its type"; "Refreshing": "Each refreshService value MUST specify its type";
  // "Data Schemas": "Each credentialSchema MUST specify its type (for example, JsonSchema) and an
  // id property that MUST be a URL identifying the schema file."
  for (const [field, value] of [
    ['evidence', [{ id: 'https://academy.example/evidence/1', name: 'Lesson video' }]],
    ['termsOfUse', { id: 'https://academy.example/policy' }],
    ['refreshService', { id: 'https://academy.example/refresh/1' }],
    ['credentialSchema', { id: 'https://academy.example/schema.json' }],
  ] as const) {
    it(`${field} without type is an error`, async () => {
      assertSchemaError(await verify({ [field]: value }), new RegExp(`${field}.*type`));
    });
  }
  it('credentialSchema without id is an error', async () => {
    assertSchemaError(await verify({ credentialSchema: { type: 'JsonSchema' } }), /credentialSchema.*id/);
  });

  // section "Integrity of Related Resources": "The value of the relatedResource property MUST be one or
  // more objects of the following form: id … The value MUST be unique among the list of related
  // resource objects." and "Each object associated with relatedResource MUST contain at least a
  // digestSRI or a digestMultibase value."
  it('relatedResource that is not an object with an id is an error', async () => {
    assertSchemaError(await verify({ relatedResource: [RESOURCE] }), /relatedResource/);
    assertSchemaError(
      await verify({ relatedResource: [{ digestSRI: sri('sha384', BYTES) }] }),
      /relatedResource.*id/,
    );
  });
  it('relatedResource with duplicate ids is an error', async () => {
    const entry = { id: RESOURCE, digestSRI: sri('sha384', BYTES) };
    assertSchemaError(
      await verify({ relatedResource: [entry, entry] }, resourceFetch(BYTES)),
      /relatedResource.*(duplicate|more than once)/,
    );
  });
  it('relatedResource without a digest is an error', async () => {
    assertSchemaError(
      await verify({ relatedResource: [{ id: RESOURCE, mediaType: 'application/json' }] }),
      /relatedResource.*digest/,
    );
  });

  // "Integrity of Related Resources": if the digest of the retrieved resource does not match, "the conforming verifier
  // implementation MUST produce an error". Not fetched = not checked: unknown, never passed.
  describe('relatedResource digests are checked against the fetched bytes', () => {
    it('matching digestSRI (sha384) and digestMultibase (sha2-256) pass', async () => {
      const r = await verify(
        {
          relatedResource: [
            { id: RESOURCE, digestSRI: sri('sha384', BYTES), digestMultibase: multibase256(BYTES) },
          ],
        },
        resourceFetch(BYTES),
      );
      assert.equal(get(r, 'schema').outcome, 'passed', summary(r));
      assert.equal(r.verified, true, summary(r));
    });
    it('a digestSRI that does not match the resource is an error', async () => {
      const r = await verify(
        { relatedResource: [{ id: RESOURCE, digestSRI: sri('sha384', BYTES) }] },
        resourceFetch(new TextEncoder().encode('{"rubric":"changed"}\n')),
      );
      assert.equal(get(r, 'proof').outcome, 'passed', summary(r));
      assert.deepEqual(
        get(r, 'schema'),
        { outcome: 'failed', code: 'related-resource-mismatch' },
        summary(r),
      );
      assert.equal(r.verified, false);
    });
    it('a digestMultibase that does not match the resource is an error', async () => {
      const r = await verify(
        { relatedResource: [{ id: RESOURCE, digestMultibase: multibase256(new Uint8Array([1, 2, 3])) }] },
        resourceFetch(BYTES),
      );
      assert.deepEqual(
        get(r, 'schema'),
        { outcome: 'failed', code: 'related-resource-mismatch' },
        summary(r),
      );
    });
    it('binary resources are hashed as bytes, not as decoded text', async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80, 0xc3]);
      const r = await verify(
        { relatedResource: [{ id: RESOURCE, digestSRI: sri('sha256', png) }] },
        resourceFetch(png),
      );
      assert.equal(get(r, 'schema').outcome, 'passed', summary(r));
    });
    for (const [why, body] of [
      ['HTTP 404', 404],
      ['a network error', new TypeError('fetch failed')],
    ] as const) {
      it(`a resource that cannot be fetched (${why}) is unknown, never passed`, async () => {
        const r = await verify(
          { relatedResource: [{ id: RESOURCE, digestSRI: sri('sha384', BYTES) }] },
          resourceFetch(body),
        );
        assert.equal(get(r, 'proof').outcome, 'passed', summary(r));
        assert.deepEqual(
          get(r, 'schema'),
          { outcome: 'unknown', code: 'related-resource-unavailable' },
          summary(r),
        );
        assert.equal(r.verified, false);
      });
    }
  });
});

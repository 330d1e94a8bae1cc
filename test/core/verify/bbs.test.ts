/**
 * `bbs-2023` derived proofs (W3C Data Integrity BBS Cryptosuites v1.0): the specification's test
 * vectors (test/fixtures/vc-di-bbs, see SOURCE.md there), an Open Badge signed and derived with a
 * fresh BLS12-381 key by the Digital Bazaar implementation (bbs-2023-cryptosuite on
 * bls12-381-multikey), and mutations of what the holder presents that must all fail. BBS pairings
 * are slow in JavaScript: a dozen verifications in all, no timing assertions.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createDiscloseCryptosuite, createSignCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite';
import * as Bls12381Multikey from '@digitalbazaar/bls12-381-multikey';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { readCbor } from '../../../packages/core/src/verify/suites/sd-cbor.js';
import type { CborItem } from '../../../packages/core/src/verify/suites/sd-cbor.js';
import { NOW } from './harness.js';

type Obj = Record<string, unknown>;

const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};
const fixture = (name: string): Obj =>
  JSON.parse(readFileSync(new URL(`../../fixtures/vc-di-bbs/${name}`, import.meta.url), 'utf8')) as Obj;
const offline = (async () => new Response('not found', { status: 404 })) as typeof fetch;
const verify = (doc: Obj): Promise<VerificationReport> => verifyCredential(doc, { now: NOW, fetch: offline });
const proofOf = (doc: Obj): Obj => doc['proof'] as Obj;

/** The bytes of a `u…` proof value. */
const bytesOf = (doc: Obj): Uint8Array =>
  new Uint8Array(Buffer.from((proofOf(doc)['proofValue'] as string).slice(1), 'base64url'));
/** `doc` with the proof value replaced by `bytes`. */
function withBytes(doc: Obj, bytes: Uint8Array): Obj {
  const out = structuredClone(doc);
  proofOf(out)['proofValue'] = `u${Buffer.from(bytes).toString('base64url')}`;
  return out;
}

/** A copy of `bytes` with the byte at `at` changed. */
function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = out[at]! ^ 1;
  return out;
}

/** A CBOR encoder for the shapes of a proof value (for mutations that re-encode it). */
function encode(item: CborItem): number[] {
  const head = (major: number, n: number): number[] =>
    n < 24
      ? [(major << 5) | n]
      : n < 256
        ? [(major << 5) | 24, n]
        : n < 65536
          ? [(major << 5) | 25, n >> 8, n & 255]
          : [(major << 5) | 26, n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  if (typeof item === 'number') return head(0, item);
  if (item instanceof Uint8Array) return [...head(2, item.length), ...item];
  if (Array.isArray(item)) return [...head(4, item.length), ...item.flatMap(encode)];
  return [...head(5, item.size), ...[...item].flatMap(([k, v]) => [...encode(k), ...encode(v)])];
}
/** The derived proof's CBOR parts [bbsProof, labelMap, mandatoryIndexes, selectiveIndexes, ph]. */
const partsOf = (doc: Obj): CborItem[] => readCbor(bytesOf(doc), { i: 3 }) as CborItem[];
/** `doc` with its derived proof's CBOR parts changed by `change`. */
function reencode(doc: Obj, change: (parts: CborItem[]) => void): Obj {
  const parts = partsOf(doc);
  change(parts);
  return withBytes(doc, new Uint8Array([0xd9, 0x5d, 0x03, ...encode(parts)]));
}

describe('bbs-2023: the W3C vc-di-bbs test vectors', () => {
  it('the derived proof of the windsurf-racing credential is valid', async () => {
    const r = await verify(fixture('derivedRevealDocument.json'));
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
    // the vector names https://vc.example/windsurf/racecommittee as issuer but signs with a did:key
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-mismatch' });
  });
  it('its base proof is refused: it is for the holder, and verifiers check derived proofs', async () => {
    // parseDerivedProofValue: "If the decodedProofValue starts with the header bytes 0xd9, 0x5d, and
    // 0x03, set featureOption to "baseline"" (0x05, 0x07, 0x09: the optional features); the base
    // proof's header is 0xd9 0x5d 0x02, none of them, so no derived proof value can be parsed
    const r = await verify(fixture('addSignedSDBase.json'));
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'proof-not-derived' }, summary(r));
    assert.equal(r.verified, false);
  });
  it('a disclosed value changed fails', async () => {
    const doc = fixture('derivedRevealDocument.json');
    ((doc['credentialSubject'] as Obj)['sails'] as Obj[])[0]!['year'] = 2024;
    const r = await verify(doc);
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' }, summary(r));
  });
  it('a derived proof using an optional feature is not checked (never passed)', async () => {
    // header 0xd9 0x5d 0x05: "set featureOption to "anonymous_holder_binding"" (at risk in the spec)
    const doc = fixture('derivedRevealDocument.json');
    const bytes = bytesOf(doc);
    bytes[2] = 0x05;
    const r = await verify(withBytes(doc, bytes));
    // the proof is not checked (skipped), which the report's proof check gives as "could not check"
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'proof-unsupported' }, summary(r));
    assert.equal(r.verified, false);
  });
  it('a proof value that is not "u…", or CBOR of another shape, is malformed (no key is fetched)', async () => {
    const doc = fixture('derivedRevealDocument.json');
    const bytes = bytesOf(doc);
    const variants = [
      // "If the proofValue string does not start with u […] an error MUST be raised"
      {
        ...doc,
        proof: { ...proofOf(doc), proofValue: `z${(proofOf(doc)['proofValue'] as string).slice(1)}` },
      },
      withBytes(doc, bytes.subarray(0, bytes.length - 1)), // truncated
      withBytes(doc, new Uint8Array([...bytes, 0])), // trailing byte
      // "If the result is not an array of five, six, or eight elements an error MUST be raised"
      reencode(doc, (p) => void p.pop()),
      reencode(doc, (p) => void (p[0] = 7)), // bbsProof not bytes
      // disclosed_indexes: "vector of unsigned integers in ascending order" (draft-irtf-cfrg-bbs-signatures)
      reencode(doc, (p) => void (p[3] = [...(p[3] as number[])].reverse())),
      reencode(doc, (p) => void (p[3] = [3, 3, 5, 8, 9, 10])),
    ];
    for (const v of variants) {
      const r = await verify(v);
      assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-malformed' }, summary(r));
    }
  });
});

describe('bbs-2023: an Open Badge signed and derived by the Digital Bazaar implementation', () => {
  type Issuer = { did: string; vm: string; signer: unknown; publicKeyMultibase: string };
  const docs: Obj = {};
  const documentLoader = async (url: string) => {
    const text = CONTEXTS[url];
    const document = text ? (JSON.parse(text) as unknown) : docs[url];
    if (!document) throw new Error(`offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  /** A fresh BLS12-381 key, as a did:key or (`didWeb`) the key `#key-1` of that did:web. */
  async function freshIssuer(didWeb?: string): Promise<Issuer> {
    const kp = await Bls12381Multikey.generateBbsKeyPair({
      algorithm: Bls12381Multikey.ALGORITHMS.BBS_BLS12381_SHA256,
    });
    const { publicKeyMultibase } = kp;
    const did = didWeb ?? `did:key:${publicKeyMultibase}`;
    kp.id = `${did}#${didWeb ? 'key-1' : publicKeyMultibase}`;
    kp.controller = did;
    return { did, vm: kp.id, signer: kp.signer(), publicKeyMultibase };
  }
  /** The credential signed by `by` (base proof) and the holder's derived credential. */
  async function issueAndDerive(by: Issuer): Promise<{ base: Obj; derived: Obj }> {
    const signed = await vc.issue({
      credential: credential(by.did),
      suite: new DataIntegrityProof({
        signer: by.signer,
        date: '2026-11-21T12:00:00Z',
        cryptosuite: createSignCryptosuite({
          mandatoryPointers: ['/issuer', '/validFrom', '/name', '/credentialSubject/achievement'],
        }),
      }),
      documentLoader,
    });
    // the holder discloses that a result exists but keeps its value to themselves
    const disclosed = await vc.derive({
      verifiableCredential: signed,
      suite: new DataIntegrityProof({
        cryptosuite: createDiscloseCryptosuite({
          selectivePointers: ['/credentialSubject/result/0/type'],
          presentationHeader: new Uint8Array([1, 2, 3, 4]),
        }),
      }),
      documentLoader,
    });
    return { base: signed, derived: disclosed };
  }
  const credential = (issuer: string): Obj => ({
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:7a1c3e0e-4a0f-4a7e-9d51-0c8b7c1f2e33',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Lab Safety',
    issuer: { id: issuer, type: ['Profile'], name: 'Northside College' },
    validFrom: '2026-02-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-3',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://northside.example/achievements/lab-safety',
        type: ['Achievement'],
        name: 'Lab Safety',
        description: 'Handles lab equipment safely.',
        criteria: { narrative: 'Passed the practical.' },
      },
      result: [{ type: ['Result'], value: '93' }],
    },
  });

  let issuer: Issuer;
  let base: Obj;
  let derived: Obj;
  before(async () => {
    issuer = await freshIssuer();
    ({ base, derived } = await issueAndDerive(issuer));
  });

  it('the derived credential verifies: proof, issuer bound to the did:key, every check', async () => {
    const result = ((derived['credentialSubject'] as Obj)['result'] as Obj[])[0]!;
    assert.deepEqual(result, { type: ['Result'] }, 'the result value was withheld');
    const r = await verify(derived);
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
    assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' }, summary(r));
    assert.equal(r.verified, true, summary(r));
  });

  it('the base proof the issuer gave the holder is refused with its own reason', async () => {
    const r = await verify(base);
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'proof-not-derived' }, summary(r));
    assert.equal(r.verified, false);
  });

  /** Changes to what the holder presents that must each make the proof fail (never pass). */
  const MUTATIONS: [string, (d: Obj) => Obj][] = [
    [
      'a disclosed (mandatory) value changed',
      (d) => {
        const c = structuredClone(d);
        ((c['credentialSubject'] as Obj)['achievement'] as Obj)['name'] = 'Lab Safety II';
        return c;
      },
    ],
    [
      'a disclosed statement removed',
      (d) => {
        const c = structuredClone(d);
        delete ((c['credentialSubject'] as Obj)['achievement'] as Obj)['description'];
        return c;
      },
    ],
    [
      'a statement added (the withheld result value, made up)',
      (d) => {
        const c = structuredClone(d);
        ((c['credentialSubject'] as Obj)['result'] as Obj[])[0]!['value'] = '100';
        return c;
      },
    ],
    ['a byte of the BBS proof', (d) => reencode(d, (p) => void (p[0] = flipByte(p[0] as Uint8Array, 100)))],
    ['the presentation header', (d) => reencode(d, (p) => void (p[4] = new Uint8Array([1, 2, 3, 5])))],
    ['a selective index', (d) => reencode(d, (p) => void (p[3] = (p[3] as number[]).map((i) => i + 1)))],
    ['a mandatory index', (d) => reencode(d, (p) => void (p[2] = (p[2] as number[]).slice(1)))],
    [
      'the proof options (created)',
      (d) => {
        const c = structuredClone(d);
        proofOf(c)['created'] = '2026-11-21T12:00:01Z';
        return c;
      },
    ],
  ];
  for (const [name, mutate] of MUTATIONS) {
    it(`fails when ${name}`, async () => {
      const r = await verify(mutate(derived));
      assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' }, summary(r));
      assert.equal(r.verified, false);
    });
  }

  it('fails with another BLS12-381 key as the verification method', async () => {
    const other = await freshIssuer();
    const c = structuredClone(derived);
    proofOf(c)['verificationMethod'] = other.vm;
    (c['issuer'] as Obj)['id'] = other.did;
    const r = await verify(c);
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' }, summary(r));
  });

  it('a did:web issuer whose DID document lists the key as a Multikey verifies too', async () => {
    const did = 'did:web:bbs.college.example';
    const web = await freshIssuer(did);
    const didDoc = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: web.vm, type: 'Multikey', controller: did, publicKeyMultibase: web.publicKeyMultibase },
      ],
      assertionMethod: [web.vm],
    };
    const served = (async (input: string | URL | Request) =>
      String(input instanceof Request ? input.url : input) ===
      'https://bbs.college.example/.well-known/did.json'
        ? new Response(JSON.stringify(didDoc), { headers: { 'content-type': 'application/json' } })
        : new Response('not found', { status: 404 })) as typeof fetch;
    const r = await verifyCredential((await issueAndDerive(web)).derived, { now: NOW, fetch: served });
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
    assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' }, summary(r));
  });

  it('a proof claiming more statements than the verifier checks fails before any pairing', async () => {
    // 600 more undisclosed messages: 600 more 32-byte scalars in the BBS proof, after the 3 points
    const r = await verify(
      reencode(derived, (p) => {
        const proof = p[0] as Uint8Array;
        p[0] = new Uint8Array([
          ...proof.subarray(0, 144),
          ...new Uint8Array(600 * 32),
          ...proof.subarray(144),
        ]);
      }),
    );
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-too-complex' }, summary(r));
  });

  it('an Ed25519 key cannot verify a bbs-2023 proof (key-wrong-type, no pairing)', async () => {
    const c = structuredClone(derived);
    const ed = 'z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj';
    proofOf(c)['verificationMethod'] = `did:key:${ed}#${ed}`;
    const r = await verify(c);
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'key-wrong-type' }, summary(r));
  });
});

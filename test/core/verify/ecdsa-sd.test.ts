/**
 * `ecdsa-sd-2023` derived proofs (W3C vc-di-ecdsa, selective disclosure): the spec's derived test
 * vector (test/fixtures/vc-di-ecdsa, see SOURCE.md), the 1EdTech validator's derived Open Badge
 * (../shared/vectors), and credentials issued and derived by the Digital Bazaar implementation with
 * fresh keys; every mutation of a disclosed statement, a signature, a key, the label map or the
 * mandatory statements must fail, and a base proof is refused with its own reason.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import {
  createDiscloseCryptosuite,
  createSignCryptosuite,
  createVerifyCryptosuite,
} from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import cbor from 'cbor';
import { decode as cborDecode, encode as cborEncode } from 'cborg';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { part } from '../../../packages/core/src/verify/kit.js';
import { NOW, OB30, vectorJson } from './harness.js';

type Obj = Record<string, unknown>;
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};
const fixture = (path: string): Obj =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')) as Obj;
const proofOf = (c: Obj): Obj => (Array.isArray(c['proof']) ? c['proof'][0] : c['proof']) as Obj;

/** A fetch that serves `docs` by URL and answers 404 to anything else. */
function serve(docs: Record<string, unknown> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const doc = docs[url];
    return doc === undefined
      ? new Response('not found', { status: 404 })
      : new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const verify = (c: Obj, fetch = serve()): Promise<VerificationReport> =>
  verifyCredential(structuredClone(c), { now: NOW, fetch });

// --- the derived proof value, taken apart and put back together (cborg, the Digital Bazaar suite's own CBOR library)

type Parts = [Uint8Array, Uint8Array, Uint8Array[], Map<number, Uint8Array>, number[]];

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function partsOf(c: Obj): Parts {
  const bytes = new Uint8Array(Buffer.from((proofOf(c)['proofValue'] as string).slice(1), 'base64url'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xd9, 0x5d, 0x01]);
  return cborDecode(bytes.subarray(3), { useMaps: true }) as Parts;
}

/** `c` with its derived proof value changed; undefined when the change changes nothing. */
function withParts(c: Obj, change: (p: Parts) => void): Obj | undefined {
  const copy = structuredClone(c);
  const parts = partsOf(copy);
  const before = b64url(cborEncode(parts));
  change(parts);
  const body = cborEncode(parts);
  if (b64url(body) === before) return undefined;
  proofOf(copy)['proofValue'] = `u${b64url(new Uint8Array([0xd9, 0x5d, 0x01, ...body]))}`;
  return copy;
}

const flipByte = (b: Uint8Array, at = 7): void => void (b[at] = b[at]! ^ 0x01);

/** Proof-value mutations that must each fail (the document unchanged). */
const PROOF_VALUE_MUTATIONS: [string, (p: Parts) => void][] = [
  ['a byte of the base signature', (p) => flipByte(p[0])],
  ['a byte of the ephemeral public key', (p) => flipByte(p[1], 20)],
  ['a byte of one statement signature', (p) => flipByte(p[2][0]!)],
  ['two statement signatures swapped', (p) => void p[2].reverse()],
  ['a statement signature removed', (p) => void p[2].pop()],
  ['a statement signature added', (p) => void p[2].push(p[2][0]!)],
  [
    'two label map entries swapped',
    (p) => {
      const keys = [...p[3].keys()];
      const [a, b] = [p[3].get(keys[0]!)!, p[3].get(keys[1]!)!];
      p[3].set(keys[0]!, b).set(keys[1]!, a);
    },
  ],
  ['a label map entry removed', (p) => void p[3].delete([...p[3].keys()][0]!)],
  ['a mandatory index removed', (p) => void p[4].pop()],
  ['a mandatory index added', (p) => void p[4].push(p[4].length === 0 ? 0 : p[4].at(-1)! + 1)],
];

/** Registers one test per proof-value mutation of `doc()` (skipped where it cannot change anything). */
function proofValueMutations(doc: () => Obj, fetch?: typeof globalThis.fetch): void {
  for (const [what, change] of PROOF_VALUE_MUTATIONS) {
    it(`fails with ${what}`, async (t) => {
      const c = withParts(doc(), change);
      if (!c) return t.skip('nothing to change in this proof value');
      await assertFails(c, what, fetch);
    });
  }
}

/** Asserts that `c` does not pass the proof check, with its report in the message. */
async function assertFails(c: Obj, what: string, fetch?: typeof globalThis.fetch): Promise<void> {
  const r = await verify(c, fetch);
  assert.equal(check(r, 'proof').outcome, 'failed', `${what}: ${summary(r)}`);
  assert.equal(r.verified, false, what);
}

describe('ecdsa-sd-2023: the W3C vc-di-ecdsa derived test vector', () => {
  const doc = fixture('vc-di-ecdsa/derivedRevealDocument.json');

  it('reads the derived proof value as the spec lays it out', async () => {
    // loaded as the verifier loads it, handed the verifier's helpers (see kit.ts)
    const { parseDerivedProofValue } = await part(
      import('../../../packages/core/src/verify/suites/ecdsa-sd-proof-value.js'),
    );
    const parts = parseDerivedProofValue(proofOf(doc)['proofValue']);
    assert.ok(parts);
    // "a byte array of length 64, a byte array of length [35], an array of byte arrays, each of length
    // 64, a map of integers to byte arrays of length 32, and an array of integers"
    assert.equal(parts.baseSignature.length, 64);
    assert.deepEqual([...parts.publicKey.subarray(0, 2)], [0x80, 0x24]);
    assert.ok(parts.signatures.length > 0 && parts.signatures.every((s) => s.length === 64));
    assert.ok([...parts.labelMap.keys()].every((k) => /^c14n\d+$/.test(k)));
    assert.ok([...parts.labelMap.values()].every((v) => /^u[\w-]{43}$/.test(v)));
    // our reader and cborg read the same thing
    const cb = partsOf(doc);
    assert.deepEqual(parts.mandatoryIndexes, cb[4]);
    assert.equal(parts.signatures.length, cb[2].length);
    assert.deepEqual(
      [...parts.labelMap],
      [...cb[3]].map(([k, v]) => [`c14n${k}`, `u${b64url(v)}`]),
    );
  });

  it('has a valid proof (the issuer is not the key controller: a crypto-only vector)', async () => {
    const r = await verify(doc);
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
    assert.match(
      r.checks.find((c) => c.id === 'proof')!.message,
      /ecdsa-sd-2023 signature by did:key:zDnaepBu/,
    );
    assert.equal(check(r, 'issuer').outcome, 'failed');
  });

  const subject = (c: Obj): Obj => c['credentialSubject'] as Obj;
  const DOCUMENT_MUTATIONS: [string, (c: Obj) => void][] = [
    // a non-mandatory (selectively disclosed) statement
    ['a disclosed value changed', (c) => void ((subject(c)['sails'] as Obj[])[0]!['size'] = 6.2)],
    ['a disclosed statement removed', (c) => void delete (subject(c)['boards'] as Obj[])[1]!['year']],
    ['a statement added', (c) => void (subject(c)['sailCount'] = 3)],
    // mandatory pointers (windMandatory.json): /sailNumber, /sails/1, /boards/0/year, /sails/2
    ['a mandatory value changed (sailNumber)', (c) => void (subject(c)['sailNumber'] = 'Earth102')],
    [
      'a mandatory value changed (boards/0/year)',
      (c) => void ((subject(c)['boards'] as Obj[])[0]!['year'] = 2021),
    ],
    ['a mandatory statement removed', (c) => void delete (subject(c)['sails'] as Obj[])[1]!['year']],
    ['the proof date', (c) => void (proofOf(c)['created'] = '2023-08-16T23:36:38Z')],
    ['the issuer', (c) => void (c['issuer'] = 'https://vc.example/windsurf/other')],
    [
      "another issuer key (the vector's proof key)",
      (c) => {
        const k = 'zDnaeTHfhmSaQKBc7CmdL3K7oYg3D6SC7yowe2eBeVd2DH32r';
        proofOf(c)['verificationMethod'] = `did:key:${k}#${k}`;
      },
    ],
  ];
  for (const [what, change] of DOCUMENT_MUTATIONS) {
    it(`fails when ${what}`, async () => {
      const c = structuredClone(doc);
      change(c);
      await assertFails(c, what);
    });
  }
  proofValueMutations(() => doc);

  it('re-encoding the unchanged parts still verifies (the mutations above test what they say)', async () => {
    const same = structuredClone(doc);
    proofOf(same)['proofValue'] =
      `u${b64url(new Uint8Array([0xd9, 0x5d, 0x01, ...cborEncode(partsOf(doc))]))}`;
    assert.equal(proofOf(same)['proofValue'], proofOf(doc)['proofValue']);
    const r = await verify(same);
    assert.equal(check(r, 'proof').outcome, 'passed', summary(r));
  });

  it('a P-384 issuer key is refused: ecdsa-sd-2023 is verified with P-256 keys', async () => {
    // as the Digital Bazaar suite (its requiredAlgorithm is P-256); the proof value's ephemeral key
    // is a P-256 multikey by construction
    const c = structuredClone(doc);
    const k = 'z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ';
    proofOf(c)['verificationMethod'] = `did:key:${k}#${k}`;
    const r = await verify(c);
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'key-wrong-type' }, summary(r));
  });

  it('reads byte strings written as CBOR tag 64 (a Uint8Array as node-cbor encodes it)', async () => {
    // node-cbor writes a Uint8Array as tag 64 (uint8 typed array, RFC 8746); the Digital Bazaar
    // suite decodes it as a byte string, so a derived proof made with node-cbor verifies there
    const parts = partsOf(doc).map((p) =>
      p instanceof Uint8Array
        ? new Uint8Array(p)
        : Array.isArray(p)
          ? p.map((x) => (x instanceof Uint8Array ? new Uint8Array(x) : x))
          : p instanceof Map
            ? new Map([...p].map(([k, v]) => [k, new Uint8Array(v)]))
            : p,
    );
    const body = new Uint8Array(cbor.encode(parts));
    assert.deepEqual([...body.subarray(1, 3)], [0xd8, 0x40], 'node-cbor wrote tag 64');
    const c = structuredClone(doc);
    proofOf(c)['proofValue'] = `u${b64url(new Uint8Array([0xd9, 0x5d, 0x01, ...body]))}`;
    const r = await verify(c);
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
    // any other tag is refused
    body[2] = 0x41;
    proofOf(c)['proofValue'] = `u${b64url(new Uint8Array([0xd9, 0x5d, 0x01, ...body]))}`;
    assert.deepEqual(check(await verify(c), 'proof'), { outcome: 'failed', code: 'proof-malformed' });
  });

  it('a proof value that is not a derived proof is malformed, never passed', async () => {
    for (const value of [
      'z' + (proofOf(doc)['proofValue'] as string).slice(1),
      (proofOf(doc)['proofValue'] as string).slice(0, 60),
      `u${b64url(new Uint8Array([0xd9, 0x5d, 0x02, 0x80]))}`,
      // trailing bytes after the CBOR array
      `${proofOf(doc)['proofValue'] as string}AA`,
      42,
    ]) {
      const c = structuredClone(doc);
      proofOf(c)['proofValue'] = value;
      const r = await verify(c);
      assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-malformed' }, String(value));
    }
  });
});

describe('ecdsa-sd-2023: the 1EdTech derived Open Badge (inspector-vc ob30/sd)', () => {
  const doc = vectorJson(`${OB30}/sd/derivedcredential.json`);
  const controller = 'https://1edtech.edu/issuers/565049';
  const key = 'zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9';
  // The key's controller document is not published (1edtech.edu serves none): this one is built
  // here from the Multikey that the verificationMethod's fragment names, to check the signature
  const controllerDoc = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: controller,
    verificationMethod: [
      { id: `${controller}#${key}`, type: 'Multikey', controller, publicKeyMultibase: key },
    ],
    assertionMethod: [`${controller}#${key}`],
  };
  const fetch = serve({ [controller]: controllerDoc });

  it('offline its key cannot be fetched: the proof is unknown, not passed', async () => {
    const r = await verify(doc);
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'key-unavailable' }, summary(r));
  });

  it('with the controller document served, the proof passes and the key is the issuer’s', async () => {
    const r = await verify(doc, fetch);
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
    assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' }, summary(r));
  });

  const achievement = (c: Obj): Obj => (c['credentialSubject'] as Obj)['achievement'] as Obj;
  const MUTATIONS: [string, (c: Obj) => void][] = [
    ['the achievement name', (c) => void (achievement(c)['name'] = 'Leadership')],
    ['the criteria removed', (c) => void delete achievement(c)['criteria']],
    ['a field added', (c) => void (c['name'] = 'Teamwork badge')],
    ['the issuer name', (c) => void ((c['issuer'] as Obj)['name'] = 'Other Corp')],
    ['the validFrom date', (c) => void (c['validFrom'] = '2011-01-01T00:00:00Z')],
  ];
  for (const [what, change] of MUTATIONS) {
    it(`fails when ${what} is changed`, async () => {
      const c = structuredClone(doc);
      change(c);
      await assertFails(c, what, fetch);
    });
  }
  proofValueMutations(() => doc, fetch);
});

// --- an independent issuer and holder: the Digital Bazaar suite, fresh keys

const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

function credential(issuer: string): Obj {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', OB303],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Field Research',
    issuer: { id: issuer, type: ['Profile'], name: 'Coastal Institute' },
    validFrom: '2026-03-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://coastal.example/achievements/field-research',
        type: ['Achievement'],
        name: 'Field Research',
        description: 'Plans and carries out field surveys.',
        criteria: { narrative: 'Completed **three** surveys.' },
      },
      result: [
        { type: ['Result'], value: 'A' },
        { type: ['Result'], value: '94' },
      ],
    },
  };
}

const documentLoader = (docs: Record<string, unknown>) => async (url: string) => {
  const text = CONTEXTS[url];
  const document = text ? (JSON.parse(text) as unknown) : docs[url];
  if (!document) throw new Error(`offline: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

async function issuer() {
  const kp = await EcdsaMultikey.generate({ curve: 'P-256' });
  const did = `did:key:${kp.publicKeyMultibase}`;
  const id = `${did}#${kp.publicKeyMultibase}`;
  kp.id = id;
  kp.controller = did;
  const vm = { id, type: 'Multikey', controller: did, publicKeyMultibase: kp.publicKeyMultibase };
  const loader = documentLoader({
    [did]: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [vm],
      assertionMethod: [id],
    },
    [id]: { '@context': 'https://w3id.org/security/multikey/v1', ...vm },
  });
  return {
    did,
    /** The issuer's base proof (for the holder). */
    sign: (c: Obj, mandatoryPointers: string[]) =>
      vc.issue({
        credential: structuredClone(c),
        suite: new DataIntegrityProof({
          signer: kp.signer(),
          date: '2026-11-21T12:00:00Z',
          cryptosuite: createSignCryptosuite({ mandatoryPointers }),
        }),
        documentLoader: loader,
      }),
    /** The holder's derived proof, disclosing `selectivePointers`. */
    derive: (signed: Obj, selectivePointers: string[]) =>
      vc.derive({
        verifiableCredential: structuredClone(signed),
        suite: new DataIntegrityProof({ cryptosuite: createDiscloseCryptosuite({ selectivePointers }) }),
        documentLoader: loader,
      }),
    /** The Digital Bazaar verifier's answer, for comparison. */
    reference: async (c: Obj) =>
      (
        await vc.verifyCredential({
          credential: structuredClone(c),
          suite: new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
          documentLoader: loader,
          now: NOW,
        })
      ).verified,
  };
}

describe('independent issuer and holder: Digital Bazaar ecdsa-sd-2023, fresh P-256 keys', () => {
  const MANDATORY = ['/issuer', '/validFrom', '/credentialSubject/achievement/name'];
  let who: Awaited<ReturnType<typeof issuer>>;
  let base: Obj;
  let derived: Obj;
  let everything: Obj;
  let mandatoryOnly: Obj;

  before(async () => {
    who = await issuer();
    base = await who.sign(credential(who.did), MANDATORY);
    derived = await who.derive(base, [
      '/name',
      '/credentialSubject/achievement/description',
      '/credentialSubject/result/1',
    ]);
    everything = await who.derive(base, ['/name', '/credentialSubject']);
    mandatoryOnly = await who.derive(base, ['/type']);
  });

  it('P-384 issuer keys: the Digital Bazaar suite will not issue with one, and a proof value sized for one is malformed', async () => {
    // vc-di-ecdsa, ecdsa-sd-2023 parseDerivedProofValue: "If the result is not an array of the
    // following five elements — a byte array of length 64; a byte array of length 36; an array of
    // byte arrays, each of length 64; a map of integers to byte arrays, each of length 32; and an
    // array of integers — an error MUST be raised". 64 bytes is a P-256 signature (P-384: 96), 32
    // bytes a SHA-256 HMAC label (SHA-384: 48): a derived proof cannot carry a P-384 base signature.
    const kp = await EcdsaMultikey.generate({ curve: 'P-384' });
    kp.controller = `did:key:${kp.publicKeyMultibase}`;
    kp.id = `${kp.controller}#${kp.publicKeyMultibase}`;
    assert.throws(
      () =>
        new DataIntegrityProof({
          signer: kp.signer(),
          cryptosuite: createSignCryptosuite({ mandatoryPointers: ['/issuer'] }),
        }),
      /required algorithm for the cryptosuite "P-256"/,
    );
    const sized: [string, (p: Parts) => void][] = [
      ['a 96-byte (P-384) base signature', (p) => void (p[0] = new Uint8Array(96))],
      ['48-byte (SHA-384) HMAC labels', (p) => p[3].forEach((_, k) => p[3].set(k, new Uint8Array(48)))],
    ];
    for (const [what, change] of sized) await assertFails(withParts(derived, change)!, what);
  });

  it('the holder discloses only what was selected (and the mandatory statements)', () => {
    const a = (derived['credentialSubject'] as Obj)['achievement'] as Obj;
    assert.equal(a['name'], 'Field Research');
    assert.equal(a['description'], 'Plans and carries out field surveys.');
    assert.equal(a['criteria'], undefined);
    assert.deepEqual((derived['credentialSubject'] as Obj)['result'], [{ type: ['Result'], value: '94' }]);
  });

  for (const [label, pick] of [
    ['a few statements disclosed', () => derived],
    ['every statement disclosed', () => everything],
    ['only the mandatory statements', () => mandatoryOnly],
  ] as const) {
    it(`verifies with ${label} (and so does the Digital Bazaar verifier)`, async () => {
      const c = pick();
      assert.equal(await who.reference(c), true);
      const r = await verify(c);
      assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, summary(r));
      assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' }, summary(r));
      assert.equal(r.verified, true, summary(r));
    });
  }

  it('refuses the base proof with its own reason: only derived proofs are verified', async () => {
    // "parseDerivedProofValue […] Ensure that the decodedProofValue starts with the ECDSA-SD
    // disclosure proof header bytes 0xd9, 0x5d, and 0x01, throwing an error if it does not."
    const value = proofOf(base)['proofValue'] as string;
    assert.deepEqual([...Buffer.from(value.slice(1), 'base64url').subarray(0, 3)], [0xd9, 0x5d, 0x00]);
    const r = await verify(base);
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'proof-not-derived' }, summary(r));
    assert.match(r.checks.find((c) => c.id === 'proof')!.message, /base proof/);
  });

  const subject = (c: Obj): Obj => c['credentialSubject'] as Obj;
  const DOCUMENT_MUTATIONS: [string, (c: Obj) => void][] = [
    [
      'a disclosed value changed',
      (c) => void (((subject(c)['achievement'] as Obj)['description'] as string) += '!'),
    ],
    ['a disclosed result changed', (c) => void ((subject(c)['result'] as Obj[])[0]!['value'] = '99')],
    ['a disclosed statement removed', (c) => void delete c['name']],
    ['a statement added', (c) => void ((subject(c)['achievement'] as Obj)['criteria'] = { narrative: 'x' })],
    [
      'an undisclosed result added back',
      (c) => void (subject(c)['result'] as Obj[]).push({ type: ['Result'], value: 'A' }),
    ],
    [
      'a mandatory value changed (achievement name)',
      (c) => void ((subject(c)['achievement'] as Obj)['name'] = 'Lab Research'),
    ],
    ['a mandatory value changed (validFrom)', (c) => void (c['validFrom'] = '2026-03-02T00:00:00Z')],
    [
      'a mandatory value changed (issuer name)',
      (c) => void ((c['issuer'] as Obj)['name'] = 'Inland Institute'),
    ],
    ['the proof date', (c) => void (proofOf(c)['created'] = '2026-11-21T12:00:01Z')],
  ];
  for (const [what, change] of DOCUMENT_MUTATIONS) {
    it(`fails when ${what} (the Digital Bazaar verifier agrees)`, async () => {
      const c = structuredClone(derived);
      change(c);
      assert.equal(await who.reference(c), false, `reference accepted: ${what}`);
      await assertFails(c, what);
    });
  }
  proofValueMutations(() => derived);

  it('fails when another issuer’s key is named (the public key), even as the issuer', async () => {
    const other = await issuer();
    const c = structuredClone(derived);
    const k = other.did.slice('did:key:'.length);
    proofOf(c)['verificationMethod'] = `${other.did}#${k}`;
    (c['issuer'] as Obj)['id'] = other.did;
    await assertFails(c, 'other key');
  });

  it('fails when the proof is moved onto another derived credential of the same issuer', async () => {
    const c = structuredClone(everything);
    c['proof'] = structuredClone(derived['proof']);
    await assertFails(c, 'moved proof');
  });
});

/**
 * Issue 14, "Verifier 2": what the W3C Data Integrity cryptosuite test suites check of a VERIFIER
 * (w3c/vc-di-eddsa-test-suite, w3c/vc-di-ecdsa-test-suite, w3c/vc-di-bbs-test-suite and the shared
 * w3c-ccg/data-integrity-test-suite-assertion), asked the way they ask: `POST /credentials/verify`
 * with `{ verifiableCredential, options: { checks: ['proof'], … } }`, judged by the status code
 * alone (2xx verified; 400 or 422 rejected).
 *
 * Credentials are signed with fresh keys by the Digital Bazaar implementations the suites make
 * their fixtures with (ecdsa-sd-2023 and bbs-2023: a base proof, then the holder's derived one), and
 * the variants are made as the suites make theirs: one proof member changed. Each rejection is also
 * asserted to have the reason its spec sentence names (the check code), so that a missing check
 * cannot hide behind a signature that a change happened to break. A proof chain and eddsa-jcs-2022
 * are signed by hand (node:crypto, jsonld, canonicalize), as the spec's algorithms say, because the
 * Digital Bazaar libraries have no `previousProof` and no eddsa-jcs-2022 issuer.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, generateKeyPairSync, sign as edSign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import canonicalize from 'canonicalize';
import { Token, Type, decode as cborDecode, encode as cborEncode } from 'cborg';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { createSignCryptosuite as ecdsaJcs2019 } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as ecdsaSd from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as bbs from '@digitalbazaar/bbs-2023-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Bls12381Multikey from '@digitalbazaar/bls12-381-multikey';
import { createVcApiHandler } from '@microcred/core/vc-api';
import type { VcApiVerificationResult } from '@microcred/core/vc-api';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { SIGNED_AT } from './fresh-issuer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
/** The Digital Bazaar DataIntegrityProof, as far as these tests reach into it (it ships no types). */
type DbSuite = Obj & {
  type: string;
  cryptosuite: string;
  verificationMethod: string;
  canonize: (input: Obj, options: Obj) => Promise<string>;
  canonizeProof: (proof: Obj, options: Obj) => Promise<string>;
  createVerifyData: (args: Obj) => Promise<Uint8Array>;
  sign: (args: Obj) => Promise<Obj>;
  createProof: (args: Obj) => Promise<Obj>;
  _cryptosuite: Obj & {
    createVerifyData?: (args: Obj) => Promise<unknown>;
    createProofValue?: (args: Obj) => Promise<string>;
  };
};

const require = createRequire(import.meta.url);
const jsonld = require('jsonld') as { canonize: (doc: Obj, options: Obj) => Promise<string> };

const documentLoader = async (url: string): Promise<unknown> => {
  const text = CONTEXTS[url];
  if (!text) throw new Error(`offline: ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(text) as unknown };
};

// ------------------------------------------------------------------ the VC API, as the suites ask it

const handler = createVcApiHandler({ now: NOW, fetch: offlineFetch() });
type Answer = { status: number; codes: string[] };
/** Asserts a rejection (400 or 422, as the suites accept) whose errors name `code`. */
function rejected(a: Answer, code: string, what = ''): void {
  assert.ok(
    (a.status === 400 || a.status === 422) && a.codes.includes(code),
    `${what} → ${a.status} ${a.codes.join(',')}`,
  );
}
/** The suites' request: `{ verifiableCredential, options: { checks: ['proof'], …options } }`. */
async function post(credential: unknown, options: Obj = {}): Promise<Answer> {
  const res = await handler(
    new Request('http://verifier.example/credentials/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verifiableCredential: credential, options: { checks: ['proof'], ...options } }),
    }),
  );
  const body = (await res.json()) as Partial<VcApiVerificationResult>;
  return { status: res.status, codes: (body.errors ?? []).map((e) => String(e.code)) };
}

// ------------------------------------------------------------------ signers (fresh keys)

/** `created` of every proof: a day before the pinned NOW (proofs made by the wall clock would be in its future). */
const CREATED = SIGNED_AT;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
/** The suites' credential (vc-di-eddsa-test-suite validVc, VCDM 2.0), issued by `issuer`. */
const credential = (issuer: string): Obj => ({
  '@context': [VC2],
  id: 'urn:uuid:86294362-4254-4f36-854f-3952fe42555d',
  type: ['VerifiableCredential'],
  issuer,
  credentialSubject: { id: 'did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b', name: 'ExampleClaim' },
});

type SuiteName = 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019' | 'ecdsa-jcs-2019' | 'ecdsa-sd-2023' | 'bbs-2023';
type KeyType = 'Ed25519' | 'P-256' | 'P-384' | 'BLS12-381';
interface Issuer {
  name: SuiteName;
  keyType: KeyType;
  did: string;
  signer: unknown;
  /** Selective disclosure: signing makes a base proof, which the holder derives a proof from. */
  sd: boolean;
}

async function freshIssuer(name: SuiteName, keyType: KeyType): Promise<Issuer> {
  const kp = (
    keyType === 'Ed25519'
      ? await Ed25519Multikey.generate()
      : keyType === 'BLS12-381'
        ? await Bls12381Multikey.generateBbsKeyPair({
            algorithm: Bls12381Multikey.ALGORITHMS.BBS_BLS12381_SHA256,
          })
        : await EcdsaMultikey.generate({ curve: keyType })
  ) as { publicKeyMultibase: string; id?: string; controller?: string; signer(): unknown };
  const did = `did:key:${kp.publicKeyMultibase}`;
  kp.controller = did;
  kp.id = `${did}#${kp.publicKeyMultibase}`;
  return { name, keyType, did, signer: kp.signer(), sd: name === 'ecdsa-sd-2023' || name === 'bbs-2023' };
}

function dbSuite(by: Issuer, mandatoryPointers = ['/issuer']): DbSuite {
  const cryptosuite =
    by.name === 'eddsa-rdfc-2022'
      ? eddsaRdfc2022
      : by.name === 'ecdsa-rdfc-2019'
        ? ecdsaRdfc2019
        : by.name === 'ecdsa-jcs-2019'
          ? ecdsaJcs2019()
          : by.name === 'ecdsa-sd-2023'
            ? ecdsaSd.createSignCryptosuite({ mandatoryPointers })
            : bbs.createSignCryptosuite({ mandatoryPointers });
  return new DataIntegrityProof({ signer: by.signer, cryptosuite, date: CREATED }) as unknown as DbSuite;
}

/**
 * Signs a copy of `c` with exactly the proof options `edit` makes of the usual ones (the Digital
 * Bazaar `createProof`, without its own choices of members), as the suites' generators do.
 */
async function sign(
  by: Issuer,
  c: Obj,
  edit: (p: Obj) => Obj = (p) => p,
  sd: { mandatory?: string[]; selective?: string[] } = {},
): Promise<Obj> {
  const suite = dbSuite(by, sd.mandatory);
  suite.createProof = async function (this: DbSuite, { document, proofSet }: Obj): Promise<Obj> {
    let proof = edit({
      type: this.type,
      created: CREATED,
      verificationMethod: this.verificationMethod,
      cryptosuite: this.cryptosuite,
      proofPurpose: 'assertionMethod',
    });
    const args = { document, proof, proofSet, documentLoader, dataIntegrityProof: this };
    const cs = this._cryptosuite;
    const verifyData = cs.createVerifyData
      ? await cs.createVerifyData({ cryptosuite: cs, ...args })
      : await this.createVerifyData(args);
    if (cs.createProofValue)
      proof['proofValue'] = await cs.createProofValue({ cryptosuite: cs, verifyData, ...args });
    else proof = await this.sign({ verifyData, ...args });
    return proof;
  };
  const signed = await vc.issue({ credential: structuredClone(c), suite, documentLoader });
  if (!by.sd) return signed;
  const disclose = (by.name === 'bbs-2023' ? bbs : ecdsaSd).createDiscloseCryptosuite({
    selectivePointers: sd.selective ?? ['/credentialSubject/id'],
  });
  return vc.derive({
    verifiableCredential: signed,
    suite: new DataIntegrityProof({ cryptosuite: disclose }),
    documentLoader,
  });
}

/** The base proof the issuer gives the holder (selective disclosure suites). */
const signBase = (by: Issuer, c: Obj): Promise<Obj> =>
  vc.issue({ credential: structuredClone(c), suite: dbSuite(by), documentLoader });

const proofOf = (c: Obj): Obj => c['proof'] as Obj;

/** A driver's licence credential with a nested object (the suites' "subjectNestedObjects" shape). */
function sdLicense(issuer: string, version: '1.1' | '2.0', withId: boolean): Obj {
  const c: Obj = {
    '@context': [
      version === '2.0' ? VC2 : 'https://www.w3.org/2018/credentials/v1',
      {
        '@protected': true,
        LicenceCredential: 'urn:example:LicenceCredential',
        Licence: {
          '@id': 'urn:example:Licence',
          '@context': {
            '@protected': true,
            id: '@id',
            type: '@type',
            number: 'urn:example:number',
            born: 'urn:example:born',
            until: 'urn:example:until',
            authority: 'urn:example:authority',
          },
        },
        licence: { '@id': 'urn:example:licence', '@type': '@id' },
      },
    ],
    ...(withId ? { id: 'urn:uuid:5b0e6a52-35f1-4bb3-9b6e-2c6f2a1e4d10' } : {}),
    type: ['VerifiableCredential', 'LicenceCredential'],
    issuer,
    ...(version === '1.1' ? { issuanceDate: '2026-01-01T00:00:00Z' } : {}),
    credentialSubject: {
      ...(withId ? { id: 'urn:uuid:0f1d3c2e-7a44-4f0b-9a55-0e2b1d9c8a77' } : {}),
      licence: {
        type: 'Licence',
        number: 'L-2231-77',
        born: '1990-04-02',
        until: '2031-04-02',
        authority: 'NS',
      },
    },
  };
  return c;
}
const NESTED = ['/credentialSubject/licence/born', '/credentialSubject/licence/until'];

/** A credential whose subject holds arrays of objects in arrays (the suites' "subjectHasArrays" shape). */
function sdTeam(issuer: string, version: '1.1' | '2.0'): Obj {
  const rower = (name: string, seat: number): Obj => ({
    type: 'Rower',
    rowerName: name,
    oars: [1, 2, 3, 4].map((k) => ({ length: 370 + k, maker: `Maker ${seat}${k}`, year: 2020 + k })),
    boats: [1, 2].map((k) => ({ boatName: `Boat ${seat}${k}`, yard: 'North Yard', year: 2018 + k })),
  });
  return {
    '@context': [
      version === '2.0' ? VC2 : 'https://www.w3.org/2018/credentials/v1',
      {
        '@protected': true,
        CrewCredential: 'urn:example:CrewCredential',
        crewName: 'urn:example:crewName',
        Rower: {
          '@id': 'urn:example:Rower',
          '@context': {
            '@protected': true,
            id: '@id',
            type: '@type',
            rowerName: 'urn:example:rowerName',
            oars: {
              '@id': 'urn:example:oars',
              '@context': {
                '@protected': true,
                length: 'urn:example:length',
                maker: 'urn:example:maker',
                year: 'urn:example:year',
              },
            },
            boats: {
              '@id': 'urn:example:boats',
              '@context': {
                '@protected': true,
                boatName: 'urn:example:boatName',
                yard: 'urn:example:yard',
                year: 'urn:example:year',
              },
            },
          },
        },
        crew: { '@id': 'urn:example:crew', '@type': '@id' },
      },
    ],
    type: ['VerifiableCredential', 'CrewCredential'],
    issuer,
    ...(version === '1.1' ? { issuanceDate: '2026-01-01T00:00:00Z' } : {}),
    credentialSubject: { crewName: 'Ada Rowe', crew: [rower('Bow', 1), rower('Stroke', 2)] },
  };
}
const ARRAYS = [0, 1].flatMap((i) => [
  `/credentialSubject/crew/${i}/rowerName`,
  ...[0, 1, 2, 3].map((k) => `/credentialSubject/crew/${i}/oars/${k}`),
  ...[0, 1].map((k) => `/credentialSubject/crew/${i}/boats/${k}`),
]);

// ------------------------------------------------------------------ the issuers of every suite

const ISSUERS: [SuiteName, KeyType][] = [
  ['eddsa-rdfc-2022', 'Ed25519'],
  ['ecdsa-rdfc-2019', 'P-256'],
  ['ecdsa-rdfc-2019', 'P-384'],
  ['ecdsa-jcs-2019', 'P-256'],
  ['ecdsa-jcs-2019', 'P-384'],
  ['ecdsa-sd-2023', 'P-256'],
  ['bbs-2023', 'BLS12-381'],
];
const label = (by: Issuer): string => `${by.name} ${by.keyType}`;

/** A variant of an issued credential and the answer it must get. */
interface Case {
  /** What is asked (the spec sentence the suite quotes, shortened). */
  what: string;
  /** The credential sent, made from the issued one (a copy) and its issuer. */
  make: (issued: Obj, by: Issuer) => Obj | Promise<Obj>;
  options?: Obj;
  /** The check code the rejection must carry (undefined: any rejection). */
  code?: string;
}

const withProof = (c: Obj, change: (p: Obj) => void): Obj => {
  change(proofOf(c));
  return c;
};

/**
 * data-integrity-test-suite-assertion, suites/verify.js (checkDataIntegrityProofVerifyErrors), run
 * by all three cryptosuite suites against every verifier; each MUST be rejected.
 */
const DI_VERIFY_ERRORS: Case[] = [
  // VC Data Integrity 1.0 §4.4 Verify Proof: "If one or more of the proof.type, proof.verificationMethod,
  // and proof.proofPurpose values is not set, an error MUST be raised" (and so, no proof at all)
  {
    what: 'If the "proof" field is missing, an error MUST be raised.',
    make: (c) => ({ ...c, proof: undefined }),
    code: 'proof-missing',
  },
  {
    what: 'If the "proof" field is invalid, an error MUST be raised.',
    make: (c) => ({ ...c, proof: null }),
    code: 'proof-malformed',
  },
  {
    what: 'If the "proof.type" field is missing, an error MUST be raised.',
    make: (c) => withProof(c, (p) => delete p['type']),
    code: 'proof-unsupported',
  },
  {
    what: 'If the "proof.type" field is not the string "DataIntegrityProof", an error MUST be raised.',
    make: (c) => withProof(c, (p) => (p['type'] = 'UnknownProofType')),
    code: 'proof-unsupported',
  },
  {
    what: 'If the "proof.verificationMethod" field is missing, an error MUST be raised.',
    make: (c) => withProof(c, (p) => delete p['verificationMethod']),
    code: 'key-missing',
  },
  {
    what: 'If the "proof.verificationMethod" field is invalid, an error MUST be raised.',
    make: (c) => withProof(c, (p) => (p['verificationMethod'] = 'did:key:invalidVm')),
    code: 'key-invalid',
  },
  {
    what: 'If the "proof.proofPurpose" field is missing, an error MUST be raised.',
    make: (c) => withProof(c, (p) => delete p['proofPurpose']),
    code: 'proof-wrong-purpose',
  },
  {
    what: 'If the "proof.proofPurpose" field is invalid, an error MUST be raised.',
    make: (c) => withProof(c, (p) => (p['proofPurpose'] = 'invalidPurpose')),
    code: 'proof-wrong-purpose',
  },
  // §4.4: "If expectedProofPurpose was given, and it does not match proof.proofPurpose, an error
  // MUST be raised and SHOULD convey an error type of PROOF_VERIFICATION_ERROR."
  {
    what: 'If the "proof.proofPurpose" value does not match "options.expectedProofPurpose", an error MUST be raised.',
    make: (c) => c,
    options: { expectedProofPurpose: 'authentication' },
    code: 'proof-wrong-purpose',
  },
  {
    what: 'If the "proof.proofValue" field is missing, an error MUST be raised.',
    make: (c) => withProof(c, (p) => delete p['proofValue']),
    code: 'proof-malformed',
  },
  {
    what: 'If the "proof.proofValue" field is invalid, an error MUST be raised.',
    make: (c) => withProof(c, (p) => (p['proofValue'] = null)),
    code: 'proof-malformed',
  },
  {
    what: 'If the "proof.proofValue" field is not multibase-encoded, an error MUST be raised.',
    make: (c) => withProof(c, (p) => (p['proofValue'] = String(p['proofValue']).slice(1))),
    code: 'proof-malformed',
  },
  // §2.1 Proofs, created: "MUST be specified as an [XMLSCHEMA11-2] dateTimeStamp string, either in
  // Universal Coordinated Time (UTC), denoted by a Z at the end of the value, or with a time zone
  // offset relative to UTC." (expires: the same words)
  {
    what: 'created MUST be specified as an [XMLSCHEMA11-2] dateTimeStamp string (invalidCreated)',
    make: (c) => withProof(c, (p) => (p['created'] = 'invalidDate')),
    code: 'proof-bad-date',
  },
  // the suite's "(created) Time values that are incorrectly serialized without an offset MUST be
  // interpreted as UTC." asserts an error for a `created` without offset (noOffsetCreated): such a
  // value is not a dateTimeStamp, and "Conforming processors MUST produce errors when
  // non-conforming documents are consumed" (vc-di-ecdsa §1.3 Conformance)
  {
    what: '(created) a time value serialized without an offset is an error (noOffsetCreated)',
    make: (c) => withProof(c, (p) => (p['created'] = CREATED.replace('Z', ''))),
    code: 'proof-bad-date',
  },
  {
    what: '(expires) a time value serialized without an offset is an error (noOffsetExpires)',
    make: (c) => withProof(c, (p) => (p['expires'] = NOW.toISOString().replace(/\.\d+Z$/, ''))),
    code: 'proof-bad-date',
  },
  {
    what: 'expires MUST be specified as an [XMLSCHEMA11-2] dateTimeStamp string (invalidExpires)',
    make: (c) => withProof(c, (p) => (p['expires'] = 'invalidDate')),
    code: 'proof-bad-date',
  },
  // §3.1 / each cryptosuite: "If the cryptosuite field is not the string …, an error MUST be raised"
  {
    what: 'The value of the cryptosuite property MUST be a string that identifies the cryptographic suite (invalidCryptosuite).',
    make: (c) => withProof(c, (p) => (p['cryptosuite'] = 'UnknownCryptosuite')),
    code: 'proof-unsupported',
  },
  {
    what: 'The proof options MUST contain a type identifier (type) and a cryptosuite identifier (cryptosuite) (noTypeOrCryptosuite).',
    make: (c) => withProof(c, (p) => Object.assign(p, { type: '', cryptosuite: '' })),
    code: 'proof-unsupported',
  },
  // §4.4: "If domain was given, and it does not contain the same strings as proof.domain (treating a
  // single string as a set containing just that string), an error MUST be raised and SHOULD convey
  // an error type of INVALID_DOMAIN_ERROR." / "If challenge was given, and it does not match
  // proof.challenge, an error MUST be raised and SHOULD convey an error type of INVALID_CHALLENGE_ERROR."
  {
    what: 'If domain was given, and it does not contain the same strings as proof.domain, an error MUST be raised (invalidDomain).',
    make: (c) =>
      withProof(c, (p) =>
        Object.assign(p, {
          proofPurpose: 'authentication',
          domain: 'invalid-vc-domain.example.com',
          challenge: '1235abcd6789',
        }),
      ),
    options: { domain: 'domain.example' },
    code: 'domain-mismatch',
  },
  {
    what: 'If the "options.challenge" is set and it does not match "proof.challenge", an error MUST be raised (invalidChallenge).',
    make: (c) =>
      withProof(c, (p) =>
        Object.assign(p, {
          proofPurpose: 'authentication',
          domain: 'domain.example',
          challenge: 'invalid-challenge',
        }),
      ),
    options: { domain: 'domain.example', challenge: '1235abcd6789' },
    code: 'challenge-mismatch',
  },
  {
    what: 'If domain was given and the proof has none, an error MUST be raised.',
    make: (c) => c,
    options: { domain: 'domain.example' },
    code: 'domain-missing',
  },
  {
    what: 'If challenge was given and the proof has none, an error MUST be raised.',
    make: (c) => c,
    options: { challenge: '1235abcd6789' },
    code: 'challenge-missing',
  },
  // VC Data Integrity §3.1: "The value of the cryptosuite property MUST be a string that identifies
  // the cryptographic suite." (and §2.1: type "MUST be specified as a string"); an array of one
  // string is the same RDF, so only the verifier's own check can refuse it
  {
    what: 'The value of the cryptosuite property MUST be a string (an array of the right name is not one).',
    make: (c) => withProof(c, (p) => (p['cryptosuite'] = [p['cryptosuite']])),
    code: 'proof-unsupported',
  },
  {
    what: 'The proof type MUST be a string (an array of DataIntegrityProof is not one).',
    make: (c) => withProof(c, (p) => (p['type'] = [p['type']])),
    code: 'proof-unsupported',
  },
  // vc-di-ecdsa-test-suite / vc-di-bbs-test-suite: "MUST fail to verify a modified disclosed credential."
  {
    what: 'MUST fail to verify a modified (disclosed) credential.',
    make: (c) => {
      (c['credentialSubject'] as Obj)['id'] = 'urn:invalid';
      return c;
    },
    code: 'proof-bad-signature',
  },
];

describe('W3C Data Integrity verifier suites through the VC API handler (issue 14)', () => {
  const issuers: Issuer[] = [];
  const issued = new Map<Issuer, Obj>();
  before(async () => {
    for (const [name, keyType] of ISSUERS) {
      const by = await freshIssuer(name, keyType);
      issuers.push(by);
      issued.set(by, await sign(by, credential(by.did)));
    }
  });

  /** Runs `cases` against every issuer; asserts each answer, listing every miss at once. */
  async function expectAll(cases: Case[], pick: (by: Issuer) => boolean = () => true): Promise<void> {
    const misses: string[] = [];
    for (const by of issuers.filter(pick)) {
      for (const c of cases) {
        const sent = await c.make(structuredClone(issued.get(by)!), by);
        const a = await post(sent, c.options);
        const ok = (a.status === 400 || a.status === 422) && (!c.code || a.codes.includes(c.code));
        if (!ok) misses.push(`${label(by)} | ${c.what} → ${a.status} ${a.codes.join(',')}`);
      }
    }
    assert.deepEqual(misses, []);
  }

  it('MUST verify a valid VC with each suite’s proof (200), also when options.expectedProofPurpose is assertionMethod', async () => {
    for (const by of issuers) {
      for (const options of [{}, { expectedProofPurpose: 'assertionMethod' }]) {
        const a = await post(issued.get(by), options);
        assert.deepEqual(a, { status: 200, codes: [] }, `${label(by)} ${JSON.stringify(options)}`);
      }
    }
  });

  // vc-di-ecdsa-test-suite 50-sd-verify and vc-di-bbs-test-suite verify, on VC 1.1 and 2.0: "MUST
  // verify a valid VC with nested disclosed properties", "… with disclosed properties and bnodes",
  // "MUST verify with full array revealed properties", "… with fewer array revealed properties",
  // "MUST verify w/o first element revealed properties" (VC 1.1: issuanceDate is mandatory)
  it('ecdsa-sd-2023, bbs-2023: nested, blank-node and array disclosures verify, VC 1.1 and 2.0', async () => {
    const misses: string[] = [];
    for (const by of issuers.filter((i) => i.sd)) {
      for (const version of ['1.1', '2.0'] as const) {
        const mandatory = version === '1.1' ? ['/issuanceDate', '/issuer'] : ['/issuer'];
        const license = (withId: boolean): Obj => sdLicense(by.did, version, withId);
        const team = sdTeam(by.did, version);
        const cases: [string, Obj, string[]][] = [
          ['credentialSubject id', license(true), ['/credentialSubject/id']],
          ['nested properties', license(true), NESTED],
          ['nested properties, no ids (blank nodes)', license(false), NESTED],
          ['full arrays', team, ARRAYS],
          ['fewer array elements', team, ARRAYS.slice(2, -4)],
          ['without the first elements', team, ARRAYS.slice(7)],
        ];
        for (const [what, c, selective] of cases) {
          const derived = await sign(by, c, undefined, { mandatory, selective });
          const a = await post(derived);
          if (a.status !== 200) misses.push(`${label(by)} VC ${version} ${what} → ${a.status} ${a.codes}`);
        }
      }
    }
    assert.deepEqual(misses, []);
  });

  for (const c of DI_VERIFY_ERRORS) {
    it(`${c.what} → 400${c.code ? ` (${c.code})` : ''}, every suite`, () => expectAll([c]));
  }

  // vc-di-ecdsa-test-suite 50-sd-verify / vc-di-bbs-test-suite verify: a base proof is for the holder
  // ("MUST fail to verify a base proof."), and "If the proofValue string does not start with u […]
  // an error MUST be raised"
  it('ecdsa-sd-2023, bbs-2023: MUST fail to verify a base proof; a proofValue "a" is an error', async () => {
    for (const by of issuers.filter((i) => i.sd)) {
      const base = await signBase(by, credential(by.did));
      rejected(await post(base), 'proof-not-derived', label(by));
    }
    await expectAll(
      [
        {
          what: 'proofValue "a"',
          make: (c) => withProof(c, (p) => (p['proofValue'] = 'a')),
          code: 'proof-malformed',
        },
        // "If the "cryptosuite" field is not the string "ecdsa-sd-2023" / "bbs-2023", an error MUST be raised."
        {
          what: 'cryptosuite invalid-cryptosuite',
          make: (c) => withProof(c, (p) => (p['cryptosuite'] = 'invalid-cryptosuite')),
          code: 'proof-unsupported',
        },
      ],
      (i) => i.sd,
    );
  });

  // vc-di-bbs-test-suite: "CBOR-encode components per [RFC8949] where CBOR tagging MUST NOT be used on
  // any of the components." (its invalidCborEncoding writes every byte string as tag 2 around other
  // bytes), and a proof value whose header bytes are zeroed (valuePrefix): "If the decodedProofValue
  // does not start with the … header bytes 0xd9, 0x5d, and 0x03 [ecdsa-sd-2023: 0x01], an error MUST
  // be raised"
  it('ecdsa-sd-2023, bbs-2023: a derived proof value with tagged CBOR, or without its header, is an error', async () => {
    for (const by of issuers.filter((i) => i.sd)) {
      const issuedVc = issued.get(by)!;
      const bytes = new Uint8Array(
        Buffer.from(String(proofOf(issuedVc)['proofValue']).slice(1), 'base64url'),
      );
      const parts = cborDecode(bytes.subarray(3), { useMaps: true }) as unknown;
      const tagged = cborEncode(parts, {
        typeEncoders: {
          Uint8Array: (b: Uint8Array) => [
            new Token(Type.tag, 2),
            new Token(
              Type.bytes,
              b.map((x) => x + 1),
            ),
          ],
        },
      });
      for (const [what, value] of [
        ['tag 2', new Uint8Array([...bytes.subarray(0, 3), ...tagged])],
        ['no header', new Uint8Array([0, 0, ...bytes.subarray(2)])],
      ] as const) {
        const c = structuredClone(issuedVc);
        proofOf(c)['proofValue'] = `u${Buffer.from(value).toString('base64url')}`;
        rejected(await post(c), 'proof-malformed', `${label(by)} ${what}`);
      }
    }
  });

  // the DI suites' generators that MUST still verify: createdOneYearAgo, noCreated ("The date and
  // time the proof was created is OPTIONAL"), and expires in the future, with Z or an offset
  it('a proof created a year ago, one without created, and one that expires later (Z or +00:00) verify', async () => {
    const year = new Date(NOW.getTime() - 365 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const later = new Date(NOW.getTime() + 86_400_000).toISOString().replace(/\.\d+Z$/, '');
    const edits: [string, (p: Obj) => Obj][] = [
      ['createdOneYearAgo', (p) => ({ ...p, created: year })],
      ['expires Z', (p) => ({ ...p, expires: `${later}Z` })],
      ['expires +00:00', (p) => ({ ...p, expires: `${later}+00:00` })],
    ];
    // bbs-2023: the Digital Bazaar suite drops created from the base proof, so there is none to vary
    for (const by of issuers.filter((i) => i.name !== 'bbs-2023')) {
      const noCreated = await sign(by, credential(by.did), ({ created: _c, ...p }) => p);
      assert.equal(proofOf(noCreated)['created'], undefined);
      assert.deepEqual(await post(noCreated), { status: 200, codes: [] }, `${label(by)} noCreated`);
      for (const [name, edit] of edits) {
        const c = await sign(by, credential(by.did), edit);
        assert.deepEqual(await post(c), { status: 200, codes: [] }, `${label(by)} ${name}`);
      }
    }
  });

  it('options that are not strings are a bad request, never ignored', async () => {
    const c = issued.get(issuers[0]!)!;
    for (const options of [{ expectedProofPurpose: 7 }, { domain: { a: 1 } }, { challenge: ['x'] }]) {
      const a = await post(c, options);
      assert.equal(a.status, 400, JSON.stringify(options));
    }
    // VC Data Integrity's domain may be a set of strings: the same set is a match
    const both = structuredClone(c);
    assert.deepEqual((await post(both, { domain: ['a.example'] })).codes, ['domain-missing']);
  });
});

// ------------------------------------------------------------------ eddsa: the suite's own variants

/** Base58btc (the Bitcoin alphabet), for proof values this test makes itself. */
function base58(bytes: Uint8Array): string {
  const A = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = A[Number(n % 58n)]! + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}
function unbase58(s: string): Uint8Array {
  const A = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = 0n;
  for (const ch of s) n = n * 58n + BigInt(A.indexOf(ch));
  const hex = n.toString(16);
  const body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  const zeros = s.length - s.replace(/^1+/, '').length;
  return new Uint8Array([...new Uint8Array(zeros), ...body]);
}
const sha = (alg: 'sha256' | 'sha512', text: string): Buffer => createHash(alg).update(text).digest();

/** A did:key with a fresh Ed25519 key from node:crypto, signing by the spec's algorithms. */
function handIssuer(): { did: string; vm: string; key: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const mb = `z${base58(new Uint8Array([0xed, 0x01, ...raw]))}`;
  const did = `did:key:${mb}`;
  return {
    did,
    vm: `${did}#${mb}`,
    key: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })),
  };
}

describe('vc-di-eddsa-test-suite verifier rows (eddsa-rdfc-2022, eddsa-jcs-2022)', () => {
  const by = handIssuer();
  const options = (cryptosuite: string, extra: Obj = {}): Obj => ({
    type: 'DataIntegrityProof',
    cryptosuite,
    created: CREATED,
    verificationMethod: by.vm,
    proofPurpose: 'assertionMethod',
    ...extra,
  });
  /** eddsa-rdfc-2022 (vc-di-eddsa §3.2): hash(canon(proof options + document @context)) ‖ hash(canon(document)). */
  async function signRdfc(
    doc: Obj,
    opts: Obj,
    canon: 'rdfc' | 'jcs' = 'rdfc',
    alg: 'sha256' | 'sha512' = 'sha256',
    safe = true,
  ): Promise<Obj> {
    const { proof: _p, ...rest } = doc;
    // a chained proof signs the document with the proofs it names (VC Data Integrity §4.1 Add Proof)
    const prev = opts['previousProof'];
    const named: unknown[] = [prev ?? []].flat();
    const prior = (
      doc['proof'] === undefined ? [] : Array.isArray(doc['proof']) ? doc['proof'] : [doc['proof']]
    ) as Obj[];
    const unsecured =
      prev === undefined ? rest : { ...rest, proof: prior.filter((p) => named.includes(p['id'])) };
    const config = { ...opts, '@context': doc['@context'] };
    const c14n = (o: Obj): Promise<string> =>
      canon === 'jcs'
        ? Promise.resolve(canonicalize(o)!)
        : jsonld.canonize(o, {
            algorithm: 'URDNA2015',
            format: 'application/n-quads',
            documentLoader,
            safe,
          });
    const data = Buffer.concat([sha(alg, await c14n(config)), sha(alg, await c14n(unsecured))]);
    const proof = { ...opts, proofValue: `z${base58(edSign(null, data, by.key))}` };
    return { ...doc, proof: prior.length ? [...prior, proof] : proof };
  }
  /** eddsa-jcs-2022 (vc-di-eddsa §3.3): the same over JCS, the proof options carrying the document's @context. */
  function signJcs(doc: Obj, opts: Obj): Obj {
    const config = { ...opts, '@context': doc['@context'] };
    const data = Buffer.concat([sha('sha256', canonicalize(config)!), sha('sha256', canonicalize(doc)!)]);
    return { ...doc, proof: { ...config, proofValue: `z${base58(edSign(null, data, by.key))}` } };
  }
  const vcOf = (): Obj => credential(by.did);

  it('control: hand-signed eddsa-rdfc-2022 and eddsa-jcs-2022 credentials verify (200)', async () => {
    assert.deepEqual(await post(await signRdfc(vcOf(), options('eddsa-rdfc-2022'))), {
      status: 200,
      codes: [],
    });
    assert.deepEqual(await post(signJcs(vcOf(), options('eddsa-jcs-2022'))), { status: 200, codes: [] });
  });

  // vc-di-eddsa §3.2.6/§3.3.6 "If the "proofValue" field, when decoded to raw bytes, is not 64 bytes
  // in length if the associated public key is 32 bytes in length, or 114 bytes in length if the
  // public key is 57 bytes in length, an error MUST be raised."
  it('a proofValue 32 bytes too long is an error (rdfc and jcs)', async () => {
    for (const signed of [
      await signRdfc(vcOf(), options('eddsa-rdfc-2022')),
      signJcs(vcOf(), options('eddsa-jcs-2022')),
    ]) {
      const p = proofOf(signed);
      const bytes = unbase58(String(p['proofValue']).slice(1));
      assert.equal(bytes.length, 64);
      p['proofValue'] = `z${base58(new Uint8Array([...bytes, ...new Uint8Array(32).fill(7)]))}`;
      rejected(await post(signed), 'proof-malformed');
    }
  });

  // 20-rdfc-verify: "If a canonicalization algorithm other than URDNA2015 is used, an error MUST be
  // raised." / "If a canonicalization data hashing other than algorithm SHA-2-256 is used, an error
  // MUST be raised." / 50-jcs-verify "fails verification when credential is not canonicalized correctly."
  it('eddsa-rdfc-2022 signed over JCS, or hashed with SHA-512, fails; eddsa-jcs-2022 over other bytes fails', async () => {
    const jcsLabelledRdfc = await signRdfc(vcOf(), options('eddsa-rdfc-2022'), 'jcs');
    rejected(await post(jcsLabelledRdfc), 'proof-bad-signature');
    const sha512 = await signRdfc(vcOf(), options('eddsa-rdfc-2022'), 'rdfc', 'sha512');
    rejected(await post(sha512), 'proof-bad-signature');
    // canonizeUnknown: each key of the document prefixed "unknown-" before hashing
    const doc = vcOf();
    const unknown = Object.fromEntries(Object.entries(doc).map(([k, v]) => [`unknown-${k}`, v]));
    const config = { ...options('eddsa-jcs-2022'), '@context': doc['@context'] };
    const data = Buffer.concat([
      sha('sha256', JSON.stringify(config)),
      sha('sha256', JSON.stringify(unknown)),
    ]);
    const bad = { ...doc, proof: { ...config, proofValue: `z${base58(edSign(null, data, by.key))}` } };
    rejected(await post(bad), 'proof-bad-signature');
  });

  // "If the "cryptosuite" field is not the string "eddsa-rdfc-2022" / "eddsa-jcs-2022", an error MUST
  // be raised." — signed with that name, so only the name can be what fails
  it('a proof signed with an unknown cryptosuite name (unknown-cryptosuite-2017) is an error', async () => {
    const signed = await signRdfc(vcOf(), options('unknown-cryptosuite-2017'));
    rejected(await post(signed), 'proof-unsupported');
  });

  // VC Data Integrity §2.4.3 Securing Data Losslessly: "Implementations that use JSON-LD processing,
  // such as RDF Dataset Canonicalization [RDF-CANON], MUST throw an error, which SHOULD be
  // DATA_LOSS_DETECTION_ERROR, when data is dropped by a JSON-LD processor, such as when an undefined
  // term is detected in an input document." (data-integrity-test-suite-assertion: undefinedTerm)
  it('an undefined term or type fails: signed over the dropped data, or added after issuance', async () => {
    const withTerm = vcOf();
    (withTerm['credentialSubject'] as Obj)['undefinedTerm'] = 'IfDroppedWillVerify';
    // signed by a processor that drops the term silently: the signature is good over what is left
    const lossy = await signRdfc(withTerm, options('eddsa-rdfc-2022'), 'rdfc', 'sha256', false);
    rejected(await post(lossy), 'proof-undefined-term');
    const issued = await signRdfc(vcOf(), options('eddsa-rdfc-2022'));
    const added = structuredClone(issued);
    (added['credentialSubject'] as Obj)['undefinedTerm'] = 'IfDroppedWillVerify';
    rejected(await post(added), 'proof-undefined-term');
    const typed = structuredClone(issued);
    (typed['type'] as string[]).push('UndefinedType');
    rejected(await post(typed), 'proof-undefined-term');
  });

  // VC Data Integrity §4.6 Verify Proof Sets and Chains: a chained proof signs the document with the
  // proofs it names; "If a proof with id value equal to the value of previousProof does not exist in
  // allProofs, an error MUST be raised" (vc-di-ecdsa-test-suite 75-proof-chains, with its own issuer)
  it('proof chains: a chain signed as the spec says verifies; a changed or missing previous proof fails', async () => {
    const first = await signRdfc(vcOf(), options('eddsa-rdfc-2022', { id: 'urn:uuid:first' }));
    const chained = (previousProof: string | string[]): Promise<Obj> =>
      signRdfc(first, options('eddsa-rdfc-2022', { id: 'urn:uuid:second', previousProof }));
    for (const prev of ['urn:uuid:first', ['urn:uuid:first']]) {
      const chain = await chained(prev);
      assert.deepEqual(await post(chain), { status: 200, codes: [] }, JSON.stringify(prev));
      const otherId = structuredClone(chain);
      (otherId['proof'] as Obj[])[0]!['id'] = 'urn:uuid:other';
      assert.equal((await post(otherId)).status, 400);
      const broken = structuredClone(chain);
      (broken['proof'] as Obj[])[0]!['proofValue'] = 'invalidProofValue';
      assert.equal((await post(broken)).status, 400);
    }
    const missing = await signRdfc(first, options('eddsa-rdfc-2022', { previousProof: 'urn:uuid:missing' }));
    rejected(await post(missing), 'proof-chain-broken');
  });
});

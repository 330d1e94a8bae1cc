/**
 * Secured credentials in the wild that are not JSON with an embedded proof: VC-JOSE-COSE
 * (`application/vc+jwt`, the payload is the credential itself; `EnvelopedVerifiableCredential` with a
 * `data:` URL), VC-JWT with ES384, SD-JWT VC (`dc+sd-jwt` / `vc+sd-jwt`: issuer signature, every
 * disclosure's digest, the disclosed claims, an optional key binding JWT), and COSE credentials,
 * which are recognised and answered in words. Issued by independent implementations with fresh keys
 * (jose, @sd-jwt/core, @digitalbazaar/ecdsa-multikey); every mutation must fail.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { CompactSign, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { SDJwtInstance } from '@sd-jwt/core';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { readFileSync } from 'node:fs';
import { NOW } from './harness.js';

type Obj = Record<string, unknown>;
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};
const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url');
const nowS = Math.floor(NOW.getTime() / 1000);

function serve(docs: Record<string, unknown> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const doc = docs[url];
    return doc === undefined
      ? new Response('not found', { status: 404 })
      : new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}
const offline = serve();

function credential(issuer: string): Obj {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:3c1f9f2e-7b1a-4e55-8f0e-1d2c3b4a5e6f',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Robotics Club',
    issuer: { id: issuer, type: ['Profile'], name: 'Eastside High' },
    validFrom: '2026-03-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:student-9',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://eastside.example/achievements/robotics',
        type: ['Achievement'],
        name: 'Robotics Club',
        description: 'Built and programmed a robot.',
        criteria: { narrative: 'Completed the season.' },
      },
    },
  };
}

/** A did:jwk issuer with a fresh key of `alg` (jose). */
async function joseIssuer(alg: 'ES256' | 'ES384' | 'EdDSA') {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const did = `did:jwk:${b64u(JSON.stringify(jwk))}`;
  return {
    did,
    /** A VC-JOSE-COSE `vc+jwt`: the payload is the credential. */
    vcJwt: (c: Obj, header: Obj = {}) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(c)))
        .setProtectedHeader({ alg, kid: `${did}#0`, typ: 'vc+jwt', cty: 'vc', ...header })
        .sign(privateKey),
    /** A VC-JWT with the credential in a `vc` claim (VCDM 1.1 style). */
    vcClaimJwt: (c: Obj) =>
      new SignJWT({ vc: c })
        .setProtectedHeader({ alg, kid: `${did}#0` })
        .setIssuer(did)
        .setIssuedAt(nowS - 3600)
        .sign(privateKey),
  };
}

const flipPart = (jwt: string, part: number): string => {
  const parts = jwt.split('.');
  const p = parts[part]!;
  const i = Math.floor(p.length / 2);
  parts[part] = p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1);
  return parts.join('.');
};
/** The same token with its payload replaced (the signature kept). */
const swapPayload = (jwt: string, payload: Obj): string => {
  const [h, , s] = jwt.split('.');
  return `${h}.${b64u(JSON.stringify(payload))}.${s}`;
};

describe('VC-JOSE-COSE: application/vc+jwt and enveloped credentials', () => {
  for (const alg of ['ES256', 'ES384', 'EdDSA'] as const) {
    let issuer: Awaited<ReturnType<typeof joseIssuer>>;
    before(async () => {
      issuer = await joseIssuer(alg);
    });
    it(`${alg}: a vc+jwt whose payload is the credential verifies, issuer bound`, async () => {
      const jwt = await issuer.vcJwt(credential(issuer.did));
      const r = await verifyCredential(jwt, { now: NOW, fetch: offline });
      assert.equal(r.verified, true, summary(r));
      assert.equal(r.format, 'ob3-vc2');
      assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' });
    });
    it(`${alg}: the same as an EnvelopedVerifiableCredential (object, JSON text) and as a data: URL`, async () => {
      const jwt = await issuer.vcJwt(credential(issuer.did));
      const enveloped = {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        id: `data:application/vc+jwt,${jwt}`,
        type: 'EnvelopedVerifiableCredential',
      };
      for (const input of [enveloped, JSON.stringify(enveloped), `data:application/vc+jwt,${jwt}`]) {
        const r = await verifyCredential(input, { now: NOW, fetch: offline });
        assert.equal(r.verified, true, summary(r));
        assert.equal(r.credential?.name, 'Robotics Club');
      }
    });
    it(`${alg}: every mutation fails`, async () => {
      const c = credential(issuer.did);
      const jwt = await issuer.vcJwt(c);
      const edited = structuredClone(c);
      edited['name'] = 'Robotics Club Captain';
      const other = await joseIssuer(alg);
      const inputs = [
        flipPart(jwt, 2), // the signature
        swapPayload(jwt, edited), // the credential, signature kept
        flipPart(jwt, 0), // the header
        await other.vcJwt(c), // signed by another key, naming this issuer
        `data:application/vc+jwt,${swapPayload(jwt, edited)}`,
      ];
      for (const [i, input] of inputs.entries()) {
        const r = await verifyCredential(input, { now: NOW, fetch: offline });
        assert.equal(r.verified, false, `mutation ${i}: ${summary(r)}`);
        assert.notEqual(
          check(r, 'proof').outcome === 'passed' && check(r, 'issuer').outcome === 'passed',
          true,
        );
      }
    });
  }
  it("the W3C VC-JOSE-COSE test suite's negative vectors are refused, each for its reason", async () => {
    const vector = (name: string): string =>
      readFileSync(new URL(`../../fixtures/vc-jose-cose/${name}.txt`, import.meta.url), 'utf8').trim();
    // "The JWT Claim Names vc and vp MUST NOT be present in any JWT Claims Set that comprises a
    // verifiable credential" (VC-JOSE-COSE §3.1.1); a media type that is not a credential's is refused
    const cases: [string, string | undefined][] = [
      ['credential-jose-bad-media-type', 'jwt-typ-unsupported'],
      ['credential-jose-vc-vp-claims', 'jwt-claims-mismatch'],
    ];
    for (const [name, code] of cases) {
      const r = await verifyCredential(vector(name), { now: NOW, fetch: offline });
      assert.equal(r.verified, false, name);
      assert.equal(check(r, 'proof').outcome, 'failed', `${name}: ${summary(r)}`);
      if (code) assert.equal(check(r, 'proof').code, code, name);
    }
    // The bad-signature vector names its key only by a JWK thumbprint ("kid" is "a hint", RFC 7515
    // §4.1.4) of a key the suite does not publish: the key cannot be looked up, so the signature
    // cannot be checked — not verified, and not called forged either (issue 14)
    const r = await verifyCredential(vector('credential-jose-bad-signature'), { now: NOW, fetch: offline });
    assert.equal(r.verified, false);
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'key-unsupported-method' }, summary(r));
  });
  it('a vc+jwt token carrying a vc claim is refused even when its signature is good', async () => {
    const issuer = await joseIssuer('ES256');
    const c = credential(issuer.did);
    const r = await verifyCredential(await issuer.vcJwt({ ...c, vc: c }), { now: NOW, fetch: offline });
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'jwt-claims-mismatch' });
  });
  it('VC-JWT ES384 with the credential in a vc claim verifies (jose)', async () => {
    const issuer = await joseIssuer('ES384');
    const c = credential(issuer.did);
    const r = await verifyCredential(await issuer.vcClaimJwt(c), { now: NOW, fetch: offline });
    assert.equal(r.verified, true, summary(r));
  });
  it('VC-JWT ES384 signed with a did:key z82… P-384 multikey (Digital Bazaar ecdsa-multikey signs)', async () => {
    const kp = await EcdsaMultikey.generate({ curve: 'P-384' });
    const did = `did:key:${kp.publicKeyMultibase}`;
    assert.ok(kp.publicKeyMultibase.startsWith('z82'));
    const header = b64u(
      JSON.stringify({ alg: 'ES384', kid: `${did}#${kp.publicKeyMultibase}`, typ: 'vc+jwt' }),
    );
    const payload = b64u(JSON.stringify(credential(did)));
    const sig = await kp.signer().sign({ data: new TextEncoder().encode(`${header}.${payload}`) });
    const jwt = `${header}.${payload}.${b64u(sig)}`;
    const r = await verifyCredential(jwt, { now: NOW, fetch: offline });
    assert.equal(r.verified, true, summary(r));
    const bad = await verifyCredential(flipPart(jwt, 1), { now: NOW, fetch: offline });
    assert.equal(bad.verified, false);
    // ES256 named over a P-384 key: refused
    const h256 = b64u(JSON.stringify({ alg: 'ES256', kid: `${did}#${kp.publicKeyMultibase}` }));
    const wrong = await verifyCredential(`${h256}.${payload}.${b64u(sig)}`, { now: NOW, fetch: offline });
    assert.deepEqual(check(wrong, 'proof'), { outcome: 'failed', code: 'jwt-alg-key-mismatch' });
  });
});

/** An SD-JWT issuer with a fresh P-256 key (WebCrypto), through @sd-jwt/core. */
async function sdIssuer(typ: 'dc+sd-jwt' | 'vc+sd-jwt' = 'dc+sd-jwt') {
  const subtle = webcrypto.subtle;
  const algo = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  const issuerKeys = await subtle.generateKey(algo, true, ['sign', 'verify']);
  const holderKeys = await subtle.generateKey(algo, true, ['sign', 'verify']);
  const issuerJwk = await subtle.exportKey('jwk', issuerKeys.publicKey);
  const holderJwk = await subtle.exportKey('jwk', holderKeys.publicKey);
  const signWith = (key: CryptoKey) => async (data: string) =>
    b64u(
      new Uint8Array(
        await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(data)),
      ),
    );
  class Vc extends SDJwtInstance<Obj> {
    protected override type = typ;
  }
  const sd = new Vc({
    signer: signWith(issuerKeys.privateKey),
    signAlg: 'ES256',
    kbSigner: signWith(holderKeys.privateKey),
    kbSignAlg: 'ES256',
    hasher: async (data: string | ArrayBuffer, alg: string) =>
      new Uint8Array(
        await subtle.digest(
          alg.toUpperCase(),
          typeof data === 'string' ? new TextEncoder().encode(data) : data,
        ),
      ),
    hashAlg: 'sha-256',
    saltGenerator: () => b64u(webcrypto.getRandomValues(new Uint8Array(16))),
  });
  const iss = 'https://registrar.eastside.example';
  const metadata = {
    'https://registrar.eastside.example/.well-known/jwt-vc-issuer': {
      issuer: iss,
      jwks: { keys: [{ ...issuerJwk, kid: 'k1' }] },
    },
  };
  const claims = {
    iss,
    iat: nowS - 86400,
    exp: nowS + 365 * 86400,
    vct: 'https://credentials.eastside.example/robotics',
    cnf: { jwk: { kty: holderJwk.kty, crv: holderJwk.crv, x: holderJwk.x, y: holderJwk.y } },
    name: 'Robotics Club',
    given_name: 'Ana',
    family_name: 'García',
    club: { name: 'Robotics', season: '2026' },
    skills: ['soldering', 'programming', 'teamwork'],
  };
  const issued = await sd.issue(
    claims,
    { _sd: ['given_name', 'family_name'], club: { _sd: ['season'] }, skills: { _sd: [1, 2] } },
    { header: { kid: 'k1' } },
  );
  return { sd, issued, fetch: serve(metadata), iss };
}

describe('SD-JWT VC (@sd-jwt/core issues with a fresh P-256 key)', () => {
  let s: Awaited<ReturnType<typeof sdIssuer>>;
  before(async () => {
    s = await sdIssuer();
  });
  it('verifies with every disclosure: issuer from its JWT VC Issuer Metadata, claims disclosed for display', async () => {
    const r = await verifyCredential(s.issued, { now: NOW, fetch: s.fetch });
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(check(r, 'format'), { outcome: 'passed', code: 'format-sd-jwt-vc' });
    assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' });
    const paths = (r.disclosures ?? []).map((d) => d.path).sort();
    assert.deepEqual(paths, ['club.season', 'family_name', 'given_name', 'skills[1]', 'skills[2]']);
    assert.equal(r.disclosures?.find((d) => d.path === 'family_name')?.value, 'García');
    assert.equal(r.credential?.name, 'Robotics Club');
  });
  it('verifies with some disclosures withheld (only what was disclosed is shown)', async () => {
    const presented = await s.sd.present(s.issued, { given_name: true } as never);
    const r = await verifyCredential(presented, { now: NOW, fetch: s.fetch });
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(
      (r.disclosures ?? []).map((d) => d.path),
      ['given_name'],
    );
  });
  it('verifies a key binding JWT made by the holder (recipient check), and the older vc+sd-jwt type', async () => {
    const presented = await s.sd.present(s.issued, { given_name: true } as never, {
      kb: { payload: { iat: nowS, aud: 'https://verifier.example', nonce: 'n-0S6_WzA2Mj' } },
    });
    const r = await verifyCredential(presented, { now: NOW, fetch: s.fetch });
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(check(r, 'recipient'), { outcome: 'passed', code: 'sd-jwt-key-binding-valid' });
    const old = await sdIssuer('vc+sd-jwt');
    const r2 = await verifyCredential(old.issued, { now: NOW, fetch: old.fetch });
    assert.equal(r2.verified, true, summary(r2));
  });
  it('every mutation fails', async () => {
    const parts = s.issued.split('~');
    const jwt = parts[0]!;
    const disclosure = parts[1]!;
    const forged = b64u(JSON.stringify(['c2FsdA', 'given_name', 'Mallory']));
    const [h, p] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Obj;
    const withKb = await s.sd.present(s.issued, { given_name: true } as never, {
      kb: { payload: { iat: nowS, aud: 'https://verifier.example', nonce: 'abc' } },
    });
    const kbParts = withKb.split('~');
    const other = await sdIssuer();
    const mutations: [string, string][] = [
      ['a changed issuer signature', `${flipPart(jwt, 2)}~${parts.slice(1).join('~')}`],
      [
        'a changed payload',
        `${h}.${b64u(JSON.stringify({ ...payload, name: 'Chess Club' }))}.${jwt.split('.')[2]}~${parts.slice(1).join('~')}`,
      ],
      ['a forged disclosure', `${jwt}~${forged}~`],
      ['a disclosure given twice', `${jwt}~${disclosure}~${disclosure}~`],
      ['a disclosure of another credential', `${jwt}~${other.issued.split('~')[1]}~`],
      ['a changed disclosure', `${jwt}~${flipPart(disclosure + '.x.y', 0).split('.')[0]}~`],
      [
        'a key binding JWT with a changed signature',
        [...kbParts.slice(0, -1), flipPart(kbParts.at(-1)!, 2)].join('~'),
      ],
      ['a key binding JWT over other disclosures', [kbParts[0], disclosure, kbParts.at(-1)].join('~')],
      [
        'a key binding JWT made by another key',
        [
          ...kbParts.slice(0, -1),
          (
            await other.sd.present(other.issued, {} as never, {
              kb: { payload: { iat: nowS, aud: 'x', nonce: 'y' } },
            })
          )
            .split('~')
            .at(-1),
        ].join('~'),
      ],
      ['signed by another issuer naming this one', other.issued.replace(/^[^.]+/, h!)],
    ];
    for (const [what, input] of mutations) {
      const r = await verifyCredential(input, { now: NOW, fetch: s.fetch });
      assert.equal(r.verified, false, `${what}: ${summary(r)}`);
      assert.notEqual(check(r, 'proof').outcome, 'passed', `${what}: ${summary(r)}`);
    }
  });
  it('an issuer whose metadata cannot be fetched: unknown, never passed', async () => {
    const r = await verifyCredential(s.issued, { now: NOW, fetch: offline });
    assert.equal(r.verified, false);
    assert.equal(check(r, 'proof').outcome, 'unknown', summary(r));
  });
  it('an expired SD-JWT is expired (its signature still valid)', async () => {
    const r = await verifyCredential(s.issued, {
      now: new Date(NOW.getTime() + 400 * 86400_000),
      fetch: s.fetch,
    });
    assert.equal(r.verified, false);
    assert.equal(check(r, 'proof').outcome, 'passed');
    assert.equal(check(r, 'validity').outcome, 'failed');
  });
});

describe('SD-JWT VC: the specification example (draft-ietf-oauth-sd-jwt-vc-17, Figure 7)', () => {
  const figure7 = readFileSync(
    new URL('../../fixtures/sd-jwt-vc/figure-7-presentation.txt', import.meta.url),
    'utf8',
  ).trim();
  // RFC 9901 Appendix A.5 issuer key; example.com publishes no JWT VC Issuer Metadata, so the test
  // serves it (see test/fixtures/sd-jwt-vc/SOURCE.md)
  const metadata = serve({
    'https://example.com/.well-known/jwt-vc-issuer/issuer': {
      issuer: 'https://example.com/issuer',
      jwks: {
        keys: [
          {
            kid: 'doc-signer-05-25-2022',
            kty: 'EC',
            crv: 'P-256',
            x: 'b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ',
            y: 'Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8',
          },
        ],
      },
    },
  });
  it('verifies: issuer signature, both disclosures, the key binding JWT', async () => {
    const r = await verifyCredential(figure7, { now: NOW, fetch: metadata });
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(check(r, 'recipient'), { outcome: 'passed', code: 'sd-jwt-key-binding-valid' });
    assert.deepEqual(r.disclosures, [
      { path: 'is_over_65', value: true },
      {
        path: 'address',
        value: { street_address: '123 Main St', locality: 'Anytown', region: 'Anystate', country: 'US' },
      },
    ]);
  });
  it('without its key binding JWT it still verifies (key binding is optional), with no recipient check', async () => {
    const withoutKb = figure7.slice(0, figure7.lastIndexOf('~') + 1);
    const r = await verifyCredential(withoutKb, { now: NOW, fetch: metadata });
    assert.equal(r.verified, true, summary(r));
    assert.equal(check(r, 'recipient').outcome, undefined);
  });
  it('every mutation fails', async () => {
    const parts = figure7.split('~');
    const mutations: [string, string][] = [
      [
        'one disclosure dropped under the key binding',
        [parts[0], parts[1], '', parts[3]].join('~').replace('~~', '~'),
      ],
      [
        'the disclosures in another order under the key binding (sd_hash)',
        [parts[0], parts[2], parts[1], parts[3]].join('~'),
      ],
      ['the issuer signature changed', [flipPart(parts[0]!, 2), ...parts.slice(1)].join('~')],
      ['the key binding signature changed', [...parts.slice(0, 3), flipPart(parts[3]!, 2)].join('~')],
      [
        'a disclosure changed',
        [parts[0], flipPart(`${parts[1]}.a.b`, 0).split('.')[0], ...parts.slice(2)].join('~'),
      ],
    ];
    for (const [what, input] of mutations) {
      const r = await verifyCredential(input, { now: NOW, fetch: metadata });
      assert.equal(r.verified, false, `${what}: ${summary(r)}`);
    }
  });
});

describe('say what it is: never "This text is not valid JSON"', () => {
  const notJson = /not valid JSON/;
  it('a COSE_Sign1 credential (bytes, base64 text, data: URL, enveloped) is recognised and answered in words', async () => {
    // COSE_Sign1: tag 18, [protected bstr, unprotected map, payload bstr, signature bstr]; its payload
    // `{}` is no credential (COSE verification itself: cose.test.ts)
    const cose = Uint8Array.from([
      0xd2, 0x84, 0x43, 0xa1, 0x01, 0x26, 0xa0, 0x44, 0x7b, 0x7d, 0x0a, 0x0a, 0x42, 0x01, 0x02,
    ]);
    const b64 = Buffer.from(cose).toString('base64');
    const inputs: unknown[] = [
      cose,
      b64,
      `data:application/vc+cose;base64,${b64}`,
      {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+cose;base64,${b64}`,
      },
    ];
    for (const input of inputs) {
      const r = await verifyCredential(input, { now: NOW, fetch: offline });
      assert.equal(r.verified, false);
      assert.deepEqual(check(r, 'format'), { outcome: 'failed', code: 'not-a-credential' });
      assert.doesNotMatch(r.checks[0]!.message, notJson);
    }
  });
  it('a damaged SD-JWT is an SD-JWT that cannot be read, not bad JSON', async () => {
    const r = await verifyCredential('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln~Zm9v~', {
      now: NOW,
      fetch: offline,
    });
    assert.equal(r.verified, false);
    assert.doesNotMatch(r.checks[0]!.message, notJson);
    assert.equal(check(r, 'format').code, 'sd-jwt-malformed');
  });
  it('an envelope of an unknown media type says so', async () => {
    const r = await verifyCredential('data:application/vc+mdoc,AAAA', { now: NOW, fetch: offline });
    assert.deepEqual(check(r, 'format'), { outcome: 'unknown', code: 'envelope-unsupported' });
  });
  it('an enveloped presentation is opened, not called bad JSON', async () => {
    const issuer = await joseIssuer('ES256');
    const vp = {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      type: 'EnvelopedVerifiablePresentation',
      id: `data:application/vp+jwt,${await issuer.vcJwt({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] }, { typ: 'vp+jwt' })}`,
    };
    const r = await verifyCredential(vp, { now: NOW, fetch: offline });
    assert.equal(r.verified, false);
    assert.doesNotMatch(r.checks[0]!.message, notJson);
  });
});

describe('hostile envelopes: nothing throws, nothing hangs, nothing passes', () => {
  const b64j = (v: unknown): string => b64u(JSON.stringify(v));
  const header = b64j({ alg: 'ES256', typ: 'dc+sd-jwt', kid: 'k1' });
  const jwt = (payload: unknown): string => `${header}.${b64j(payload)}.${b64u('x'.repeat(64))}`;
  it('malformed SD-JWTs and envelopes are failed or unknown, in words', async () => {
    const many = Array.from({ length: 600 }, (_, i) => b64j([`s${i}`, `c${i}`, i])).join('~');
    const deep = { _sd: [] as string[] } as Record<string, unknown>;
    let node = deep;
    for (let i = 0; i < 200; i++) node = (node['n'] = {}) as Record<string, unknown>;
    const inputs: unknown[] = [
      `${jwt({ iss: 'https://x.example' })}~${many}~`, // too many disclosures
      `${jwt({ iss: 'https://x.example', _sd: 'not-an-array' })}~${b64j(['s', 'a', 1])}~`,
      `${jwt({ iss: 'https://x.example' })}~${b64j(['s', '__proto__', { polluted: true }])}~`,
      `${jwt({ iss: 'https://x.example' })}~${b64u('not json')}~`,
      `${jwt(deep)}~`,
      `${jwt({ iss: 'did:key:z6Mknope' })}~`,
      `${jwt({ iss: 'http://insecure.example' })}~`,
      `${jwt({ iss: 'https://x.example' })}~${b64j(['s', 'a', 1])}~not.a.jwt`,
      'data:application/vc+jwt,%E0%A4%A',
      'data:application/vc+sd-jwt;base64,!!!',
      `data:application/vc+jwt,${'A'.repeat(100_000)}`,
      { type: 'EnvelopedVerifiableCredential', id: 42 },
      { type: ['EnvelopedVerifiableCredential'], id: 'https://not-a-data-url.example' },
      Uint8Array.from([0x84, 0x40, 0xa0, 0xf6, 0x40]),
      new Uint8Array(0),
    ];
    for (const [i, input] of inputs.entries()) {
      const r = await verifyCredential(input, { now: NOW, fetch: offline });
      assert.equal(r.verified, false, `input ${i}`);
      assert.ok(r.checks.length > 0 && r.checks.every((c) => c.message.length > 0), `input ${i}`);
      assert.ok(!r.checks.some((c) => c.code === 'verifier-error'), `input ${i}: ${summary(r)}`);
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

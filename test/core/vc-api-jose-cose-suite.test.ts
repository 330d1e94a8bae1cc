/**
 * Issue 14 ("Verifier 2"): the verifier assertions of the W3C VC-JOSE-COSE test suite
 * (w3c/vc-jose-cose-test-suite, tests/README.md "Verification Tests" 6–16, 20–26, 29–35, and the
 * "Additional Requirements" they cover) against `@microcred/core/vc-api` on a real HTTP server
 * (node:http on 127.0.0.1, port 0), and the same inputs through `verifyCredential` /
 * `verifyPresentation`. The suite hands each implementation a token (`vc+jwt`, `vc+sd-jwt`,
 * base64 `vc+cose`, and the `vp+…` forms) and expects `success` or `failure`; over the VC API a
 * success is 200 with no errors and a failure is 400 with problem details. Its issuer signs with
 * JWK keys (P-256, P-384, Ed25519), `kid` in the protected header, `iss` equal to `issuer`,
 * `cty` `vc`/`vp` and the credential's `iat` as a date string; here the same tokens are made with
 * fresh keys by `jose` and node:crypto (COSE by node-cbor, test/core/verify/cose-signers.ts), the
 * key named by a did:jwk `kid`, or by an https `kid` into a controller document served offline, so
 * that it can be resolved. (The suite's own token files name their key by a bare JWK thumbprint and
 * hand the key to the implementation out of band, tests/input/cid-*.json; Microcred takes no key
 * from its caller, so those files can only be could-not-check here.)
 */
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey as JoseKey } from 'jose';
import { verifyCredential, verifyPresentation } from '@microcred/core';
import { createVcApiHandler } from '@microcred/core/vc-api';
import { vcApiSuite } from './vc-api-suite.js';
import { coseHeader, nodeCose, party } from './verify/cose-signers.js';
import type { Party } from './verify/cose-signers.js';
import { NOW, offlineFetch } from './verify/harness.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';
const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url');
const utf8 = (o: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(o));

/** A did:jwk signer (the suite's issuer signs with a JWK; did:jwk makes its `kid` resolvable). */
async function joseSigner(alg: 'ES256' | 'ES384' | 'EdDSA') {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  const did = `did:jwk:${b64u(JSON.stringify(y ? { kty, crv, x, y } : { kty, crv, x }))}`;
  return {
    did,
    kid: `${did}#0`,
    /** A compact JWS over `payload` (the suite's header: alg, kid, typ, cty), `header` overriding. */
    sign: (payload: Obj, typ: string, cty: string, header: Obj = {}): Promise<string> =>
      new CompactSign(utf8(payload))
        .setProtectedHeader({ alg, kid: `${did}#0`, typ, cty, ...header })
        .sign(privateKey as JoseKey),
  };
}
type Signer = Awaited<ReturnType<typeof joseSigner>>;

/** credential-minimal.json of the suite, issued by `issuer` (its JOSE form adds iss, jti, iat). */
const credential = (issuer: unknown, extra: Obj = {}): Obj => ({
  '@context': [VC2, EXAMPLES],
  id: 'http://university.example/credentials/1872',
  type: ['VerifiableCredential', 'ExampleAlumniCredential'],
  issuer,
  validFrom: '2010-01-01T19:23:24Z',
  credentialSubject: {
    id: 'did:example:123',
    degree: { type: 'BachelorDegree', name: 'Bachelor of Science and Arts' },
  },
  ...extra,
});
/** The suite's JOSE claims set: the credential plus iss, jti and (as a date string) iat. */
const claims = (issuer: string, extra: Obj = {}): Obj => ({
  ...credential(issuer),
  iss: issuer,
  jti: 'http://university.example/credentials/1872',
  iat: '2010-01-01T19:23:24Z',
  ...extra,
});

const envelopedVc = (media: string, body: string): Obj => ({
  '@context': VC2,
  id: `data:${media},${body}`,
  type: 'EnvelopedVerifiableCredential',
});
const envelopedVp = (media: string, body: string): Obj => ({
  '@context': VC2,
  id: `data:${media},${body}`,
  type: 'EnvelopedVerifiablePresentation',
});

/** An SD-JWT (`vc+sd-jwt`): `disclose` lists [object path, claim name] pairs made disclosable. */
async function sdJwt(
  s: Signer,
  payload: Obj,
  disclose: [string[], string][],
  arrays: [string[], number][] = [],
  typ = 'vc+sd-jwt',
  header: Obj = {},
): Promise<string> {
  const body = structuredClone(payload);
  const disclosures: string[] = [];
  const digest = (d: string): string => createHash('sha256').update(d).digest('base64url');
  const at = (path: string[]): Obj => path.reduce((o, k) => o[k] as Obj, body);
  for (const [path, name] of disclose) {
    const o = at(path);
    const d = b64u(JSON.stringify([b64u(`salt-${name}`), name, o[name]]));
    delete o[name];
    o['_sd'] = [...((o['_sd'] as string[] | undefined) ?? []), digest(d)];
    disclosures.push(d);
  }
  for (const [path, i] of arrays) {
    const list = at(path) as unknown as unknown[];
    const d = b64u(JSON.stringify([b64u(`salt-${i}`), list[i]]));
    list[i] = { '...': digest(d) };
    disclosures.push(d);
  }
  body['_sd_alg'] = 'sha-256';
  const jwt = await s.sign(body, typ, typ.startsWith('vp') ? 'vp' : 'vc', header);
  return `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;
}

describe('VC-JOSE-COSE test suite verifier assertions over HTTP (issue 14)', () => {
  const api = vcApiSuite();
  const { accepted, rejected } = api;
  let issuer: Signer;
  let holder: Signer;
  let coseIssuer: Party;
  let coseHolder: Party;

  const opts = { fetch: offlineFetch(), now: NOW };
  /** The public JWK of a did:jwk signer. */
  const jwkOf = (s: Signer): JsonWebKey =>
    JSON.parse(Buffer.from(s.did.slice('did:jwk:'.length), 'base64url').toString()) as JsonWebKey;
  /**
   * The issuer and the holder as https URLs with a controller document each (VC-JOSE-COSE §4.2, its
   * example: a `JsonWebKey` verification method, the key in `publicKeyJwk`), the same keys as the
   * did:jwk signers.
   */
  const UNIVERSITY = 'https://university.example/issuers/565049';
  const HOLDER = 'https://holder.example/people/7';
  const controllerDocs = (): Record<string, unknown> =>
    Object.fromEntries(
      [[UNIVERSITY, issuer] as const, [HOLDER, holder] as const].map(([id, s]) => [
        id,
        {
          '@context': ['https://www.w3.org/ns/cid/v1'],
          id,
          verificationMethod: [
            { id: `${id}#key-1`, type: 'JsonWebKey', controller: id, publicKeyJwk: jwkOf(s) },
          ],
          assertionMethod: [`${id}#key-1`],
          authentication: [`${id}#key-1`],
        },
      ]),
    );

  /** A `vc+cose` COSE_Sign1 over `payload` by `signer`, `edit` changing the protected header. */
  const cose = (signer: Party, payload: Obj, kind: 'vc' | 'vp' = 'vc', extra: [number, unknown][] = []) =>
    nodeCose(signer, coseHeader(signer, kind, extra), payload);
  /** As the suite's presentations carry it: standard base64, with the newline its issuer leaves. */
  const coseDataUrl = (bytes: Uint8Array, kind: 'vc' | 'vp' = 'vc'): string =>
    `data:application/${kind}+cose;base64,${Buffer.from(bytes).toString('base64')}\n`;

  before(async () => {
    issuer = await joseSigner('ES256');
    holder = await joseSigner('ES384');
    coseIssuer = await party('ES256');
    coseHolder = await party('ES384');
    const handler = createVcApiHandler({ fetch: offlineFetch(controllerDocs()), now: NOW });
    await api.start(handler);
  });
  after(() => api.close());

  // Test 6 "JWT Basic Credential Verification" (success). §3.1.1: "A conforming JWS verifier
  // implementation MUST use [RFC7515] to verify conforming JWS documents that use this media type";
  // the suite's claims set carries iat as a date string, which a verifier must not trip over
  // (§5.4: "All claims that are not understood MUST be ignored").
  it('6: a vc+jwt (cty vc, iss, jti, iat as a string) verifies, bare and enveloped', async () => {
    const jwt = await issuer.sign(claims(issuer.did), 'vc+jwt', 'vc');
    await accepted('/credentials/verify', envelopedVc('application/vc+jwt', jwt));
    const r = await verifyCredential(jwt, opts);
    assert.equal(r.verified, true, JSON.stringify(r.checks));
  });

  // Test 8 "JWT Issuer Match Verification" (success); §4.1.2: "When the issuer value is a string,
  // iss value, if present, MUST match issuer value. When issuer value is an object with an id value,
  // iss value, if present, MUST match issuer.id value." Another iss is refused.
  it('8: iss matching issuer (string or object id) verifies; another iss is refused', async () => {
    const obj = { ...claims(issuer.did), issuer: { id: issuer.did, name: 'Example University' } };
    await accepted(
      '/credentials/verify',
      envelopedVc('application/vc+jwt', await issuer.sign(obj, 'vc+jwt', 'vc')),
    );
    const other = await issuer.sign(claims(issuer.did, { iss: 'did:example:someone-else' }), 'vc+jwt', 'vc');
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', other), {
      code: 'jwt-claims-mismatch',
    });
    const otherObj = await issuer.sign({ ...obj, iss: 'did:example:someone-else' }, 'vc+jwt', 'vc');
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', otherObj), {
      code: 'jwt-claims-mismatch',
    });
  });

  // Tests 10 and 11 "Unsecured Credential / Presentation Verification" (failure); §3.1.1:
  // "Issuers, Holders, and Verifiers MUST ignore all JWT Claims Sets that have no integrity
  // protection" — an `alg: none` token and an unsigned credential or presentation are refused.
  it('10, 11: unsecured credentials and presentations (alg none, no proof) are refused', async () => {
    const none = (o: Obj, typ: string): string =>
      `${b64u(JSON.stringify({ alg: 'none', typ }))}.${b64u(JSON.stringify(o))}.`;
    await rejected(
      '/credentials/verify',
      envelopedVc('application/vc+jwt', none(claims(issuer.did), 'vc+jwt')),
    );
    await rejected('/credentials/verify', credential(issuer.did));
    const vp = { '@context': [VC2], type: ['VerifiablePresentation'], holder: holder.did };
    await rejected('/presentations/verify', envelopedVp('application/vp+jwt', none(vp, 'vp+jwt')));
    await rejected('/presentations/verify', vp);
  });

  // §5.1 Validation "follow RFC 7519 JWT validation": RFC 7519 §4.1.4 "The exp (expiration time)
  // claim identifies the expiration time on or after which the JWT MUST NOT be accepted for
  // processing", §4.1.5 nbf "before which the JWT MUST NOT be accepted".
  it('5.1: a vc+jwt past its exp, or before its nbf, is refused; within them it verifies', async () => {
    const nowS = Math.floor(NOW.getTime() / 1000);
    for (const [extra, ok] of [
      [{ exp: nowS - 3600 }, false],
      [{ nbf: nowS + 3600 }, false],
      [{ exp: nowS + 3600, nbf: nowS - 3600 }, true],
    ] as const) {
      const jwt = await issuer.sign(claims(issuer.did, extra), 'vc+jwt', 'vc');
      if (ok) await accepted('/credentials/verify', envelopedVc('application/vc+jwt', jwt));
      else await rejected('/credentials/verify', envelopedVc('application/vc+jwt', jwt));
    }
  });

  // Test 12 "JWT Credential with an Invalid Signature" (failure): RFC 7515 §5.2 validation.
  it('12: a vc+jwt with a changed signature or payload is refused', async () => {
    const jwt = await issuer.sign(claims(issuer.did), 'vc+jwt', 'vc');
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', flipped), {
      code: 'proof-bad-signature',
    });
    const changed = `${h}.${b64u(JSON.stringify(claims(issuer.did, { validFrom: '2009-01-01T00:00:00Z' })))}.${sig}`;
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', changed), {
      code: 'proof-bad-signature',
    });
  });

  // Tests 13 and 14 "Credential / Presentation with an Invalid Media Type" (failure); §3.1.1 (typ
  // "SHOULD be vc+jwt"), §5.4 "All claims expected for the typ MUST be present". The suite's
  // tokens say typ `bad+typ`, cty `bad+cty`; a presentation token is not a credential, and a
  // data: URL whose media type is not what the token is does not hold what it says.
  it('13, 14: tokens of another media type are refused', async () => {
    const bad = await issuer.sign(claims(issuer.did), 'bad+typ', 'bad+cty');
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', bad), {
      code: 'jwt-typ-unsupported',
    });
    const vp = { '@context': [VC2], type: ['VerifiablePresentation'], holder: holder.did };
    const badVp = await holder.sign(vp, 'bad+typ', 'bad+cty');
    await rejected('/presentations/verify', envelopedVp('application/vp+jwt', badVp));
    const vpJwt = await holder.sign(vp, 'vp+jwt', 'vp');
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', vpJwt));
    const vcJwt = await issuer.sign(claims(issuer.did), 'vc+jwt', 'vc');
    await rejected('/presentations/verify', envelopedVp('application/vp+jwt', vcJwt));
  });

  // Test 15 "JWT Credential with vc and vp Claims" (failure); §3.1.1: "The JWT Claim Names vc and
  // vp MUST NOT be present in any JWT Claims Set that comprises a verifiable credential".
  it('15: a vc+jwt carrying vc or vp claims is refused', async () => {
    for (const extra of [{ vc: credential(issuer.did) }, { vp: {} }]) {
      const jwt = await issuer.sign(claims(issuer.did, extra), 'vc+jwt', 'vc');
      await rejected('/credentials/verify', envelopedVc('application/vc+jwt', jwt), {
        code: 'jwt-claims-mismatch',
      });
    }
  });

  // "When iss is absent, and the issuer is identified as a URL, the kid MUST be an absolute URL to a
  // verification method listed in a controller document" (suite assertion 27, §4.2); with `iss`
  // present, a relative kid (`#key-1`) names a key of the `iss` document.
  it('27: an https issuer: an absolute kid to its controller document verifies, with or without iss', async () => {
    const c = { ...credential(UNIVERSITY), iss: UNIVERSITY };
    const abs = await issuer.sign(c, 'vc+jwt', 'vc', { kid: `${UNIVERSITY}#key-1` });
    await accepted('/credentials/verify', envelopedVc('application/vc+jwt', abs));
    const noIss = await issuer.sign(credential(UNIVERSITY), 'vc+jwt', 'vc', { kid: `${UNIVERSITY}#key-1` });
    await accepted('/credentials/verify', envelopedVc('application/vc+jwt', noIss));
    const rel = await issuer.sign(c, 'vc+jwt', 'vc', { kid: '#key-1' });
    await accepted('/credentials/verify', envelopedVc('application/vc+jwt', rel));
    const didRel = await issuer.sign(claims(issuer.did), 'vc+jwt', 'vc', { kid: '#0' });
    await accepted('/credentials/verify', envelopedVc('application/vc+jwt', didRel));
  });

  it('27: without iss, a relative kid is refused; a key of another controller is refused', async () => {
    const rel = await issuer.sign(credential(UNIVERSITY), 'vc+jwt', 'vc', { kid: '#key-1' });
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', rel));
    const other = await holder.sign({ ...credential(UNIVERSITY), iss: UNIVERSITY }, 'vc+jwt', 'vc', {
      kid: `${HOLDER}#key-1`,
    });
    await rejected('/credentials/verify', envelopedVc('application/vc+jwt', other), {
      code: 'issuer-mismatch',
    });
  });

  // Suite assertion 28: "When the holder is identified as a URL, and iss is absent, the kid MUST be
  // an absolute URL to a verification method listed in a controller document."
  it('28: a vp+jwt by an https holder: absolute kid verifies; relative kid without iss is refused', async () => {
    const vp = {
      '@context': [VC2],
      type: 'VerifiablePresentation',
      holder: HOLDER,
      verifiableCredential: [],
    };
    const abs = await holder.sign(vp, 'vp+jwt', 'vp', { kid: `${HOLDER}#key-1` });
    await accepted('/presentations/verify', envelopedVp('application/vp+jwt', abs));
    const rel = await holder.sign({ ...vp, iss: HOLDER }, 'vp+jwt', 'vp', { kid: '#key-1' });
    await accepted('/presentations/verify', envelopedVp('application/vp+jwt', rel));
    const relNoIss = await holder.sign(vp, 'vp+jwt', 'vp', { kid: '#key-1' });
    await rejected('/presentations/verify', envelopedVp('application/vp+jwt', relNoIss));
    // iss, when present, names the holder (§4.1.2 for presentations)
    const otherIss = await holder.sign({ ...vp, iss: UNIVERSITY }, 'vp+jwt', 'vp', {
      kid: `${HOLDER}#key-1`,
    });
    await rejected('/presentations/verify', envelopedVp('application/vp+jwt', otherIss));
  });

  // Test 7 "JWT Presentation Verification" (success), presentation-jose-multiple: a vp+jwt by the
  // holder whose verifiableCredential holds a vc+jwt, a vc+sd-jwt and a base64 vc+cose, each an
  // EnvelopedVerifiableCredential (§3.1.2: "Credentials in verifiable presentations MUST be
  // secured"; §3.3: COSE "credentials MUST be encoded using base64").
  it('7: a vp+jwt with vc+jwt, vc+sd-jwt and vc+cose enveloped credentials verifies', async () => {
    const vcs = [
      envelopedVc('application/vc+jwt', await issuer.sign(claims(issuer.did), 'vc+jwt', 'vc')),
      envelopedVc(
        'application/vc+sd-jwt',
        await sdJwt(issuer, claims(issuer.did), [[['credentialSubject'], 'id']]),
      ),
      {
        '@context': VC2,
        id: coseDataUrl(cose(coseIssuer, credential(coseIssuer.did))),
        type: 'EnvelopedVerifiableCredential',
      },
    ];
    const vp = {
      '@context': [VC2, EXAMPLES],
      id: 'urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5',
      type: 'VerifiablePresentation',
      holder: holder.did,
      iss: holder.did,
      jti: 'urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5',
      verifiableCredential: vcs,
    };
    const jwt = await holder.sign(vp, 'vp+jwt', 'vp');
    await accepted('/presentations/verify', envelopedVp('application/vp+jwt', jwt));
    const r = await verifyPresentation(jwt, opts);
    assert.equal(r.verified, true, JSON.stringify(r.checks));
    assert.equal(r.credentials.length, 3);
  });

  // Test 16 "JWT Presentation with Invalid Credentials" (failure), presentation-jose-bad-credential:
  // §3.1.2 "Verifiable Credentials secured in verifiable presentations MUST use the Enveloped
  // Verifiable Credential type" and "Credentials in verifiable presentations MUST be secured".
  it('16: a vp+jwt whose credential is not a secured enveloped credential is refused', async () => {
    const vp = (vc: unknown): Obj => ({
      '@context': [VC2],
      type: 'VerifiablePresentation',
      holder: holder.did,
      verifiableCredential: [vc],
    });
    // each credential failed (never merely "could not check"), and so the presentation
    for (const [vc, code] of [
      [
        { '@context': VC2, id: 'not-a-credential', type: 'EnvelopedVerifiableCredential' },
        'not-a-credential',
      ],
      [credential(issuer.did), 'proof-missing'],
      [envelopedVc('application/vc+jwt', 'not.a.token'), 'invalid-jws'],
    ] as const) {
      const jwt = await holder.sign(vp(vc), 'vp+jwt', 'vp');
      await rejected('/presentations/verify', envelopedVp('application/vp+jwt', jwt), { code });
      const r = await verifyPresentation(jwt, opts);
      const c = r.checks.find((x) => x.id === 'credentials');
      assert.deepEqual([r.verified, c?.outcome, c?.code], [false, 'failed', 'credentials-failed']);
    }
  });

  // Tests 20 and 21 "SD-JWT Basic / Complex Credential Verification" (success): §3.2.1 "A
  // conforming SD-JWT verifier implementation MUST use [SD-JWT] to verify conforming JWS documents
  // that use this media type" — disclosed claims at the top, nested and as array elements.
  it('20, 21: vc+sd-jwt credentials with simple, nested and array disclosures verify', async () => {
    const simple = await sdJwt(issuer, claims(issuer.did), [
      [[], 'issuer'],
      [['credentialSubject'], 'id'],
    ]);
    await accepted('/credentials/verify', envelopedVc('application/vc+sd-jwt', simple));
    const nested = claims(issuer.did, {
      credentialSubject: {
        id: 'did:example:123',
        address: { street: '123 Main St', city: 'Anytown' },
        phoneNumbers: ['555-0100', '555-0101'],
      },
    });
    const complex = await sdJwt(
      issuer,
      nested,
      [
        [['credentialSubject', 'address'], 'street'],
        [['credentialSubject', 'address'], 'city'],
      ],
      [[['credentialSubject', 'phoneNumbers'], 0]],
    );
    await accepted('/credentials/verify', envelopedVc('application/vc+sd-jwt', complex));
    const r = await verifyCredential(complex, opts);
    assert.equal(r.verified, true, JSON.stringify(r.checks));
  });

  // §4.1.2 ("iss, if present, MUST match issuer") holds for every securing format: an SD-JWT or a
  // COSE credential whose iss names someone else than its issuer is refused.
  it('24, 25, 27 for SD-JWT and COSE: an iss that is not the issuer is refused; without iss, an absolute kid verifies', async () => {
    const other = await sdJwt(issuer, claims(issuer.did, { issuer: 'did:example:someone-else' }), [
      [['credentialSubject'], 'id'],
    ]);
    await rejected('/credentials/verify', envelopedVc('application/vc+sd-jwt', other));
    const hidden = await sdJwt(issuer, claims(issuer.did, { issuer: 'did:example:someone-else' }), [
      [[], 'issuer'],
    ]);
    await rejected('/credentials/verify', envelopedVc('application/vc+sd-jwt', hidden));
    // in an SD-JWT VC (no @context) an "issuer" claim is just a claim, not the issuer
    const { '@context': _c, ...plain } = claims(issuer.did, { issuer: 'Example University', vct: 'Alumni' });
    const sdVc = await sdJwt(issuer, plain, [[['credentialSubject'], 'id']], [], 'dc+sd-jwt');
    await accepted('/credentials/verify', envelopedVc('application/dc+sd-jwt', sdVc));
    const { iss: _iss, ...noIss } = claims(issuer.did);
    const absent = await sdJwt(issuer, noIss, [[['credentialSubject'], 'id']]);
    await accepted('/credentials/verify', envelopedVc('application/vc+sd-jwt', absent));
    // assertion 27 for SD-JWT: an https issuer, the kid an absolute URL into its controller document
    for (const c of [credential(UNIVERSITY), { ...credential(UNIVERSITY), iss: UNIVERSITY }]) {
      const jwt = await sdJwt(issuer, c, [[['credentialSubject'], 'id']], [], 'vc+sd-jwt', {
        kid: `${UNIVERSITY}#key-1`,
      });
      await accepted('/credentials/verify', envelopedVc('application/vc+sd-jwt', jwt));
    }
    const cwt = new Map<number, unknown>([[1, 'did:example:someone-else']]);
    const bad = nodeCose(coseIssuer, coseHeader(coseIssuer, 'vc', [[15, cwt]]), credential(coseIssuer.did));
    await rejected('/credentials/verify', {
      '@context': VC2,
      id: coseDataUrl(bad),
      type: 'EnvelopedVerifiableCredential',
    });
    // a relative kid names a key of the CWT issuer (iss, claim 1); without iss it names nothing
    const relative = (claims: [number, unknown][]) =>
      nodeCose(
        coseIssuer,
        new Map([...coseHeader(coseIssuer, 'vc', claims), [4, Buffer.from('#0')]]),
        credential(coseIssuer.did),
      );
    const enveloped = (msg: Uint8Array): Obj => ({
      '@context': VC2,
      id: coseDataUrl(msg),
      type: 'EnvelopedVerifiableCredential',
    });
    await accepted('/credentials/verify', enveloped(relative([[15, new Map([[1, coseIssuer.did]])]])));
    await rejected('/credentials/verify', enveloped(relative([])));
  });

  // Tests 23 and 24 "SD-JWT Credential With an Invalid Signature / Invalid Media Type" (failure).
  it('23, 24: a vc+sd-jwt with a bad signature, a changed disclosure or typ bad+typ is refused', async () => {
    const good = await sdJwt(issuer, claims(issuer.did), [[['credentialSubject'], 'id']]);
    const [jwt, d] = good.split('~') as [string, string];
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}~${d}~`;
    await rejected('/credentials/verify', envelopedVc('application/vc+sd-jwt', flipped));
    const otherD = b64u(JSON.stringify([b64u('salt-id'), 'id', 'did:example:mallory']));
    await rejected('/credentials/verify', envelopedVc('application/vc+sd-jwt', `${jwt}~${otherD}~`));
    const bad = await sdJwt(issuer, claims(issuer.did), [[['credentialSubject'], 'id']], [], 'bad+typ');
    await rejected('/credentials/verify', envelopedVc('application/vc+sd-jwt', bad));
  });

  // Tests 22, 25, 26: SD-JWT presentations (vp+sd-jwt, as presentation-sdjwt-selective: holder and
  // the enveloped credential selectively disclosed). §3.2.2: "A conforming SD-JWT verifier
  // implementation MUST use [SD-JWT] to verify conforming JWS documents that use this media type".
  it('22, 25, 26: a vp+sd-jwt verifies; a changed one, one with bad typ or an invalid credential is refused', async () => {
    const vc = envelopedVc(
      'application/vc+sd-jwt',
      await sdJwt(issuer, claims(issuer.did), [[['credentialSubject'], 'id']]),
    );
    const vp = (cred: unknown): Obj => ({
      '@context': [VC2, EXAMPLES],
      id: 'urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5',
      type: 'VerifiablePresentation',
      holder: holder.did,
      iss: holder.did,
      verifiableCredential: [cred],
    });
    const good = await sdJwt(holder, vp(vc), [[[], 'holder']], [[['verifiableCredential'], 0]], 'vp+sd-jwt');
    await accepted('/presentations/verify', envelopedVp('application/vp+sd-jwt', good));
    const r = await verifyPresentation(envelopedVp('application/vp+sd-jwt', good), opts);
    assert.equal(r.verified, true, JSON.stringify(r.checks));
    assert.equal(r.credentials.length, 1);
    // given where a credential is expected (the verify button), it is verified as a presentation
    const asVc = await verifyCredential(envelopedVp('application/vp+sd-jwt', good), opts);
    assert.equal(asVc.presentation?.verified, true, JSON.stringify(asVc.checks));
    // every mutation fails: the signature, a disclosure of another value, one left over
    const [jwt, d1, d2] = good.split('~') as [string, string, string];
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const otherHolder = b64u(JSON.stringify([b64u('salt-holder'), 'holder', 'did:example:mallory']));
    for (const bad of [
      `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}~${d1}~${d2}~`,
      `${jwt}~${otherHolder}~${d2}~`,
      `${jwt}~${d1}~${d2}~${otherHolder}~`,
    ])
      await rejected('/presentations/verify', envelopedVp('application/vp+sd-jwt', bad));
    // no key binding JWT (the holder signs the presentation), no vc or vp claims (§3.1), and an
    // undecodable data: URL: each is unreadable, never verified, and nothing throws
    const withVp = await sdJwt(holder, { ...vp(vc), vp: {} }, [[[], 'holder']], [], 'vp+sd-jwt');
    for (const bad of [`${good}${jwt}`, withVp, '%E0%A4%A', 'not-an-sd-jwt'])
      await rejected('/presentations/verify', envelopedVp('application/vp+sd-jwt', bad), {
        code: 'sd-jwt-malformed',
      });
    const badTyp = await sdJwt(holder, vp(vc), [[[], 'holder']], [], 'bad+typ');
    await rejected('/presentations/verify', envelopedVp('application/vp+sd-jwt', badTyp));
    const badVc = await sdJwt(
      holder,
      vp({ '@context': VC2, id: 'not-a-credential', type: 'EnvelopedVerifiableCredential' }),
      [[[], 'holder']],
      [],
      'vp+sd-jwt',
    );
    await rejected('/presentations/verify', envelopedVp('application/vp+sd-jwt', badVc));
  });

  // Test 29 "COSE Basic Credential Verification" (success): §3.3.1 "A conforming COSE verifier
  // implementation MUST use COSE_Sign1 as specified in [RFC9052] to verify conforming COSE
  // documents that use this media type"; §3.3 the data: URL is base64 (the suite's ends in "\n").
  it('29: a vc+cose credential verifies as an enveloped base64 data: URL', async () => {
    const msg = cose(coseIssuer, credential(coseIssuer.did));
    await accepted('/credentials/verify', {
      '@context': VC2,
      id: coseDataUrl(msg),
      type: 'EnvelopedVerifiableCredential',
    });
    const r = await verifyCredential(msg, opts);
    assert.equal(r.verified, true, JSON.stringify(r.checks));
  });

  // Test 30 "COSE Credential Verification Incorrect Encoding" (failure): §3.3 "When including
  // verifiable credentials secured with COSE in verifiable presentations as Enveloped Verifiable
  // Credentials, the credentials MUST be encoded using base64 as specified in [RFC2397]".
  it('30: a vc+cose data: URL that is not base64 is refused', async () => {
    const msg = cose(coseIssuer, credential(coseIssuer.did));
    const raw = Array.from(msg, (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    await rejected('/credentials/verify', envelopedVc('application/vc+cose', raw));
    await rejected(
      '/credentials/verify',
      envelopedVc('application/vc+cose', Buffer.from(msg).toString('hex')),
    );
  });

  // Tests 32, 33 "COSE Credential With an Invalid Signature / Invalid Media Type" (failure).
  it('32, 33: a vc+cose with a changed signature, typ or content type is refused', async () => {
    const msg = cose(coseIssuer, credential(coseIssuer.did));
    const flipped = Uint8Array.from(msg);
    flipped[flipped.length - 5] = flipped[flipped.length - 5]! ^ 1;
    await rejected(
      '/credentials/verify',
      { '@context': VC2, id: coseDataUrl(flipped), type: 'EnvelopedVerifiableCredential' },
      { code: 'proof-bad-signature' },
    );
    for (const extra of [[[16, 'application/bad+typ']], [[3, 'application/bad+cty']]] as [
      number,
      unknown,
    ][][]) {
      const header = new Map(coseHeader(coseIssuer, 'vc'));
      for (const [k, v] of extra) header.set(k, v);
      const bad = nodeCose(coseIssuer, header, credential(coseIssuer.did));
      await rejected('/credentials/verify', {
        '@context': VC2,
        id: coseDataUrl(bad),
        type: 'EnvelopedVerifiableCredential',
      });
    }
  });

  // Tests 31, 34, 35 "COSE Presentation Verification / Invalid Media Type / Invalid Credentials".
  it('31, 34, 35: a vp+cose verifies; bad typ or an invalid credential is refused', async () => {
    const vc = {
      '@context': VC2,
      id: coseDataUrl(cose(coseIssuer, credential(coseIssuer.did))),
      type: 'EnvelopedVerifiableCredential',
    };
    const vp = (cred: unknown): Obj => ({
      '@context': [VC2, EXAMPLES],
      type: 'VerifiablePresentation',
      id: 'urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5',
      holder: coseHolder.did,
      verifiableCredential: [cred],
    });
    const good = cose(coseHolder, vp(vc), 'vp');
    await accepted('/presentations/verify', {
      '@context': VC2,
      id: coseDataUrl(good, 'vp'),
      type: 'EnvelopedVerifiablePresentation',
    });
    const header = new Map(coseHeader(coseHolder, 'vp'));
    header.set(16, 'application/bad+typ');
    const badTyp = nodeCose(coseHolder, header, vp(vc));
    await rejected('/presentations/verify', {
      '@context': VC2,
      id: coseDataUrl(badTyp, 'vp'),
      type: 'EnvelopedVerifiablePresentation',
    });
    const badVc = cose(
      coseHolder,
      vp({ '@context': VC2, id: 'bad-credential', type: 'EnvelopedVerifiableCredential' }),
      'vp',
    );
    await rejected('/presentations/verify', {
      '@context': VC2,
      id: coseDataUrl(badVc, 'vp'),
      type: 'EnvelopedVerifiablePresentation',
    });
  });
});

/**
 * Issue 14, presentations in the VC-JOSE-COSE shapes and with self-asserted keys, made by
 * independent implementations with fresh keys (jose; @sd-jwt/core; the Digital Bazaar stack):
 * - an `EnvelopedVerifiablePresentation` holding an `application/vp+jwt` presentation, and
 *   `EnvelopedVerifiableCredential` entries (`vc+jwt`, `vc+sd-jwt`) in a presentation;
 * - a presentation token whose key is given inline (`jwk` header): bound to the holder only by the
 *   holder's own `did:jwk`, or by the `cnf` key its SD-JWT credentials were issued to;
 * - a `kid` that is a bare JWK thumbprint: a key that cannot be looked up (unknown), never forged.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompactSign, SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { verifyCredential, verifyPresentation } from '@microcred/core';
import type { PresentationReport, VerificationReport } from '@microcred/core';
import { badge, freshIssuer } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { freshSigner } from './fresh-signer.js';
import { NOW, offlineFetch } from './harness.js';
import { freshEcKey, nowS, sdJwtIssuer } from './sd-jwt-issuer.js';
import type { SdJwtIssuer } from './sd-jwt-issuer.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const CHALLENGE = '8f2b6a1e-5c1d-4a39-9f0e-0b7d1c3e2a44';
const DOMAIN = 'https://hiring.example';
const b64u = (s: string): string => Buffer.from(s).toString('base64url');
const summary = (r: PresentationReport | VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const get = (r: PresentationReport | VerificationReport, id: string): [string?, string?] => {
  const c = r.checks.find((x) => x.id === id);
  return [c?.outcome, c?.code];
};

/** A did:jwk holder with a fresh key of `alg` (jose). */
async function didJwkHolder(alg: 'EdDSA' | 'ES256' = 'EdDSA') {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  const jwk = JSON.parse(JSON.stringify({ kty, crv, x, y })) as JsonWebKey;
  return { alg, did: `did:jwk:${b64u(JSON.stringify(jwk))}`, jwk, privateKey };
}
type Holder = Awaited<ReturnType<typeof didJwkHolder>>;

const enveloped = (
  type: 'EnvelopedVerifiableCredential' | 'EnvelopedVerifiablePresentation',
  url: string,
) => ({
  '@context': [VC2],
  id: url,
  type,
});

describe('EnvelopedVerifiablePresentation and enveloped credentials (VC-JOSE-COSE)', () => {
  // VC-JOSE-COSE §3.2 (Securing Presentations with JOSE): the protected header "typ" is "vp+jwt" and
  // the payload is the presentation; an EnvelopedVerifiablePresentation's "id" is "a data: URL …
  // application/vp+jwt". Its verifiableCredential may hold EnvelopedVerifiableCredential objects.
  let academy: { did: string; vcJwt: (c: Obj) => Promise<string> };
  let registrar: SdJwtIssuer;
  let holder: Holder;
  let fetch: typeof globalThis.fetch;
  let vcJwt: string;
  let sdJwt: string;
  const vpJwt = (payload: Obj, header: Obj = {}, signer: Holder = holder): Promise<string> =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: signer.alg, kid: `${signer.did}#0`, typ: 'vp+jwt', ...header })
      .sign(signer.privateKey);
  const presentation = (extra: Obj = {}): Obj => ({
    '@context': [VC2],
    type: ['VerifiablePresentation'],
    holder: holder.did,
    verifiableCredential: [
      enveloped('EnvelopedVerifiableCredential', `data:application/vc+jwt,${vcJwt}`),
      enveloped('EnvelopedVerifiableCredential', `data:application/vc+sd-jwt,${sdJwt}`),
    ],
    nonce: CHALLENGE,
    aud: DOMAIN,
    iat: nowS - 60,
    exp: nowS + 600,
    ...extra,
  });

  before(async () => {
    holder = await didJwkHolder('ES256');
    const issuer = await didJwkHolder('EdDSA');
    academy = {
      did: issuer.did,
      vcJwt: (c) =>
        new CompactSign(new TextEncoder().encode(JSON.stringify(c)))
          .setProtectedHeader({ alg: 'EdDSA', kid: `${issuer.did}#0`, typ: 'vc+jwt' })
          .sign(issuer.privateKey),
    };
    registrar = await sdJwtIssuer();
    fetch = offlineFetch({ [registrar.metadataUrl]: registrar.metadata });
    vcJwt = await academy.vcJwt(
      badge(academy.did, {
        credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: holder.did },
      }),
    );
    sdJwt = await registrar.issue({ sub: holder.did, cnf: { jwk: holder.jwk } });
  });

  it('an EnvelopedVerifiablePresentation (object, JSON text, bare data: URL) verifies with both enveloped credentials', async () => {
    const url = `data:application/vp+jwt,${await vpJwt(presentation())}`;
    const object = enveloped('EnvelopedVerifiablePresentation', url);
    for (const input of [object, JSON.stringify(object), url]) {
      const r = await verifyPresentation(input, { challenge: CHALLENGE, domain: DOMAIN, now: NOW, fetch });
      assert.equal(r.format, 'vp-jwt', summary(r));
      assert.deepEqual(get(r, 'format'), ['passed', 'format-vp-jwt']);
      assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
      assert.deepEqual(get(r, 'holder'), ['passed', 'holder-bound'], summary(r));
      assert.deepEqual(get(r, 'challenge'), ['passed', 'challenge-match']);
      assert.deepEqual(get(r, 'domain'), ['passed', 'domain-match']);
      assert.deepEqual(get(r, 'credentials'), ['passed', 'credentials-verified'], summary(r));
      assert.deepEqual(get(r, 'subject'), ['passed', 'subject-is-holder'], summary(r));
      assert.equal(r.verified, true, summary(r));
      assert.equal(r.holder, holder.did);
      assert.deepEqual(
        r.credentials.map((c) => [c.verified, get(c, 'format')[1]]),
        [
          [true, 'format-ob3-vc2'],
          [true, 'format-sd-jwt-vc'],
        ],
      );
    }
    // the same token as a plain compact JWS (its typ says what it is)
    const plain = await verifyPresentation(url.slice(url.indexOf(',') + 1), {
      challenge: CHALLENGE,
      domain: DOMAIN,
      now: NOW,
      fetch,
    });
    assert.equal(plain.verified, true, summary(plain));
  });

  it('every mutation of the enveloped presentation fails or is refused', async () => {
    const jwt = await vpJwt(presentation());
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Obj;
    const opts = { challenge: CHALLENGE, domain: DOMAIN, now: NOW, fetch };
    const wrap = (token: string) =>
      enveloped('EnvelopedVerifiablePresentation', `data:application/vp+jwt,${token}`);
    // the signed nonce changed
    let r = await verifyPresentation(
      wrap(`${h}.${b64u(JSON.stringify({ ...payload, nonce: 'x' }))}.${s}`),
      opts,
    );
    assert.deepEqual(get(r, 'proof'), ['failed', 'proof-bad-signature'], summary(r));
    // another holder named than the signer
    const other = await didJwkHolder();
    r = await verifyPresentation(wrap(await vpJwt(presentation(), {}, other)), opts);
    assert.deepEqual(get(r, 'holder'), ['failed', 'holder-mismatch'], summary(r));
    // a replay for another challenge
    r = await verifyPresentation(wrap(jwt), { ...opts, challenge: 'another' });
    assert.deepEqual(get(r, 'challenge'), ['failed', 'challenge-mismatch'], summary(r));
    // "the vc and vp claims MUST NOT be present" in a vp+jwt
    r = await verifyPresentation(wrap(await vpJwt({ ...presentation(), vp: presentation() })), opts);
    assert.deepEqual(get(r, 'format'), ['failed', 'jwt-claims-mismatch'], summary(r));
    // a tampered enveloped credential inside a validly signed presentation
    const badVc = `${vcJwt.split('.')[0]}.${b64u(JSON.stringify({ ...badge(academy.did), name: 'Master' }))}.${vcJwt.split('.')[2]}`;
    r = await verifyPresentation(
      wrap(
        await vpJwt(
          presentation({
            verifiableCredential: [
              enveloped('EnvelopedVerifiableCredential', `data:application/vc+jwt,${badVc}`),
            ],
          }),
        ),
      ),
      opts,
    );
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'credentials'), ['failed', 'credentials-failed'], summary(r));
    // not a data: URL, another media type, undecodable
    for (const [id, outcome, code] of [
      ['https://example.com/vp', 'failed', 'not-a-presentation'],
      ['data:application/vp+mdoc;base64,0oRDoQEmoFhA', 'unknown', 'envelope-unsupported'],
      // a vp+cose is read as COSE (presentation-cose.test.ts): this one is cut short
      ['data:application/vp+cose;base64,0oRDoQEmoFhA', 'failed', 'cose-malformed'],
      ['data:application/vp+jwt,%E0%A4%A', 'failed', 'invalid-jws'],
      ['data:application/vp+jwt,not-a-token', 'failed', 'invalid-jws'],
    ] as const) {
      r = await verifyPresentation(enveloped('EnvelopedVerifiablePresentation', id), opts);
      assert.deepEqual(get(r, 'format'), [outcome, code], `${id}: ${summary(r)}`);
      assert.ok(
        r.checks.slice(1).every((c) => c.outcome === 'skipped'),
        summary(r),
      );
      assert.equal(r.verified, false);
    }
    for (const x of [r]) assert.equal(x.verified, false);
  });

  it('enveloped credentials inside a Data Integrity presentation are opened and verified', async () => {
    const learner = await freshSigner();
    const credential = await academy.vcJwt(
      badge(academy.did, {
        credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: learner.did },
      }),
    );
    const signed = await learner.signPresentation(
      {
        '@context': [VC2],
        type: ['VerifiablePresentation'],
        holder: learner.did,
        verifiableCredential: [
          enveloped('EnvelopedVerifiableCredential', `data:application/vc+jwt,${credential}`),
        ],
      },
      { challenge: CHALLENGE, domain: DOMAIN },
    );
    const r = await verifyPresentation(signed, { challenge: CHALLENGE, domain: DOMAIN, now: NOW, fetch });
    assert.deepEqual(get(r, 'credentials'), ['passed', 'credentials-verified'], summary(r));
    assert.deepEqual(get(r, 'subject'), ['passed', 'subject-is-holder'], summary(r));
    assert.equal(r.verified, true, summary(r));
    assert.equal(r.credentials[0]?.credential?.name, 'Formative Assessment');
    // an SD-JWT whose subject (sub) is a selectively disclosed claim: about the holder when disclosed
    const about = async (sub: string) => {
      const sd = await registrar.issue({ sub }, ['given_name', 'sub']);
      assert.ok(
        !JSON.stringify(JSON.parse(Buffer.from(sd.split('.')[1]!, 'base64url').toString())).includes(sub),
      );
      const vp = await learner.signPresentation(
        {
          '@context': [VC2],
          type: ['VerifiablePresentation'],
          holder: learner.did,
          verifiableCredential: [
            enveloped('EnvelopedVerifiableCredential', `data:application/dc+sd-jwt,${sd}`),
          ],
        },
        { challenge: CHALLENGE, domain: DOMAIN },
      );
      return verifyPresentation(vp, { challenge: CHALLENGE, domain: DOMAIN, now: NOW, fetch });
    };
    const mine = await about(learner.did);
    assert.deepEqual(get(mine, 'credentials'), ['passed', 'credentials-verified'], summary(mine));
    assert.deepEqual(get(mine, 'subject'), ['passed', 'subject-is-holder'], summary(mine));
    const theirs = await about('did:example:someone-else');
    assert.deepEqual(get(theirs, 'subject'), ['unknown', 'subject-not-holder'], summary(theirs));
  });

  it('hostile presentations and envelopes: nothing throws, nothing passes', async () => {
    const inputs: unknown[] = [
      enveloped('EnvelopedVerifiablePresentation', 42 as never),
      { type: ['EnvelopedVerifiablePresentation'] },
      `data:application/vp+jwt,${'A'.repeat(100_000)}`,
      'data:application/vp+jwt;base64,!!!',
      `data:application/vp+jwt,${b64u('{}')}.${b64u('{"vp":[]}')}.AA`,
      `data:application/vp+jwt,${b64u('{"alg":"none","typ":"vp+jwt"}')}.${b64u(JSON.stringify({ type: ['VerifiablePresentation'], holder: holder.did }))}.`,
      `${b64u('{"alg":"EdDSA","typ":"vp+jwt","jwk":{"kty":"OKP","crv":"Ed25519","x":"AA"}}')}.${b64u(JSON.stringify({ type: ['VerifiablePresentation'], verifiableCredential: [42, null, 'x', { type: 'EnvelopedVerifiableCredential', id: 'data:,' }] }))}.${b64u('x'.repeat(64))}`,
      JSON.stringify({ type: 'EnvelopedVerifiablePresentation', id: 'data:text/plain,hello' }),
    ];
    for (const [i, input] of inputs.entries()) {
      const r = await verifyPresentation(input, { now: NOW, fetch });
      assert.equal(r.verified, false, `input ${i}`);
      assert.ok(
        !r.checks.some((c) => c.outcome === 'passed' && c.id !== 'format'),
        `input ${i}: ${summary(r)}`,
      );
      assert.ok(!r.checks.some((c) => c.code === 'verifier-error'), `input ${i}: ${summary(r)}`);
    }
  });
});

describe('a presentation token signed with a key given inline (jwk header)', () => {
  // RFC 7515 §4.1.3: "jwk … the public key that corresponds to the key used to digitally sign the
  // JWS" — anyone can put their own key there, so it speaks for the holder only when bound to it:
  // the holder's DID is did:jwk of that very key, or the credentials were issued to it (SD-JWT VC
  // "cnf": "the public key … the Holder … proves possession of", RFC 7800).
  let holder: Holder;
  let academy: FreshIssuer;
  let credential: Obj;
  let registrar: SdJwtIssuer;
  let fetch: typeof globalThis.fetch;
  const opts = () => ({ challenge: CHALLENGE, domain: DOMAIN, now: NOW, fetch });
  const sign = (
    signer: { alg: string; privateKey: CryptoKey | Uint8Array | unknown },
    header: Obj,
    claims: Obj = {},
    vp: Obj = {},
  ): Promise<string> =>
    new SignJWT({
      vp: { '@context': [VC2], type: ['VerifiablePresentation'], verifiableCredential: [credential], ...vp },
      nonce: CHALLENGE,
      aud: DOMAIN,
      iat: nowS - 60,
      ...claims,
    })
      .setProtectedHeader({ alg: signer.alg, ...header })
      .sign(signer.privateKey as CryptoKey);

  before(async () => {
    [holder, academy, registrar] = await Promise.all([didJwkHolder(), freshIssuer(), sdJwtIssuer()]);
    credential = await academy.sign(
      badge(academy.did, {
        credentialSubject: { ...(badge('x')['credentialSubject'] as Obj), id: holder.did },
      }),
    );
    fetch = offlineFetch({ [registrar.metadataUrl]: registrar.metadata });
  });

  it('bound by the holder’s did:jwk of that very key: verified', async () => {
    const r = await verifyPresentation(await sign(holder, { jwk: holder.jwk }, { iss: holder.did }), opts());
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'holder'), ['passed', 'holder-bound'], summary(r));
    assert.equal(r.verified, true, summary(r));
    // a kid that is only the key's thumbprint is a hint: the inline key is used, and bound the same way
    const thumbprint = await calculateJwkThumbprint(holder.jwk as never);
    const r2 = await verifyPresentation(
      await sign(holder, { jwk: holder.jwk, kid: thumbprint }, { iss: holder.did }),
      opts(),
    );
    assert.equal(r2.verified, true, summary(r2));
  });

  it('the holder’s did:jwk is another key than the inline one: holder binding fails', async () => {
    const intruder = await didJwkHolder();
    const r = await verifyPresentation(
      await sign(intruder, { jwk: intruder.jwk }, { iss: holder.did }),
      opts(),
    );
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'holder'), ['failed', 'holder-mismatch'], summary(r));
    assert.equal(r.verified, false);
  });

  it('a holder that is not did:jwk, with a self-asserted key: holder not established (unknown), never verified', async () => {
    // before issue 14 such a token was refused outright ("no kid"); now its signature is checked and
    // the holder reported as not established
    const r = await verifyPresentation(
      await sign(holder, { jwk: holder.jwk }, { iss: 'did:web:learner.example' }),
      opts(),
    );
    assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], summary(r));
    assert.deepEqual(get(r, 'holder'), ['unknown', 'holder-not-checked'], summary(r));
    assert.match(r.checks.find((c) => c.id === 'holder')!.message, /anyone could have signed it/);
    assert.equal(r.verified, false);
    // and without any holder named
    const r2 = await verifyPresentation(await sign(holder, { jwk: holder.jwk }), opts());
    assert.equal(get(r2, 'holder')[0], 'unknown', summary(r2));
    assert.equal(r2.verified, false);
  });

  it('bound by the cnf key of the SD-JWT credentials it holds; another cnf key does not bind', async () => {
    const key = await freshEcKey();
    const signer = { alg: 'ES256', privateKey: key.privateKey };
    const mine = await registrar.issue({ cnf: { jwk: key.jwk } });
    const vc = (sd: string) => ({
      verifiableCredential: [enveloped('EnvelopedVerifiableCredential', `data:application/vc+sd-jwt,${sd}`)],
    });
    let r = await verifyPresentation(await sign(signer, { jwk: key.jwk }, {}, vc(mine)), opts());
    assert.deepEqual(get(r, 'holder'), ['passed', 'holder-bound'], summary(r));
    assert.deepEqual(get(r, 'credentials'), ['passed', 'credentials-verified'], summary(r));
    assert.deepEqual(get(r, 'subject'), ['passed', 'subject-is-holder'], summary(r));
    assert.equal(r.verified, true, summary(r));
    // someone else's SD-JWT (its cnf is another key), presented with the presenter's own key
    const theirs = await registrar.issue({ cnf: { jwk: (await freshEcKey()).jwk } });
    r = await verifyPresentation(await sign(signer, { jwk: key.jwk }, {}, vc(theirs)), opts());
    assert.deepEqual(get(r, 'holder'), ['unknown', 'holder-not-checked'], summary(r));
    assert.equal(r.verified, false);
    // a forged SD-JWT naming the presenter's key in cnf does not bind either (its proof fails)
    const [h, p, s] = theirs.split('~')[0]!.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Obj;
    const forged = `${h}.${b64u(JSON.stringify({ ...claims, cnf: { jwk: key.jwk } }))}.${s}~`;
    r = await verifyPresentation(await sign(signer, { jwk: key.jwk }, {}, vc(forged)), opts());
    assert.equal(get(r, 'holder')[0], 'unknown', summary(r));
    assert.deepEqual(get(r, 'credentials'), ['failed', 'credentials-failed'], summary(r));
    assert.equal(r.verified, false);
  });

  it('an inline private key is refused', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const priv = await exportJWK(privateKey);
    const r = await verifyPresentation(
      await sign({ alg: 'EdDSA', privateKey }, { jwk: priv }, { iss: holder.did }),
      opts(),
    );
    assert.deepEqual(get(r, 'proof'), ['failed', 'key-invalid'], summary(r));
    assert.equal(r.verified, false);
  });
});

describe('a kid that is a bare JWK thumbprint: a key that cannot be looked up', () => {
  // RFC 7515 §4.1.4: "kid … a hint indicating which key was used"; a thumbprint (RFC 7638) names a
  // key without saying where to find it. Not resolvable is "could not check", never "forged".
  const KID = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
  let holder: Holder;
  before(async () => {
    holder = await didJwkHolder();
  });

  it('a presentation token: proof unknown (key-unsupported-method), nothing failed, not verified', async () => {
    const jwt = await new SignJWT({
      vp: { '@context': [VC2], type: ['VerifiablePresentation'] },
      nonce: CHALLENGE,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: KID })
      .setIssuer(holder.did)
      .sign(holder.privateKey);
    const r = await verifyPresentation(jwt, { challenge: CHALLENGE, now: NOW, fetch: offlineFetch() });
    assert.deepEqual(get(r, 'proof'), ['unknown', 'key-unsupported-method'], summary(r));
    assert.ok(
      !r.checks.some((c) => c.outcome === 'failed' || (c.outcome === 'passed' && c.id !== 'format')),
      summary(r),
    );
    assert.equal(r.verified, false);
  });

  it('a VC-JWT credential: proof unknown, issuer unknown, never key-invalid', async () => {
    const jwt = await new SignJWT({ vc: badge(holder.did) })
      .setProtectedHeader({ alg: 'EdDSA', kid: KID })
      .setIssuer(holder.did)
      .sign(holder.privateKey);
    const r = await verifyCredential(jwt, { now: NOW, fetch: offlineFetch() });
    assert.deepEqual(get(r, 'proof'), ['unknown', 'key-unsupported-method'], summary(r));
    assert.equal(get(r, 'issuer')[0], 'unknown', summary(r));
    assert.equal(r.verified, false);
  });
});

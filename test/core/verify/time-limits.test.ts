/**
 * Issue 11 item 6 and issue 14: time limits on proofs and tokens, with fresh keys.
 *
 * Data Integrity (vc-data-integrity §2.1 Proofs): "The date and time the proof was created is
 * OPTIONAL and, if included, MUST be specified as an [XMLSCHEMA11-2] dateTimeStamp string"; "The
 * expires property is OPTIONAL and, if present, specifies when the proof expires. If present, it
 * MUST be an [XMLSCHEMA11-2] dateTimeStamp string". vc-di-eddsa §3.3.5 (proof configuration, also
 * run when verifying): "If proofConfig.created is present and set to a value that is not a valid
 * [XMLSCHEMA11-2] datetime, an error MUST be raised". Issue 14 asks the same of `expires`.
 *
 * JWT (RFC 7519 §4.1.4): "The "exp" (expiration time) claim identifies the expiration time on or
 * after which the JWT MUST NOT be accepted for processing … Its value MUST be a number containing a
 * NumericDate value." §4.1.5: "The "nbf" (not before) claim identifies the time before which the
 * JWT MUST NOT be accepted for processing." Both allow "some small leeway … to account for clock
 * skew". VCDM 1.1 §6.3.1 (JWT decoding): "If exp is present, the UNIX timestamp MUST be converted to
 * an [RFC3339] date-time, and MUST be used to set the value of the expirationDate property", so the
 * token's `exp` wins over what the `vc` claim says (and `nbf` likewise for issuanceDate).
 *
 * JWS (RFC 7515 §4.1.11): "If any of the listed extension Header Parameters are not understood and
 * supported by the recipient, then the JWS is invalid." and "Producers MUST NOT use the empty list
 * "[]" as the "crit" value." Its value is "an array listing the Header Parameter names".
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { JWTPayload } from 'jose';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { OB303, badge, freshIssuer } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};
const at = (ms: number): string => new Date(NOW.getTime() + ms).toISOString().replace('.000Z', 'Z');
const DAY = 86_400_000;
const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('Data Integrity proof times (issue 11 item 6, issue 14)', () => {
  let academy: FreshIssuer;
  before(async () => {
    academy = await freshIssuer();
  });
  const verify = (doc: Obj): Promise<VerificationReport> =>
    verifyCredential(doc, { now: NOW, fetch: offlineFetch() });

  it('control: created in the past, expires in the future, created within the clock skew', async () => {
    for (const edits of [
      { created: at(-DAY), expires: at(DAY) },
      { created: at(2 * 60_000) }, // 2 minutes ahead: within the default 300 s skew
      { created: null },
    ]) {
      const r = await verify(await academy.sign(badge(academy.did), edits));
      assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, JSON.stringify(edits));
      assert.equal(r.verified, true, summary(r));
    }
  });

  it('a proof created in the future (beyond the skew) fails', async () => {
    const r = await verify(await academy.sign(badge(academy.did), { created: at(DAY) }));
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-created-in-future' }, summary(r));
    assert.equal(r.verified, false);
  });

  it('the skew option decides what "in the future" means', async () => {
    const doc = await academy.sign(badge(academy.did), { created: at(10 * 60_000) });
    const strict = await verifyCredential(doc, { now: NOW, fetch: offlineFetch() });
    assert.equal(check(strict, 'proof').code, 'proof-created-in-future');
    const lax = await verifyCredential(doc, { now: NOW, fetch: offlineFetch(), skewSeconds: 900 });
    assert.equal(check(lax, 'proof').code, 'proof-valid', summary(lax));
  });

  it('an expired proof fails, though its signature is good', async () => {
    const r = await verify(
      await academy.sign(badge(academy.did), { created: at(-2 * DAY), expires: at(-DAY) }),
    );
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-expired' }, summary(r));
    assert.match(r.checks.find((c) => c.id === 'proof')!.message, /2026-11-21/);
    assert.equal(r.verified, false);
  });

  for (const [name, edits] of [
    ['created is not a date', { created: 'yesterday' }],
    ['created is 30 February', { created: '2026-02-30T00:00:00Z' }],
    ['created has an hour 25', { created: '2026-01-01T25:00:00Z' }],
    ['created is a date without a time', { created: '2026-01-01' }],
    // VC Data Integrity 1.0 §2.1: created "MUST be specified as an [XMLSCHEMA11-2] dateTimeStamp
    // string" (a time zone is required); the W3C DI verifier suite expects an error without one
    ['created has no time zone', { created: '2026-11-22T12:00:00' }],
    ['expires has no time zone', { expires: '2030-01-01T00:00:00' }],
    ['expires is not a date', { expires: 'soon' }],
    ['expires has a 15-hour offset', { expires: '2030-01-01T00:00:00+15:00' }],
  ] as const) {
    it(`${name}: the proof fails (proof-bad-date)`, async () => {
      const r = await verify(await academy.sign(badge(academy.did), edits));
      assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-date' }, summary(r));
      assert.equal(r.verified, false);
    });
  }

  it('a proof set: one expired proof fails the proof check, the report names it', async () => {
    const good = await academy.sign(badge(academy.did));
    const old = await academy.sign(badge(academy.did), { expires: at(-DAY) });
    const both = { ...good, proof: [good['proof'], old['proof']] };
    const r = await verify(both);
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-expired' }, summary(r));
  });
});

describe('VC-JWT exp and nbf win over the vc claim (issue 11 item 6)', () => {
  let did: string;
  let key: CryptoKey;
  before(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    did = `did:jwk:${b64(await exportJWK(pair.publicKey))}`;
    key = pair.privateKey as CryptoKey;
  });
  /** A VCDM 1.1 VC-JWT whose vc claim says it is valid 2026-01-15 … 2030-01-01. */
  const token = (claims: { exp?: unknown; nbf?: unknown }): Promise<string> => {
    const vc: Obj = {
      ...badge(did),
      '@context': ['https://www.w3.org/2018/credentials/v1', OB303],
      issuanceDate: '2026-01-15T00:00:00Z',
      expirationDate: '2030-01-01T00:00:00Z',
    };
    delete vc['validFrom'];
    // exp and nbf as given, even when they are not numbers (jose only types them)
    return new SignJWT({ vc, ...claims } as JWTPayload)
      .setProtectedHeader({ alg: 'EdDSA', kid: `${did}#0`, typ: 'JWT' })
      .setIssuer(did)
      .setJti(String(vc['id']))
      .sign(key);
  };
  const verify = async (claims: { exp?: unknown; nbf?: unknown }): Promise<VerificationReport> =>
    verifyCredential(await token(claims), { now: NOW, fetch: offlineFetch() });
  const secs = (ms: number): number => Math.floor((NOW.getTime() + ms) / 1000);

  it('control: exp in the future and nbf in the past verify; so does exp just inside the skew', async () => {
    for (const claims of [{ exp: secs(DAY), nbf: secs(-DAY) }, { exp: secs(-60_000) }, {}]) {
      const r = await verify(claims);
      assert.equal(r.verified, true, `${JSON.stringify(claims)}: ${summary(r)}`);
    }
  });

  it('exp in the past fails validity though the vc claim says 2030; the signature still passes', async () => {
    const r = await verify({ exp: secs(-DAY) });
    assert.deepEqual(check(r, 'validity'), { outcome: 'failed', code: 'jwt-expired' }, summary(r));
    assert.equal(check(r, 'proof').outcome, 'passed', 'expired is not forged');
    assert.match(r.checks.find((c) => c.id === 'validity')!.message, /2026-11-21/);
    assert.equal(r.verified, false);
  });

  it('nbf in the future fails validity though the vc claim says 2026-01-15', async () => {
    const r = await verify({ nbf: secs(DAY) });
    assert.deepEqual(check(r, 'validity'), { outcome: 'failed', code: 'jwt-not-yet-valid' }, summary(r));
    assert.equal(r.verified, false);
  });

  it('exp or nbf that is not a NumericDate fails validity', async () => {
    for (const claims of [{ exp: '2030-01-01' }, { nbf: 'now' }, { exp: null }, { exp: 1e20 }]) {
      const r = await verify(claims);
      assert.deepEqual(check(r, 'validity'), { outcome: 'failed', code: 'validity-bad-date' }, summary(r));
      assert.equal(r.verified, false);
    }
  });
});

describe('JWS crit (issue 11 item 6)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const did = `did:jwk:${b64(publicKey.export({ format: 'jwk' }))}`;
  /** A VC-JWT signed by hand (jose refuses to sign headers it does not understand). */
  const signed = (header: Obj): string => {
    const vc = { ...badge(did) };
    const h = b64({ alg: 'EdDSA', kid: `${did}#0`, typ: 'JWT', ...header });
    const p = b64({ vc, iss: did, jti: vc['id'] });
    const s = sign(null, Buffer.from(`${h}.${p}`), privateKey).toString('base64url');
    return `${h}.${p}.${s}`;
  };
  const verify = (header: Obj): Promise<VerificationReport> =>
    verifyCredential(signed(header), { now: NOW, fetch: offlineFetch() });

  it('control: the same token without crit verifies', async () => {
    const r = await verify({});
    assert.equal(r.verified, true, summary(r));
  });
  for (const [name, header, code] of [
    ['a string', { crit: 'exp', exp: 1 }, 'jwt-crit-invalid'],
    ['an object', { crit: { b64: true } }, 'jwt-crit-invalid'],
    ['the empty list', { crit: [] }, 'jwt-crit-invalid'],
    ['a list with a non-name', { crit: [1] }, 'jwt-crit-invalid'],
    ['null', { crit: null }, 'jwt-crit-invalid'],
    ['an extension this verifier does not understand', { crit: ['b64'], b64: false }, 'jwt-crit-unsupported'],
    ['a name that is not in the header', { crit: ['urn:example:ext'] }, 'jwt-crit-unsupported'],
  ] as const) {
    it(`crit as ${name} fails the proof (${code})`, async () => {
      const r = await verify(header);
      assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code }, summary(r));
      assert.equal(r.verified, false);
    });
  }
});

/**
 * Credentials secured with COSE (W3C VC-JOSE-COSE §3.3, `application/vc+cose`): a COSE_Sign1 whose
 * payload is the credential's JSON. Positive cases are made with fresh keys by an independent COSE
 * implementation, cose-js (node-cbor + elliptic), for ES256 and ES384; cose-js has no EdDSA and
 * cannot write `typ`, `crit` or CWT claims, so those are built here with node-cbor (not the
 * production decoder, @levischuck/tiny-cbor) and node:crypto. Every mutation must fail; a key that
 * cannot be fetched is unknown, never passed; the report keeps its order.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import cbor from 'cbor';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { verifyCredential, verifyPresentation } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { NOW } from './harness.js';
import { coseHeader, coseJs, nodeCose, party as makeIssuer, type Party as Issuer } from './cose-signers.js';

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
const unreachable = (async () => {
  throw new TypeError('fetch failed');
}) as typeof fetch;

function credential(issuer: string, extra: Obj = {}): Obj {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:6a1d0c0e-3f0b-4b7e-9f59-2d5e4c3b2a10',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Soldering Safety',
    issuer: { id: issuer, type: ['Profile'], name: 'Westfield Makerspace' },
    validFrom: '2026-02-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-4',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://westfield.example/achievements/soldering',
        type: ['Achievement'],
        name: 'Soldering Safety',
        description: 'Soldered safely under supervision.',
        criteria: { narrative: 'Passed the practical.' },
      },
    },
    ...extra,
  };
}

/** The usual protected header of a credential: alg, kid (bstr), typ and content type (§3.3.1). */
const header = (issuer: Issuer, extra: [number, unknown][] = []): Map<number, unknown> =>
  coseHeader(issuer, 'vc', extra);

/** The COSE_Sign1 array of an encoded message (node-cbor). */
const parts = (msg: Uint8Array): [Buffer, Map<number, unknown>, Buffer, Buffer] => {
  const v = cbor.decodeFirstSync(Buffer.from(msg)) as { value: unknown } | unknown[];
  return (Array.isArray(v) ? v : (v as { value: unknown[] }).value) as [
    Buffer,
    Map<number, unknown>,
    Buffer,
    Buffer,
  ];
};
const reencode = (p: [Buffer, Map<number, unknown>, Buffer, Buffer]): Uint8Array =>
  new Uint8Array(cbor.encode(new cbor.Tagged(18, p)));
const flip = (b: Buffer, at = Math.floor(b.length / 2)): Buffer => {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 0x01;
  return c;
};

const enveloped = (msg: Uint8Array): Obj => ({
  '@context': 'https://www.w3.org/ns/credentials/v2',
  id: `data:application/vc+cose;base64,${Buffer.from(msg).toString('base64')}`,
  type: 'EnvelopedVerifiableCredential',
});

describe('VC-JOSE-COSE: credentials secured with COSE (application/vc+cose)', () => {
  for (const alg of ['ES256', 'ES384'] as const) {
    let issuer: Issuer;
    before(async () => {
      issuer = await makeIssuer(alg);
    });
    it(`${alg}: a COSE_Sign1 made by cose-js verifies as bytes, base64, base64url, hex, data: URL and EnvelopedVerifiableCredential`, async () => {
      const c = credential(issuer.did);
      const tagged = await coseJs(issuer, c);
      const untagged = await coseJs(issuer, c, true);
      assert.equal(tagged[0], 0xd2);
      assert.equal(untagged[0], 0x84);
      const env = enveloped(tagged);
      const inputs: [string, unknown][] = [
        ['bytes', tagged],
        ['untagged bytes', untagged],
        ['ArrayBuffer', tagged.slice().buffer],
        ['base64', Buffer.from(tagged).toString('base64')],
        ['base64url', b64u(tagged)],
        ['hex', Buffer.from(tagged).toString('hex')],
        ['data: URL', env['id']],
        ['EnvelopedVerifiableCredential', env],
        ['EnvelopedVerifiableCredential as JSON text', JSON.stringify(env)],
      ];
      for (const [what, input] of inputs) {
        const r = await verifyCredential(input, { now: NOW, fetch: offline });
        assert.equal(r.verified, true, `${what}: ${summary(r)}`);
        assert.equal(r.format, 'ob3-vc2', what);
        assert.equal(r.credential?.name, 'Soldering Safety', what);
        assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' }, what);
        assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' }, what);
        assert.match(r.checks[0]!.message, /secured with COSE/, what);
      }
    });
  }

  it('EdDSA (and ES256, ES384) with typ, content type and kid as the spec says, built by node-cbor', async () => {
    for (const alg of ['EdDSA', 'ES256', 'ES384'] as const) {
      const issuer = await makeIssuer(alg);
      const msg = nodeCose(issuer, header(issuer), credential(issuer.did));
      const r = await verifyCredential(msg, { now: NOW, fetch: offline });
      assert.equal(r.verified, true, `${alg}: ${summary(r)}`);
      assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' });
    }
  });

  it('a COSE_Sign1 inside a larger buffer is read from its own bytes only', async () => {
    const issuer = await makeIssuer('ES256');
    const msg = await coseJs(issuer, credential(issuer.did));
    const big = new Uint8Array(msg.length + 20);
    big.set(msg, 10);
    const r = await verifyCredential(big.subarray(10, 10 + msg.length), { now: NOW, fetch: offline });
    assert.equal(r.verified, true, summary(r));
  });

  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`${alg}: every mutation fails (payload byte, protected alg, signature byte, wrong kid, issuer, crit, typ, alg)`, async () => {
      const issuer = await makeIssuer(alg);
      const other = await makeIssuer(alg);
      const c = credential(issuer.did);
      const good = nodeCose(issuer, header(issuer), c);
      const [p, u, body, sig] = parts(good);
      const otherAlg = new Map(cbor.decodeFirstSync(p) as Map<number, unknown>);
      otherAlg.set(1, alg === 'EdDSA' ? -7 : -35);
      const algInUnprotected = new Map(cbor.decodeFirstSync(p) as Map<number, unknown>);
      algInUnprotected.delete(1);
      const cases: [string, Uint8Array, string][] = [
        // a byte of the credential (its JSON) changed: the signature no longer matches
        [
          'payload byte',
          reencode([p, u, flip(body, body.indexOf('Soldering') + 1), sig]),
          'proof-bad-signature',
        ],
        ['protected header alg', reencode([cbor.encode(otherAlg), u, body, sig]), 'jwt-alg-key-mismatch'],
        ['alg only in the unprotected header', nodeCose(issuer, algInUnprotected, c), 'cose-alg-unsupported'],
        ['signature byte', reencode([p, u, body, flip(sig)]), 'proof-bad-signature'],
        ['empty signature', reencode([p, u, body, Buffer.alloc(0)]), 'proof-bad-signature'],
        // kid naming another key, the signature by this one
        [
          'wrong kid',
          nodeCose(issuer, header(issuer, [[4, Buffer.from(other.kid)]]), c),
          'proof-bad-signature',
        ],
        // another key signs, naming itself, for a credential that names this issuer
        ['issuer mismatch', nodeCose(other, header(other), c), 'issuer-mismatch'],
        // RFC 9052 §3.1 crit: "the recipient MUST … reject" a message with a critical header it does not understand
        [
          'unknown crit',
          nodeCose(
            issuer,
            header(issuer, [
              [2, [99]],
              [99, 'x'],
            ]),
            c,
          ),
          'cose-crit-unsupported',
        ],
        [
          'crit naming an absent header',
          nodeCose(issuer, header(issuer, [[2, [16, 98]]]), c),
          'cose-crit-unsupported',
        ],
        // VC-JOSE-COSE §3.3.1: "The typ (16) header parameter … SHOULD be application/vc+cose"
        [
          'typ of a presentation',
          nodeCose(issuer, header(issuer, [[16, 'application/vp+cose']]), c),
          'cose-typ-unsupported',
        ],
        // "The content type (3) header parameter SHOULD be application/vc"
        [
          'content type not a credential',
          nodeCose(issuer, header(issuer, [[3, 'text/plain']]), c),
          'cose-typ-unsupported',
        ],
        ['unsupported alg (ES512)', nodeCose(issuer, header(issuer, [[1, -36]]), c), 'cose-alg-unsupported'],
      ];
      for (const [what, msg, code] of cases) {
        const r = await verifyCredential(msg, { now: NOW, fetch: offline });
        assert.equal(r.verified, false, `${what}: ${summary(r)}`);
        // a typ of application/vp+cose makes it a presentation, whose format check refuses it
        assert.ok(
          ['format', 'proof', 'issuer'].some((id) => check(r, id).code === code),
          `${what}: expected ${code}, got ${summary(r)}`,
        );
      }
      // a registered signature algorithm Microcred does not implement (ES512) could not be checked:
      // unknown, not forged; a MAC (HMAC 256/256, COSE alg 5) is refused
      const es512 = await verifyCredential(nodeCose(issuer, header(issuer, [[1, -36]]), c), {
        now: NOW,
        fetch: offline,
      });
      assert.deepEqual(check(es512, 'proof'), { outcome: 'unknown', code: 'cose-alg-unsupported' });
      const hmac = await verifyCredential(nodeCose(issuer, header(issuer, [[1, 5]]), c), {
        now: NOW,
        fetch: offline,
      });
      assert.deepEqual(check(hmac, 'proof'), { outcome: 'failed', code: 'cose-alg-unsupported' });
      // the issuer binding of the issuer mismatch case: the signature itself is valid
      const mismatch = await verifyCredential(nodeCose(other, header(other), c), {
        now: NOW,
        fetch: offline,
      });
      assert.deepEqual(check(mismatch, 'proof'), { outcome: 'passed', code: 'proof-valid' });
      assert.deepEqual(check(mismatch, 'issuer'), { outcome: 'failed', code: 'issuer-mismatch' });
    });
  }

  it('an expired credential (validUntil) or envelope (CWT exp) is expired, not forged; nbf in the future is not yet valid', async () => {
    const issuer = await makeIssuer('ES256');
    const expired = await coseJs(issuer, credential(issuer.did, { validUntil: '2026-06-01T00:00:00Z' }));
    let r = await verifyCredential(expired, { now: NOW, fetch: offline });
    assert.equal(r.verified, false);
    assert.deepEqual(check(r, 'validity'), { outcome: 'failed', code: 'expired' });
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' });
    // RFC 9597: CWT claims (15) in the protected header; exp (4) and nbf (5) in seconds
    const cwtExpired = nodeCose(
      issuer,
      header(issuer, [[15, new Map([[4, nowS - 86400]])]]),
      credential(issuer.did),
    );
    r = await verifyCredential(cwtExpired, { now: NOW, fetch: offline });
    assert.equal(r.verified, false);
    assert.deepEqual(check(r, 'validity'), { outcome: 'failed', code: 'jwt-expired' });
    const cwtLater = nodeCose(
      issuer,
      header(issuer, [[15, new Map([[5, nowS + 86400]])]]),
      credential(issuer.did),
    );
    r = await verifyCredential(cwtLater, { now: NOW, fetch: offline });
    assert.deepEqual(check(r, 'validity'), { outcome: 'failed', code: 'jwt-not-yet-valid' });
    const cwtFine = nodeCose(
      issuer,
      header(issuer, [
        [
          15,
          new Map<number, unknown>([
            [1, issuer.did],
            [4, nowS + 86400],
            [5, nowS - 86400],
          ]),
        ],
      ]),
      credential(issuer.did),
    );
    r = await verifyCredential(cwtFine, { now: NOW, fetch: offline });
    assert.equal(r.verified, true, summary(r));
    const cwtOtherIss = nodeCose(
      issuer,
      header(issuer, [[15, new Map([[1, 'did:example:someone-else']])]]),
      credential(issuer.did),
    );
    r = await verifyCredential(cwtOtherIss, { now: NOW, fetch: offline });
    assert.equal(r.verified, false);
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-mismatch' });
  });

  it('the status of a COSE credential is checked, against a status list that is itself secured with COSE', async () => {
    const issuer = await makeIssuer('EdDSA');
    const listUrl = 'https://westfield.example/status/1';
    const bits = new Uint8Array(16384);
    bits[0] = 0b0000_0100; // index 5 set (index 0 is the most significant bit of the first byte)
    const list = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuer.did,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: {
        id: `${listUrl}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: `u${b64u(gzipSync(bits))}`,
      },
    };
    const served = Buffer.from(nodeCose(issuer, header(issuer), list)).toString('base64');
    const fetchList = (async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return url === listUrl
        ? new Response(served, { headers: { 'content-type': 'application/vc+cose' } })
        : new Response('not found', { status: 404 });
    }) as typeof fetch;
    const entry = (index: number): Obj => ({
      credentialStatus: {
        id: `${listUrl}#${index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(index),
        statusListCredential: listUrl,
      },
    });
    const revoked = nodeCose(issuer, header(issuer), credential(issuer.did, entry(5)));
    let r = await verifyCredential(revoked, { now: NOW, fetch: fetchList });
    assert.equal(r.verified, false);
    assert.deepEqual(check(r, 'status'), { outcome: 'failed', code: 'revoked' }, summary(r));
    assert.deepEqual(check(r, 'proof'), { outcome: 'passed', code: 'proof-valid' });
    const current = nodeCose(issuer, header(issuer), credential(issuer.did, entry(6)));
    r = await verifyCredential(current, { now: NOW, fetch: fetchList });
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(check(r, 'status'), { outcome: 'passed', code: 'not-revoked' });
    // the list cannot be fetched: could not check, never "not revoked"
    r = await verifyCredential(current, { now: NOW, fetch: unreachable });
    assert.equal(r.verified, false);
    assert.equal(check(r, 'status').outcome, 'unknown', summary(r));
  });

  it('a key that cannot be fetched is unknown, never passed; a key the issuer publishes at https verifies', async () => {
    const issuer = await makeIssuer('ES256');
    const issuerId = 'https://westfield.example/issuer';
    const kid = 'https://westfield.example/keys/1';
    const msg = nodeCose(issuer, header(issuer, [[4, Buffer.from(kid)]]), credential(issuerId));
    for (const f of [unreachable, offline]) {
      const r = await verifyCredential(msg, { now: NOW, fetch: f });
      assert.equal(r.verified, false, summary(r));
      assert.equal(check(r, 'proof').outcome, 'unknown', summary(r));
      assert.equal(check(r, 'issuer').outcome, 'unknown', summary(r));
    }
    const { d: _d, ...pub } = issuer.priv;
    const r = await verifyCredential(msg, { now: NOW, fetch: serve({ [kid]: pub }) });
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(check(r, 'issuer'), { outcome: 'passed', code: 'issuer-bound' });
  });

  it('the report contract holds: format, proof, issuer, validity, status in that order, also when it cannot be read', async () => {
    const issuer = await makeIssuer('ES384');
    const good = await coseJs(issuer, credential(issuer.did));
    const broken = good.subarray(0, good.length - 10);
    const notJson = await coseJs(issuer, new TextEncoder().encode('not json'));
    for (const input of [good, broken, notJson, `data:application/vc+cose;base64,%%%`, 'd284deadbeef']) {
      const r = await verifyCredential(input, { now: NOW, fetch: offline });
      const ids = r.checks
        .map((c) => c.id)
        .filter((id) => ['format', 'proof', 'issuer', 'validity', 'status'].includes(id));
      assert.deepEqual(ids, ['format', 'proof', 'issuer', 'validity', 'status'], summary(r));
      if (input !== good) {
        assert.equal(r.verified, false);
        assert.deepEqual(check(r, 'format'), { outcome: 'failed', code: 'cose-malformed' }, summary(r));
        assert.ok(
          r.checks.slice(1).every((c) => c.outcome === 'skipped'),
          summary(r),
        );
      }
    }
  });

  it('hostile CBOR never throws: deep nesting, huge lengths, wrong tags, detached payloads', async () => {
    const deep = new Uint8Array(100_000).fill(0x81); // [[[[…
    const inputs = [
      Uint8Array.from([0xd2, 0x84, 0x40, 0xa0, 0xf6, 0x40]), // payload nil (detached)
      Uint8Array.from([0xd2, 0x84, 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // 2^64-byte bstr
      Uint8Array.from([0xd2, 0x83, 0x40, 0xa0, 0x40]), // three elements
      Uint8Array.from([0xd2, 0x84, 0x41, 0x01, 0xa0, 0x40, 0x40]), // protected header not a map
      Uint8Array.from([0xd2, 0x84, 0x43, 0xa1, 0x01, 0x26, 0xa1, 0x01, 0x26, 0x42, 0x7b, 0x7d, 0x40]), // alg in both
      Uint8Array.from([0xd2, 0x9f, 0x40, 0xa0, 0x40, 0x40, 0xff]), // indefinite array
      Uint8Array.from([0xd2, 0x84, ...deep.subarray(0, 10)]),
      Uint8Array.from([0xd2, ...deep]),
    ];
    for (const input of inputs) {
      const r = await verifyCredential(input, { now: NOW, fetch: offline });
      assert.equal(r.verified, false);
      assert.deepEqual(check(r, 'format'), { outcome: 'failed', code: 'cose-malformed' }, summary(r));
    }
  });

  it("the specification's COSE example (§3.3.1 Example 7) is decoded and refused: it names no key", async () => {
    const hex = readFileSync(
      new URL('../../fixtures/vc-jose-cose/credential-cose-spec-example.txt', import.meta.url),
      'utf8',
    );
    for (const input of [hex, Uint8Array.from(Buffer.from(hex.trim(), 'hex'))]) {
      const r = await verifyCredential(input, { now: NOW, fetch: offline });
      assert.equal(r.verified, false);
      assert.equal(check(r, 'format').outcome, 'passed', summary(r));
      assert.equal(r.credential?.issuer?.id, 'https://university.example/issuers/14');
      assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'key-missing' });
    }
  });

  it('a presentation (vp+jwt) holding COSE-secured EnvelopedVerifiableCredentials verifies each, and fails a forged one', async () => {
    // VC-JOSE-COSE §3.3.1: "When including verifiable credentials secured with COSE in verifiable
    // presentations as Enveloped Verifiable Credentials, the credentials MUST be encoded using base64"
    const issuer = await makeIssuer('ES256');
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const holder = `did:jwk:${b64u(JSON.stringify(await exportJWK(publicKey)))}`;
    const good = await coseJs(
      issuer,
      credential(issuer.did, {
        credentialSubject: {
          id: holder,
          type: ['AchievementSubject'],
          achievement: {
            id: 'https://westfield.example/a',
            type: ['Achievement'],
            name: 'Soldering Safety',
            description: 'd',
            criteria: { narrative: 'n' },
          },
        },
      }),
    );
    const [p, u, body, sig] = parts(good);
    const forged = reencode([p, u, body, flip(sig)]);
    const vp = (creds: Uint8Array[]) =>
      new CompactSign(
        new TextEncoder().encode(
          JSON.stringify({
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            type: ['VerifiablePresentation'],
            holder,
            verifiableCredential: creds.map(enveloped),
          }),
        ),
      )
        .setProtectedHeader({ alg: 'EdDSA', kid: `${holder}#0`, typ: 'vp+jwt' })
        .sign(privateKey);
    const r = await verifyPresentation(await vp([good]), { now: NOW, fetch: offline });
    assert.equal(r.credentials.length, 1);
    assert.equal(r.credentials[0]!.verified, true, summary(r.credentials[0]!));
    assert.equal(r.verified, true, r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' '));
    const bad = await verifyPresentation(await vp([good, forged]), { now: NOW, fetch: offline });
    assert.equal(bad.verified, false);
    assert.deepEqual(check(bad.credentials[1]!, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
  });

  it('a COSE-secured presentation given as a credential is verified as a presentation (presentation-cose.test.ts)', async () => {
    const r = await verifyCredential('data:application/vp+cose;base64,0oRDoQEmoEB', {
      now: NOW,
      fetch: offline,
    });
    assert.equal(r.verified, false);
    assert.ok(r.presentation, summary(r));
    assert.deepEqual(check(r, 'format'), { outcome: 'failed', code: 'cose-malformed' });
    // another COSE-secured media type is still answered in words, not verified
    const other = await verifyCredential('data:application/cwt+cose;base64,0oRDoQEmoEB', {
      now: NOW,
      fetch: offline,
    });
    assert.equal(other.verified, false);
    assert.deepEqual(check(other, 'format'), { outcome: 'unknown', code: 'cose-unsupported' });
  });
});

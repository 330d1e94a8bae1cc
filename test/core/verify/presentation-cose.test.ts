/**
 * Presentations secured with COSE (W3C VC-JOSE-COSE §3.3.2, `application/vp+cose`): "A conforming
 * COSE issuer implementation MUST use COSE_Sign1 as specified in [RFC9052] to secure this media
 * type. The unsecured verifiable presentation is the unencoded COSE_Sign1 payload." Verified by
 * `verifyPresentation()` as a VP-JWT is: the key from `kid`, the holder binding (the key's
 * controller is the holder, and lists it under `authentication`), expiry, challenge (CWT nonce) and
 * domain (CWT aud), and every enclosed credential — here COSE-secured ones, as §3.3.2 asks:
 * "Credentials in verifiable presentations MUST be secured. These credentials are secured using
 * COSE in this case."
 *
 * Every key is fresh. The COSE_Sign1 objects are made by independent code: cose-js (node-cbor and
 * elliptic) for ES256 and ES384; node-cbor and node:crypto for EdDSA and for the headers cose-js
 * cannot write (`typ`, content type, `crit`, CWT claims). Every mutation must fail; what cannot be
 * checked is never passed; hostile CBOR never throws.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import cbor from 'cbor';
import { verifyCredential, verifyPresentation } from '@microcred/core';
import type { PresentationReport, VerificationReport } from '@microcred/core';
import { NOW } from './harness.js';
import { coseHeader, coseJs, nodeCose, party, type Party } from './cose-signers.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const summary = (r: { checks: { id: string; outcome: string; code: string }[] }): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const get = (r: PresentationReport | VerificationReport, id: string): [string?, string?] => {
  const c = (r.checks as { id: string; outcome: string; code: string }[]).find((x) => x.id === id);
  return [c?.outcome, c?.code];
};
const nowS = Math.floor(NOW.getTime() / 1000);
const offline = (async () => new Response('not found', { status: 404 })) as typeof fetch;

/** The protected header VC-JOSE-COSE §3.3.2 describes for a presentation, then `extra`. */
const header = (signer: Party, extra: [number, unknown][] = []): Map<number, unknown> =>
  coseHeader(signer, 'vp', extra);

type Parts = [Buffer, Map<number, unknown>, Buffer, Buffer];
const parts = (msg: Uint8Array): Parts => {
  const v = cbor.decodeFirstSync(Buffer.from(msg)) as { value: unknown[] } | unknown[];
  return (Array.isArray(v) ? v : v.value) as Parts;
};
const reencode = (p: Parts): Uint8Array => new Uint8Array(cbor.encode(new cbor.Tagged(18, p)));
const flip = (b: Buffer, at = Math.floor(b.length / 2)): Buffer => {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 0x01;
  return c;
};
const base64 = (msg: Uint8Array): string => Buffer.from(msg).toString('base64');
const envelopedVc = (msg: Uint8Array): Obj => ({
  '@context': VC2,
  type: 'EnvelopedVerifiableCredential',
  id: `data:application/vc+cose;base64,${base64(msg)}`,
});
const envelopedVp = (msg: Uint8Array): Obj => ({
  '@context': VC2,
  type: 'EnvelopedVerifiablePresentation',
  id: `data:application/vp+cose;base64,${base64(msg)}`,
});

/** An OB 3.0 credential from `issuer` about `subject`. */
const credential = (issuer: string, subject: string, name = 'Soldering Safety'): Obj => ({
  '@context': [VC2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:6a1d0c0e-3f0b-4b7e-9f59-2d5e4c3b2a10',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name,
  issuer: { id: issuer, type: ['Profile'], name: 'Westfield Makerspace' },
  validFrom: '2026-02-01T00:00:00Z',
  credentialSubject: {
    id: subject,
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://westfield.example/achievements/soldering',
      type: ['Achievement'],
      name,
      description: 'Soldered safely under supervision.',
      criteria: { narrative: 'Passed the practical.' },
    },
  },
});

describe('VC-JOSE-COSE: presentations secured with COSE (application/vp+cose)', () => {
  let issuer: Party;
  before(async () => {
    issuer = await party('ES256');
  });
  /** A presentation by `holder` holding one COSE credential about it (or `credentials`). */
  const presentation = async (holder: Party, credentials?: Obj[], extra: Obj = {}): Promise<Obj> => ({
    '@context': [VC2],
    type: ['VerifiablePresentation'],
    holder: holder.did,
    verifiableCredential: credentials ?? [
      envelopedVc(await coseJs(issuer, credential(issuer.did, holder.did))),
    ],
    ...extra,
  });

  for (const alg of ['ES256', 'ES384'] as const) {
    it(`${alg}: a presentation signed by cose-js verifies as bytes, a data: URL and an EnvelopedVerifiablePresentation`, async () => {
      const holder = await party(alg);
      const tagged = await coseJs(holder, await presentation(holder));
      const untagged = await coseJs(holder, await presentation(holder), true);
      assert.equal(tagged[0], 0xd2);
      assert.equal(untagged[0], 0x84);
      const env = envelopedVp(tagged);
      const inputs: [string, unknown][] = [
        ['bytes', tagged],
        ['untagged bytes', untagged],
        ['ArrayBuffer', tagged.slice().buffer],
        ['data: URL', env['id']],
        ['EnvelopedVerifiablePresentation', env],
        ['EnvelopedVerifiablePresentation as JSON text', JSON.stringify(env)],
      ];
      for (const [what, input] of inputs) {
        const r = await verifyPresentation(input, { now: NOW, fetch: offline });
        assert.equal(r.verified, true, `${what}: ${summary(r)}`);
        assert.equal(r.format, 'vp-cose', what);
        assert.equal(r.holder, holder.did, what);
        assert.deepEqual(get(r, 'format'), ['passed', 'format-vp'], what);
        assert.deepEqual(get(r, 'proof'), ['passed', 'proof-valid'], what);
        assert.deepEqual(get(r, 'holder'), ['passed', 'holder-bound'], what);
        assert.deepEqual(get(r, 'credentials'), ['passed', 'credentials-verified'], what);
        assert.deepEqual(get(r, 'subject'), ['passed', 'subject-is-holder'], what);
        // no verifier asked for a challenge or a domain: skipped, never passed
        assert.deepEqual(get(r, 'challenge'), ['skipped', 'challenge-not-requested'], what);
        assert.equal(r.credentials[0]!.verified, true, what);
      }
      // VC-JOSE-COSE serialises a COSE presentation as bytes or a data: URL; bare base64 or hex text
      // is not read as one (never passed: refused as text)
      for (const text of [base64(tagged), Buffer.from(tagged).toString('hex')]) {
        const r = await verifyPresentation(text, { now: NOW, fetch: offline });
        assert.equal(r.verified, false);
        assert.equal(get(r, 'format')[0], 'failed', summary(r));
      }
    });
  }

  it('EdDSA with typ, content type and CWT claims (iss, aud, nonce, exp): the challenge and domain asked for are checked', async () => {
    const holder = await party('EdDSA');
    const claims = (extra: [number, unknown][] = []): [number, unknown] => [
      15,
      new Map<number, unknown>([
        [1, holder.did],
        [3, 'https://verifier.example'],
        [6, nowS - 60],
        [4, nowS + 600],
        [10, 'n-0d1f'],
        ...extra,
      ]),
    ];
    const vp = await presentation(holder);
    const msg = nodeCose(holder, header(holder, [claims()]), vp);
    const asked = { now: NOW, fetch: offline, challenge: 'n-0d1f', domain: 'https://verifier.example' };
    let r = await verifyPresentation(msg, asked);
    assert.equal(r.verified, true, summary(r));
    assert.deepEqual(get(r, 'challenge'), ['passed', 'challenge-match']);
    assert.deepEqual(get(r, 'domain'), ['passed', 'domain-match']);
    // the nonce as a byte string (RFC 9711 registers it as bstr)
    r = await verifyPresentation(
      nodeCose(holder, header(holder, [claims([[10, Buffer.from('n-0d1f')]])]), vp),
      asked,
    );
    assert.deepEqual(get(r, 'challenge'), ['passed', 'challenge-match'], summary(r));
    // a replay for another request, another website, or without the challenge asked for
    r = await verifyPresentation(msg, { ...asked, challenge: 'n-other' });
    assert.deepEqual(get(r, 'challenge'), ['failed', 'challenge-mismatch']);
    assert.equal(r.verified, false);
    r = await verifyPresentation(msg, { ...asked, domain: 'https://elsewhere.example' });
    assert.deepEqual(get(r, 'domain'), ['failed', 'domain-mismatch']);
    assert.equal(r.verified, false);
    r = await verifyPresentation(nodeCose(holder, header(holder), vp), asked);
    assert.deepEqual(get(r, 'challenge'), ['failed', 'challenge-missing']);
    assert.deepEqual(get(r, 'domain'), ['failed', 'domain-missing']);
    assert.equal(r.verified, false);
  });

  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`${alg}: every mutation fails (payload, signature, alg, kid, holder, iss, exp, crit, typ, content type, enclosed credential)`, async () => {
      const holder = await party(alg);
      const other = await party(alg);
      const vp = await presentation(holder);
      const good = nodeCose(holder, header(holder), vp);
      const ok = await verifyPresentation(good, { now: NOW, fetch: offline });
      assert.equal(ok.verified, true, summary(ok));
      const [p, u, body, sig] = parts(good);
      const edited = (edit: (h: Map<number, unknown>) => void): Map<number, unknown> => {
        const h = header(holder);
        edit(h);
        return h;
      };
      // the enclosed credential with a byte of its signature changed
      const vcId = (vp['verifiableCredential'] as Obj[])[0]!['id'] as string;
      const [cp, cu, cbody, csig] = parts(Buffer.from(vcId.split(',')[1]!, 'base64'));
      const forgedVc = envelopedVc(reencode([cp, cu, cbody, flip(csig)]));
      const cases: [string, Uint8Array, string, string][] = [
        [
          'payload byte',
          reencode([p, u, flip(body, body.indexOf('"holder"') + 20), sig]),
          'proof',
          'proof-bad-signature',
        ],
        ['signature byte', reencode([p, u, body, flip(sig)]), 'proof', 'proof-bad-signature'],
        ['empty signature', reencode([p, u, body, Buffer.alloc(0)]), 'proof', 'proof-bad-signature'],
        [
          'protected alg',
          reencode([cbor.encode(edited((h) => h.set(1, alg === 'EdDSA' ? -7 : -35))), u, body, sig]),
          'proof',
          'jwt-alg-key-mismatch',
        ],
        [
          'alg only in the unprotected header',
          nodeCose(
            holder,
            edited((h) => h.delete(1)),
            vp,
          ),
          'proof',
          'jwt-alg-unsupported',
        ],
        [
          'unsupported alg (ES512)',
          nodeCose(holder, header(holder, [[1, -36]]), vp),
          'proof',
          'jwt-alg-unsupported',
        ],
        [
          'no kid',
          nodeCose(
            holder,
            edited((h) => h.delete(4)),
            vp,
          ),
          'proof',
          'key-missing',
        ],
        // kid naming another key, the signature by this one
        [
          'wrong kid',
          nodeCose(holder, header(holder, [[4, Buffer.from(other.kid)]]), vp),
          'proof',
          'proof-bad-signature',
        ],
        // someone else signs, with their own key, a presentation naming this holder
        ['signed by another', nodeCose(other, header(other), vp), 'holder', 'holder-mismatch'],
        // the CWT issuer is not the holder the presentation names
        [
          'iss of another',
          nodeCose(holder, header(holder, [[15, new Map([[1, other.did]])]]), vp),
          'holder',
          'holder-mismatch',
        ],
        // CWT exp: "the expiration time of the signature" (VC-JOSE-COSE §3.3.3)
        [
          'expired',
          nodeCose(holder, header(holder, [[15, new Map([[4, nowS - 3600]])]]), vp),
          'proof',
          'jwt-expired',
        ],
        [
          'not yet valid',
          nodeCose(holder, header(holder, [[15, new Map([[5, nowS + 3600]])]]), vp),
          'proof',
          'jwt-not-yet-valid',
        ],
        // RFC 9052 §3.1 crit: "the recipient MUST … reject" a message with a critical header it does not understand
        [
          'unknown crit',
          nodeCose(
            holder,
            header(holder, [
              [2, [99]],
              [99, 'x'],
            ]),
            vp,
          ),
          'proof',
          'jwt-crit-unsupported',
        ],
        // VC-JOSE-COSE §3.3.2: "The typ (16) header parameter … SHOULD be application/vp+cose"
        [
          'typ of a credential',
          nodeCose(holder, header(holder, [[16, 'application/vc+cose']]), vp),
          'format',
          'cose-typ-unsupported',
        ],
        // "The content type (3) header parameter SHOULD be application/vp"
        [
          'content type of a credential',
          nodeCose(holder, header(holder, [[3, 'application/vc']]), vp),
          'format',
          'cose-typ-unsupported',
        ],
        // a credential (not a presentation) under vp+cose
        [
          'a credential inside',
          nodeCose(holder, header(holder), credential(issuer.did, holder.did)),
          'format',
          'not-a-presentation',
        ],
        [
          'no VC context',
          nodeCose(holder, header(holder), { ...vp, '@context': ['https://example.com/ctx'] }),
          'format',
          'not-a-presentation',
        ],
        // a validly signed presentation holding a forged credential
        [
          'forged enclosed credential',
          nodeCose(holder, header(holder), { ...vp, verifiableCredential: [forgedVc] }),
          'credentials',
          'credentials-failed',
        ],
      ];
      for (const [what, msg, id, code] of cases) {
        const r = await verifyPresentation(msg, { now: NOW, fetch: offline });
        assert.equal(r.verified, false, `${what}: ${summary(r)}`);
        assert.deepEqual(get(r, id), ['failed', code], `${what}: ${summary(r)}`);
        // nothing that depends on a failed proof is passed
        if (get(r, 'proof')[0] !== 'passed')
          for (const later of ['holder', 'challenge', 'domain', 'subject'])
            assert.notEqual(get(r, later)[0], 'passed', `${what}: ${later}: ${summary(r)}`);
      }
    });
  }

  it('a holder key that cannot be fetched is unknown, never passed', async () => {
    const holder = await party('ES256');
    const kid = 'https://holder.example/keys/1';
    const msg = nodeCose(holder, header(holder, [[4, Buffer.from(kid)]]), await presentation(holder));
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const r = await verifyPresentation(msg, { now: NOW, fetch: unreachable });
    assert.equal(r.verified, false);
    assert.equal(get(r, 'proof')[0], 'unknown', summary(r));
    assert.ok(
      r.checks.every((c) => c.outcome !== 'passed' || c.id === 'format' || c.id === 'credentials'),
      summary(r),
    );
  });

  it('hostile CBOR never throws: cut short, wrong tag, wrong shape, huge lengths, a payload that is not JSON', async () => {
    const holder = await party('ES256');
    const good = nodeCose(holder, header(holder), await presentation(holder));
    const [p, u, body, sig] = parts(good);
    const inputs: [string, unknown][] = [
      ['cut short', good.slice(0, good.length - 10)],
      // not 0xd2 or 0x84: not taken for COSE, so read as text (invalid-json), below
      ['tag 17 (COSE_Mac0)', new Uint8Array(cbor.encode(new cbor.Tagged(17, [p, u, body, sig])))],
      ['tag 18 around a map', new Uint8Array(cbor.encode(new cbor.Tagged(18, new Map([[1, 2]]))))],
      ['array of three', new Uint8Array(cbor.encode(new cbor.Tagged(18, [p, u, body])))],
      ['detached payload', new Uint8Array(cbor.encode(new cbor.Tagged(18, [p, u, null, sig])))],
      [
        'huge byte string length',
        Uint8Array.from([0xd2, 0x84, 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      ],
      ['payload not JSON', nodeCose(holder, header(holder), Buffer.from([0xff, 0xfe, 0x00]))],
      ['payload a JSON array', nodeCose(holder, header(holder), Buffer.from('[1,2]'))],
      ['not base64', 'data:application/vp+cose;base64,%%%%'],
      ['empty data: URL', 'data:application/vp+cose;base64,'],
    ];
    for (const [what, input] of inputs) {
      const r = await verifyPresentation(input, { now: NOW, fetch: offline });
      assert.equal(r.verified, false, what);
      assert.deepEqual(
        get(r, 'format'),
        ['failed', what.startsWith('tag 17') ? 'invalid-json' : 'cose-malformed'],
        `${what}: ${summary(r)}`,
      );
      assert.ok(
        r.checks.slice(1).every((c) => c.outcome === 'skipped'),
        `${what}: ${summary(r)}`,
      );
    }
  });

  it('given where a credential is expected (verifyCredential, the verify button), a COSE presentation is verified as one', async () => {
    const holder = await party('ES384');
    const msg = await coseJs(holder, await presentation(holder));
    for (const [what, input] of [
      ['bytes', msg],
      ['data: URL', envelopedVp(msg)['id']],
      ['EnvelopedVerifiablePresentation', envelopedVp(msg)],
    ] as [string, unknown][]) {
      const r = await verifyCredential(input, { now: NOW, fetch: offline });
      assert.equal(r.verified, true, `${what}: ${summary(r)}`);
      assert.equal(r.format, 'vp-cose', what);
      assert.equal(r.presentation?.format, 'vp-cose', what);
      assert.deepEqual(get(r, 'issuer'), ['passed', 'holder-bound'], what);
    }
    // a COSE credential stays a credential
    const vc = await coseJs(issuer, credential(issuer.did, holder.did));
    const c = await verifyCredential(vc, { now: NOW, fetch: offline });
    assert.equal(c.verified, true, summary(c));
    assert.equal(c.presentation, undefined);
  });

  it("the specification's COSE presentation example (§3.3.2 Example 9) is decoded and refused, never passed", async () => {
    // its payload is an EnvelopedVerifiablePresentation of a vp+sd-jwt (not a VerifiablePresentation),
    // its protected header names ES384 and no key (test/fixtures/vc-jose-cose/SOURCE.md)
    const hex = readFileSync(
      new URL('../../fixtures/vc-jose-cose/presentation-cose-spec-example.txt', import.meta.url),
      'utf8',
    ).trim();
    const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
    for (const input of [bytes, `data:application/vp+cose;base64,${base64(bytes)}`]) {
      const r = await verifyPresentation(input, { now: NOW, fetch: offline });
      assert.equal(r.verified, false);
      assert.deepEqual(get(r, 'format'), ['failed', 'not-a-presentation'], summary(r));
      assert.ok(
        r.checks.every((c) => c.outcome !== 'passed'),
        summary(r),
      );
    }
    // given as a credential, it is taken for the presentation it says it is
    const c = await verifyCredential(bytes, { now: NOW, fetch: offline });
    assert.equal(c.verified, false);
    assert.ok(c.presentation, summary(c));
  });
});

/**
 * Issue 14: the status of an SD-JWT VC through the IETF Token Status List
 * (draft-ietf-oauth-status-list): the credential's `status: { status_list: { idx, uri } }` names an
 * entry of a Status List Token (`statuslist+jwt`) its issuer serves over HTTP. A real local server
 * serves the issuer's metadata and lists; credentials are issued by @sd-jwt/core and lists signed by
 * jose, with fresh keys. The two lists the draft prints (1 and 2 bits per entry) are used as they are.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { NOW } from './harness.js';
import { hostFetch, startServer } from './local-server.js';
import type { LocalServer } from './local-server.js';
import { nowS, sdJwtIssuer, statusLst } from './sd-jwt-issuer.js';
import type { SdJwtIssuer } from './sd-jwt-issuer.js';

type Obj = Record<string, unknown>;
const ISS = 'https://registrar.eastside.example';
const OTHER = 'https://other.example';
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const status = (r: VerificationReport): [string?, string?] => {
  const c = r.checks.find((x) => x.id === 'status');
  return [c?.outcome, c?.code];
};

// The draft's examples (§ "Status List in JSON Format"): "bits": 1, "lst": "eNrbuRgAAhcBXQ" holds
// status[0] = 1, status[1] = 0, status[2] = 0, status[3] = 1 …; "bits": 2, "lst": "eNo76fITAAPfAgc"
// holds status[0] = 1, status[1] = 2, status[2] = 0, status[3] = 3 … ("0x00 VALID", "0x01 INVALID",
// "0x02 SUSPENDED", "0x03 … APPLICATION_SPECIFIC").
const SPEC_1BIT = 'eNrbuRgAAhcBXQ';
const SPEC_2BIT = 'eNo76fITAAPfAgc';

describe('SD-JWT VC status: Token Status List over real HTTP', () => {
  let server: LocalServer;
  let registrar: SdJwtIssuer;
  let other: SdJwtIssuer;
  /** What the server answers for each path: a token (statuslist+jwt) or an HTTP status. */
  const lists: Record<string, string | number> = {};
  let fetch: typeof globalThis.fetch;
  const uri = (name: string): string => `${ISS}/statuslists/${name}`;
  /** A list token of the registrar (or `signer`) at `name`, its claims overridable. */
  const publish = async (name: string, lst: string, bits: number, claims: Obj = {}, signer?: SdJwtIssuer) => {
    lists[`/statuslists/${name}`] = await (signer ?? registrar).statusList({
      iss: ISS,
      sub: uri(name),
      iat: nowS - 3600,
      exp: nowS + 86400,
      ttl: 43200,
      status_list: { bits, lst },
      ...claims,
    });
  };
  const credential = (name: string, idx: number): Promise<string> =>
    registrar.issue({ status: { status_list: { idx, uri: uri(name) } } });
  const verify = async (sdJwt: string, f = fetch): Promise<VerificationReport> =>
    verifyCredential(sdJwt, { now: NOW, fetch: f });

  before(async () => {
    [registrar, other] = await Promise.all([sdJwtIssuer(ISS), sdJwtIssuer(OTHER)]);
    server = await startServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/.well-known/jwt-vc-issuer') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(registrar.metadata));
        return;
      }
      const list = lists[path];
      if (typeof list === 'string') {
        res.writeHead(200, { 'content-type': 'application/statuslist+jwt' });
        res.end(list);
      } else {
        res.writeHead(list ?? 404);
        res.end();
      }
    });
    fetch = hostFetch({ [ISS]: server.origin });
    await publish('spec-1', SPEC_1BIT, 1);
    await publish('spec-2', SPEC_2BIT, 2);
  });
  after(() => server.close());

  it('1 bit per entry (the draft’s list): VALID passes, INVALID is revoked — the signature still valid', async () => {
    let r = await verify(await credential('spec-1', 1));
    assert.deepEqual(status(r), ['passed', 'not-revoked'], summary(r));
    assert.equal(r.verified, true, summary(r));
    assert.ok(server.requests.includes('/statuslists/spec-1'));
    r = await verify(await credential('spec-1', 0));
    assert.deepEqual(status(r), ['failed', 'revoked'], summary(r));
    assert.equal(r.checks.find((c) => c.id === 'proof')?.outcome, 'passed');
    assert.equal(r.verified, false);
    r = await verify(await credential('spec-1', 3));
    assert.deepEqual(status(r), ['failed', 'revoked'], summary(r));
  });

  it('2 bits per entry (the draft’s list): SUSPENDED, VALID, INVALID, and an application-specific value', async () => {
    const at = async (idx: number) => status(await verify(await credential('spec-2', idx)));
    assert.deepEqual(await at(1), ['failed', 'suspended']);
    assert.deepEqual(await at(2), ['passed', 'not-revoked']);
    assert.deepEqual(await at(0), ['failed', 'revoked']);
    // 0x03: its meaning is the issuer's own, so it cannot be read as valid
    assert.deepEqual(await at(3), ['unknown', 'status-message']);
    assert.deepEqual(await at(11), ['unknown', 'status-message']);
  });

  it('4 and 8 bits per entry, at the far end of a longer list', async () => {
    await publish('wide-4', statusLst({ 1000: 2, 1001: 1 }, 4), 4);
    await publish('wide-8', statusLst({ 1023: 1 }, 8), 8);
    assert.deepEqual(status(await verify(await credential('wide-4', 1000))), ['failed', 'suspended']);
    assert.deepEqual(status(await verify(await credential('wide-4', 1001))), ['failed', 'revoked']);
    assert.deepEqual(status(await verify(await credential('wide-4', 999))), ['passed', 'not-revoked']);
    assert.deepEqual(status(await verify(await credential('wide-8', 1023))), ['failed', 'revoked']);
    // past the end of the list
    assert.deepEqual(status(await verify(await credential('wide-8', 1024))), [
      'unknown',
      'status-index-out-of-range',
    ]);
  });

  it('a list signed by another issuer is never trusted: unknown, not verified', async () => {
    // the list must be the credential issuer's (as for Bitstring Status Lists, issue 11)
    await publish('theirs', statusLst({}, 1), 1, { iss: OTHER }, other);
    let r = await verify(await credential('theirs', 5));
    assert.deepEqual(status(r), ['unknown', 'status-list-wrong-issuer'], summary(r));
    assert.equal(r.verified, false);
    // another issuer's key, claiming to be the registrar (its kid k1 is the registrar's key id)
    await publish('forged', statusLst({}, 1), 1, {}, other);
    r = await verify(await credential('forged', 5));
    assert.deepEqual(status(r), ['unknown', 'status-list-unverified'], summary(r));
    assert.equal(r.verified, false);
  });

  it('a list that cannot be used leaves the status unknown, never "not revoked"', async () => {
    const cases: [string, () => Promise<void>, string][] = [
      // sub: "The value MUST be equal to that of the uri claim contained in the status_list claim of
      // the Referenced Token"
      [
        'other-sub',
        () => publish('other-sub', statusLst({}, 1), 1, { sub: uri('elsewhere') }),
        'status-list-invalid',
      ],
      ['expired', () => publish('expired', statusLst({}, 1), 1, { exp: nowS - 3600 }), 'status-list-expired'],
      [
        'wrong-typ',
        async () => {
          lists['/statuslists/wrong-typ'] = await registrar.statusList(
            { iss: ISS, sub: uri('wrong-typ'), iat: nowS, status_list: { bits: 1, lst: statusLst({}, 1) } },
            { typ: 'JWT' },
          );
        },
        'status-list-invalid',
      ],
      ['bits-3', () => publish('bits-3', statusLst({}, 1), 3), 'status-list-invalid'],
      [
        'not-zlib',
        () => publish('not-zlib', Buffer.from('plain bytes').toString('base64url'), 1),
        'status-list-invalid',
      ],
      // a decompression bomb: 3 MB of zeros in a few KB
      [
        'bomb',
        () => publish('bomb', deflateSync(new Uint8Array(3 * 1024 * 1024)).toString('base64url'), 1),
        'status-list-invalid',
      ],
      [
        'not-a-token',
        async () => void (lists['/statuslists/not-a-token'] = '{"status_list":{}}'),
        'status-list-invalid',
      ],
      ['down', async () => void (lists['/statuslists/down'] = 503), 'status-unavailable'],
      ['missing', async () => undefined, 'status-unavailable'],
    ];
    for (const [name, setUp, code] of cases) {
      await setUp();
      const r = await verify(await credential(name, 0));
      assert.deepEqual(status(r), ['unknown', code], `${name}: ${summary(r)}`);
      assert.equal(r.verified, false, name);
    }
  });

  it('the network is down: unknown; an incomplete status entry: unknown', async () => {
    const offline = hostFetch({}); // no host resolves, as without a network
    const r = await verify(await credential('spec-1', 1), offline);
    assert.equal(status(r)[0], 'unknown', summary(r));
    assert.equal(r.verified, false);
    for (const bad of [{ idx: -1, uri: uri('spec-1') }, { idx: 1 }, { idx: '1', uri: uri('spec-1') }, 'x']) {
      const r2 = await verify(await registrar.issue({ status: { status_list: bad } }));
      assert.deepEqual(status(r2), ['unknown', 'status-entry-invalid'], JSON.stringify(bad));
    }
    const r3 = await verify(await registrar.issue({ status: { other_mechanism: {} } }));
    assert.deepEqual(status(r3), ['unknown', 'status-unsupported']);
  });

  it('a list is fetched once for many credentials while it is fresh (ttl)', async () => {
    await publish('shared', statusLst({ 7: 1 }, 1), 1);
    const f = hostFetch({ [ISS]: server.origin });
    const before = server.requests.filter((p) => p === '/statuslists/shared').length;
    assert.deepEqual(status(await verify(await credential('shared', 7), f)), ['failed', 'revoked']);
    assert.deepEqual(status(await verify(await credential('shared', 8), f)), ['passed', 'not-revoked']);
    assert.equal(server.requests.filter((p) => p === '/statuslists/shared').length - before, 1);
  });
});

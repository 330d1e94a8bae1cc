/**
 * Open Badges 2.0 forgeries (issue 11 items 1 and 2), built here as an attacker would: fresh RSA
 * keys (jose), and two real HTTP servers on 127.0.0.1 — two ports, two origins — one for the victim
 * issuer ("Victim University") and one for the attacker. The verifier reaches them through a
 * logging wrapper around the real `fetch`, given as the `fetch` option.
 *
 * The rules, from the Open Badges 2.0 specification (IMS Final Release, §VerificationObject,
 * §CryptographicKey, §HostedBadge Verification, §SignedBadge Verification):
 *
 * Signed — "If a key is declared here [`creator`], it must be authorized in the issuer Profile as
 * well. `creator` is expected to be the dereferencable URI of a document that describes a
 * CryptographicKey." "Determine the correct signing key id(s) to test against the signature from the
 * valid issuer Profile and Assertion VerificationObject. Do not trust a key that is not properly
 * linked from the issuer Profile. Perform an HTTP GET request on the trusted keys." "There should be
 * a two-way connection between this Profile and the CryptographicKey through the `owner` and
 * `publicKey` properties." So the key comes from its URL and counts only when the issuer profile
 * (fetched from its id) lists that URL and the key's `owner` is that issuer; nothing says the key
 * must sit on the issuer's origin (the 1EdTech vectors keep keys on http:// and profiles on
 * https://), so listing is the rule here, not same-origin.
 *
 * Hosted — "If starting with a full assertion that indicates HostedBadge verification, the input
 * data should only be trusted to identify the URI of the hosted verification file, and upon loading
 * the hosted verification file, the retrieved data should be used as the Assertion value." "The
 * Assertion `id` must be within the permitted scope for hosted verification declared in issuer
 * Profile. … This defaults to requiring the Assertion and BadgeClass to be hosted on the same origin
 * as the issuer Profile `id` if there is no `verification` property declared in the issuer Profile."
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { NOW } from './harness.js';

type Obj = Record<string, unknown>;

/** One origin: a real HTTP server on 127.0.0.1 serving JSON documents by path. */
interface Site {
  origin: string;
  host: string;
  /** path → document (or an HTTP status). */
  routes: Map<string, unknown>;
  close(): Promise<void>;
}

async function site(): Promise<Site> {
  const routes = new Map<string, unknown>();
  const server: Server = createServer((req, res) => {
    const doc = routes.get(req.url ?? '');
    if (doc === undefined || typeof doc === 'number') {
      res.writeHead(typeof doc === 'number' ? doc : 404, { 'content-type': 'text/plain' });
      res.end('no');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/ld+json' });
    res.end(JSON.stringify(doc));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    routes,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const CONTEXT = 'https://w3id.org/openbadges/v2';
const RECIPIENT = { type: 'email', hashed: false, identity: 'ana@example.org' };

let victim: Site;
let attacker: Site;
let victimKey: CryptoKey;
let attackerKey: CryptoKey;
let attackerPem: string;
/** URLs the verifier requested in the current test. */
let requests: string[] = [];
const net: typeof fetch = (input, init) => {
  requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  return fetch(input, init);
};

const V = (path: string): string => `${victim.origin}${path}`;
const A = (path: string): string => `${attacker.origin}${path}`;

const verify = (input: unknown): Promise<VerificationReport> => {
  requests = [];
  return verifyCredential(input, { now: NOW, fetch: net });
};
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
/** Never a pass: the proof or the issuer check failed or could not be made. */
const notTrusted = (r: VerificationReport): void => {
  assert.equal(r.verified, false, summary(r));
  const proof = check(r, 'proof').outcome;
  const issuer = check(r, 'issuer').outcome;
  assert.ok(proof !== 'passed' || issuer !== 'passed', summary(r));
  assert.ok(
    [proof, issuer].some((o) => o === 'failed' || o === 'unknown'),
    `expected a failed or unknown proof/issuer check: ${summary(r)}`,
  );
};

const sign = (payload: Obj, key: CryptoKey): Promise<string> =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .sign(key);

const signedAssertion = (badge: unknown, creator?: unknown): Obj => ({
  '@context': CONTEXT,
  type: 'Assertion',
  id: 'urn:uuid:5f1a6c2e-0b7d-4e8a-9c3f-2d1e0a9b8c7d',
  recipient: RECIPIENT,
  issuedOn: '2026-01-15T10:00:00Z',
  badge,
  verification: creator === undefined ? { type: 'SignedBadge' } : { type: 'SignedBadge', creator },
});

before(async () => {
  [victim, attacker] = await Promise.all([site(), site()]);
  const v = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const a = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  victimKey = v.privateKey;
  attackerKey = a.privateKey;
  attackerPem = await exportSPKI(a.publicKey);
  const victimPem = await exportSPKI(v.publicKey);

  // The victim issuer, as it publishes itself.
  const profile = {
    '@context': CONTEXT,
    type: 'Issuer',
    id: V('/issuer'),
    name: 'Victim University',
    url: victim.origin,
    email: 'registrar@victim.example',
    publicKey: V('/key'),
  };
  victim.routes.set('/issuer', profile);
  victim.routes.set('/issuer-allowing', {
    ...profile,
    id: V('/issuer-allowing'),
    verification: { type: 'VerificationObject', allowedOrigins: attacker.host },
  });
  victim.routes.set('/key', {
    '@context': CONTEXT,
    type: 'CryptographicKey',
    id: V('/key'),
    owner: V('/issuer'),
    publicKeyPem: victimPem,
  });
  const badgeClass = {
    '@context': CONTEXT,
    type: 'BadgeClass',
    id: V('/badge'),
    name: 'Bachelor of Science',
    description: 'Awarded on completing the degree.',
    image: V('/badge.png'),
    criteria: V('/criteria'),
    issuer: V('/issuer'),
  };
  victim.routes.set('/badge', badgeClass);
  victim.routes.set('/badge-allowing', {
    ...badgeClass,
    id: V('/badge-allowing'),
    issuer: V('/issuer-allowing'),
  });
  const hosted = (id: string, extra: Obj = {}): Obj => ({
    '@context': CONTEXT,
    type: 'Assertion',
    id,
    recipient: RECIPIENT,
    issuedOn: '2020-06-30T10:00:00Z',
    badge: V('/badge'),
    verification: { type: 'HostedBadge' },
    ...extra,
  });
  victim.routes.set(
    '/assertions/expired',
    hosted(V('/assertions/expired'), { expires: '2021-06-30T10:00:00Z' }),
  );
  victim.routes.set('/assertions/current', hosted(V('/assertions/current')));

  // The attacker's documents.
  attacker.routes.set('/key', {
    '@context': CONTEXT,
    type: 'CryptographicKey',
    id: A('/key'),
    owner: V('/issuer'),
    publicKeyPem: attackerPem,
  });
  // A key document on the attacker's site that claims to be the victim's listed key.
  attacker.routes.set('/key-as-victim', {
    '@context': CONTEXT,
    type: 'CryptographicKey',
    id: V('/key'),
    owner: V('/issuer'),
    publicKeyPem: attackerPem,
  });
  // An issuer profile on the attacker's site that claims the victim's id and lets the attacker host.
  attacker.routes.set('/issuer-as-victim', {
    ...profile,
    publicKey: A('/key'),
    verification: { type: 'VerificationObject', allowedOrigins: attacker.host },
  });
  attacker.routes.set('/badge', { ...badgeClass, id: A('/badge'), issuer: A('/issuer-as-victim') });
  attacker.routes.set(
    '/assertions/own-profile',
    hosted(A('/assertions/own-profile'), { badge: A('/badge') }),
  );
  attacker.routes.set(
    '/assertions/embedded-issuer',
    hosted(A('/assertions/embedded-issuer'), {
      badge: {
        type: 'BadgeClass',
        id: 'urn:uuid:0d9e8f7a-1111-4222-8333-444455556666',
        name: 'Bachelor of Science',
        description: 'Awarded on completing the degree.',
        image: A('/badge.png'),
        criteria: { narrative: 'x' },
        issuer: {
          type: 'Issuer',
          id: V('/issuer'),
          name: 'Victim University',
          url: victim.origin,
          email: 'registrar@victim.example',
          verification: { type: 'VerificationObject', allowedOrigins: attacker.host },
        },
      },
    }),
  );
  attacker.routes.set(
    '/assertions/allowed',
    hosted(A('/assertions/allowed'), { badge: V('/badge-allowing') }),
  );
});

after(async () => {
  await Promise.all([victim.close(), attacker.close()]);
});

describe('OB 2.0 signed: the key and the issuer profile come from the issuer’s own URLs (issue 11 item 1)', () => {
  it('a JWS embedding its own key (creator with publicKeyPem) and an issuer profile listing it is not verified', async () => {
    // The attack of the issue: everything the verifier needs is inside the assertion.
    const embeddedKey = {
      type: 'CryptographicKey',
      id: 'urn:uuid:7e6d5c4b-aaaa-4bbb-8ccc-ddddeeeeffff',
      owner: V('/issuer'),
      publicKeyPem: attackerPem,
    };
    const jws = await sign(
      signedAssertion(
        {
          type: 'BadgeClass',
          id: 'urn:uuid:2b3c4d5e-1234-4abc-8def-001122334455',
          name: 'Bachelor of Science',
          description: 'Awarded on completing the degree.',
          image: A('/badge.png'),
          criteria: { narrative: 'x' },
          issuer: {
            type: 'Issuer',
            id: V('/issuer'),
            name: 'Victim University',
            url: victim.origin,
            email: 'registrar@victim.example',
            publicKey: embeddedKey,
          },
        },
        embeddedKey,
      ),
      attackerKey,
    );
    const r = await verify(jws);
    notTrusted(r);
    // The issuer profile was fetched from its id; the embedded publicKeyPem was never used: the
    // issuer's own listed key was fetched and does not match the attacker's signature.
    assert.ok(requests.includes(V('/issuer')), requests.join(' '));
    assert.ok(requests.includes(V('/key')), requests.join(' '));
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
  });

  it('a creator naming the issuer’s key id but carrying the attacker’s publicKeyPem: the key is fetched from that id', async () => {
    const jws = await sign(
      signedAssertion(V('/badge'), {
        type: 'CryptographicKey',
        id: V('/key'),
        owner: V('/issuer'),
        publicKeyPem: attackerPem,
      }),
      attackerKey,
    );
    const r = await verify(jws);
    notTrusted(r);
    assert.ok(requests.includes(V('/key')), requests.join(' '));
    assert.deepEqual(check(r, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
  });

  it('a key document on another site claiming the id of the issuer’s listed key is judged by the URL it came from', async () => {
    const jws = await sign(signedAssertion(V('/badge'), A('/key-as-victim')), attackerKey);
    const r = await verify(jws);
    notTrusted(r);
    // The signature is the attacker's own and valid; the key at that URL is not listed by the issuer.
    assert.equal(check(r, 'proof').outcome, 'passed', summary(r));
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'key-not-found' });
  });

  it('a creator key on the attacker’s site, listed nowhere by the issuer, fails the issuer check', async () => {
    const jws = await sign(signedAssertion(V('/badge'), A('/key')), attackerKey);
    const r = await verify(jws);
    notTrusted(r);
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'key-not-found' });
  });

  it('an issuer profile on the attacker’s site that claims the victim’s id (and lists the attacker’s key) is not the victim', async () => {
    const jws = await sign(signedAssertion(A('/badge'), A('/key')), attackerKey);
    const r = await verify(jws);
    notTrusted(r);
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-id-mismatch' });
  });

  it('the issuer’s own key, listed in its profile and owned by it, verifies; badge class and issuer are shown as fetched', async () => {
    const jws = await sign(signedAssertion(V('/badge'), V('/key')), victimKey);
    const r = await verify(jws);
    assert.equal(r.verified, true, summary(r));
    assert.equal(check(r, 'issuer').code, 'issuer-bound');
    assert.equal(r.credential?.name, 'Bachelor of Science');
    assert.equal(r.credential?.issuer?.name, 'Victim University');
    assert.equal(r.credential?.issuer?.id, V('/issuer'));
  });

  it('without a creator, the keys the issuer profile lists are tried ("verifiers will check public key(s) declared in the referenced issuer Profile")', async () => {
    const ok = await verify(await sign(signedAssertion(V('/badge')), victimKey));
    assert.equal(ok.verified, true, summary(ok));
    const forged = await verify(await sign(signedAssertion(V('/badge')), attackerKey));
    notTrusted(forged);
    assert.deepEqual(check(forged, 'proof'), { outcome: 'failed', code: 'proof-bad-signature' });
  });

  it('when the issuer profile cannot be fetched, the badge is not verified (unknown, never passed)', async () => {
    const jws = await sign(signedAssertion(A('/badge-missing'), A('/key')), attackerKey);
    const r = await verify(jws);
    notTrusted(r);
    assert.equal(check(r, 'issuer').outcome, 'unknown', summary(r));
  });
});

describe('OB 2.0 hosted: scope from the fetched issuer profile; the hosted copy is judged and shown (issue 11 item 2)', () => {
  it('an embedded issuer profile that claims the victim’s id and allows the attacker’s host is ignored', async () => {
    const r = await verify(attacker.routes.get('/assertions/embedded-issuer'));
    notTrusted(r);
    assert.ok(requests.includes(V('/issuer')), requests.join(' '));
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'hosted-out-of-scope' });
  });

  it('an issuer profile served from the assertion’s host that claims another site’s id is not that issuer', async () => {
    const r = await verify(attacker.routes.get('/assertions/own-profile'));
    notTrusted(r);
    assert.deepEqual(check(r, 'issuer'), { outcome: 'failed', code: 'issuer-id-mismatch' });
  });

  it('the issuer’s own profile (fetched) decides the scope: it may allow another host', async () => {
    const r = await verify(attacker.routes.get('/assertions/allowed'));
    assert.equal(r.verified, true, summary(r));
    assert.equal(check(r, 'issuer').code, 'issuer-bound');
  });

  it('a presented copy with a new badge name and no expiry is judged by the hosted copy, which expired', async () => {
    const hosted = victim.routes.get('/assertions/expired') as Obj;
    const { expires: _gone, ...rest } = hosted;
    const presented = {
      ...rest,
      badge: { type: 'BadgeClass', id: V('/badge'), name: 'Master of Science', issuer: V('/issuer') },
    };
    const r = await verify(presented);
    assert.equal(r.verified, false, summary(r));
    assert.deepEqual(check(r, 'validity'), { outcome: 'failed', code: 'expired' });
    // The report's credential is the hosted copy, with the badge class and issuer as fetched.
    assert.equal(r.credential?.name, 'Bachelor of Science');
    assert.equal(r.credential?.validUntil?.toISOString(), '2021-06-30T10:00:00.000Z');
    assert.equal(r.credential?.issuer?.name, 'Victim University');
    // And the report says the copies differ, in what is shown.
    const proof = r.checks.find((c) => c.id === 'proof');
    assert.equal(proof?.code, 'hosted-copy-differs', summary(r));
    assert.match(proof?.message ?? '', /name/);
    assert.match(proof?.message ?? '', /expir/);
  });

  it('a presented copy equal to the hosted one: hosted-valid, shown with the badge class and issuer as fetched', async () => {
    const r = await verify(victim.routes.get('/assertions/current'));
    assert.equal(r.verified, true, summary(r));
    assert.equal(check(r, 'proof').code, 'hosted-valid');
    assert.equal(r.credential?.name, 'Bachelor of Science');
    assert.equal(r.credential?.issuer?.name, 'Victim University');
  });
});

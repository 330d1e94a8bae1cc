/**
 * Issue 11 item 5, the fetches guarded-fetch.test.ts does not cover: an answer that a redirect
 * brought from another site is never the issuer's answer — for the OB 2.0 issuer profile and its
 * signing key, for an https key controller document (Data Integrity), and for a refresh service.
 * (Hosted assertions, did:web, status lists and baked-image addresses are in guarded-fetch.test.ts.)
 *
 * Each attack is built as an attacker would: fresh keys, two REAL local HTTP servers (two ports,
 * two origins; `hostFetch` names them issuer.test and evil.test), where the issuer's server sends a
 * redirect to the attacker's, which serves a document that would verify if it were believed. Each
 * has a control: the same request answered by the issuer's own origin verifies — so the test
 * fails if the redirect check is removed, not because the set-up is broken.
 *
 * OB 2.0 §SignedBadge Verification: "Do not trust a key that is not properly linked from the
 * issuer Profile. Perform an HTTP GET request on the trusted keys." Controlled Identifiers 1.0
 * §Retrieve Verification Method: the document retrieved must be the one at the method's URL.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { CONTEXTS } from '../../../packages/core/src/verify/contexts/generated/contexts.js';
import { NOW } from './harness.js';
import { badge, freshIssuer, SIGNED_AT } from './fresh-issuer.js';
import type { LocalServer } from './local-server.js';
import { hostFetch, redirect, sendJson, startServer } from './local-server.js';

type Obj = Record<string, unknown>;
const ISSUER = 'https://issuer.test';
const EVIL = 'https://evil.test';
const OB2 = 'https://w3id.org/openbadges/v2';

const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const message = (r: VerificationReport, id: string): string =>
  r.checks.find((x) => x.id === id)?.message ?? '';
const check = (r: VerificationReport, id: string): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === id);
  return { outcome: c?.outcome, code: c?.code };
};

/** Routes of one site: path → JSON document, or `{ to }` for a 302 to another address. */
type Routes = Map<string, unknown>;
const serve =
  (routes: Routes) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const doc = routes.get(req.url ?? '/');
    if (doc === undefined) return sendJson(res, { error: 'not found' }, 404);
    const to = (doc as { to?: unknown }).to;
    if (typeof to === 'string') return redirect(res, to);
    sendJson(res, doc);
  };

let issuerSite: LocalServer;
let evilSite: LocalServer;
const issuerRoutes: Routes = new Map();
const evilRoutes: Routes = new Map();
/** A fresh fetch per verification (the verifier caches documents per fetch function). */
const net = (): typeof fetch => hostFetch({ [ISSUER]: issuerSite.origin, [EVIL]: evilSite.origin });
const verify = (input: unknown): Promise<VerificationReport> =>
  verifyCredential(input, { now: NOW, fetch: net() });

before(async () => {
  issuerSite = await startServer(serve(issuerRoutes));
  evilSite = await startServer(serve(evilRoutes));
});
after(async () => {
  await issuerSite.close();
  await evilSite.close();
});

describe('OB 2.0 signed: an issuer profile or key reached by a redirect to another site is not the issuer’s (issue 11 item 5)', () => {
  let victimKey: CryptoKey;
  let attackerKey: CryptoKey;
  const recipient = { type: 'email', hashed: false, identity: 'ana@example.org' };
  const assertion = (badgeUrl: string, creator: string): Obj => ({
    '@context': OB2,
    type: 'Assertion',
    id: 'urn:uuid:1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    recipient,
    issuedOn: '2026-01-15T10:00:00Z',
    badge: badgeUrl,
    verification: { type: 'SignedBadge', creator },
  });
  const sign = (payload: Obj, key: CryptoKey): Promise<string> =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(key);
  const profile = (id: string, key: string): Obj => ({
    '@context': OB2,
    type: 'Issuer',
    id,
    name: 'Victim University',
    url: ISSUER,
    email: 'registrar@victim.example',
    publicKey: key,
  });
  const keyDoc = (id: string, owner: string, pem: string): Obj => ({
    '@context': OB2,
    type: 'CryptographicKey',
    id,
    owner,
    publicKeyPem: pem,
  });
  const badgeClass = (id: string, issuer: string): Obj => ({
    '@context': OB2,
    type: 'BadgeClass',
    id,
    name: 'Bachelor of Science',
    description: 'Awarded on completing the degree.',
    image: `${ISSUER}/badge.png`,
    criteria: `${ISSUER}/criteria`,
    issuer,
  });

  before(async () => {
    const v = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const a = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    victimKey = v.privateKey;
    attackerKey = a.privateKey;
    const victimPem = await exportSPKI(v.publicKey);
    const attackerPem = await exportSPKI(a.publicKey);

    // Control: the issuer's own profile, key and badge class, all answered by its own origin.
    issuerRoutes.set('/ob2/issuer', profile(`${ISSUER}/ob2/issuer`, `${ISSUER}/ob2/key`));
    issuerRoutes.set('/ob2/key', keyDoc(`${ISSUER}/ob2/key`, `${ISSUER}/ob2/issuer`, victimPem));
    issuerRoutes.set('/ob2/badge', badgeClass(`${ISSUER}/ob2/badge`, `${ISSUER}/ob2/issuer`));

    // Attack 1: the issuer profile's address redirects to the attacker's copy, which claims that
    // same id and lists the attacker's key (served by the attacker, owned by that id).
    issuerRoutes.set('/ob2/badge-p', badgeClass(`${ISSUER}/ob2/badge-p`, `${ISSUER}/ob2/issuer-p`));
    issuerRoutes.set('/ob2/issuer-p', { to: `${evilSite.origin}/issuer-p` });
    evilRoutes.set('/issuer-p', profile(`${ISSUER}/ob2/issuer-p`, `${EVIL}/key-p`));
    evilRoutes.set('/key-p', keyDoc(`${EVIL}/key-p`, `${ISSUER}/ob2/issuer-p`, attackerPem));

    // Attack 2: the profile (on the issuer's origin) lists a key whose address redirects to the
    // attacker's key document, which claims that key id and owner.
    issuerRoutes.set('/ob2/badge-k', badgeClass(`${ISSUER}/ob2/badge-k`, `${ISSUER}/ob2/issuer-k`));
    issuerRoutes.set('/ob2/issuer-k', profile(`${ISSUER}/ob2/issuer-k`, `${ISSUER}/ob2/key-k`));
    issuerRoutes.set('/ob2/key-k', { to: `${evilSite.origin}/key-k` });
    evilRoutes.set('/key-k', keyDoc(`${ISSUER}/ob2/key-k`, `${ISSUER}/ob2/issuer-k`, attackerPem));
  });

  it('control: the issuer’s own profile and key, from its own origin, verify', async () => {
    const r = await verify(await sign(assertion(`${ISSUER}/ob2/badge`, `${ISSUER}/ob2/key`), victimKey));
    assert.equal(r.verified, true, summary(r));
  });

  it('an issuer profile whose address redirects to another site (listing the attacker’s key) is not used', async () => {
    const r = await verify(await sign(assertion(`${ISSUER}/ob2/badge-p`, `${EVIL}/key-p`), attackerKey));
    assert.equal(r.verified, false, summary(r));
    assert.notEqual(check(r, 'issuer').outcome, 'passed', summary(r));
    // Unknown, never failed nor passed, with the guarded fetch's own code, as every other fetch.
    assert.equal(check(r, 'issuer').outcome, 'unknown', summary(r));
    assert.equal(check(r, 'issuer').code, 'fetch-redirected', summary(r));
    assert.match(message(r, 'issuer'), /sent us to another site/);
    assert.ok(evilSite.requests.includes('/issuer-p'), 'the redirect was really followed');
  });

  it('a listed key whose address redirects to another site (the attacker’s key) is not used', async () => {
    const r = await verify(
      await sign(assertion(`${ISSUER}/ob2/badge-k`, `${ISSUER}/ob2/key-k`), attackerKey),
    );
    assert.equal(r.verified, false, summary(r));
    assert.ok(check(r, 'proof').outcome !== 'passed' || check(r, 'issuer').outcome !== 'passed', summary(r));
    assert.equal(check(r, 'proof').outcome, 'unknown', summary(r));
    assert.equal(check(r, 'proof').code, 'fetch-redirected', summary(r));
    assert.match(message(r, 'proof'), /sent us to another site/);
    assert.ok(evilSite.requests.includes('/key-k'), 'the redirect was really followed');
  });
});

describe('Data Integrity: an https key controller document reached by a redirect to another site is not the issuer’s (issue 11 item 5)', () => {
  const documentLoader = async (url: string): Promise<unknown> => {
    const text = CONTEXTS[url];
    if (!text) throw new Error(`offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document: JSON.parse(text) as unknown };
  };
  /** A key whose verification method is `${controller}#key-1`, signing with eddsa-rdfc-2022. */
  async function httpsKey(controller: string) {
    const key = await Ed25519Multikey.generate({ id: `${controller}#key-1`, controller });
    const doc = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: controller,
      verificationMethod: [
        {
          id: `${controller}#key-1`,
          type: 'Multikey',
          controller,
          publicKeyMultibase: key.publicKeyMultibase,
        },
      ],
      assertionMethod: [`${controller}#key-1`],
    };
    const sign = async (c: Obj): Promise<Obj> => {
      const purpose = new vc.CredentialIssuancePurpose();
      const update = purpose.update.bind(purpose);
      purpose.update = async (proof, options) => {
        const p = await update(proof, options);
        p['created'] = SIGNED_AT; // never the wall clock: NOW is pinned
        return p;
      };
      return vc.issue({
        credential: structuredClone(c),
        suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 }),
        documentLoader,
        purpose,
      });
    };
    return { doc, sign };
  }

  it('control: the controller document from the issuer’s own origin verifies', async () => {
    const controller = `${ISSUER}/di/issuer`;
    const victim = await httpsKey(controller);
    issuerRoutes.set('/di/issuer', victim.doc);
    const r = await verify(await victim.sign(badge(controller)));
    assert.equal(r.verified, true, summary(r));
  });

  it('a controller document whose address redirects to another site (with the attacker’s key) is unknown', async () => {
    const controller = `${ISSUER}/di/moved`;
    // The attacker signs with a key of their own under the issuer's controller id, and serves a
    // controller document for that id — from their own site, reached by a redirect.
    const forger = await httpsKey(controller);
    issuerRoutes.set('/di/moved', { to: `${evilSite.origin}/di/moved` });
    evilRoutes.set('/di/moved', forger.doc);
    const r = await verify(await forger.sign(badge(controller)));
    assert.equal(r.verified, false, summary(r));
    assert.deepEqual(check(r, 'proof'), { outcome: 'unknown', code: 'fetch-redirected' }, summary(r));
    assert.ok(evilSite.requests.includes('/di/moved'), 'the redirect was really followed');
  });
});

describe('refresh: a refreshed credential from another site is not used (issue 11 item 5)', () => {
  const EXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
  const refreshable = (issuer: string, service: string): Obj => {
    const b = badge(issuer);
    return {
      ...b,
      '@context': [...(b['@context'] as string[]), EXT],
      refreshService: { id: service, type: '1EdTechCredentialRefresh' },
    };
  };

  it('control: the refresh service on its own origin is used; redirected to another site, it is not', async () => {
    const academy = await freshIssuer();
    // The same credential (id, issuer, subject), re-issued under a new name, validly signed.
    const fresh = await academy.sign(badge(academy.did, { name: 'Formative Assessment (renewed)' }));
    issuerRoutes.set('/refresh/own', fresh);
    const own = await verify(await academy.sign(refreshable(academy.did, `${ISSUER}/refresh/own`)));
    assert.deepEqual(check(own, 'refresh'), { outcome: 'passed', code: 'refreshed' }, summary(own));
    assert.equal(own.credential?.name, 'Formative Assessment (renewed)');

    issuerRoutes.set('/refresh/moved', { to: `${evilSite.origin}/refresh/moved` });
    evilRoutes.set('/refresh/moved', fresh);
    const r = await verify(await academy.sign(refreshable(academy.did, `${ISSUER}/refresh/moved`)));
    assert.deepEqual(check(r, 'refresh'), { outcome: 'unknown', code: 'fetch-redirected' }, summary(r));
    assert.equal(r.credential?.name, 'Formative Assessment', 'the original is shown');
    assert.ok(evilSite.requests.includes('/refresh/moved'), 'the redirect was really followed');
  });
});

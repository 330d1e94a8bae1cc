/**
 * Issue 11 item 4: `1EdTechCredentialRefresh` may only give back the same credential — same `id`,
 * same issuer, same subject — re-issued. A refresh service that answers with another credential
 * (even one validly signed by the same issuer, such as someone else's badge) is ignored: the report
 * keeps the original and its `refresh` check says why. Keys are fresh.
 *
 * STANDARDS.md §5: "refresh at most once after the proof passed, then redo 1–3; on failure keep the
 * original." Open Badges 3.0 §Verification (Refresh): the refreshed credential replaces the one that
 * was presented, so it must be that credential, not another.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCredential } from '@microcred/core';
import type { VerificationReport } from '@microcred/core';
import { badge, freshIssuer } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { NOW, offlineFetch } from './harness.js';

type Obj = Record<string, unknown>;
const REFRESH = 'https://academy.example/refresh/12';
const EXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`).join(' ');
const refresh = (r: VerificationReport): { outcome?: string; code?: string } => {
  const c = r.checks.find((x) => x.id === 'refresh');
  return { outcome: c?.outcome, code: c?.code };
};

/** The badge with a refresh service (its type is defined by the OB 3.0 extensions context). */
function refreshable(issuer: string, extra: Obj = {}): Obj {
  const b = badge(issuer, extra);
  return {
    ...b,
    '@context': [...(b['@context'] as string[]), EXT],
    refreshService: { id: REFRESH, type: '1EdTechCredentialRefresh' },
  };
}

describe('refresh returns the same credential or is ignored (issue 11 item 4)', () => {
  let academy: FreshIssuer;
  let original: Obj;
  before(async () => {
    academy = await freshIssuer();
    original = await academy.sign(refreshable(academy.did));
  });
  const subject = (id: string | undefined): Obj => {
    const s = { ...(badge('x')['credentialSubject'] as Obj) };
    if (id === undefined) delete s['id'];
    else s['id'] = id;
    return s;
  };

  it('control: the same id, issuer and subject, re-issued, is used', async () => {
    const fresh = await academy.sign(badge(academy.did, { name: 'Formative Assessment (renewed)' }));
    const r = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: fresh }) });
    assert.deepEqual(refresh(r), { outcome: 'passed', code: 'refreshed' }, summary(r));
    assert.equal(r.credential?.name, 'Formative Assessment (renewed)');
  });

  it('another credential of the same issuer (another id) is ignored', async () => {
    const other = await academy.sign(
      badge(academy.did, { id: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', name: 'Swapped' }),
    );
    const r = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: other }) });
    assert.deepEqual(refresh(r), { outcome: 'failed', code: 'refresh-other-credential' }, summary(r));
    assert.equal(r.credential?.name, 'Formative Assessment');
    assert.equal(r.verified, true, summary(r));
    assert.match(r.checks.find((c) => c.id === 'refresh')!.message, /aaaaaaaa/);
  });

  it('the same id awarded to someone else (another subject) is ignored', async () => {
    const other = await academy.sign(
      badge(academy.did, { name: 'Swapped', credentialSubject: subject('did:example:mallory') }),
    );
    const r = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: other }) });
    assert.deepEqual(refresh(r), { outcome: 'failed', code: 'refresh-other-subject' }, summary(r));
    assert.equal(r.credential?.name, 'Formative Assessment');
    assert.equal(r.verified, true);
  });

  it('a subject id that disappears counts as another subject', async () => {
    const other = await academy.sign(
      badge(academy.did, { name: 'Swapped', credentialSubject: subject(undefined) }),
    );
    const r = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: other }) });
    assert.deepEqual(refresh(r), { outcome: 'failed', code: 'refresh-other-subject' }, summary(r));
    assert.equal(r.credential?.name, 'Formative Assessment');
  });

  it('a credential without an id refreshed into one with an id is ignored', async () => {
    const { id: _id, ...noId } = refreshable(academy.did);
    const anonymous = await academy.sign(noId);
    const withId = await academy.sign(badge(academy.did, { name: 'Swapped' }));
    const r = await verifyCredential(anonymous, { now: NOW, fetch: offlineFetch({ [REFRESH]: withId }) });
    assert.deepEqual(refresh(r), { outcome: 'failed', code: 'refresh-other-credential' }, summary(r));
    assert.equal(r.credential?.name, 'Formative Assessment');
  });

  it('the same id and subject signed by another issuer is ignored', async () => {
    const attacker = await freshIssuer();
    const forged = await attacker.sign(badge(attacker.did, { name: 'Swapped' }));
    const r = await verifyCredential(original, { now: NOW, fetch: offlineFetch({ [REFRESH]: forged }) });
    assert.deepEqual(refresh(r), { outcome: 'failed', code: 'refresh-other-issuer' }, summary(r));
    assert.equal(r.credential?.name, 'Formative Assessment');
    assert.match(r.checks.find((c) => c.id === 'refresh')!.message, new RegExp(attacker.did));
  });
});

/**
 * Issue 14 ("Verifier 2"): what the W3C Bitstring Status List test suite
 * (w3c/vc-bitstring-status-list-test-suite) asks of a VERIFIER, and what Bitstring Status List v1.0
 * §3.2 (Validate Algorithm) and §3.5 (Processing Errors) require of one.
 *
 * The suite POSTs `{ verifiableCredential, options: { checks: ['proof', 'credentialStatus'] } }` to
 * the verifier and judges only the answer: 200 with `verified: true` (shouldPassVerification) or 400
 * with `verified: false` (shouldFailVerification). Its verifier cases: a valid credential with a
 * `revocation` entry and one with a `suspension` entry verify; a `statusListCredential` of
 * "invalid-statusListCredential" and a `credentialStatus.type` of "invalid-type" fail; and a
 * credential that verified fails once the issuer has revoked (suspended) it and published the list
 * again. Its fixtures add lists with several purposes (`sl-purpose-multi-ok`), another purpose
 * (`single-purpose-fail`), a list credential without the type (`sl-vc-type-missing-fail`), an
 * encodedList that is not a list (`sl-encoded-list-invalid-fail`) and a short list
 * (`sl-encoded-list-short-fail`).
 *
 * Every list here is a real BitstringStatusListCredential signed with a fresh key (eddsa-rdfc-2022,
 * the Digital Bazaar stack, fresh-issuer.ts) and served by a real HTTP server on 127.0.0.1 that the
 * verifier GETs (named https://status.academy.test through hostFetch). Nothing depends on timing:
 * "now" is pinned and no test sleeps.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyCredential } from '@microcred/core';
import type { Check, VerificationReport } from '@microcred/core';
import { createVcApiHandler, toNodeListener } from '@microcred/core/vc-api';
import type { VcApiVerificationResult } from '@microcred/core/vc-api';
import { badge, encodedList, freshIssuer, statusList, VC2 } from './fresh-issuer.js';
import type { FreshIssuer } from './fresh-issuer.js';
import { NOW } from './harness.js';
import type { LocalServer } from './local-server.js';
import { hostFetch, sendJson, startServer } from './local-server.js';

type Obj = Record<string, unknown>;
type Answer = VcApiVerificationResult & { type?: string; status?: number };

const HOST = 'https://status.academy.test';
const SL = 'https://www.w3.org/ns/credentials/status-list#';
const VCDM = 'https://www.w3.org/TR/vc-data-model#';
const summary = (r: VerificationReport): string =>
  r.checks.map((c) => `${c.id}:${c.outcome}:${c.code} ${c.message}`).join('\n');
/** §2.1's example statusMessage of a 2-bit entry. */
const MESSAGES = [
  { status: '0x0', message: 'pending_review' },
  { status: '0x1', message: 'accepted' },
  { status: '0x2', message: 'rejected' },
  { status: '0x3', message: 'undefined' },
];
const statusOf = (r: VerificationReport): Check => r.checks.find((c) => c.id === 'status')!;

describe('Bitstring Status List test suite and §3.2, against a verifier that GETs real lists (issue 14)', () => {
  let academy: FreshIssuer;
  let lists: LocalServer;
  let api: Server;
  let base: string;
  /** What the list server answers, by path (a missing path is 404); tests replace lists to "publish". */
  const served = new Map<string, Obj>();
  const fetch = (): typeof globalThis.fetch => hostFetch({ [HOST]: lists.origin });

  /** Signs a list at `path` with `subject` merged into its credentialSubject and `extra` into the credential. */
  const publish = async (path: string, set: number[], subject: Obj = {}, extra: Obj = {}): Promise<void> => {
    const l = statusList(`${HOST}${path}`, academy.did, set, extra);
    served.set(
      path,
      await academy.sign({ ...l, credentialSubject: { ...(l['credentialSubject'] as Obj), ...subject } }),
    );
  };
  /** A credential of the academy with one BitstringStatusListEntry (`entry` overrides its members). */
  const credential = (path: string, index: number, entry: Obj = {}): Promise<Obj> =>
    academy.sign(
      badge(academy.did, {
        credentialStatus: {
          id: `${HOST}${path}#${index}`,
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: String(index),
          statusListCredential: `${HOST}${path}`,
          ...entry,
        },
      }),
    );
  const verify = async (c: Obj): Promise<VerificationReport> =>
    verifyCredential(c, { now: NOW, fetch: fetch() });
  const post = async (vc: Obj): Promise<{ status: number; json: Answer }> => {
    const res = await globalThis.fetch(`${base}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // the suite's body (helpers.js createRequestBody)
      body: JSON.stringify({ verifiableCredential: vc, options: { checks: ['proof', 'credentialStatus'] } }),
    });
    return { status: res.status, json: (await res.json()) as Answer };
  };

  before(async () => {
    academy = await freshIssuer();
    lists = await startServer((req, res) => {
      const body = served.get(req.url ?? '');
      if (body) sendJson(res, body);
      else sendJson(res, { error: 'not found' }, 404);
    });
    // one handler, one fetch, for every request: as a deployed verifier answers the suite
    api = createServer(toNodeListener(createVcApiHandler({ fetch: fetch(), now: NOW })));
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => api.close(() => resolve()));
    await lists.close();
  });

  describe('the suite’s verifier tests, over the VC API (20-verify.js)', () => {
    // "MUST verify a valid "BitstringStatusListCredential" with "revocation" status purpose"
    it('a valid credential with a revocation entry: 200, verified, status checked', async () => {
      await publish('/api/revocation', [9]);
      const r = await post(await credential('/api/revocation', 3));
      assert.equal(r.status, 200, JSON.stringify(r.json.errors));
      assert.equal(r.json.verified, true);
      assert.ok(r.json.checks.includes('status'));
    });

    // "MUST verify a valid "BitstringStatusListCredential" with "suspension" status purpose"
    it('a valid credential with a suspension entry: 200, verified', async () => {
      await publish('/api/suspension', [9], { statusPurpose: 'suspension' });
      const r = await post(await credential('/api/suspension', 3, { statusPurpose: 'suspension' }));
      assert.equal(r.status, 200, JSON.stringify(r.json.errors));
      assert.equal(r.json.verified, true);
    });

    // "MUST fail to verify a VC with invalid "credentialStatus.statusListCredential"" — the suite copies
    // the issued credential and sets it to "invalid-statusListCredential" (§2.1: it "MUST be a URL to a
    // verifiable credential"); JSON-LD refuses to sign a relative URL, so here too it is edited after
    // signing, and the proof fails as well: the status check must fail on its own account too.
    it('statusListCredential "invalid-statusListCredential": 400, not verified, the status is an error too', async () => {
      const vc = await credential('/api/revocation', 3);
      (vc['credentialStatus'] as Obj)['statusListCredential'] = 'invalid-statusListCredential';
      const r = await post(vc);
      assert.equal(r.status, 400);
      assert.equal(r.json.verified, false);
      // §3: a value that breaks a MUST "MUST" raise MALFORMED_VALUE_ERROR
      const status = r.json.errors.find((e) => e.check === 'status');
      assert.equal(status?.code, 'status-entry-invalid', JSON.stringify(r.json.errors));
      assert.equal(status?.type, `${VCDM}MALFORMED_VALUE_ERROR`);
    });

    // "MUST fail to verify a VC with invalid "credentialStatus.type"" ("invalid-type", edited after
    // signing as the suite does); §2.1: "The type property MUST be BitstringStatusListEntry."
    it('credentialStatus.type "invalid-type": 400, not verified, the status is an error too', async () => {
      const vc = await credential('/api/revocation', 3);
      (vc['credentialStatus'] as Obj)['type'] = 'invalid-type';
      const r = await post(vc);
      assert.equal(r.status, 400);
      assert.equal(r.json.verified, false);
      assert.equal(r.json.errors.find((e) => e.check === 'status')?.code, 'status-unsupported');
    });

    // "MUST fail to verify a revoked status list credential": verify (pass), the issuer revokes and
    // publishes the list again, verify the same credential again (fail). The handler answers every
    // request with the same `fetch`: a list cached from the first request must not answer the second.
    it('verified, then revoked and the list published again: the next request is 400, revoked', async () => {
      await publish('/api/revoke-me', []);
      const vc = await credential('/api/revoke-me', 42);
      const first = await post(vc);
      assert.equal(first.status, 200, JSON.stringify(first.json.errors));
      await publish('/api/revoke-me', [42]);
      const second = await post(vc);
      assert.equal(second.status, 400);
      assert.equal(second.json.verified, false);
      assert.equal(second.json.errors.find((e) => e.check === 'status')?.code, 'revoked');
    });

    // "MUST fail to verify a suspended status list credential" — the same with suspension
    it('verified, then suspended and the list published again: the next request is 400, suspended', async () => {
      await publish('/api/suspend-me', [], { statusPurpose: 'suspension' });
      const vc = await credential('/api/suspend-me', 42, { statusPurpose: 'suspension' });
      assert.equal((await post(vc)).status, 200);
      await publish('/api/suspend-me', [42], { statusPurpose: 'suspension' });
      const second = await post(vc);
      assert.equal(second.status, 400);
      assert.equal(second.json.verified, false);
      assert.equal(second.json.errors.find((e) => e.check === 'status')?.code, 'suspended');
    });
  });

  describe('§3.5 Processing Errors over the VC API (problem details, RFC 9457)', () => {
    // §3.5: "The type value of the error object MUST be a URL that starts with the value
    // https://www.w3.org/ns/credentials/status-list# and ends with the value in the section listed
    // below." §3.2: "If the dereference fails, raise a STATUS_RETRIEVAL_ERROR. If any of the proof
    // verifications fail, raise a STATUS_VERIFICATION_ERROR." … "If the values are not equal, raise a
    // STATUS_VERIFICATION_ERROR." … "a RANGE_ERROR MUST be raised". (STATUS_LIST_LENGTH_ERROR is not
    // raised: see the short-list tests below.)
    const typeOf = async (vc: Obj): Promise<{ status: number; type?: string; errorType?: string }> => {
      const r = await post(vc);
      return {
        status: r.status,
        type: r.json.type,
        errorType: r.json.errors.find((e) => e.check === 'status')?.type,
      };
    };

    it('a list that cannot be fetched (404): STATUS_RETRIEVAL_ERROR', async () => {
      const r = await typeOf(await credential('/api/nowhere', 3));
      assert.deepEqual(r, {
        status: 400,
        type: `${SL}STATUS_RETRIEVAL_ERROR`,
        errorType: `${SL}STATUS_RETRIEVAL_ERROR`,
      });
    });

    it('a list whose proof fails (encodedList changed after signing): STATUS_VERIFICATION_ERROR', async () => {
      await publish('/api/tampered', []);
      const tampered = structuredClone(served.get('/api/tampered')!);
      (tampered['credentialSubject'] as Obj)['encodedList'] = encodedList([3]);
      served.set('/api/tampered', tampered);
      const r = await typeOf(await credential('/api/tampered', 3));
      assert.equal(r.status, 400);
      assert.equal(r.errorType, `${SL}STATUS_VERIFICATION_ERROR`);
    });

    it('a list for another purpose: STATUS_VERIFICATION_ERROR', async () => {
      await publish('/api/other-purpose', [], { statusPurpose: 'randomPurpose' });
      const r = await typeOf(await credential('/api/other-purpose', 3));
      assert.equal(r.status, 400);
      assert.equal(r.errorType, `${SL}STATUS_VERIFICATION_ERROR`);
    });

    it('an index past the end of the list: the VC Data Model’s RANGE_ERROR', async () => {
      await publish('/api/range', []);
      const r = await typeOf(await credential('/api/range', 131_072));
      assert.equal(r.status, 400);
      assert.equal(r.errorType, `${VCDM}RANGE_ERROR`);
    });
  });

  describe('§3.2 Validate Algorithm in verifyCredential', () => {
    // §3.2: "Verify that the status purpose is equal to a statusPurpose value in the
    // statusListCredential. Note: The statusListCredential might contain multiple status purposes in
    // a single list." (the suite's sl-purpose-multi-ok and should-be-suspended fixtures)
    it('a list with two purposes serves both: revocation bit clear passes, suspension bit set is suspended', async () => {
      await publish('/multi', [201], { statusPurpose: ['revocation', 'suspension'] });
      const ok = await verify(await credential('/multi', 1));
      assert.deepEqual([statusOf(ok).outcome, statusOf(ok).code], ['passed', 'not-revoked'], summary(ok));
      assert.equal(ok.verified, true);
      const s = await verify(await credential('/multi', 201, { statusPurpose: 'suspension' }));
      assert.deepEqual([statusOf(s).outcome, statusOf(s).code], ['failed', 'suspended'], summary(s));
    });

    // the same step; the suite's single-purpose-fail and multi-purpose-fail lists
    it('a list for other purposes is unknown (status-purpose-mismatch), never a pass', async () => {
      await publish('/random', [], { statusPurpose: ['random', 'purposes'] });
      const r = await verify(await credential('/random', 1));
      assert.deepEqual(
        [statusOf(r).outcome, statusOf(r).code],
        ['unknown', 'status-purpose-mismatch'],
        summary(r),
      );
      assert.equal(r.verified, false);
    });

    // the same step: a list that states no purpose has no value to be equal to; §2.2
    // credentialSubject.statusPurpose "MUST be one or more strings"
    it('a list without statusPurpose is unknown (status-purpose-mismatch), never a pass', async () => {
      const l = statusList(`${HOST}/no-purpose`, academy.did, []);
      delete (l['credentialSubject'] as Obj)['statusPurpose'];
      served.set('/no-purpose', await academy.sign(l));
      const r = await verify(await credential('/no-purpose', 1));
      assert.deepEqual(
        [statusOf(r).outcome, statusOf(r).code],
        ['unknown', 'status-purpose-mismatch'],
        summary(r),
      );
      assert.equal(r.verified, false);
    });

    // §2.1: "When the URL is dereferenced, the resulting verifiable credential MUST have type property
    // that includes the BitstringStatusListCredential value." (sl-vc-type-missing-fail)
    it('a list credential without the BitstringStatusListCredential type is unknown (status-list-invalid)', async () => {
      await publish('/no-type', [], {}, { type: ['VerifiableCredential'] });
      const r = await verify(await credential('/no-type', 1));
      assert.deepEqual(
        [statusOf(r).outcome, statusOf(r).code],
        ['unknown', 'status-list-invalid'],
        summary(r),
      );
    });

    // §2.2: "The type of the credential subject, which is the status list, MUST be BitstringStatusList."
    // §3: a malformed value "MUST" raise MALFORMED_VALUE_ERROR — not a pass
    it('a list whose credentialSubject is not a BitstringStatusList is unknown (status-list-invalid)', async () => {
      // its terms are defined by an inline vocabulary (the v2 context defines encodedList only inside
      // a BitstringStatusList), so that it is signed and only its subject's type is wrong
      await publish(
        '/subject-type',
        [],
        { type: 'ExampleList' },
        { '@context': [VC2, { '@vocab': 'https://status.academy.test/vocab#' }] },
      );
      const r = await verify(await credential('/subject-type', 1));
      assert.deepEqual(
        [statusOf(r).outcome, statusOf(r).code],
        ['unknown', 'status-list-invalid'],
        summary(r),
      );
      assert.equal(r.verified, false);
    });

    // §2.2: encodedList "MUST be a Multibase-encoded base64url (with no padding) representation of the
    // GZIP-compressed bitstring" (sl-encoded-list-invalid-fail)
    it('an encodedList that is not a GZIP bitstring is unknown (status-list-invalid)', async () => {
      await publish('/bad-list', [], { encodedList: 'uNotAGzipBitstringAtAll' });
      const r = await verify(await credential('/bad-list', 1));
      assert.deepEqual(
        [statusOf(r).outcome, statusOf(r).code],
        ['unknown', 'status-list-invalid'],
        summary(r),
      );
    });

    // §3.2: "If the length of the revocation bitstring divided by statusSize is less than
    // minimumNumberOfEntries, raise a STATUS_LIST_LENGTH_ERROR." (minimumNumberOfEntries 131,072;
    // the suite's sl-encoded-list-short-fail). NOT enforced, on purpose: STANDARDS.md §7 — "lists
    // shorter than 131,072 entries exist in the wild — warn, don't crash" (the Digital Credentials
    // Consortium's lists have 100,000 entries). The list is read and the message says it is short.
    it('a list of 1,024 entries is read, and the status message says it is shorter than the specification requires', async () => {
      await publish('/short', [7], { encodedList: encodedList([7], 1024) });
      const r = await verify(await credential('/short', 3));
      assert.deepEqual([statusOf(r).outcome, statusOf(r).code], ['passed', 'not-revoked'], summary(r));
      assert.match(statusOf(r).message, /only 1024 entries, fewer than the 131,072/);
      const revoked = await verify(await credential('/short', 7));
      assert.deepEqual([statusOf(revoked).outcome, statusOf(revoked).code], ['failed', 'revoked']);
      assert.match(statusOf(revoked).message, /only 1024 entries/);
    });

    // the same step counts entries, "divided by statusSize": 131,072 bits of 2-bit entries are 65,536
    it('131,072 bits of 2-bit entries are counted as 65,536 entries (short)', async () => {
      await publish('/short-by-size', [], { statusPurpose: 'message' });
      const r = await verify(
        await credential('/short-by-size', 3, {
          statusPurpose: 'message',
          statusSize: 2,
          statusMessage: MESSAGES,
        }),
      );
      assert.deepEqual([statusOf(r).outcome, statusOf(r).code], ['passed', 'status-message'], summary(r));
      assert.match(statusOf(r).message, /only 65536 entries/);
    });

    // §2.1 statusSize: "If statusSize is provided and is greater than 1, then the property
    // credentialStatus.statusMessage MUST be present"; §3.2: "Let status be the value in the bitstring
    // at the position indicated by the credentialIndex multiplied by the size"; "If the statusPurpose
    // is message, set the message key in result to the corresponding message". Entry 3 of 2-bit
    // entries is bits 6–7; bit 6 on gives 0b10 = 0x2.
    it('a 2-bit message entry is read at index × 2 and its message reported; it does not stop verification', async () => {
      await publish('/messages', [6], { statusPurpose: 'message', encodedList: encodedList([6], 262_144) });
      const r = await verify(
        await credential('/messages', 3, {
          statusPurpose: 'message',
          statusSize: 2,
          statusMessage: MESSAGES,
        }),
      );
      assert.deepEqual([statusOf(r).outcome, statusOf(r).code], ['passed', 'status-message'], summary(r));
      assert.match(statusOf(r).message, /0x2 \("rejected"\)/);
      assert.equal(r.verified, true);
      const next = await verify(
        await credential('/messages', 2, {
          statusPurpose: 'message',
          statusSize: 2,
          statusMessage: MESSAGES,
        }),
      );
      assert.match(statusOf(next).message, /0x0 \("pending_review"\)/);
      // "a string representing the hexadecimal value of the status prefixed with 0x": 0x02 is 0x2
      const padded = MESSAGES.map((m, i) => ({ ...m, status: `0x0${i}` }));
      const p = await verify(
        await credential('/messages', 3, { statusPurpose: 'message', statusSize: 2, statusMessage: padded }),
      );
      assert.match(statusOf(p).message, /0x2 \("rejected"\)/);
    });

    // §3.2 step "If status is 0, set the valid key in result to true; otherwise, set it to false" —
    // for revocation, any non-zero multi-bit status revokes
    it('a 2-bit revocation entry with status 0x1 is revoked', async () => {
      await publish('/two-bit-revocation', [7], { encodedList: encodedList([7], 262_144) });
      const r = await verify(
        await credential('/two-bit-revocation', 3, { statusSize: 2, statusMessage: MESSAGES }),
      );
      assert.deepEqual([statusOf(r).outcome, statusOf(r).code], ['failed', 'revoked'], summary(r));
    });

    // §2.1: statusSize "MUST be an integer greater than zero"; with statusSize > 1 statusMessage "MUST
    // be present" and "MUST have 2 elements if statusSize has 1 bit, 4 elements if statusSize has 2
    // bits"; §3: malformed values raise MALFORMED_VALUE_ERROR
    for (const [why, entry] of [
      ['statusSize 2 without statusMessage', { statusSize: 2 }],
      ['statusSize 2 with 2 messages', { statusSize: 2, statusMessage: MESSAGES.slice(0, 2) }],
      ['statusSize 0', { statusSize: 0 }],
      ['statusSize 1.5', { statusSize: 1.5 }],
    ] as const)
      it(`${why}: unknown (status-entry-invalid)`, async () => {
        await publish('/sizes', [], {}, {});
        const r = await verify(await credential('/sizes', 3, entry));
        assert.deepEqual(
          [statusOf(r).outcome, statusOf(r).code],
          ['unknown', 'status-entry-invalid'],
          summary(r),
        );
      });

    // §2.1 statusMessage: "If the statusMessage array is not present, the message values associated
    // with the status bit values of 1 and 0 are "set" and "unset", respectively."
    it('a 1-bit message entry without statusMessage says "set" / "unset"', async () => {
      await publish('/flags', [5], { statusPurpose: 'message' });
      const set = await verify(await credential('/flags', 5, { statusPurpose: 'message' }));
      assert.deepEqual([statusOf(set).outcome, statusOf(set).code], ['passed', 'status-message']);
      assert.match(statusOf(set).message, /0x1 \("set"\)/);
      const unset = await verify(await credential('/flags', 4, { statusPurpose: 'message' }));
      assert.match(statusOf(unset).message, /0x0 \("unset"\)/);
    });

    // §2.2 ttl: "indicates the "time to live" in milliseconds before a refresh SHOULD be attempted";
    // §3.2: "Verifiers SHOULD cache the retrieved status list". One `fetch` (one cache), two clocks:
    // within the ttl the cached list answers, after it the republished list does.
    it('a list with ttl 60,000 is kept for 60 s, then read again (the issuer revoked meanwhile)', async () => {
      await publish('/ttl', [], { ttl: 60_000 });
      const vc = await credential('/ttl', 8);
      const f = fetch();
      const at = (ms: number): Promise<VerificationReport> =>
        verifyCredential(vc, { now: new Date(NOW.getTime() + ms), fetch: f });
      assert.equal(statusOf(await at(0)).code, 'not-revoked');
      await publish('/ttl', [8], { ttl: 60_000 });
      assert.equal(statusOf(await at(30_000)).code, 'not-revoked', 'within the ttl: the cached list');
      assert.equal(statusOf(await at(61_000)).code, 'revoked', 'after the ttl: the list is read again');
    });

    // §2.2 validFrom: "The earliest point in time at which the status list is valid."
    it('a list not yet valid is unknown, never a pass', async () => {
      await publish('/future', [], {}, { validFrom: '2027-01-01T00:00:00Z' });
      const r = await verify(await credential('/future', 1));
      assert.deepEqual(
        [statusOf(r).outcome, statusOf(r).code],
        ['unknown', 'status-list-expired'],
        summary(r),
      );
      assert.equal(r.verified, false);
    });

    // §3.2: "If the credentialIndex multiplied by the size is a value outside of the range of the
    // bitstring, a RANGE_ERROR MUST be raised."
    it('the last entry of a 131,072-entry list is read; the next one is out of range', async () => {
      await publish('/edge', [131_071]);
      const last = await verify(await credential('/edge', 131_071));
      assert.deepEqual([statusOf(last).outcome, statusOf(last).code], ['failed', 'revoked']);
      const past = await verify(await credential('/edge', 131_072));
      assert.deepEqual(
        [statusOf(past).outcome, statusOf(past).code],
        ['unknown', 'status-index-out-of-range'],
      );
    });
  });
});

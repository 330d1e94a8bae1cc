/**
 * Issue 14 ("Verifier 2"): the verifier assertions of the W3C VC Data Model 2.0 test suite
 * (w3c/vc-data-model-2.0-test-suite) against `@microcred/core/vc-api` on a real HTTP server
 * (node:http on 127.0.0.1, port 0, through `toNodeListener`). The suite POSTs
 * `{ verifiableCredential, options: { checks: ['proof'] } }` to /credentials/verify and
 * `{ verifiablePresentation, options: { checks: [] } }` to /presentations/verify; it counts any
 * answer of 400 or more (or a non-empty `errors`) as a rejection, and a 2xx with no `errors` as an
 * acceptance. Its presentations are signed with eddsa-rdfc-2022 by a did:key (challenge and domain
 * set, none asked for); the fixtures are rebuilt here with a fresh key.
 */
import { after, before, describe, it } from 'node:test';
import { createVcApiHandler } from '@microcred/core/vc-api';
import { vcApiSuite } from './vc-api-suite.js';
import { freshSigner } from './verify/fresh-signer.js';
import type { FreshSigner } from './verify/fresh-signer.js';
import { NOW, offlineFetch } from './verify/harness.js';

type Obj = Record<string, unknown>;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';

describe('VCDM 2.0 test suite verifier assertions over HTTP (issue 14)', () => {
  const api = vcApiSuite({ credential: { checks: ['proof'] }, presentation: { checks: [] } });
  const { accepted, rejected } = api;
  let s: FreshSigner;
  const credential = (extra: Obj = {}): Obj => ({
    '@context': [VC2],
    type: ['VerifiableCredential'],
    issuer: s.did,
    validFrom: '2023-02-27T05:03:28Z',
    credentialSubject: { id: 'did:example:subject' },
    ...extra,
  });
  const presentation = (extra: Obj = {}): Obj => ({
    '@context': [VC2],
    type: ['VerifiablePresentation'],
    ...extra,
  });
  const sign = (p: Obj): Promise<Obj> =>
    s.signPresentation(p, { challenge: 'uYz3kP0q', domain: 'github.com/w3c/vc-data-model-2.0-test-suite' });

  before(async () => {
    s = await freshSigner();
    const handler = createVcApiHandler({ fetch: offlineFetch(), now: NOW });
    await api.start(handler);
  });
  after(() => api.close());

  // §1.3 Conformance: "A conforming verifier implementation MUST produce errors when
  // non-conforming documents are detected" — the suite sends {type: ["NonconformingDocument"]}.
  it('a nonconforming document is rejected by both endpoints', async () => {
    await rejected('/credentials/verify', { type: ['NonconformingDocument'] }, { check: 'format' });
    await rejected('/presentations/verify', { type: ['NonconformingDocument'] }, { check: 'format' });
  });

  // §1.3: "A conforming verifier implementation MUST perform verification on a conforming document
  // as described in Section 4.12 Securing Mechanisms" — a signed credential passes; the suite's
  // credential-ok.json without a proof is rejected.
  it('a signed credential is accepted; the same credential unsigned is rejected', async () => {
    await accepted('/credentials/verify', await s.signUnchecked(credential()));
    await rejected('/credentials/verify', credential(), { check: 'proof' });
  });

  // §4.4, §4.7, §4.6: a signed credential that breaks a MUST is an error whatever its proof says.
  it('signed credentials that break a data-model MUST are rejected with a schema error', async () => {
    for (const extra of [
      { name: 7 },
      { renderMethod: { id: 'https://example.org/render/1' } },
      { credentialStatus: { id: 'https://example.org/status/1' } },
    ])
      await rejected('/credentials/verify', await s.signUnchecked(credential(extra)), { check: 'schema' });
    const signed = await s.signUnchecked(credential());
    for (const edit of [{ id: null }, { issuer: 'not-a-url' }, { '@context': [VC2, 123192875] }])
      await rejected('/credentials/verify', { ...signed, ...edit }, { check: 'schema' });
  });

  // §4.13: holder is optional. presentation-ok.json (no credentials), presentation-multiple-vc-ok.json
  // (credentials the signer issued) and the @context variants name no holder and must be accepted.
  it('signed presentations without holder are accepted', async () => {
    await accepted('/presentations/verify', await sign(presentation({ verifiableCredential: [] })));
    const vcs = [
      await s.signUnchecked(credential()),
      await s.signUnchecked(credential({ credentialSubject: { id: 'did:example:other-subject' } })),
    ];
    await accepted('/presentations/verify', await sign(presentation({ verifiableCredential: vcs })));
    await accepted('/presentations/verify', await sign(presentation({ '@context': [VC2, EXAMPLES] })));
    await accepted(
      '/presentations/verify',
      await sign(
        presentation({
          '@context': [
            VC2,
            { ExampleVerifiablePresentation: 'https://example.org/#ExampleVerifiablePresentation' },
          ],
          type: ['VerifiablePresentation', 'ExampleVerifiablePresentation'],
        }),
      ),
    );
  });

  // §4.13 holder: "If present, the value MUST be either a URL or an object containing an id property"
  // (presentation-holder-ok, -holder-object-ok, -holder-object-fail); §4.12.4: the issuer of a
  // self-asserted credential "MUST be identical to the holder" — a holder other than the signer fails.
  it('holder: a URL or an object with a URL id is accepted; other holders are rejected', async () => {
    await accepted('/presentations/verify', await sign(presentation({ holder: s.did })));
    await accepted('/presentations/verify', await sign(presentation({ holder: { id: s.did } })));
    const vp = await sign(presentation({ holder: s.did }));
    await rejected(
      '/presentations/verify',
      { ...vp, holder: { id: 'z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj' } },
      { check: 'format' },
    );
    await rejected('/presentations/verify', await sign(presentation({ holder: 'did:example:acme' })), {
      check: 'holder',
    });
    // a holder object without an id would leave the holder unnamed: it is an error, not "no holder"
    await rejected('/presentations/verify', await sign(presentation({ holder: { name: 'Alice' } })), {
      check: 'format',
    });
    await rejected('/presentations/verify', { ...vp, id: 'not a url' }, { check: 'format' });
  });

  // §4.3 / §4.5 / §4.13: presentation-no-context-fail, -missing-base-context-fail, -no-type-fail,
  // -missing-required-type-fail; a signed VP whose @context[1] the suite replaces; a VP holding a
  // credential with no type (presentation-vc-missing-required-type-fail).
  it('malformed presentations are rejected', async () => {
    await rejected('/presentations/verify', { type: ['VerifiablePresentation'] }, { check: 'format' });
    await rejected(
      '/presentations/verify',
      { '@context': [EXAMPLES], type: ['VerifiablePresentation'] },
      { check: 'format' },
    );
    await rejected('/presentations/verify', { '@context': [VC2] }, { check: 'format' });
    await rejected(
      '/presentations/verify',
      { '@context': [VC2], type: ['ExamplePresentation'] },
      { check: 'format' },
    );
    const vp = await sign(presentation({ '@context': [VC2, EXAMPLES] }));
    await accepted('/presentations/verify', vp);
    for (const bad of ['https ://not-a-url/contexts/example/v1', 123192875])
      await rejected('/presentations/verify', { ...vp, '@context': [VC2, bad] }, { check: 'format' });
    // posted unsigned, as the suite does: its credential (signed, then its type removed) fails too
    const { type: _t, ...untyped } = await s.signUnchecked(credential());
    await rejected('/presentations/verify', presentation({ verifiableCredential: [untyped] }), {
      check: 'credentials',
    });
  });
});

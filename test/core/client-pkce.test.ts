// PKCE helpers: RFC 7636 Appendix B vector, verifier alphabet and length, authorization URL encoding.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  OB3_SCOPES,
  authorizationUrl,
  createOAuthState,
  createPkceVerifier,
  pkceChallenge,
} from '@microcred/core';

describe('PKCE helpers', () => {
  it('computes the S256 challenge of RFC 7636 Appendix B', async () => {
    assert.equal(
      await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes random verifiers of unreserved characters, 43 to 128 long', () => {
    const a = createPkceVerifier();
    assert.match(a, /^[A-Za-z0-9\-._~]{64}$/);
    assert.notEqual(a, createPkceVerifier());
    assert.equal(createPkceVerifier(43).length, 43);
    assert.equal(createPkceVerifier(128).length, 128);
    assert.throws(() => createPkceVerifier(42), RangeError);
    assert.throws(() => createPkceVerifier(129), RangeError);
    assert.match(createOAuthState(), /^[A-Za-z0-9\-._~]{32}$/);
  });

  it('builds an authorization URL with every value encoded', async () => {
    const href = authorizationUrl({
      authorizationEndpoint: 'https://issuer.example/oauth/authorize?tenant=a b',
      clientId: 'client&1',
      redirectUri: 'https://app.example/cb?x=1',
      scope: [OB3_SCOPES.credentialReadonly, OB3_SCOPES.profileReadonly],
      state: 's t',
      codeChallenge: await pkceChallenge('v'.repeat(43)),
    });
    const u = new URL(href);
    assert.equal(u.origin + u.pathname, 'https://issuer.example/oauth/authorize');
    assert.equal(u.searchParams.get('tenant'), 'a b');
    assert.equal(u.searchParams.get('response_type'), 'code');
    assert.equal(u.searchParams.get('client_id'), 'client&1');
    assert.equal(u.searchParams.get('redirect_uri'), 'https://app.example/cb?x=1');
    assert.equal(
      u.searchParams.get('scope'),
      `${OB3_SCOPES.credentialReadonly} ${OB3_SCOPES.profileReadonly}`,
    );
    assert.equal(u.searchParams.get('state'), 's t');
    assert.equal(u.searchParams.get('code_challenge_method'), 'S256');
    assert.throws(() =>
      authorizationUrl({
        authorizationEndpoint: 'javascript:alert(1)',
        clientId: 'c',
        redirectUri: 'https://a.example/',
        scope: 's',
        state: 's',
        codeChallenge: 'c',
      }),
    );
  });
});

/**
 * OAuth 2.0 PKCE helpers (RFC 7636) for hosts that run the authorization code flow of the Open
 * Badges 3.0 API. WebCrypto only: works in browsers and Node 20.
 *
 * The browser never holds a client secret. The usual pattern: the page creates a verifier and
 * state, keeps them in `sessionStorage`, sends the person to {@link authorizationUrl}; the redirect
 * page posts the `code` and the verifier to the host's own backend, which exchanges them (with the
 * client secret from dynamic client registration) at the token endpoint and returns only the access
 * token, which the page gives to `createClient({ accessToken })`.
 */

/** The Open Badges 3.0 API scopes. */
export const OB3_SCOPES = {
  credentialReadonly: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  credentialUpsert: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update',
} as const;

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** Base64url without padding. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of `length` unreserved characters (no modulo bias). */
function randomString(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    // 256 - 256 % 66 = 198: reject bytes that would bias the choice.
    for (const b of bytes) if (b < 198 && out.length < length) out += UNRESERVED[b % UNRESERVED.length];
  }
  return out;
}

/** A PKCE code verifier: `length` (43–128, default 64) random unreserved characters. */
export function createPkceVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < 43 || length > 128)
    throw new RangeError('A PKCE code verifier must be 43 to 128 characters long.');
  return randomString(length);
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** A random `state` value for the authorization request (checked again on the redirect). */
export function createOAuthState(): string {
  return randomString(32);
}

/** What {@link authorizationUrl} needs. */
export interface AuthorizationUrlOptions {
  /** The authorization endpoint (from `discover()`: `authorizationUrl`). */
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  /** Scopes, e.g. `[OB3_SCOPES.credentialReadonly]`. */
  scope: string | readonly string[];
  state: string;
  /** From {@link pkceChallenge}. */
  codeChallenge: string;
}

/** The URL to send a person to for the authorization code flow with PKCE (S256). */
export function authorizationUrl(options: AuthorizationUrlOptions): string {
  const url = new URL(options.authorizationEndpoint);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError('The authorization endpoint must be an http(s) URL.');
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', options.clientId);
  params.set('redirect_uri', options.redirectUri);
  params.set('scope', typeof options.scope === 'string' ? options.scope : options.scope.join(' '));
  params.set('state', options.state);
  params.set('code_challenge', options.codeChallenge);
  params.set('code_challenge_method', 'S256');
  return url.href;
}

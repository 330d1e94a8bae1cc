/** Byte helpers for credentials the browser tests sign themselves (JWS, COSE, status lists). */

/** UTF-8 bytes of `s`. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** base64url without padding (RFC 4648 §5), as JOSE and Multibase `u` use it. */
export const b64u = (b: Uint8Array): string =>
  btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

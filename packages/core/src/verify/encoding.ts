/** Small byte encodings the verifier needs: base58btc, base64url, hex, multibase and UTF-8. */
import { nodeCrypto } from './node-crypto.js';

/** The value of each base58btc (Bitcoin alphabet) character, -1 for any other. */
const B58 = new Int8Array(128).fill(-1);
for (let i = 0; i < 58; i++)
  B58['123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'.charCodeAt(i)] = i;

/** Decodes base58btc (Bitcoin alphabet); undefined on a bad character. */
export function base58Decode(text: string): Uint8Array | undefined {
  if (text.length > 4096) return undefined;
  // little-endian base-256 digits of the number, grown as needed (at most 0.74 bytes a character)
  const bytes = new Uint8Array(text.length);
  let size = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    let carry = c < 128 ? B58[c]! : -1;
    if (carry < 0) return undefined;
    for (let i = 0; i < size; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes[size++] = carry & 0xff;
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < text.length && text.charCodeAt(zeros) === 49) zeros++; // leading '1' = zero byte
  const out = new Uint8Array(zeros + size);
  for (let i = 0; i < size; i++) out[zeros + i] = bytes[size - 1 - i]!;
  return out;
}

/** The 6-bit value of each base64 and base64url character (both alphabets), -1 for any other. */
const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++)
  B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
B64[45] = 62; // -
B64[95] = 63; // _

/** The platform's base64 decoder (Chromium 140, Firefox 133, Safari 18.2; not Node 20), if any. */
const fromBase64 = (Uint8Array as { fromBase64?: (text: string, options: object) => Uint8Array }).fromBase64;

/** Decodes base64url (or base64) without padding requirements; undefined when malformed. */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  let n = text.length;
  while (n > 0 && text.charCodeAt(n - 1) === 61) n--; // trailing '='
  if (n % 4 === 1) return undefined;
  // the platform's decoder when there is one, several times faster. It reads the url alphabet as the
  // loop below does (trailing bits ignored) but also skips whitespace: it gives all the bytes the
  // loop would only when it met nothing but alphabet characters (the length needs all n). Padding
  // it refuses, and the other alphabet, are left to the loop.
  if (fromBase64)
    try {
      const bytes = fromBase64(text, { alphabet: 'base64url' });
      if (bytes.length === (n * 3) >> 2) return bytes;
    } catch {
      // the loop decides
    }
  const out = new Uint8Array((n * 3) >> 2);
  let acc = 0;
  let bits = 0;
  for (let i = 0, j = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    if ((bits += 6) >= 8) out[j++] = acc >> (bits -= 8);
  }
  return out;
}

/** Encodes bytes as base64url without padding. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a multibase string: `z` base58btc or `u` base64url. */
export function multibaseDecode(text: string): Uint8Array | undefined {
  if (text.startsWith('z')) return base58Decode(text.slice(1));
  if (text.startsWith('u')) return base64UrlDecode(text.slice(1));
  return undefined;
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i]!.toString(16).padStart(2, '0');
  return s;
}

/** UTF-8 encode. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** SHA-256 via WebCrypto (Node: node:crypto, synchronously). */
export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  if (nodeCrypto) return new Uint8Array(nodeCrypto.createHash('sha256').update(data).digest());
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

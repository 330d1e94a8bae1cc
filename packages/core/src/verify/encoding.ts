/** Small byte encodings the verifier needs: base58btc, base64url, hex, multibase and UTF-8. */
import { nodeCrypto } from './node-crypto.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_MAP = new Map([...B58].map((c, i) => [c, i]));

/** Decodes base58btc (Bitcoin alphabet); undefined on a bad character. */
export function base58Decode(text: string): Uint8Array | undefined {
  if (text.length > 4096) return undefined;
  const bytes: number[] = [0];
  for (const ch of text) {
    const v = B58_MAP.get(ch);
    if (v === undefined) return undefined;
    let carry = v;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const out = bytes.reverse();
  // strip the leading zero produced by the initial [0] unless the value is all zeros
  while (out.length > 0 && out[0] === 0) out.shift();
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...out]);
}

/** Decodes base64url (or base64) without padding requirements; undefined when malformed. */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  const b64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/(?<!=)=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) return undefined;
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
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

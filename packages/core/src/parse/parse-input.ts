/**
 * Turns whatever a user or a server handed us (an object, JSON text, a compact JWS, bytes) into one
 * JSON object, defensively: size and depth are bounded and every failure is an `McError`.
 */
import { McError, McFormatError, McParseError } from '../model/errors.js';
import type { McErrorCode } from '../model/errors.js';

/** Largest input accepted, in bytes or UTF-16 code units (2 MB). */
export const MAX_INPUT_SIZE = 2 * 1024 * 1024;
/** Deepest object/array nesting accepted. */
export const MAX_DEPTH = 64;

/** The result of {@link parseCredentialInput}. */
export interface ParsedInput {
  /** The JSON document (for a VC-JWT, the `vc` claim with `iss`/`jti`/`nbf`/`exp` filled in). */
  document: Record<string, unknown>;
  /** The compact JWS when the input was one. */
  jws?: string;
}

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** True for a plain JSON object (not an array). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when `text` looks like a compact JWS (three base64url parts separated by dots). */
export function isCompactJws(text: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(text.trim());
}

const MESSAGES: Partial<Record<McErrorCode, string>> = {
  'empty-input': 'Nothing was given: the credential is empty.',
  'invalid-json':
    'This text is not valid JSON, so it cannot be read as a credential. Check that it was copied completely.',
  'invalid-jws': 'This signed credential (JWS) could not be decoded: it may be cut short or damaged.',
  'too-large': 'This is over 2 MB, too large for a credential.',
  'too-deep': `This is nested over ${MAX_DEPTH} levels deep, too deep for a credential.`,
};

function fail(code: McErrorCode, cause?: unknown, message = MESSAGES[code]!): McParseError {
  return new McParseError(code, message, { cause });
}

/** Throws `too-deep` beyond {@link MAX_DEPTH} levels (iterative: no stack overflow; cycles count as too deep). */
function checkDepth(value: unknown): void {
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= MAX_DEPTH) throw fail('too-deep');
    if (++seen > 500_000) throw fail('too-large');
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
}

/** Strict UTF-8 (no label is UTF-8), made once: a decoder keeps no state between whole-input `decode` calls. */
const utf8 = new TextDecoder(undefined, { fatal: true });

/**
 * A base64url part of a JWS, decoded and parsed as JSON. The bytes are copied in a plain loop:
 * `Uint8Array.from(binary, (c) => c.charCodeAt(0))` walks the string's iterator with a callback per
 * byte, about ten times slower (a third of a warm VC-JWT verification, issue 14).
 */
function b64json(part: string): unknown {
  const bin = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = bin.length; i--;) bytes[i] = bin.charCodeAt(i);
  return JSON.parse(utf8.decode(bytes));
}

/** Maps a VC-JWT payload to its credential: the `vc` claim with the registered claims filled in. */
function fromJwtPayload(payload: Obj): Obj {
  const { vc, iss, jti, sub } = payload;
  if (!isObj(vc)) return payload;
  const doc: Obj = { ...vc };
  const v2 = [doc['@context']].flat()[0] === 'https://www.w3.org/ns/credentials/v2';
  // `iss` and `sub` give the issuer's and the subject's id when the credential has none.
  for (const [key, id] of [
    ['issuer', iss],
    ['credentialSubject', sub],
  ] as const) {
    const v = doc[key];
    if (typeof id !== 'string') continue;
    if (isObj(v)) {
      if (v['id'] === undefined) doc[key] = { ...v, id };
    } else if (v === undefined && key === 'issuer') doc[key] = id;
  }
  if (typeof jti === 'string') doc['id'] ??= jti;
  // `nbf` and `exp` (seconds) give the validity dates, named as the data model version names them.
  for (const [claim, v2Name, v1Name] of [
    ['nbf', 'validFrom', 'issuanceDate'],
    ['exp', 'validUntil', 'expirationDate'],
  ] as const) {
    const n = payload[claim];
    if (typeof n === 'number' && Math.abs(n) < 1e11 && doc[v2Name] === undefined && doc[v1Name] === undefined)
      doc[v2 ? v2Name : v1Name] = new Date(n * 1000).toISOString().replace('.000Z', 'Z');
  }
  return doc;
}

/**
 * Reads a credential from an object, JSON text, a compact JWS (VC-JWT or OB 2.0 signed assertion),
 * or UTF-8 bytes (`Uint8Array`/`ArrayBuffer`) holding either.
 *
 * @throws {McParseError} `empty-input`, `invalid-json`, `invalid-jws`, `too-large` (over 2 MB), `too-deep` (over 64 levels).
 * @throws {McFormatError} `not-a-credential` when the value is not a JSON object.
 */
export function parseCredentialInput(input: unknown): ParsedInput {
  let jws: string | undefined;
  let head: unknown;
  try {
    if (input == null) throw fail('empty-input');
    if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
      if (input.byteLength > MAX_INPUT_SIZE) throw fail('too-large');
      // no bytes decode to '', which is refused below as `empty-input`
      try {
        input = utf8.decode(input);
      } catch (cause) {
        throw fail('invalid-json', cause, 'This file is not UTF-8 text.');
      }
    }
    if (typeof input === 'string') {
      if (input.length > MAX_INPUT_SIZE) throw fail('too-large');
      const text = input.trim(); // also removes a byte-order mark
      if (!text) throw fail('empty-input');
      if (isCompactJws(text)) {
        try {
          [head, input] = text.split('.', 2).map(b64json);
        } catch (cause) {
          throw fail('invalid-jws', cause);
        }
        if (!isObj(head) || !isObj(input)) throw fail('invalid-jws');
        jws = text;
      } else input = JSON.parse(text);
    }
    checkDepth(input);
    if (!isObj(input))
      throw new McFormatError(
        'not-a-credential',
        Array.isArray(input) ? 'This is a list, not one credential.' : 'A credential must be a JSON object.',
      );
    return jws ? { document: fromJwtPayload(input), jws } : { document: input };
  } catch (e) {
    // Engines whose JSON.parse recurses give up on very deep input with a RangeError ("too much recursion").
    throw e instanceof McError ? e : fail(e instanceof RangeError ? 'too-deep' : 'invalid-json', e);
  }
}

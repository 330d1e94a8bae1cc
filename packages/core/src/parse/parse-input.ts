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

type Obj = Record<string, unknown>;

const JWS_RE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** True when `text` looks like a compact JWS (three base64url parts separated by dots). */
export const isCompactJws = (text: string): boolean => JWS_RE.test(text.trim());

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const fail = (code: McErrorCode, message: string, cause?: unknown): McParseError =>
  new McParseError(code, message, cause === undefined ? undefined : { cause });

const MESSAGES: Partial<Record<McErrorCode, string>> = {
  'empty-input': 'Nothing was given: the credential is empty.',
  'invalid-json':
    'This text is not valid JSON, so it cannot be read as a credential. Check that it was copied completely.',
  'invalid-jws':
    'This looks like a signed credential (JWS), but its contents could not be decoded. It may be cut short or damaged.',
  'too-large': 'This is larger than 2 MB, far more than any real credential needs.',
  'too-deep': `This data is nested more than ${MAX_DEPTH} levels deep, which no real credential needs.`,
};

const error = (code: McErrorCode, cause?: unknown): McParseError => fail(code, MESSAGES[code] ?? code, cause);

/** Throws `too-deep` beyond {@link MAX_DEPTH} levels (iterative: no stack overflow; cycles count as too deep). */
function checkDepth(value: unknown): void {
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= MAX_DEPTH) throw error('too-deep');
    if (++seen > 500_000) throw error('too-large');
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
}

const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

const b64url = (part: string): string =>
  utf8(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

/** Seconds since the epoch → `2010-01-01T00:00:00Z`, or undefined. */
const when = (n: unknown): string | undefined =>
  typeof n === 'number' && Math.abs(n) < 1e11
    ? new Date(n * 1000).toISOString().replace('.000Z', 'Z')
    : undefined;

/** Maps a VC-JWT payload to its credential: the `vc` claim with the registered claims filled in. */
function fromJwtPayload(payload: Obj): Obj {
  const vc = payload['vc'];
  if (!isObj(vc)) return payload;
  const doc: Obj = { ...vc };
  const v2 = ([] as unknown[]).concat(doc['@context'])[0] === 'https://www.w3.org/ns/credentials/v2';
  const { iss, jti, sub } = payload;
  const issuer = doc['issuer'];
  if (typeof iss === 'string') {
    if (issuer === undefined) doc['issuer'] = iss;
    else if (isObj(issuer) && issuer['id'] === undefined) doc['issuer'] = { ...issuer, id: iss };
  }
  if (typeof jti === 'string') doc['id'] ??= jti;
  const from = when(payload['nbf']);
  const until = when(payload['exp']);
  if (from && doc['validFrom'] === undefined && doc['issuanceDate'] === undefined)
    doc[v2 ? 'validFrom' : 'issuanceDate'] = from;
  if (until && doc['validUntil'] === undefined && doc['expirationDate'] === undefined) {
    doc[v2 ? 'validUntil' : 'expirationDate'] = until;
  }
  const subject = doc['credentialSubject'];
  if (typeof sub === 'string' && isObj(subject) && subject['id'] === undefined)
    doc['credentialSubject'] = { ...subject, id: sub };
  return doc;
}

function parseText(text: string): ParsedInput {
  if (text.length > MAX_INPUT_SIZE) throw error('too-large');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw error('empty-input');
  if (isCompactJws(trimmed)) {
    const [header = '', payload = ''] = trimmed.split('.');
    let doc: unknown;
    try {
      if (!isObj(JSON.parse(b64url(header)))) throw error('invalid-jws');
      doc = JSON.parse(b64url(payload));
    } catch (cause) {
      throw error('invalid-jws', cause);
    }
    if (!isObj(doc)) throw error('invalid-jws');
    checkDepth(doc);
    return { document: fromJwtPayload(doc), jws: trimmed };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (cause) {
    // Engines whose JSON.parse recurses give up on very deep input with a RangeError ("too much recursion").
    throw error(cause instanceof RangeError ? 'too-deep' : 'invalid-json', cause);
  }
  return fromValue(value);
}

function fromValue(value: unknown): ParsedInput {
  checkDepth(value);
  if (!isObj(value)) {
    throw new McFormatError(
      'not-a-credential',
      Array.isArray(value)
        ? 'This is a list, not a single credential.'
        : 'This is not a credential: a credential is a JSON object with named fields.',
    );
  }
  return { document: value };
}

/**
 * Reads a credential from an object, JSON text, a compact JWS (VC-JWT or OB 2.0 signed assertion),
 * or UTF-8 bytes (`Uint8Array`/`ArrayBuffer`) holding either.
 *
 * @throws {McParseError} `empty-input`, `invalid-json`, `invalid-jws`, `too-large` (over 2 MB), `too-deep` (over 64 levels).
 * @throws {McFormatError} `not-a-credential` when the value is not a JSON object.
 */
export function parseCredentialInput(input: unknown): ParsedInput {
  try {
    if (input == null) throw error('empty-input');
    if (typeof input === 'string') return parseText(input);
    if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
      const bytes = ArrayBuffer.isView(input)
        ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
        : new Uint8Array(input);
      if (bytes.byteLength > MAX_INPUT_SIZE) throw error('too-large');
      if (!bytes.byteLength) throw error('empty-input');
      let text: string;
      try {
        text = utf8(bytes);
      } catch (cause) {
        throw fail(
          'invalid-json',
          'This file is not UTF-8 text, so it cannot be read as a credential.',
          cause,
        );
      }
      return parseText(text);
    }
    return fromValue(input);
  } catch (e) {
    throw e instanceof McError ? e : error('invalid-json', e);
  }
}

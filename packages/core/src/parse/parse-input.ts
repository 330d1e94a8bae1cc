/**
 * Turns whatever a user or a server handed us (an object, JSON text, a compact JWS, bytes) into one
 * JSON object, defensively: size and depth are bounded and every failure is an `McError`.
 */
import { McError, McFormatError, McParseError } from '../model/errors.js';

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

const JWS_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** True when `text` looks like a compact JWS (three base64url parts separated by dots). */
export function isCompactJws(text: string): boolean {
  return JWS_RE.test(text.trim());
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Throws `too-deep` when `value` nests deeper than {@link MAX_DEPTH}; iterative, so no stack overflow. */
function checkDepth(value: unknown): void {
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= MAX_DEPTH) {
      throw new McParseError(
        'too-deep',
        `This data is nested more than ${MAX_DEPTH} levels deep, which no real credential needs.`,
      );
    }
    if (++seen > 200_000) {
      throw new McParseError('too-large', 'This data has far more parts than any real credential.');
    }
    for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
}

/** Cheap pre-check on raw JSON text, so a hostile `[[[[…` never reaches `JSON.parse`'s recursion. */
function checkTextDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) {
        throw new McParseError(
          'too-deep',
          `This data is nested more than ${MAX_DEPTH} levels deep, which no real credential needs.`,
        );
      }
    } else if (c === 125 || c === 93) depth--;
  }
}

function parseJsonText(text: string): unknown {
  checkTextDepth(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new McParseError(
      'invalid-json',
      'This text is not valid JSON, so it cannot be read as a credential. Check that it was copied completely.',
      { cause },
    );
  }
}

function base64UrlDecode(part: string): Uint8Array {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const bin = atob(padded);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const invalidJws = (cause?: unknown): McParseError =>
  new McParseError(
    'invalid-jws',
    'This looks like a signed credential (JWS), but its contents could not be decoded. It may be cut short or damaged.',
    { cause },
  );

/** Maps a VC-JWT payload to its credential: the `vc` claim with the registered claims filled in. */
function fromJwtPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const vc = payload['vc'];
  if (!isRecord(vc)) return payload;
  const doc: Record<string, unknown> = { ...vc };
  const v2 = Array.isArray(doc['@context']) && doc['@context'][0] === 'https://www.w3.org/ns/credentials/v2';
  const iss = payload['iss'];
  if (typeof iss === 'string') {
    if (doc['issuer'] === undefined) doc['issuer'] = iss;
    else if (isRecord(doc['issuer']) && doc['issuer']['id'] === undefined)
      doc['issuer'] = { ...doc['issuer'], id: iss };
  }
  if (typeof payload['jti'] === 'string' && doc['id'] === undefined) doc['id'] = payload['jti'];
  const when = (n: unknown): string | undefined => {
    if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
    const d = new Date(n * 1000);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace('.000Z', 'Z');
  };
  const nbf = when(payload['nbf']);
  const exp = when(payload['exp']);
  const fromKey = v2 ? 'validFrom' : 'issuanceDate';
  const untilKey = v2 ? 'validUntil' : 'expirationDate';
  if (nbf && doc['validFrom'] === undefined && doc['issuanceDate'] === undefined) doc[fromKey] = nbf;
  if (exp && doc['validUntil'] === undefined && doc['expirationDate'] === undefined) doc[untilKey] = exp;
  const sub = payload['sub'];
  if (
    typeof sub === 'string' &&
    isRecord(doc['credentialSubject']) &&
    doc['credentialSubject']['id'] === undefined
  ) {
    doc['credentialSubject'] = { ...doc['credentialSubject'], id: sub };
  }
  return doc;
}

function parseJws(jws: string): ParsedInput {
  const parts = jws.split('.');
  let payload: unknown;
  try {
    const header = JSON.parse(decodeUtf8(base64UrlDecode(parts[0] ?? ''))) as unknown;
    if (!isRecord(header)) throw new Error('header is not an object');
    const text = decodeUtf8(base64UrlDecode(parts[1] ?? ''));
    checkTextDepth(text);
    payload = JSON.parse(text) as unknown;
  } catch (cause) {
    if (cause instanceof McError) throw cause;
    throw invalidJws(cause);
  }
  if (!isRecord(payload)) throw invalidJws();
  checkDepth(payload);
  return { document: fromJwtPayload(payload), jws };
}

function parseText(text: string): ParsedInput {
  if (text.length > MAX_INPUT_SIZE) throw tooLarge();
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw empty();
  if (isCompactJws(trimmed)) return parseJws(trimmed);
  return fromValue(parseJsonText(trimmed), false);
}

const tooLarge = (): McParseError =>
  new McParseError(
    'too-large',
    'This data is larger than 2 MB, which is far more than any real credential needs.',
  );
const empty = (): McParseError =>
  new McParseError('empty-input', 'Nothing was given: the credential is empty.');

function fromValue(value: unknown, checkDepthNow: boolean): ParsedInput {
  if (!isRecord(value)) {
    throw new McFormatError(
      'not-a-credential',
      Array.isArray(value)
        ? 'This is a list, not a single credential.'
        : 'This is not a credential: a credential is a JSON object with named fields.',
    );
  }
  if (checkDepthNow) checkDepth(value);
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
    if (input === undefined || input === null) throw empty();
    if (typeof input === 'string') return parseText(input);
    if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
      const view =
        input instanceof ArrayBuffer
          ? new Uint8Array(input)
          : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      if (view.byteLength > MAX_INPUT_SIZE) throw tooLarge();
      if (view.byteLength === 0) throw empty();
      let text: string;
      try {
        text = decodeUtf8(view);
      } catch (cause) {
        throw new McParseError(
          'invalid-json',
          'This file is not text in UTF-8, so it cannot be read as a credential.',
          {
            cause,
          },
        );
      }
      return parseText(text);
    }
    return fromValue(input, true);
  } catch (e) {
    if (e instanceof McError) throw e;
    throw new McParseError('invalid-json', 'This input could not be read as a credential.', { cause: e });
  }
}

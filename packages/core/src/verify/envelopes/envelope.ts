/**
 * Recognising secured credentials that are not a JSON credential or a plain compact JWS, before they
 * are parsed (part of the base verifier chunk, so kept small; the formats' verifiers are lazy):
 * - an `EnvelopedVerifiableCredential` / `EnvelopedVerifiablePresentation` (VC-JOSE-COSE), or a bare
 *   `data:` URL, whose media type says what it holds: `application/vc+jwt` (and `vp+jwt`) is opened
 *   and verified as a VC-JWT whose payload is the credential itself;
 * - an SD-JWT (`<issuer JWT>~<disclosure>~…~[<key binding JWT>]`), verified by ./sd-jwt.ts;
 * - a COSE_Sign1 (CBOR) credential, as bytes, base64 / base64url / hex text or `application/vc+cose`,
 *   verified by ./cose.ts (its own lazy chunk, `envelope-cose`).
 * Anything else is left to the parser (which keeps its own messages). A lazy chunk: the verifier
 * loads it only for input the parser cannot read or that names an `Enveloped…` type.
 */
import type { FormatCode } from '../codes.js';
import type { VerifyContext } from '../context.js';
import type { Kit } from '../kit.js';
import type { InnerResult } from '../verify-credential.js';

// the verifier's loader of its lazy parts, handed over by `use` (see ../kit.ts)
let part: Kit['part'], readDataUrl: Kit['readDataUrl'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ part, readDataUrl } = kit);
}

type Obj = Record<string, unknown>;

/** What an envelope becomes: the text to parse instead, or its own verification. */
export type Envelope = { text: string } | { verify: (ctx: VerifyContext) => Promise<InnerResult> };

const SD_JWT = /^[\w-]+\.[\w-]+\.[\w-]+~(?:[\w-]+~)*(?:[\w-]+\.[\w-]+\.[\w-]+)?$/;
/** base64 of the CBOR tag 18 (COSE_Sign1) followed by a 4-element array: 0xd2 0x84. */
const COSE_B64 = /^0oR[A-Za-z0-9+/_-]/;
/** The same in hex (as the VC-JOSE-COSE examples print it), tagged or not. */
const COSE_HEX = /^(d2)?84[0-9a-f]{2}(?:[0-9a-f]{2})*$/i;

const sdJwt = (text: string): Envelope => ({
  verify: async (ctx) => (await part(import('./sd-jwt.js'))).verifySdJwt(ctx, text),
});

/** A COSE_Sign1 (bytes, or base64 / hex text), verified by ./cose.ts; `media` from a data: URL. */
const cose = (source: Uint8Array | string, media?: string): Envelope => ({
  verify: async (ctx) => (await part(import('./cose.js'))).verifyCose(ctx, source, media),
});

/** An envelope answered by its `format` check alone. */
const answer = (outcome: 'failed' | 'unknown', code: FormatCode, message: string): Envelope => ({
  verify: () =>
    Promise.resolve({
      verified: false,
      format: 'unknown',
      checks: [{ id: 'format', outcome, code, message }],
    }),
});

const unsupported = (media: string): Envelope =>
  answer(
    'unknown',
    'envelope-unsupported',
    `This is an enveloped credential of type "${media.slice(0, 60)}", which Microcred cannot check yet.`,
  );

function fromDataUrl(url: string): Envelope | undefined {
  const d = readDataUrl(url);
  if (!d) return undefined;
  const { media, body, text } = d;
  // VC-JOSE-COSE §3.3: COSE-secured credentials enveloped in a data: URL "MUST be encoded using
  // base64"; any other body is read as nothing, which ./cose.ts fails as not base64
  if (media.endsWith('+cose') || media === 'application/cose') return cose(d.base64 ? body : '', media);
  if (text === undefined) return unsupported(media);
  if (media.endsWith('+sd-jwt')) return sdJwt(text);
  if (/^application\/(vc|vp)(\+ld)?\+jwt$|^application\/jwt$/.test(media)) return { text };
  return unsupported(media);
}

function fromText(text: string): Envelope | undefined {
  const t = text.trim();
  if (t.startsWith('data:')) return fromDataUrl(t);
  if (SD_JWT.test(t)) return sdJwt(t);
  if ((COSE_B64.test(t) && /^[A-Za-z0-9+/_=\s-]+$/.test(t)) || COSE_HEX.test(t)) return cose(t);
  if (t.startsWith('{') && t.includes('Enveloped')) {
    try {
      return fromObject(JSON.parse(t));
    } catch {
      return undefined; // the parser says what is wrong with it
    }
  }
  return undefined;
}

function fromObject(v: unknown): Envelope | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Obj;
  const types = Array.isArray(o['type']) ? o['type'] : [o['type']];
  const enveloped =
    types.includes('EnvelopedVerifiableCredential') || types.includes('EnvelopedVerifiablePresentation');
  if (!enveloped || typeof o['id'] !== 'string') return undefined;
  // VCDM 2.0 §4.13: "The id value of the object MUST be a data: URL [RFC2397] that expresses a
  // secured verifiable credential using an enveloping security scheme" (§4.13.1 for presentations)
  return fromDataUrl(o['id']) ?? answer('failed', 'not-a-credential', 'Its id is not a data: URL.');
}

/** The envelope `input` is, if it is one. */
export function envelopeOf(input: unknown): Envelope | undefined {
  if (typeof input === 'string') return fromText(input);
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes =
      input instanceof ArrayBuffer
        ? new Uint8Array(input)
        : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    // COSE_Sign1: tag 18 (0xd2), or an untagged 4-element array whose first element is a byte string
    if (bytes[0] === 0xd2 || (bytes[0] === 0x84 && (bytes[1]! & 0xe0) === 0x40)) return cose(bytes);
    try {
      return fromText(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 2 * 1024 * 1024)));
    } catch {
      return undefined;
    }
  }
  return fromObject(input);
}

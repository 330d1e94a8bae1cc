/**
 * The base verifier's only part of envelope handling: a cheap test of whether the input may be a
 * secured credential other than JSON or a compact JWS (a `data:` URL, an SD-JWT, COSE, an
 * `Enveloped…` object). Only then is ./envelope.ts loaded to say what it is.
 */

/** `data:`, an SD-JWT's `<jwt>~`, base64 COSE_Sign1 (`0oR`), COSE bytes (tag 18 or a 4-array). */
const START = /^\s*(?:data:|[\w-]+\.[\w-]+\.[\w-]+~|0oR)/;

/** May `input` be an envelope? False positives only cost loading ./envelope.ts. */
export function mayBeEnvelope(input: unknown): boolean {
  if (typeof input === 'string') return START.test(input.slice(0, 4096)) || input.includes('Enveloped');
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const b = new Uint8Array(
      ArrayBuffer.isView(input) ? input.buffer : input,
      ArrayBuffer.isView(input) ? input.byteOffset : 0,
    );
    return b[0] === 0xd2 || b[0] === 0x84 || START.test(new TextDecoder().decode(b.subarray(0, 4096)));
  }
  return (
    typeof input === 'object' &&
    input !== null &&
    JSON.stringify((input as { type?: unknown }).type ?? '').includes('Enveloped')
  );
}

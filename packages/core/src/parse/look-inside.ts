/**
 * What an input that could not be read as one credential is, when it is something known: a
 * presentation, an SD-JWT, a COSE-secured credential, or an envelope around one of them. Elements
 * load it only when reading failed (it is not in the code they load first), to tell a person in
 * words what they have instead of "not valid JSON", and to open an envelope whose credential can be
 * shown as it is (`data:application/vc+jwt,…`). Nothing here verifies anything: the verifier reads
 * all of these itself.
 */
import { McFormatError } from '../model/errors.js';
import { isObj } from './parse-input.js';

/** What {@link lookInside} found: the credential inside an envelope, or what the input is. */
export type Inside = { inner: string } | McFormatError | undefined;

/** An SD-JWT: an issuer-signed JWT, then `~` and the disclosures (RFC 9901, SD-JWT VC). */
const SD_JWT = /^[\w-]+\.[\w-]+\.[\w-]+~/;
/**
 * Base64 (or base64url) of a COSE_Sign1: tag 18 and an array of four (`d2 84`, "0o…"), or the
 * array alone (`84` then the protected header's byte string, "hE…" / "hF…").
 */
const COSE_BASE64 = /^(0o|h[EF])[\w+/-]{16,}={0,2}$/;
/** The same bytes written in hex, as the VC-JOSE-COSE specification prints its examples. */
const COSE_HEX = /^(d2)?84[\da-f]{16,}$/i;
/** A `data:` URL of the VC-JOSE-COSE media types. */
const DATA_URL = /^data:application\/(v[cp])\+(jwt|sd-jwt|cose)(;base64)?,(.*)$/s;

const presentation = (): McFormatError =>
  new McFormatError(
    'presentation',
    'This is a presentation: it holds credentials for a verifier. Open each credential on its own to show it.',
  );
const sdJwt = (): McFormatError =>
  new McFormatError(
    'sd-jwt',
    'This is an SD-JWT credential (selective disclosure): it can be verified, not shown as a card.',
  );
const cose = (): McFormatError =>
  new McFormatError(
    'cose',
    'This is a COSE-secured credential (CBOR): it can be verified, not shown as a card.',
  );

/** A VC-JOSE-COSE `data:` URL: the credential of a `vc+jwt`, or what the URL holds. */
function dataUrl(url: string): Inside {
  const [, what, secured, base64, body] = DATA_URL.exec(url) ?? [];
  if (!body) return undefined;
  if (what === 'vp') return presentation();
  if (secured === 'cose') return cose();
  if (secured === 'sd-jwt') return sdJwt();
  try {
    return { inner: base64 ? atob(body) : decodeURIComponent(body) };
  } catch {
    return undefined;
  }
}

/**
 * Looks inside `input` (what `normalizeCredential` could not read: an object, text or bytes) for a
 * known kind of thing that is not one readable credential. Returns the credential text inside an
 * `EnvelopedVerifiableCredential` or `data:application/vc+jwt,…` URL (to read instead), an
 * `McFormatError` whose `code` names what the input is (`presentation`, `sd-jwt`, `cose`), or
 * `undefined` when it is none of these (the original error stands).
 */
export function lookInside(input: unknown): Inside {
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes = new Uint8Array(ArrayBuffer.isView(input) ? input.buffer : input).subarray(
      ArrayBuffer.isView(input) ? input.byteOffset : 0,
    );
    if (bytes[0] === 0xd2 || bytes[0] === 0x84) return cose();
    input = new TextDecoder().decode(bytes);
  }
  if (typeof input === 'string') {
    const text = input.trim();
    if (SD_JWT.test(text)) return sdJwt();
    if (COSE_BASE64.test(text) || COSE_HEX.test(text)) return cose();
    if (text.startsWith('data:')) return dataUrl(text);
    try {
      input = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  if (!isObj(input)) return undefined;
  const types = [input['type']].flat();
  if (types.includes('VerifiablePresentation') || types.includes('EnvelopedVerifiablePresentation'))
    return presentation();
  if (types.includes('EnvelopedVerifiableCredential') && typeof input['id'] === 'string')
    return dataUrl(input['id']);
  return undefined;
}

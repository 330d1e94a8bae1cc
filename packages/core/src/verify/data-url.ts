/**
 * Reading a `data:` URL (RFC 2397), as VC-JOSE-COSE envelopes carry secured credentials and
 * presentations (`EnvelopedVerifiableCredential` / `…Presentation`, whose `id` "MUST be a data: URL").
 * Shared by the lazy envelope and presentation chunks through the verifier's kit (./kit.ts).
 */

/** `data:`, the media type, any parameters, `;base64`, the comma. */
const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)(?:;[\w-]+=[^;,]*)*(;base64)?,/i;

/** A `data:` URL's parts. */
export interface DataUrl {
  /** The media type, in lower case. */
  media: string;
  /** The body as written (still percent- or base64-encoded). */
  body: string;
  /** The body decoded and trimmed; undefined when it cannot be decoded. */
  text: string | undefined;
  /** Whether it says `;base64` (RFC 2397): the body is base64, not percent-encoded bytes. */
  base64: boolean;
}

/** The parts of the `data:` URL `url`; undefined when it is not one. */
export function readDataUrl(url: string): DataUrl | undefined {
  const m = DATA_URL.exec(url);
  if (!m) return undefined;
  const body = url.slice(m[0].length);
  let text: string | undefined;
  try {
    text = decodeURIComponent(body);
    text = (m[2] ? atob(text) : text).trim();
  } catch {
    text = undefined;
  }
  return { media: m[1]!.toLowerCase(), body, text, base64: !!m[2] };
}

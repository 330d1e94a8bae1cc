/**
 * What a person gives the verify page, read into what to show and verify: a baked PNG or SVG badge
 * (the credential inside it), a JSON, JWS, presentation or COSE file, pasted text (also base64 or
 * hex COSE), or a web address.
 * A presentation (JSON or VP-JWT) is opened into its credentials, each verified on its own. Every
 * failure is a stable code the page translates; nothing here touches the DOM.
 */
import { McError } from '@microcred/core/model/errors.js';
import { isCompactJws, isObj } from '@microcred/core/parse/parse-input.js';

/**
 * One thing to show in a card and verify: a web address, or the credential: its text, or the bytes
 * of a COSE-secured one (which the card names in words and the button verifies).
 */
export type VerifyTarget = { kind: 'url'; url: string } | { kind: 'credential'; text: string | Uint8Array };

/** What the input held. */
export interface ReadResult {
  targets: VerifyTarget[];
  /** Set when the input was a presentation: how many credentials it held (only the first {@link MAX_TARGETS} are shown). */
  presentation?: number;
}

/** Why an input could not be read. */
export type ReadProblem =
  | 'empty'
  | 'too-large'
  | 'not-baked'
  | 'bad-image'
  | 'bad-json'
  | 'unsafe-url'
  | 'not-a-credential'
  | 'empty-presentation';

/** A read failure with its code. */
export class ReadError extends Error {
  constructor(readonly code: ReadProblem) {
    super(code);
    this.name = 'ReadError';
  }
}

/** Largest file read (a baked image can be large; core's unbaker caps what it inflates). */
export const MAX_FILE = 16 * 1024 * 1024;
/** Largest credential text (core's `MAX_INPUT_SIZE`). */
export const MAX_TEXT = 2 * 1024 * 1024;
/** Most credentials of one presentation shown and verified. */
export const MAX_TARGETS = 20;

/** The address when the text is one absolute http(s) URL. */
function httpAddress(text: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes a compact JWS's payload as JSON, or undefined (`atob` takes base64 without its padding). */
function jwsPayload(jws: string): unknown {
  try {
    const part = jws.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** The credentials of a presentation object (`verifiableCredential`: objects or JWS strings). */
function presentationTargets(vp: Record<string, unknown>): ReadResult {
  const listed = vp['verifiableCredential'];
  const all = (Array.isArray(listed) ? listed : listed === undefined ? [] : [listed]).filter(
    (c) => isObj(c) || (typeof c === 'string' && isCompactJws(c)),
  );
  if (!all.length) throw new ReadError('empty-presentation');
  return {
    presentation: all.length,
    targets: all
      .slice(0, MAX_TARGETS)
      .map((c) => ({ kind: 'credential', text: typeof c === 'string' ? c.trim() : JSON.stringify(c) })),
  };
}

/** Reads pasted or decoded text: a web address, JSON (a credential or a presentation) or a compact JWS. */
export function readText(input: string): ReadResult {
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) throw new ReadError('empty');
  if (text.length > MAX_TEXT) throw new ReadError('too-large');
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('{') && !isCompactJws(text)) {
    const url = httpAddress(text);
    if (!url) throw new ReadError('unsafe-url');
    return { targets: [{ kind: 'url', url }] };
  }
  if (text.startsWith('{') || text.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw new ReadError('bad-json');
    }
    if (isObj(value) && [value['type']].flat().includes('VerifiablePresentation'))
      return presentationTargets(value);
    if (!isObj(value)) throw new ReadError('not-a-credential');
    return { targets: [{ kind: 'credential', text }] };
  }
  if (isCompactJws(text)) {
    const payload = jwsPayload(text);
    // A VP-JWT carries its presentation in the `vp` claim (VC-JWT, VCDM 1.1).
    if (isObj(payload) && isObj(payload['vp'])) return presentationTargets(payload['vp']);
    return { targets: [{ kind: 'credential', text }] };
  }
  // COSE_Sign1 in base64 ("0o…" tagged, "hE…"/"hF…" not) or hex ("d284…"/"84…"): the card says
  // what it is (core's lookInside), the button verifies it
  if (/^(0o|h[ef]|(d2)?84)[\w+/=-]{16,}$/i.test(text)) return { targets: [{ kind: 'credential', text }] };
  throw new ReadError('not-a-credential');
}

/**
 * Reads a file: a baked PNG or SVG gives the credential (or address) baked into it; a COSE_Sign1
 * (CBOR tag 18 and an array of four, `d2 84`, or the array alone, `84`) its bytes; any other file
 * is read as text (JSON, JWS, a presentation).
 */
export async function readFile(file: Blob): Promise<ReadResult> {
  if (file.size > MAX_FILE) throw new ReadError('too-large');
  if (file.size === 0) throw new ReadError('empty');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if ((bytes[0] === 0xd2 && bytes[1] === 0x84) || bytes[0] === 0x84)
    return { targets: [{ kind: 'credential', text: bytes }] };
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart();
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const svg = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head);
  if (!png && !svg) return readText(new TextDecoder().decode(bytes));
  const { unbake } = await import('@microcred/core/bake/unbake.js');
  let baked;
  try {
    baked = await unbake(png ? bytes : new TextDecoder().decode(bytes));
  } catch (e) {
    throw new ReadError(e instanceof McError && e.code === 'too-large' ? 'too-large' : 'bad-image');
  }
  if (!baked) throw new ReadError('not-baked');
  return readText(baked.text);
}

/**
 * Baked PNG badges: reading and writing the `iTXt` chunk that carries a credential — keyword
 * `openbadgecredential` (Open Badges 3.0) or `openbadges` (2.0) — and the legacy `tEXt:openbadges`
 * (usually a URL). Text is decoded as UTF-8 (never Latin-1), so names with accents survive.
 */
import { McError } from '../model/errors.js';
import { readCapped } from '../fetch/read-capped.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Largest image read (16 MB). */
const MAX_PNG = 16 * 1024 * 1024;

/** True when `bytes` starts with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  start: number;
  data: Uint8Array;
}

function readChunks(png: Uint8Array): Chunk[] {
  if (png.length > MAX_PNG) throw new McError('too-large', 'This image is larger than 16 MB.');
  if (!isPng(png)) throw new McError('unbake', 'This file is not a PNG image.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 8 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (at + 12 + length > png.length) throw new McError('unbake', 'This PNG image is cut short or damaged.');
    chunks.push({ type, start: at, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

const decodeUtf8 = (b: Uint8Array): string => new TextDecoder('utf-8').decode(b);
/**
 * The keyword of a text chunk ("1-79 bytes … followed by a null separator", PNG §11.3.4), or ''
 * when there is none: a longer run is not a keyword, and spreading it into `fromCharCode` would
 * overflow the stack.
 */
const keywordOf = (data: Uint8Array): string => {
  const k = data.indexOf(0);
  return k > 0 && k < 80 ? String.fromCharCode(...data.subarray(0, k)) : '';
};

/** Most text inflated from one image, all chunks together (4 MB: twice the largest credential parsed). */
export const MAX_INFLATED = 4 * 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: at most about 1 MB of output each (deflate's ratio is ~1032:1). */
const INFLATE_STEP = 1024;

/**
 * Inflates zlib `data` (an iTXt chunk's compressed text), stopping the moment more than `limit`
 * bytes have come out: the input is fed a small piece at a time and the output is read as it comes,
 * so a zlib bomb costs about `limit` bytes of work and memory, never its whole size.
 * @throws {McError} `too-large` (with `details.inflated`, the bytes produced when it stopped).
 */
async function inflate(data: Uint8Array, limit: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  let stopped = false;
  const feed = (async (): Promise<void> => {
    for (let at = 0; at < data.length && !stopped; at += INFLATE_STEP)
      await writer.write(data.subarray(at, at + INFLATE_STEP) as BufferSource);
    if (!stopped) await writer.close();
  })();
  // A feed failure (damaged data) also errors the readable side, where it is reported.
  feed.catch(() => undefined);
  const out = await readCapped(stream.readable, limit, (inflated) => {
    stopped = true;
    return new McError('too-large', 'The credential inside this image is too large.', {
      details: { limit, inflated },
    });
  });
  await feed;
  return out;
}

/** What a baked image carries. */
export interface BakedContent {
  /** The keyword/element it came from: `openbadgecredential`, `openbadges`, `openbadges:credential`, `openbadges:assertion`. */
  source: string;
  /** JSON text, a compact JWS, or a URL (OB 2.0 hosted). */
  text: string;
}

/**
 * Reads the credential baked into a PNG. Undefined when the image carries none.
 * @throws {McError} `unbake` for a damaged or non-PNG file; `too-large` for an image over 16 MB or
 *   compressed text that inflates past {@link MAX_INFLATED} (inflation stops there).
 */
export async function unbakePng(png: Uint8Array): Promise<BakedContent | undefined> {
  const found: BakedContent[] = [];
  let budget = MAX_INFLATED;
  for (const c of readChunks(png)) {
    // An OB 3.0 chunk wins over any later one: stop there instead of inflating the rest.
    if (found.some((f) => f.source === 'openbadgecredential')) break;
    if (c.type === 'iTXt') {
      const keyword = keywordOf(c.data);
      if (keyword !== 'openbadgecredential' && keyword !== 'openbadges') continue;
      const k = keyword.length;
      const compressed = c.data[k + 1] === 1;
      const lang = c.data.indexOf(0, k + 3);
      const translated = lang < 0 ? -1 : c.data.indexOf(0, lang + 1);
      if (translated < 0) throw new McError('unbake', 'The badge data in this PNG image is damaged.');
      const body = c.data.subarray(translated + 1);
      let text: string;
      try {
        if (compressed) {
          const bytes = await inflate(body, budget);
          budget -= bytes.byteLength;
          text = decodeUtf8(bytes);
        } else text = decodeUtf8(body);
      } catch (e) {
        if (e instanceof McError) throw e;
        throw new McError('unbake', 'The badge data in this PNG image could not be decompressed.', {
          cause: e,
        });
      }
      found.push({ source: keyword, text: text.trim() });
    } else if (c.type === 'tEXt') {
      if (keywordOf(c.data) !== 'openbadges') continue;
      found.push({ source: 'openbadges', text: decodeUtf8(c.data.subarray(11)).trim() });
    }
  }
  return found.find((f) => f.source === 'openbadgecredential') ?? found[0];
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Bakes a credential into a PNG: one uncompressed `iTXt` chunk (keyword `openbadgecredential` for
 * OB 3.0, `openbadges` for OB 2.0) placed before `IEND`; existing badge chunks are replaced.
 * @param credential JSON text, an object (serialised as JSON), or a compact JWS.
 * @throws {McError} `unbake` when `png` is not a valid PNG.
 */
export function bakePng(
  png: Uint8Array,
  credential: string | object,
  options: { keyword?: 'openbadgecredential' | 'openbadges' } = {},
): Uint8Array {
  const keyword = options.keyword ?? 'openbadgecredential';
  const text = typeof credential === 'string' ? credential : JSON.stringify(credential);
  const chunks = readChunks(png);
  const header = new TextEncoder().encode(`${keyword}\0\0\0\0\0`);
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(header.length + body.length);
  data.set(header);
  data.set(body, header.length);
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (const c of chunks) {
    const isBadge =
      (c.type === 'iTXt' || c.type === 'tEXt') &&
      ['openbadgecredential', 'openbadges'].includes(keywordOf(c.data));
    if (c.type === 'IEND') parts.push(chunk('iTXt', data));
    if (!isBadge) parts.push(png.subarray(c.start, c.start + 12 + c.data.length));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

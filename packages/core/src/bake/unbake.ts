/** `unbake()`: the credential inside a baked PNG or SVG, whichever the bytes are. */
import { McError } from '../model/errors.js';
import type { BakedContent } from './png.js';
import { isPng, unbakePng } from './png.js';
import { isSvg, unbakeSvg } from './svg.js';

/**
 * Reads the credential baked into a PNG or SVG image (bytes, or SVG text).
 * @returns the baked text (JSON, JWS or URL) and where it was found; undefined when the image carries none.
 * @throws {McError} `unbake` when the data is not a PNG/SVG or is damaged; `too-large`.
 */
export async function unbake(image: Uint8Array | ArrayBuffer | string): Promise<BakedContent | undefined> {
  if (typeof image === 'string') {
    if (!isSvg(image)) throw new McError('unbake', 'This is not an SVG image.');
    return unbakeSvg(image);
  }
  const bytes = image instanceof Uint8Array ? image : new Uint8Array(image);
  if (isPng(bytes)) return unbakePng(bytes);
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 16 * 1024 * 1024 + 1));
  if (isSvg(text)) return unbakeSvg(text);
  throw new McError('unbake', 'This file is neither a PNG nor an SVG badge image.');
}

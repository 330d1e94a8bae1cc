/**
 * Exporting one credential from the wallet dialog, loaded on the first click of a Download button:
 * as its JSON (or compact JWS) file, or baked into a PNG or SVG badge image. The image is the
 * credential's own (its `image`, read through the wallet's fetch) when it can be read; otherwise a
 * plain badge with the credential's name. Open Badges 2.0 assertions are baked the 2.0 way
 * (`openbadges` PNG keyword, `<openbadges:assertion>`), everything else the 3.0 way.
 */
import { bakePng, bakeSvg, isPng, isSvg, normalizeCredential } from '@microcred/core';
import { readBody } from '@microcred/core/fetch/read-body.js';
import { download } from './download.js';
import type { WalletEntry } from './types.js';

/** The largest badge image read to bake into (a credential's image is untrusted input). */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Raster images are redrawn as PNG at most this wide and high. */
const MAX_SIDE = 1024;

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain badge image (a circle and the name), when the credential's own image cannot be used. */
function plainSvg(name: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">` +
    `<circle cx="200" cy="200" r="190" fill="#1f5fa6"/>` +
    `<text x="200" y="210" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">${escapeXml(name.slice(0, 40))}</text></svg>`
  );
}

async function canvasPng(
  width: number,
  height: number,
  draw: (g: CanvasRenderingContext2D) => void,
): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height, 1));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const g = canvas.getContext('2d')!;
  g.scale(scale, scale);
  draw(g);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The image could not be drawn.');
  return new Uint8Array(await blob.arrayBuffer());
}

function plainPng(name: string): Promise<Uint8Array> {
  return canvasPng(400, 400, (g) => {
    g.fillStyle = '#1f5fa6';
    g.beginPath();
    g.arc(200, 200, 190, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#fff';
    g.font = '24px sans-serif';
    g.textAlign = 'center';
    g.fillText(name.slice(0, 40), 200, 210, 340);
  });
}

/** The bytes of the credential's image (a data: URL, or http(s) through `fetch`), or undefined. */
async function readImage(url: string | undefined, fetcher: typeof fetch): Promise<Blob | undefined> {
  if (!url) return undefined;
  try {
    const res = await fetcher(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return undefined;
    // Capped while it is read (a declared content-length over the cap is refused before reading).
    const bytes = await readBody(res, MAX_IMAGE_BYTES);
    return bytes.length
      ? new Blob([bytes as BlobPart], { type: res.headers.get('content-type') ?? '' })
      : undefined;
  } catch {
    return undefined; // unreachable, refused by CORS, or not an image: the plain badge is used
  }
}

/** The image as PNG bytes: a PNG as it is; other raster images and SVG redrawn on a canvas. */
async function toPng(image: Blob): Promise<Uint8Array | undefined> {
  const bytes = new Uint8Array(await image.arrayBuffer());
  if (isPng(bytes)) return bytes;
  try {
    if (isSvg(new TextDecoder().decode(bytes))) {
      // An SVG drawn through an <img> runs no script and loads nothing; a blob URL keeps the canvas clean.
      const url = URL.createObjectURL(new Blob([bytes], { type: 'image/svg+xml' }));
      try {
        const img = new Image();
        img.src = url;
        await img.decode();
        return await canvasPng(img.naturalWidth || 400, img.naturalHeight || 400, (g) =>
          g.drawImage(img, 0, 0),
        );
      } finally {
        URL.revokeObjectURL(url);
      }
    }
    const bitmap = await createImageBitmap(image);
    try {
      return await canvasPng(bitmap.width, bitmap.height, (g) => g.drawImage(bitmap, 0, 0));
    } finally {
      bitmap.close();
    }
  } catch {
    return undefined; // not an image a browser can draw
  }
}

/** The image as SVG text: an SVG without its active content; a raster image inside an SVG (as a data: URL). */
async function toSvg(image: Blob): Promise<string | undefined> {
  const text = new TextDecoder().decode(await image.arrayBuffer());
  // Sanitised in a lazy chunk (./clean-svg.ts with DOMPurify), loaded by the first SVG export.
  if (isSvg(text)) return (await import('./clean-svg.js')).cleanSvg(text);
  const png = await toPng(image);
  if (!png) return undefined;
  const ihdr = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const [width, height] = [ihdr.getUint32(16), ihdr.getUint32(20)];
  let binary = '';
  for (let i = 0; i < png.length; i += 0x8000) binary += String.fromCharCode(...png.subarray(i, i + 0x8000));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<image width="${width}" height="${height}" href="data:image/png;base64,${btoa(binary)}"/></svg>`
  );
}

/**
 * Downloads one credential: `json` as its own text (`.json`, or `.jws` for a compact JWS), `png`
 * or `svg` baked into its badge image.
 * @throws when even the plain badge cannot be made (the caller reports it).
 */
export async function exportCredential(
  entry: WalletEntry,
  name: string,
  kind: 'json' | 'png' | 'svg',
  fetcher: typeof fetch = fetch,
): Promise<void> {
  const raw = typeof entry.input === 'string' ? entry.input : JSON.stringify(entry.input);
  const file =
    name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'credential';
  if (kind === 'json') {
    const jws = /^[\w-]+\.[\w-]+\.[\w-]*$/.test(raw);
    download(raw, `${file}.${jws ? 'jws' : 'json'}`, jws ? 'text/plain' : 'application/json');
    return;
  }
  let view: ReturnType<typeof normalizeCredential> | undefined;
  try {
    view = normalizeCredential(entry.input);
  } catch {
    view = undefined;
  }
  const ob2 = view?.format === 'ob2';
  const image = await readImage(view?.image?.url, fetcher);
  if (kind === 'svg') {
    const svg = (image && (await toSvg(image))) ?? plainSvg(name);
    download(bakeSvg(svg, raw, { version: ob2 ? 2 : 3 }), `${file}.svg`, 'image/svg+xml');
  } else {
    const png = (image && (await toPng(image))) ?? (await plainPng(name));
    download(
      bakePng(png, raw, { keyword: ob2 ? 'openbadges' : 'openbadgecredential' }),
      `${file}.png`,
      'image/png',
    );
  }
}

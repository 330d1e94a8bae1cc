/**
 * Badge images drawn by the demo issuer itself (so the demo never depends on an image host): an SVG
 * with the badge's initials, and a small PNG (a coloured medallion) encoded with node:zlib.
 */
import { deflateSync } from 'node:zlib';

const escapeXml = (s: string): string =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** Up to three initials of the significant words of `name`. */
export function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .split(/[\s:]+/)
    .filter((w) => w && !/^(for|the|that|of|in|and|to|a|across)$/i.test(w));
  return words
    .slice(0, 3)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** An SVG badge: a hexagon in `color`, a white ring and the initials. `title` is its accessible name. */
export function badgeSvg(title: string, color: string): string {
  const text = escapeXml(initials(title));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200" role="img" aria-labelledby="t">
<title id="t">${escapeXml(title)}</title>
<polygon points="100,6 182,53 182,147 100,194 18,147 18,53" fill="${escapeXml(color)}"/>
<polygon points="100,22 168,61 168,139 100,178 32,139 32,61" fill="none" stroke="#fff" stroke-width="4"/>
<text x="100" y="118" text-anchor="middle" font-family="system-ui, sans-serif" font-size="52" font-weight="700" fill="#fff">${text}</text>
</svg>
`;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A `size`×`size` RGBA PNG: a medallion in `color` with a white ring, on a transparent background. */
export function badgePng(color: string, size = 128): Uint8Array {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1] ?? '0b5c7a';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c) / (size / 2);
      const at = row + 1 + x * 4;
      if (d > 0.98) continue; // transparent
      const ring = d > 0.78 && d < 0.86;
      raw[at] = ring ? 255 : r;
      raw[at + 1] = ring ? 255 : g;
      raw[at + 2] = ring ? 255 : b;
      raw[at + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

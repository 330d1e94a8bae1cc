import { expect } from '@open-wc/testing';
import { base64UrlDecode } from '@microcred/core/verify/encoding.js';

// base64UrlDecode in Chromium takes Uint8Array.fromBase64 for unpadded base64url (issue 14: a warm
// VC-JWT verification decodes a 1-2 KB payload). It must read and refuse exactly what the
// lookup-table loop reads and refuses (test/core/verify/encoding-base64.test.ts checks that loop
// against Node's decoder in Node 20, which has no fromBase64). The loop is copied here as the reference.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function loop(text: string): Uint8Array | undefined {
  let n = text.length;
  while (n > 0 && text.charCodeAt(n - 1) === 61) n--;
  if (n % 4 === 1) return undefined;
  const out = new Uint8Array((n * 3) >> 2);
  let acc = 0;
  let bits = 0;
  for (let i = 0, j = 0; i < n; i++) {
    const ch = text[i]!;
    const v = ch === '-' ? 62 : ch === '_' ? 63 : ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    if ((bits += 6) >= 8) out[j++] = acc >> (bits -= 8);
  }
  return out;
}

describe('base64UrlDecode in Chromium', () => {
  it('this Chromium has Uint8Array.fromBase64, so the platform path is the one tested', () => {
    expect(typeof (Uint8Array as { fromBase64?: unknown }).fromBase64).to.equal('function');
  });

  it('reads and refuses what the loop reads and refuses: random strings of every length', () => {
    let seed = 14;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const url = ALPHABET.slice(0, 62) + '-_';
    // now and then a character the platform's decoder skips (whitespace), refuses in the url
    // alphabet (+ /) or reads as padding (=), anywhere, and padding at the end
    const odd = ' \n\t\f\r=+/';
    for (let n = 0; n < 6000; n++) {
      const plain = n < 3000;
      let text = Array.from({ length: n % 97 }, () =>
        !plain && rnd() < 0.03 ? odd[Math.floor(rnd() * odd.length)] : url[Math.floor(rnd() * 64)],
      ).join('');
      if (!plain && rnd() < 0.3) text += '='.repeat(1 + Math.floor(rnd() * 3));
      const want = loop(text);
      const got = base64UrlDecode(text);
      expect(got === undefined ? 'refused' : Array.from(got)).to.deep.equal(
        want === undefined ? 'refused' : Array.from(want),
        text,
      );
    }
  });

  it('still reads padded base64url and base64 (the loop reads those)', () => {
    for (const text of ['e30=', 'QQ==', 'QQ=', 'QQQ==', 'QQ===', 'a+/b', 'a-_b', '+/+/'])
      expect(Array.from(base64UrlDecode(text)!)).to.deep.equal(Array.from(loop(text)!), text);
  });

  it('refuses the same malformed inputs (length 1 modulo 4, whitespace, other characters)', () => {
    for (const bad of [
      'A',
      'AAAAA',
      'e30=A',
      'ab=c',
      'a b',
      'ab\n',
      ' ab',
      'ab.c',
      'é',
      'ab\u0000',
      'Q Q==',
      'QQ=\n=',
      'QQ= ',
      'e3\t0',
    ])
      expect(base64UrlDecode(bad), JSON.stringify(bad)).to.equal(undefined);
  });

  it('ignores non-zero trailing bits, as the loop does', () => {
    expect(Array.from(base64UrlDecode('e31')!)).to.deep.equal(Array.from(loop('e31')!));
    expect(Array.from(base64UrlDecode('QR')!)).to.deep.equal([0x41]);
  });
});

// The normaliser's shortcuts (issue 14: building the view was a fifth of a warm VC-JWT verification)
// give exactly what the full work gives. Each is checked against the code it replaced, kept here as
// the reference, on many generated odd inputs: a plain http(s) link is accepted without `new URL`,
// and `prune` does not count the keys left again.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prune, url, warnInto } from '../../packages/core/src/normalize/fields.js';

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) % n;
}

/** What `url` accepted before the shortcut: an http(s) scheme and a string `new URL` parses. */
function urlBefore(s: string): boolean {
  try {
    return /^https?:\/\//i.test(s) && !!new URL(s);
  } catch {
    return false;
  }
}

/** `url(s)` with its warnings caught. */
function urlNow(s: string): { value: string | undefined; warnings: string[] } {
  const warnings: string[] = [];
  const outer = warnInto(warnings);
  try {
    return { value: url(s, 'test'), warnings };
  } finally {
    warnInto(outer);
  }
}

describe('url: a plain http(s) link is accepted without new URL, and nothing else changes', () => {
  const schemes = ['http://', 'https://', 'HTTP://', 'hTtPs://', 'http:/', 'https:///', 'http:\\\\'];
  // Pieces of hosts that `new URL` treats specially: IDNA (xn--, non-ASCII, case folding that maps
  // to ASCII: ſ, K), IPv4 numbers (a last label of digits or 0x…), IPv6, userinfo, forbidden code points.
  const atoms = [
    ...'azAZ09-._%@:[] éſKü\u00ad\u200b\\/?#*^|<>"\'`{}!$&()+,;=~',
    '--',
    'xn--',
    'xn--a',
    'xn--nxasmq6b',
    '0x',
    '0x7f',
    '1',
    '255',
    '256',
    '4294967295',
    'example',
    '%41',
    '..',
  ];
  const tails = [
    '',
    '/',
    '/a b',
    '?q=1 2',
    '#f',
    ':80',
    ':8080/x',
    ':0',
    ':65535',
    ':65536',
    ':99999',
    ':',
    ':a',
    '@x',
    '/@x',
    '\\x',
    '/ü',
    '/%zz',
    ' x',
    '%',
  ];

  it('200,000 generated links: the same answer as the scheme test and new URL, and a warning exactly when dropped', () => {
    const r = random(14);
    const pick = <T>(a: T[]): T => a[r(a.length)]!;
    let accepted = 0;
    for (let i = 0; i < 200_000; i++) {
      // Half from every odd piece, half from a few characters so that many are plain hosts.
      const small = i % 2 === 0;
      let host = '';
      for (let n = r(small ? 12 : 8) + 1; n--;) host += small ? pick([...'axn09-.AXN']) : pick(atoms);
      const s = (pick(schemes) + host + pick(tails)).trim();
      const want = urlBefore(s);
      const got = urlNow(s);
      assert.equal(got.value, want ? s : undefined, s);
      assert.equal(got.warnings.length, want ? 0 : 1, s);
      if (want) accepted++;
    }
    assert.ok(accepted > 10_000, `only ${accepted} accepted: the generator no longer reaches the shortcut`);
  });

  it('links as issuers write them are accepted as before', () => {
    for (const s of [
      'https://academy.example',
      'https://standards.example/assessment',
      'HTTPS://Example.ORG:8443/a/b?c=d#e',
      'http://localhost:8080',
      'https://a-b.c-d.example/',
      'https://192.168.0.1/x',
      'https://[::1]/',
      'https://xn--nxasmq6b.com/',
      'https://bücher.example/',
      'https://user@example.org/',
    ])
      assert.equal(urlNow(s).value, s, s);
    for (const s of [
      'https://1.2.3.256/',
      'https://a.1/',
      'https://xn--/',
      'https://a b.example/',
      'https://a.example:99999/',
      'javascript:alert(1)',
    ])
      assert.equal(urlNow(s).value, undefined, s);
  });

  it('long runs of labels are answered as before (the shortcut has no ambiguous nested repetition)', () => {
    for (const s of [
      `https://${'a-'.repeat(50_000)}!`,
      `https://${'a.'.repeat(50_000)}b/`,
      `https://${'a-'.repeat(50_000)}/`,
    ]) {
      const want = urlBefore(s) ? s : undefined;
      assert.ok(urlNow(s).value === want, s.slice(0, 20));
    }
  });
});

/** What `prune` did before: the same, but counting the keys left with a second `Object.keys`. */
function pruneBefore(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneBefore).filter((x) => x !== undefined);
  if (typeof v !== 'object' || v === null || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = k === 'source' ? o[k] : pruneBefore(o[k]);
    if (x === undefined) delete o[k];
    else o[k] = x;
  }
  return Object.keys(o).length ? o : undefined;
}

describe('prune: the same tree as before', () => {
  function tree(r: (n: number) => number, depth: number): unknown {
    const leaves = [undefined, undefined, null, false, 0, '', 'x', new Date(0), [], {}];
    if (depth === 0 || r(3) === 0) return leaves[r(leaves.length)];
    if (r(3) === 0) return Array.from({ length: r(4) }, () => tree(r, depth - 1));
    const o: Record<string, unknown> = {};
    for (let n = r(5); n--;) o[['a', 'b', 'c', 'source', 'd'][r(5)]!] = tree(r, depth - 1);
    return o;
  }

  it('20,000 generated trees: deep-equal results, and the values inside `source` untouched', () => {
    const r = random(3);
    for (let i = 0; i < 20_000; i++) {
      const seed = r(1e9);
      const a = tree(random(seed), 5);
      const b = tree(random(seed), 5);
      assert.deepEqual(prune(a), pruneBefore(b));
    }
  });

  it('keeps false, 0, null and dates; drops undefined fields, then objects left empty', () => {
    const source = { keep: undefined };
    assert.deepEqual(
      prune({
        a: false,
        b: 0,
        c: null,
        d: new Date(0),
        e: undefined,
        f: { g: undefined },
        h: [{}, 1],
        source,
      }),
      { a: false, b: 0, c: null, d: new Date(0), h: [1], source: { keep: undefined } },
    );
    assert.equal(prune({ a: undefined, b: { c: {} } }), undefined);
  });
});

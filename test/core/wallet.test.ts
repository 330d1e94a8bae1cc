// Wallet logic in Node: import classification of every baked image and credential file in the
// shared vectors, corrupt/truncated/oversized input, duplicates by id and by content, the wallet
// export file (round trip lossless, damaged entries), search/filter/sort/group, LinkedIn links that
// decode back to the exact fields, and embed snippets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  bakePng,
  canonicalJson,
  embedSnippet,
  exportWallet,
  facets,
  filterItems,
  groupItems,
  importCredentials,
  linkedInAddToProfileUrl,
  linkedInFields,
  normalizeCredential,
  readWalletExport,
  sortItems,
  statusOf,
  verificationOutcome,
  type CheckCode,
  type VerificationReport,
  type ImportItemResult,
  type ImportSource,
  type LinkedInCertification,
  type WalletRecord,
} from '@microcred/core';
import { OB20, OB30, VCORE, listVectors, readJson, readText, vectorPath } from './helpers/vectors.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const bytes = (rel: string): Uint8Array => new Uint8Array(readFileSync(vectorPath(rel)));
const file = (rel: string): ImportSource => ({
  kind: 'file',
  name: rel.split('/').pop()!,
  bytes: bytes(rel),
});
const records = (results: ImportItemResult[]): WalletRecord[] =>
  results.filter((r) => r.status === 'imported').map((r) => r.record!);
const statuses = (results: ImportItemResult[]): string[] => results.map((r) => r.status);

describe('importCredentials: baked images', () => {
  it('reads every baked PNG and SVG badge in the vectors, and says why the others are not badges', async () => {
    const images = listVectors('.', /\.(png|svg)$/).filter((p) => !p.startsWith('vc-test-fixtures'));
    assert.ok(images.length >= 14, `found ${images.length} images`);
    // One import per image, each into an empty wallet, so no image counts as another's duplicate.
    const results = new Map<string, ImportItemResult>();
    for (const rel of images) {
      const [result, ...more] = await importCredentials([file(rel)], { now: NOW });
      assert.equal(more.length, 0, rel);
      results.set(rel.replace(/^.*\/resources\//, ''), result!);
    }
    const got = Object.fromEntries(
      [...results].map(([k, r]) => [k.replace(/^openbadges-bakery\/test\//, 'bakery/'), r.status]),
    );
    assert.deepEqual(got, {
      'ob20/assets/beths-robot-badge.png': 'no-badge',
      'ob20/assets/robotics-badge.png': 'no-badge',
      'ob20/simple-badge.png': 'imported',
      'ob30/simple-json.png': 'imported',
      'ob30/simple-json.svg': 'imported',
      'ob30/simple-jwt.png': 'imported',
      'ob30/simple-jwt.svg': 'imported',
      'ob30/simple-jwt_v1.png': 'imported',
      'ob30/simple-jwt_v1.svg': 'imported',
      'bakery/bad-json.svg': 'unreadable',
      'bakery/baked.svg': 'unsupported-version',
      'bakery/no-json.svg': 'download-failed',
      'bakery/unbaked.png': 'no-badge',
      'bakery/unbaked.svg': 'no-badge',
    });
    const jwt = results.get('ob30/simple-jwt.png')!.record!;
    assert.match(jwt.raw, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'a baked JWS is kept as the JWS');
    assert.equal(jwt.format, 'ob3-vc2');
    assert.equal(results.get('ob20/simple-badge.png')!.record!.format, 'ob2');
  });

  it('downloads what a baked image points to through the fetch given (OB 2.0 hosted)', async () => {
    const asked: string[] = [];
    const [result] = await importCredentials([file('openbadges-bakery/test/no-json.svg')], {
      fetchCredential: async (url) => {
        asked.push(url);
        return readJson(`${OB20}/basic-assertion.json`);
      },
    });
    assert.equal(asked.length, 1);
    assert.equal(result!.status, 'imported');
    assert.equal(result!.record!.origin.url, asked[0]);
  });

  it('reports damaged, truncated and non-badge images, and a 20 MB file unread', async () => {
    const png = bytes(`${OB30}/simple-json.png`);
    let read = 0;
    const results = await importCredentials(
      [
        { kind: 'file', name: 'cut.png', bytes: png.subarray(0, Math.floor(png.length / 2)) },
        { kind: 'file', name: 'header-only.png', bytes: png.subarray(0, 8) },
        { kind: 'file', name: 'plain.png', bytes: bytes('openbadges-bakery/test/unbaked.png') },
        {
          kind: 'file',
          name: 'photo.jpg',
          type: 'image/jpeg',
          bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]),
        },
        { kind: 'file', name: 'broken.svg', type: 'image/svg+xml', bytes: new TextEncoder().encode('<svg') },
        { kind: 'file', name: 'huge.png', size: 20 * 1024 * 1024 },
        { kind: 'file', name: 'empty.json', bytes: new Uint8Array() },
      ],
      { readFile: async () => (read++, new Uint8Array(20 * 1024 * 1024)) },
    );
    assert.deepEqual(statuses(results), [
      'unreadable-image',
      'no-badge',
      'no-badge',
      'unreadable-image',
      'unreadable-image',
      'too-large',
      'unreadable',
    ]);
    assert.equal(read, 0, 'the 20 MB file is never read');
    const again = await importCredentials([
      { kind: 'file', name: 'huge.bin', bytes: new Uint8Array(20 * 1024 * 1024) },
    ]);
    assert.equal(again[0]!.status, 'too-large');
  });
});

describe('importCredentials: files, text and addresses', () => {
  it('classifies every credential file of the 1EdTech validator vectors without throwing', async () => {
    const files = listVectors('digital-credentials-public-validator', /\.(json|jwt)$/);
    const results = await importCredentials(files.map(file));
    assert.equal(results.length, files.length);
    const allowed = new Set([
      'imported',
      'duplicate',
      'not-a-credential',
      'unsupported-version',
      'unreadable',
    ]);
    for (const [i, r] of results.entries()) assert.ok(allowed.has(r.status), `${files[i]}: ${r.status}`);
    assert.ok(records(results).length >= 10);
  });

  it('reads pasted JSON, a pasted compact JWS and an address', async () => {
    const results = await importCredentials(
      [
        { kind: 'text', text: `\uFEFF  ${readText('obv3-examples/ref/full_ex.json')}\n` },
        { kind: 'text', text: readText(`${OB20}/simple.jwt`) },
        { kind: 'url', url: 'https://issuer.example/c/1' },
        { kind: 'text', text: ' https://issuer.example/c/2 ' },
      ],
      { fetchCredential: async () => readJson(`${OB30}/simple_v1.json`) },
    );
    assert.deepEqual(statuses(results), ['imported', 'imported', 'imported', 'duplicate']);
    assert.equal(results[0]!.record!.raw, readText('obv3-examples/ref/full_ex.json').trim());
    assert.equal(results[2]!.record!.origin.url, 'https://issuer.example/c/1');
  });

  it('reports corrupt and truncated JSON and JWS, achievements, OB 1.0 and download failures', async () => {
    const full = readText('obv3-examples/ref/full_ex.json');
    const jws = readText(`${OB20}/simple.jwt`).trim();
    const results = await importCredentials(
      [
        { kind: 'text', text: full.slice(0, full.length / 2) },
        { kind: 'text', text: jws.slice(0, 40) + '.' + jws.split('.')[1]!.slice(0, 10) + '.' },
        { kind: 'text', text: 'hello' },
        { kind: 'data', value: readJson(`${OB20}/assets/robotics-badge.json`) },
        {
          kind: 'data',
          value: {
            recipient: 'a@b.example',
            badge: 'https://x.example/b',
            verify: { url: 'https://x.example/a' },
          },
        },
        { kind: 'url', url: 'https://issuer.example/gone' },
        { kind: 'url', url: 'javascript:alert(1)' },
      ],
      {
        fetchCredential: async () => {
          throw Object.assign(new Error('404'), { code: 'http' });
        },
      },
    );
    assert.deepEqual(statuses(results), [
      'unreadable',
      'unreadable',
      'unreadable',
      'not-a-credential',
      'unsupported-version',
      'download-failed',
      'not-a-credential',
    ]);
  });

  it('detects duplicates by content (however formatted) and by id, in the wallet and in one import', async () => {
    const doc = readJson('obv3-examples/ref/full_ex.json');
    const [first] = await importCredentials([{ kind: 'data', value: doc }], { now: NOW });
    const existing = [first!.record!];
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const sameId = { ...doc, name: 'A different name' };
    const other = readJson(`${OB30}/simple.json`);
    const results = await importCredentials(
      [
        { kind: 'text', text: JSON.stringify(reordered, null, 4) },
        { kind: 'data', value: sameId },
        { kind: 'data', value: other },
        { kind: 'text', text: JSON.stringify(other) },
      ],
      { existing },
    );
    assert.deepEqual(statuses(results), ['duplicate', 'duplicate', 'imported', 'duplicate']);
    assert.equal(results[0]!.record!.key, existing[0]!.key);
    assert.equal(results[1]!.record!.key, existing[0]!.key);
    assert.equal(results[2]!.record!.order, existing[0]!.order + 1);
    assert.equal(canonicalJson(reordered), canonicalJson(doc));
  });

  it('imports a JSON list, one result per credential', async () => {
    const list = [readJson(`${OB30}/simple.json`), readJson('obv3-examples/ref/full_ex.json'), 42];
    const results = await importCredentials([
      { kind: 'file', name: 'list.json', bytes: new TextEncoder().encode(JSON.stringify(list)) },
    ]);
    assert.deepEqual(statuses(results), ['imported', 'imported', 'not-a-credential']);
    assert.deepEqual(
      results.map((r) => r.label),
      ['list.json #1', 'list.json #2', 'list.json #3'],
    );
  });
});

describe('wallet export file', () => {
  async function sampleWallet(): Promise<WalletRecord[]> {
    const results = await importCredentials(
      [
        file(`${OB30}/simple-json.png`),
        file(`${OB20}/simple-badge.png`),
        { kind: 'text', text: readText(`${VCORE}/v1/v1Revoked.json`) },
        { kind: 'data', value: readJson('obv3-examples/ref/full_ex.json') },
      ],
      { now: NOW },
    );
    const list = records(results);
    list[0]!.featured = true;
    list[1]!.hidden = true;
    [list[0]!.order, list[3]!.order] = [list[3]!.order, list[0]!.order];
    return list;
  }

  it('round-trips losslessly: export → import into an empty wallet → the same records and the same file', async () => {
    const wallet = await sampleWallet();
    const file1 = exportWallet(wallet, { now: NOW });
    const back = records(
      await importCredentials(
        [{ kind: 'file', name: 'wallet.json', bytes: new TextEncoder().encode(file1) }],
        { now: new Date() },
      ),
    );
    const byKey = (list: WalletRecord[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    assert.deepEqual(byKey(back), byKey(wallet));
    assert.equal(exportWallet(back, { now: NOW }), file1);
    const parsed = JSON.parse(file1) as { type: string; version: number; credentials: unknown[] };
    assert.equal(parsed.type, 'MicrocredWallet');
    assert.equal(parsed.credentials.length, 4);
  });

  it('never carries a verification result: a file claiming "verified" for a forged credential imports unchecked', async () => {
    // Issue 11 item 7. A wallet file is as hostile as any other input: its `verification` is a claim
    // that anyone can write, so it is neither exported nor read back.
    const signed = readJson(`${OB30}/simple.json`);
    const forged = { ...signed, name: 'Doctorate in Everything' };
    const claimed = { outcome: 'verified', checked: '2026-11-21T09:00:00.000Z' };
    const file = {
      type: 'MicrocredWallet',
      version: 1,
      exported: '2026-11-21T09:00:00.000Z',
      credentials: [{ raw: JSON.stringify(forged), featured: true, verification: claimed }],
    };
    const [result] = await importCredentials([{ kind: 'text', text: JSON.stringify(file) }], { now: NOW });
    assert.equal(result!.status, 'imported');
    assert.equal(result!.record!.featured, true, 'the curation in the file is kept');
    assert.equal(result!.record!.verification, undefined);
    assert.equal(statusOf(result!.record!, NOW), 'unverified');
    const [entry] = readWalletExport(file);
    assert.ok(!(entry instanceof Error) && !('verification' in entry!));
    // A record holding a result this wallet computed exports without it.
    const exported = JSON.parse(
      exportWallet([
        { ...result!.record!, verification: { outcome: 'verified', checked: NOW.toISOString() } },
      ]),
    ) as { credentials: Record<string, unknown>[] };
    assert.equal('verification' in exported.credentials[0]!, false);
  });

  it('imports into a wallet that has some of them: duplicates reported, the rest kept', async () => {
    const wallet = await sampleWallet();
    const results = await importCredentials([{ kind: 'text', text: exportWallet(wallet) }], {
      existing: wallet.slice(0, 2),
    });
    assert.deepEqual(statuses(results).sort(), ['duplicate', 'duplicate', 'imported', 'imported']);
  });

  it('reports damaged entries one by one, and a damaged or newer file as a whole', async () => {
    const wallet = await sampleWallet();
    const data = JSON.parse(exportWallet(wallet)) as {
      credentials: Record<string, unknown>[];
      version: number;
    };
    data.credentials[1]!['featured'] = 'yes';
    data.credentials[2]!['raw'] = '{"not":"a credential"}';
    const results = await importCredentials([{ kind: 'data', value: data }]);
    assert.deepEqual(statuses(results), ['imported', 'not-a-credential', 'not-a-credential', 'imported']);
    assert.throws(() => readWalletExport({ type: 'MicrocredWallet', version: 1, credentials: 'x' }), {
      code: 'schema',
    });
    assert.throws(() => readWalletExport({ ...data, version: 2 }), { code: 'unsupported-format' });
    const [newer] = await importCredentials([{ kind: 'data', value: { ...data, version: 99 } }]);
    assert.equal(newer!.status, 'unsupported-version');
  });

  it('a credential baked into a PNG by core imports back as the same credential', async () => {
    const doc = readJson('obv3-examples/ref/full_ex.json');
    const baked = bakePng(bytes('openbadges-bakery/test/unbaked.png'), doc);
    const [a] = await importCredentials([{ kind: 'data', value: doc }]);
    const [b] = await importCredentials([{ kind: 'file', name: 'baked.png', bytes: baked }]);
    assert.equal(b!.status, 'imported');
    assert.equal(b!.record!.hash, a!.record!.hash);
  });
});

describe('search, filter, sort and group', () => {
  const item = (
    name: string,
    issuer: string | undefined,
    year: number | undefined,
    order: number,
    extra: object = {},
  ) => ({
    order,
    summary: {
      name,
      type: 'Badge',
      text: `${name}\n${issuer ?? ''}`.toLowerCase(),
      ...(issuer ? { issuer } : {}),
      ...(year ? { year, issued: `${year}-03-01T00:00:00.000Z` } : {}),
    },
    ...extra,
  });
  const items = [
    item('Robotics I', 'Lakeside USD', 2024, 0),
    item('Algebra Coach', 'State Univ', 2022, 1, { featured: true }),
    item('Robotics II', 'Lakeside USD', 2025, 2, { verification: { outcome: 'verified', checked: '' } }),
    item('Old one', undefined, undefined, 3, {
      summary: { name: 'Old one', type: 'Course', text: 'old one', validUntil: '2020-01-01T00:00:00Z' },
    }),
  ];

  it('filters by words, issuer, type, year and status', () => {
    const names = (q: Parameters<typeof filterItems>[1]) =>
      filterItems(items, q, NOW).map((i) => i.summary.name);
    assert.deepEqual(names({ text: 'ROBOTICS lake' }), ['Robotics I', 'Robotics II']);
    assert.deepEqual(names({ issuer: 'State Univ' }), ['Algebra Coach']);
    assert.deepEqual(names({ year: 2025 }), ['Robotics II']);
    assert.deepEqual(names({ type: 'Course' }), ['Old one']);
    assert.deepEqual(names({ status: 'verified' }), ['Robotics II']);
    assert.deepEqual(names({ status: 'expired' }), ['Old one']);
    assert.equal(statusOf(items[0]!, NOW), 'unverified');
  });

  it('sorts (featured first in the owner order) and groups', () => {
    assert.deepEqual(
      sortItems(items, 'order').map((i) => i.order),
      [1, 0, 2, 3],
    );
    assert.deepEqual(
      sortItems(items, 'newest').map((i) => i.order),
      [2, 0, 1, 3],
    );
    assert.deepEqual(
      sortItems(items, 'name').map((i) => i.summary.name),
      ['Algebra Coach', 'Old one', 'Robotics I', 'Robotics II'],
    );
    assert.deepEqual(
      groupItems(items, 'issuer').map((g) => [g.key, g.items.length]),
      [
        ['Lakeside USD', 2],
        ['State Univ', 1],
        ['', 1],
      ],
    );
    assert.deepEqual(
      groupItems(items, 'year').map((g) => g.key),
      ['2025', '2024', '2022', ''],
    );
    assert.deepEqual(facets(items), {
      issuers: ['Lakeside USD', 'State Univ'],
      types: ['Badge', 'Course'],
      years: [2025, 2024, 2022],
    });
  });

  it('summarises a verification report as revoked, expired, invalid or unknown', () => {
    const report = (
      code: CheckCode,
      outcome: 'failed' | 'unknown',
      proof: 'passed' | 'failed' = 'passed',
    ) => ({
      verified: false,
      format: 'ob3-vc2' as const,
      checks: [
        {
          id: 'proof' as const,
          outcome: proof,
          code: proof === 'passed' ? 'proof-valid' : 'proof-bad-signature',
          message: '',
        },
        { id: 'issuer' as const, outcome: 'passed' as const, code: 'issuer-bound', message: '' },
        { id: 'status' as const, outcome, code, message: '' },
      ] as VerificationReport['checks'],
    });
    assert.equal(verificationOutcome({ verified: true, format: 'ob2', checks: [] }), 'verified');
    assert.equal(verificationOutcome(report('revoked', 'failed')), 'revoked');
    assert.equal(verificationOutcome(report('expired', 'failed')), 'expired');
    assert.equal(verificationOutcome(report('status-unavailable', 'unknown')), 'unknown');
    // A forged credential's status and dates are its own claims, not its issuer's: a broken proof is
    // invalid, never "Revoked" or "Expired" (which say the issuer made it), as the verify button says.
    assert.equal(verificationOutcome(report('revoked', 'failed', 'failed')), 'invalid');
    assert.equal(verificationOutcome(report('suspended', 'failed', 'failed')), 'invalid');
    assert.equal(verificationOutcome(report('expired', 'failed', 'failed')), 'invalid');
  });
});

describe('LinkedIn Add-to-Profile', () => {
  const decode = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams);

  it('every field decodes back exactly, whatever characters it holds', () => {
    const fields: LinkedInCertification = {
      name: 'Señal & Ruido: 100% “STEM” + Robotics #1 = A/B? <b>x</b> 🎓',
      organizationName: 'Lakeside USD & Friends, Inc.',
      issueYear: 2024,
      issueMonth: 3,
      expirationYear: 2027,
      expirationMonth: 12,
      certUrl: 'https://issuer.example/c?id=1&lang=es#frag',
      certId: 'urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002',
    };
    const url = linkedInAddToProfileUrl(fields);
    assert.ok(url.startsWith('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&'));
    assert.doesNotMatch(url.slice(url.indexOf('?') + 1), /[ #+<>"“]/, 'nothing left unencoded');
    const back = decode(url);
    assert.equal(back['startTask'], 'CERTIFICATION_NAME');
    for (const [key, value] of Object.entries(fields)) assert.equal(back[key], String(value), key);
    assert.equal(Object.keys(back).length, Object.keys(fields).length + 1);
    // Also with decodeURIComponent, which (unlike form decoding) leaves '+' alone.
    const manual = Object.fromEntries(
      url
        .split('?')[1]!
        .split('&')
        .map((p) => p.split('=').map(decodeURIComponent) as [string, string]),
    );
    assert.equal(manual['name'], fields.name);
  });

  it('leaves out missing fields and impossible months', () => {
    const back = decode(
      linkedInAddToProfileUrl({ name: 'X', issueMonth: 13, expirationMonth: 0, certUrl: '' }),
    );
    assert.deepEqual(back, { startTask: 'CERTIFICATION_NAME', name: 'X' });
  });

  it('takes the fields from a credential', () => {
    const view = normalizeCredential(readJson('obv3-examples/ref/full_ex.json'));
    const fields = linkedInFields(view, { certUrl: 'https://me.example/badges/1.json' });
    assert.equal(fields.name, view.name);
    assert.equal(fields.organizationName, view.issuer?.name);
    assert.equal(fields.issueYear, view.issued!.getUTCFullYear());
    assert.equal(fields.issueMonth, view.issued!.getUTCMonth() + 1);
    assert.equal(fields.expirationYear, view.validUntil!.getUTCFullYear());
    assert.equal(fields.certUrl, 'https://me.example/badges/1.json');
    assert.equal(fields.certId, view.id);
    const back = decode(linkedInAddToProfileUrl(fields));
    assert.equal(back['name'], view.name);
    assert.equal(back['organizationName'], view.issuer?.name);
    const ob2 = linkedInFields(normalizeCredential(readJson(`${OB20}/basic-assertion.json`)));
    assert.equal(ob2.certUrl, ob2.certId, 'an http(s) id is the public address');
  });
});

describe('embed snippet', () => {
  it('escapes every value and links the name for no-JavaScript readers', () => {
    const html = embedSnippet({
      scriptSrc: 'https://cdn.example/microcred.js',
      src: 'https://issuer.example/c?a=1&b="2"',
      name: 'Robotics <I> & "more"',
      variant: 'compact',
      lang: 'es',
    });
    assert.equal(
      html,
      '<script type="module" src="https://cdn.example/microcred.js"></script>\n' +
        '<mc-credential-card src="https://issuer.example/c?a=1&amp;b=&quot;2&quot;" variant="compact" lang="es">\n' +
        '  <a href="https://issuer.example/c?a=1&amp;b=&quot;2&quot;">Robotics &lt;I&gt; &amp; "more"</a>\n' +
        '</mc-credential-card>',
    );
  });

  it('inlines the JSON when there is no address, without letting it close its script', () => {
    const json = JSON.stringify({ name: '</script><script>alert(1)</script>' });
    const html = embedSnippet({ scriptSrc: '/m.js', json, name: 'X' });
    assert.equal(html.match(/<\/script>/g)!.length, 2);
    const inline = /<script type="application\/json">(.*)<\/script>/.exec(html)![1]!;
    assert.deepEqual(JSON.parse(inline), JSON.parse(json));
  });
});

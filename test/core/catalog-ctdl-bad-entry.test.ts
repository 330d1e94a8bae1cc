// One bad CTDL entry is skipped and reported, not fatal to the whole catalog (issue 11 item 13),
// as the JSON feed does: `issues` gets `{ path: '@graph[i]', message: 'skipped: …' }` for an entry
// that cannot be read and `{ path: '@graph[i].ceterms:…', message: '…; ignored' }` for a field
// dropped from an entry that is kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCatalog, parseCatalogCtdl, parseCatalogFeed } from '@microcred/core';

const CONTEXT = 'https://credreg.net/ctdl/schema/context/json';

/** A CTDL credential with a cost in `currency`. */
const credential = (n: number, currency: unknown, price: unknown = 25): Record<string, unknown> => ({
  '@id': `https://credentialengineregistry.org/resources/ce-${n}`,
  '@type': 'ceterms:MicroCredential',
  'ceterms:ctid': `ce-${n}`,
  'ceterms:name': { 'en-US': `Credential ${n}` },
  'ceterms:estimatedCost': [
    { '@type': 'ceterms:CostProfile', 'ceterms:price': price, 'ceterms:currency': currency },
  ],
});

describe('CTDL: one bad entry does not reject the catalog', () => {
  it('currency "US$" (Intl.NumberFormat threw a RangeError): the entry is kept without its cost, and the issue says why', () => {
    const catalog = parseCatalog(
      JSON.stringify({
        '@context': CONTEXT,
        '@graph': [credential(1, 'USD'), credential(2, 'US$'), credential(3, 'EUR')],
      }),
    );
    assert.equal(catalog.source, 'ctdl');
    assert.deepEqual(
      catalog.entries.map((e) => e.name),
      ['Credential 1', 'Credential 2', 'Credential 3'],
    );
    assert.equal(catalog.entries[0]?.registration?.cost, '$25.00');
    assert.equal(catalog.entries[1]?.registration, undefined);
    assert.equal(catalog.entries[2]?.registration?.cost, '€25.00');
    assert.deepEqual(catalog.issues, [
      {
        path: '@graph[1].ceterms:estimatedCost',
        message: 'currency "US$" is not an ISO 4217 code (three letters); cost ignored',
      },
    ]);
  });

  it('ISO 4217 codes are three letters: lower case is read as upper case, "EURO", "" and numbers are not codes', () => {
    const catalog = parseCatalogCtdl({
      '@graph': [credential(1, 'gbp'), credential(2, 'EURO'), credential(3, ''), credential(4, 978)],
    });
    assert.equal(catalog.entries[0]?.registration?.cost, '£25.00');
    assert.deepEqual(
      catalog.entries.slice(1).map((e) => e.registration?.cost),
      [undefined, '$25.00', undefined],
    );
    assert.deepEqual(
      catalog.issues.map((i) => i.path),
      ['@graph[1].ceterms:estimatedCost', '@graph[3].ceterms:estimatedCost'],
      'an empty currency is no currency (USD, as before); a number is reported',
    );
  });

  it('a price that is not a finite number is not formatted', () => {
    const catalog = parseCatalogCtdl({ '@graph': [credential(1, 'USD', '25'), credential(2, 'USD', 0)] });
    assert.equal(catalog.entries[0]?.registration, undefined);
    assert.equal(catalog.entries[1]?.registration?.cost, 'Free');
  });

  it('an entry whose mapping throws (a name nested deeper than the stack) is skipped with "skipped: …", the rest are read', () => {
    let deep: unknown = 'Deep';
    for (let i = 0; i < 200_000; i++) deep = { en: deep };
    const catalog = parseCatalogCtdl({
      '@graph': [
        credential(1, 'USD'),
        { ...credential(2, 'USD'), 'ceterms:name': deep },
        credential(3, 'USD'),
      ],
    });
    assert.deepEqual(
      catalog.entries.map((e) => e.name),
      ['Credential 1', 'Credential 3'],
    );
    assert.equal(catalog.issues.length, 1);
    assert.equal(catalog.issues[0]?.path, '@graph[1]');
    assert.match(catalog.issues[0]?.message ?? '', /^skipped: /);
  });

  it('reports the same way as the JSON feed does for an entry it skips', () => {
    const feed = parseCatalogFeed({ achievements: [{ id: 'https://example.org/a/1' }] });
    assert.match(feed.issues[0]?.message ?? '', /^skipped: /);
    assert.equal(feed.issues[0]?.path, 'achievements[0]');
  });
});

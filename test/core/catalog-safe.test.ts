/**
 * `safeCatalog`: the door every catalog goes through before an element shows it (issue 11 items 9
 * and 12). Here: the entry cap that keeps a 100,000-entry feed from stalling the page.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_ENTRY_LIMIT, safeCatalog } from '../../packages/core/src/catalog/safe.js';
import type { Catalog } from '../../packages/core/src/catalog/types.js';

const catalogOf = (n: number): Catalog =>
  ({
    source: 'json',
    entries: Array.from({ length: n }, (_, i) => ({
      id: `https://district.example/mc/${i}`,
      name: `Micro-credential ${i}`,
      achievement: { type: ['Achievement'], name: `Micro-credential ${i}` },
    })),
    stacks: [],
    issues: [],
    unmapped: [],
  }) as unknown as Catalog;

describe('safeCatalog entry cap', () => {
  it(`keeps the first ${CATALOG_ENTRY_LIMIT} of 100,000 entries and says how many were dropped`, () => {
    const c = safeCatalog(catalogOf(100_000));
    assert.equal(c.entries.length, CATALOG_ENTRY_LIMIT);
    assert.equal(c.entries[0]?.id, 'https://district.example/mc/0');
    assert.equal(c.entries.at(-1)?.id, `https://district.example/mc/${CATALOG_ENTRY_LIMIT - 1}`);
    assert.deepEqual(c.issues, [
      {
        path: 'entries',
        message: `skipped: ${100_000 - CATALOG_ENTRY_LIMIT} entries beyond the first ${CATALOG_ENTRY_LIMIT}`,
      },
    ]);
  });
  it('a catalog at the limit keeps everything, with no issue', () => {
    const c = safeCatalog(catalogOf(CATALOG_ENTRY_LIMIT));
    assert.equal(c.entries.length, CATALOG_ENTRY_LIMIT);
    assert.deepEqual(c.issues, []);
  });
  it('drops a javascript: registration address whatever door the catalog came in by', () => {
    const input = catalogOf(1);
    (input.entries[0] as unknown as Record<string, unknown>)['registration'] = {
      url: ' jAvAsCrIpT:alert(1)',
    };
    const c = safeCatalog(input);
    assert.equal(c.entries.length, 1, 'the entry is kept');
    assert.equal(c.entries[0]?.registration?.url, undefined);
  });
});

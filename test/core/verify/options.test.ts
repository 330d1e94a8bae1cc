/** Options of `verifyCredential()`: a bad `now` is a programmer error with its own code. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, verifyCredential } from '@microcred/core';

describe('verifyCredential options', () => {
  for (const [what, now] of [
    ['an invalid Date', new Date('nope')],
    ['a string', '2026-01-01'],
    ['a number', 0],
  ] as const) {
    it(`rejects ${what} as now with invalid-option`, async () => {
      await assert.rejects(
        verifyCredential({}, { now: now as unknown as Date }),
        (e: unknown) => e instanceof McError && e.code === 'invalid-option',
      );
    });
  }
});

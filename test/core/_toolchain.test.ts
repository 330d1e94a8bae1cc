import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McError, McHttpError } from '@microcred/core';

describe('core toolchain', () => {
  it('imports core sources under tsx and keeps error codes', () => {
    const e = new McHttpError(404, 'https://example.org/x', 'Not found');
    assert.ok(e instanceof McError);
    assert.equal(e.code, 'http');
    assert.equal(e.status, 404);
  });
});

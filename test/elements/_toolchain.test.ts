import { expect } from '@open-wc/testing';
import { McError } from '@microcred/core';

describe('toolchain', () => {
  it('runs TypeScript in Chromium and resolves core sources', () => {
    expect(new McError('not-a-credential', 'x').code).to.equal('not-a-credential');
  });
  it('serves the public vectors at /vectors/', async () => {
    const res = await fetch('/vectors/SOURCES.md');
    expect(res.status).to.equal(200);
    expect((await fetch('/vectors/..%2fpackage.json')).status).to.equal(404);
  });
});

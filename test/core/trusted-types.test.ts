// Microcred's Trusted Types policy (packages/core/src/trusted-types.ts) against a stand-in for the
// browser's `trustedTypes` factory that behaves as the W3C Trusted Types spec says: createPolicy
// throws when the CSP's `trusted-types` directive does not allow the name, and a policy's
// createScript/createScriptURL run the rules given and wrap what they return. The real browser
// behaviour (an enforcing page) is tested in test/vendor/trusted-types.test.ts.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as TrustedTypes from '../../packages/core/src/trusted-types.js';

type Module = typeof TrustedTypes;

/** A fresh copy of the module (it creates its policy once per copy). */
let copies = 0;
const fresh = (): Promise<Module> =>
  import(`../../packages/core/src/trusted-types.ts?copy=${++copies}`) as Promise<Module>;

class Trusted {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Installs a `trustedTypes` that allows the given policy names; returns the names asked for. */
function installTrustedTypes(allowed: string[]): string[] {
  const asked: string[] = [];
  Object.assign(globalThis, {
    trustedTypes: {
      createPolicy(name: string, rules: Record<string, (input: string) => string>) {
        asked.push(name);
        if (!allowed.includes(name)) throw new TypeError(`Policy "${name}" disallowed.`);
        return {
          createScript: (input: string) => new Trusted(rules['createScript']!(input)),
          createScriptURL: (input: string) => new Trusted(rules['createScriptURL']!(input)),
        };
      },
    },
    location: new URL('https://school.example/portfolio/'),
  });
  return asked;
}

afterEach(() => {
  delete (globalThis as { trustedTypes?: unknown }).trustedTypes;
  delete (globalThis as { location?: unknown }).location;
});

describe('trusted-types: the microcred policy', () => {
  it('without Trusted Types (Node, Firefox) values pass through unchanged and no policy is made', async () => {
    const m = await fresh();
    assert.equal(m.hasTrustedTypes(), false);
    assert.equal(m.trustedJsonScript('{"a":1}'), '{"a":1}');
    const url = new URL('https://x.example/verify-worker.js');
    assert.equal(m.trustedWorkerUrl(url), url);
  });

  it('is named microcred, made once, and wraps JSON and same-origin http(s) script addresses', async () => {
    const asked = installTrustedTypes(['lit-html', 'microcred']);
    const m = await fresh();
    assert.equal(m.TRUSTED_TYPES_POLICY, 'microcred');
    const script = m.trustedJsonScript('{"@context":"https://schema.org"}');
    assert.ok((script as unknown) instanceof Trusted);
    assert.equal(String(script), '{"@context":"https://schema.org"}');
    const url = m.trustedWorkerUrl('/assets/verify-worker.js');
    assert.ok((url as unknown) instanceof Trusted);
    assert.equal(String(url), 'https://school.example/assets/verify-worker.js');
    assert.deepEqual(asked, ['microcred']);
  });

  it('refuses what its sinks do not need: script that is not JSON, other origins, other schemes', async () => {
    installTrustedTypes(['microcred']);
    const m = await fresh();
    assert.equal(m.trustedJsonScript('alert(1)'), undefined);
    assert.equal(m.trustedJsonScript('{"a":1}; alert(1)'), undefined);
    assert.equal(m.trustedWorkerUrl('https://cdn.example/verify-worker.js'), undefined);
    assert.equal(m.trustedWorkerUrl('data:text/javascript,postMessage(1)'), undefined);
    assert.equal(m.trustedWorkerUrl('javascript:alert(1)'), undefined);
    // and still works for what it is for
    assert.ok((m.trustedJsonScript('[]') as unknown) instanceof Trusted);
  });

  it('a CSP that leaves microcred out: undefined for both (callers skip the JSON-LD and the worker), asked once, never thrown', async () => {
    const asked = installTrustedTypes(['lit-html']);
    const m = await fresh();
    assert.equal(m.trustedJsonScript('{}'), undefined);
    assert.equal(m.trustedWorkerUrl('/verify-worker.js'), undefined);
    assert.equal(m.trustedJsonScript('{}'), undefined);
    assert.deepEqual(asked, ['microcred']);
  });
});

import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '@microcred/elements/internal/define.js';

describe('defineElement', () => {
  let warnings: unknown[][];
  let original: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = original;
  });

  it('registers a tag once; the same class again is a silent no-op', () => {
    class McTestOnce extends LitElement {}
    defineElement('mc-test-once', McTestOnce);
    expect(customElements.get('mc-test-once')).to.equal(McTestOnce);
    expect(() => defineElement('mc-test-once', McTestOnce)).to.not.throw();
    expect(warnings).to.have.length(0);
  });

  it('keeps the first class and warns once when another class or version claims the tag', () => {
    class McTestV1 extends LitElement {
      static version = '0.1.0';
    }
    class McTestV2 extends LitElement {
      static version = '9.9.9';
    }
    defineElement('mc-test-versions', McTestV1);
    defineElement('mc-test-versions', McTestV2);
    defineElement('mc-test-versions', McTestV2);
    expect(customElements.get('mc-test-versions')).to.equal(McTestV1);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('mc-test-versions').and.contain('0.1.0').and.contain('9.9.9');
  });
});

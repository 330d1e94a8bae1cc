// Loaded before every browser test file (see `printableFailuresPlugin` in scripts/wtr/plugins.mjs).
//
// web-test-runner sends each failure's `actual` and `expected` to the runner through
// structuredClone. A DOM node cannot be cloned (`expect(shadowRoot.activeElement).to.equal(button)`
// failing): the clone throws, the file's results are never sent, and the file "did not finish"
// after its timeout instead of failing in seconds with a message. Put such values in words first.

/** `<button part="details-button" id="x">` for an element, the node name for another node. */
function describe(value: unknown): string {
  if (value instanceof Element) {
    const attrs = ['id', 'part', 'class', 'aria-label']
      .filter((a) => value.hasAttribute(a))
      .map((a) => ` ${a}="${value.getAttribute(a)}"`)
      .join('');
    const text = (value.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `<${value.localName}${attrs}>${text ? ` "${text}"` : ''}`;
  }
  if (value instanceof Node) return value.nodeName;
  return String(value);
}

function printable(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    return Array.isArray(value) ? value.map(printable) : describe(value);
  }
}

afterEach(function (this: { currentTest?: { err?: unknown } }) {
  const err = this.currentTest?.err as Record<string, unknown> | undefined;
  if (!err || typeof err !== 'object') return;
  for (const key of ['actual', 'expected']) if (key in err) err[key] = printable(err[key]);
});

const warned = new Set<string>();

/**
 * Registers a custom element, safely when it may already be registered: the same class again is a
 * no-op; a different class (for example another copy or version of Microcred on the page) keeps
 * the first registration and logs one console warning per tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor || warned.has(tag)) return;
  warned.add(tag);
  const version = (c: CustomElementConstructor) => (c as { version?: string }).version ?? 'unknown';
  console.warn(
    `Microcred: <${tag}> is already defined (version ${version(existing)}); ` +
      `this copy (version ${version(ctor)}) is not used. Load Microcred once per page.`,
  );
}

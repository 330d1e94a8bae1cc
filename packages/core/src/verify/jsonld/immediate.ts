/**
 * Evaluated just before the JSON-LD libraries (it is engine.ts's first import). In browsers
 * rdf-canonize, which jsonld requires, loads the `setimmediate` polyfill, which, when the global
 * object has no `setImmediate`, posts a message to the window to probe it (every 'message' listener
 * of the page receives it), listens to the window's messages for good and adds `setImmediate` and
 * `clearImmediate` to the window, costing the first verification about 2 ms. Instead, a
 * `setImmediate` is lent to the global object while the libraries are evaluated: the polyfill then
 * does nothing, rdf-canonize keeps a reference to this one (it yields with it on large documents),
 * and engine.ts takes it back from the global object once they are evaluated.
 */
const g = globalThis as { setImmediate?: unknown };

/** The `setImmediate` lent to the global object, if it had none. */
export const lent =
  g.setImmediate === undefined
    ? (g.setImmediate = (f: () => void): void => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = () => {
          port1.close();
          f();
        };
        port2.postMessage(0);
      })
    : undefined;

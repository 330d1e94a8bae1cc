/**
 * The context `<mc-provider>` gives the elements inside it (`@lit/context`), and the one-shot
 * look-up elements use to read it without subscribing.
 */
import { ContextEvent, createContext } from '@lit/context';
import type { McClient } from '@microcred/core';

/** What `<mc-provider>` shares. */
export interface McProviderValue {
  /** The configured client (`createClient()`), when there is one. */
  client?: McClient;
  /** While the provider is still making its client for `base-url`: settles once it is made (or failed). */
  pending?: Promise<void>;
  /**
   * The `fetch` for everything else elements download or look up (e.g. the verifier's DID
   * documents and status lists); defaults to the client's.
   */
  fetch?: typeof fetch;
  /** The language the provider resolved (`en` or `es`), from the nearest `lang`. */
  locale: string;
  /** Host options for the elements inside (free-form, read by the elements that know them). */
  options: Readonly<Record<string, unknown>>;
}

/** The `@lit/context` key of `<mc-provider>`. */
export const providerContext = createContext<McProviderValue | undefined>(Symbol.for('mc-provider'));

/** The value of the nearest `<mc-provider>` above `host` (through shadow roots), read once. */
export function providedValue(host: Element): McProviderValue | undefined {
  let value: McProviderValue | undefined;
  host.dispatchEvent(
    new ContextEvent(providerContext, host, (v) => {
      value = v;
    }),
  );
  return value;
}

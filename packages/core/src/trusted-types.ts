/**
 * Microcred's Trusted Types policy, named `microcred` (TRUSTED_TYPES_POLICY). Under
 * `require-trusted-types-for 'script'` the two places Microcred writes to a script sink go
 * through it: `<mc-catalog>`'s schema.org JSON-LD (`<script type="application/ld+json">` text) and
 * the verify worker's address (`new Worker(url)`). Allow it beside Lit's own policy:
 *
 *   Content-Security-Policy: require-trusted-types-for 'script'; trusted-types lit-html microcred
 *
 * The policy is created on first use and only where Trusted Types exist; it accepts JSON text
 * (JSON-LD is data, never run) and same-origin http(s) script addresses (a worker must be
 * same-origin anyway), nothing else. Where the page's CSP does not allow the name, creating it
 * fails: then the JSON-LD is left out and verification runs on the page, and nothing is reported
 * as an error of the data. A small module of its own, loaded only by the catalog and by
 * `verifyMany`.
 */

/** The name of Microcred's Trusted Types policy (list it in the CSP's `trusted-types` directive). */
export const TRUSTED_TYPES_POLICY = 'microcred';

/** The part of a Trusted Types policy used here. */
interface Policy {
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}

/** The policy, `null` where Trusted Types are missing or the policy was refused; unset before first use. */
let policy: Policy | null | undefined;

/** `true` where the page has Trusted Types (whether or not its CSP enforces them). */
export function hasTrustedTypes(): boolean {
  const tt = (globalThis as { trustedTypes?: { createPolicy?: unknown } }).trustedTypes;
  return typeof tt?.createPolicy === 'function';
}

function microcredPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  policy = null;
  if (!hasTrustedTypes()) return policy;
  const tt = (
    globalThis as unknown as { trustedTypes: { createPolicy(name: string, rules: object): Policy } }
  ).trustedTypes;
  try {
    policy = tt.createPolicy(TRUSTED_TYPES_POLICY, {
      // JSON-LD only: anything that is not JSON throws (then no script is written).
      createScript: (input: string): string => {
        JSON.parse(input);
        return input;
      },
      // The verify worker: a same-origin http(s) module address.
      createScriptURL: (input: string): string => {
        const url = new URL(input, globalThis.location?.href);
        if (!/^https?:$/.test(url.protocol) || url.origin !== globalThis.location?.origin)
          throw new TypeError(`microcred: not a same-origin script address: ${url.href}`);
        return url.href;
      },
    });
  } catch {
    // the CSP's trusted-types directive does not list `microcred` (or a second copy of this module
    // asked again): policy stays null and callers degrade
  }
  return policy;
}

/**
 * JSON text as a value a `<script>`'s text may take: the text itself where there are no Trusted
 * Types, a `TrustedScript` from the `microcred` policy where there are, or `undefined` when the
 * policy is refused or the text is not JSON (then write no script). Typed `string` (TypeScript's
 * DOM types have no Trusted Types): a sink takes the trusted value where it takes a string.
 */
export function trustedJsonScript(json: string): string | undefined {
  if (!hasTrustedTypes()) return json;
  try {
    return microcredPolicy()?.createScript(json) as string | undefined;
  } catch {
    return undefined;
  }
}

/**
 * A worker script address as `new Worker()` may take it: the URL itself where there are no Trusted
 * Types, a `TrustedScriptURL` from the `microcred` policy where there are, or `undefined` when the
 * policy is refused or the address is not same-origin http(s) (then start no worker). Typed like
 * the URL given (see `trustedJsonScript`).
 */
export function trustedWorkerUrl(url: string | URL): string | URL | undefined {
  if (!hasTrustedTypes()) return url;
  try {
    return microcredPolicy()?.createScriptURL(String(url)) as string | undefined;
  } catch {
    return undefined;
  }
}

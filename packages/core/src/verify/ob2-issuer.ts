/**
 * Open Badges 2.0 linked objects, read the specification's way: the badge class from its URL, the
 * issuer profile always from its id (the issuer's own URL), signing keys from their URLs. What an
 * assertion embeds (a badge class with a web address, an issuer profile, a key's `publicKeyPem`) is a
 * display hint only: nothing it says is trusted. Part of the OB 2.0 lazy chunk.
 */
import type { VerifyContext } from './context.js';
import type { Kit } from './kit.js';
import type { Check } from './types.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ./kit.ts)
let describeFailure: Kit['describeFailure'],
  failureCode: Kit['failureCode'],
  fetchJson: Kit['fetchJson'],
  isHttpUrl: Kit['isHttpUrl'],
  isObj: Kit['isObj'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ describeFailure, failureCode, fetchJson, isHttpUrl, isObj } = kit);
}
export { isObj };

/** A JSON object. */
export type Obj = Record<string, unknown>;
/** True for a plain JSON object. */
/** A value or list of values as a list. */
export const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
/** The id of a linked object: the string itself, or its `id`. */
export const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : isObj(v) && typeof v['id'] === 'string' ? v['id'] : undefined;
/** An http(s) id, else undefined. */
export const urlOf = (v: unknown): string | undefined => {
  const id = idOf(v);
  return id !== undefined && isHttpUrl(id) ? id : undefined;
};

/** Builds one check. */
export const check = (
  id: Check['id'],
  outcome: Check['outcome'],
  code: Check['code'],
  message: string,
): Check => ({
  id,
  outcome,
  code,
  message,
});

/** A resolved object, or the check that says why it could not be had. */
export type Resolved<T> = ({ ok: true } & T) | { ok: false; check: Check };

/** The host (name and port) of a URL, or undefined. */
const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
};

/** Fetches the JSON object at `url` (a failure is the `unknown` check `code`). */
export async function fetchObject(
  ctx: VerifyContext,
  url: string,
  what: string,
  id: Check['id'],
  code: Check['code'],
): Promise<Resolved<{ obj: Obj }>> {
  const r = await fetchJson(ctx, url);
  if (!r.ok)
    return {
      ok: false,
      check: check(
        id,
        'unknown',
        failureCode(r, code),
        `The ${what} (${url}) could not be fetched: ${describeFailure(r)}.`,
      ),
    };
  return { ok: true, obj: r.json };
}

/**
 * The badge class of a trusted assertion (the hosted copy, or a signed payload): fetched from its
 * URL; used as embedded only when it has no web address (an ephemeral badge class, which the trusted
 * assertion itself states).
 */
export async function badgeClassOf(ctx: VerifyContext, assertion: Obj): Promise<Resolved<{ obj: Obj }>> {
  const badge = assertion['badge'];
  const url = urlOf(badge);
  if (url) return fetchObject(ctx, url, 'badge class', 'issuer', 'issuer-unavailable');
  if (isObj(badge)) return { ok: true, obj: badge };
  return {
    ok: false,
    check: check(
      'issuer',
      'failed',
      'issuer-missing',
      'The badge names no badge class, so it has no issuer.',
    ),
  };
}

/** The issuer profile as fetched from its own URL. */
export interface IssuerProfile {
  /** The profile document, as served at `url`. */
  doc: Obj;
  /** Where it was fetched from: the issuer's identity (an embedded or claimed id never replaces it). */
  url: string;
}

/**
 * The issuer profile named by `badgeClass.issuer`, always fetched from its id. A profile that says
 * it is another site's issuer (an `id` on another host than the URL it was served from) is refused:
 * a profile speaks only for the site that serves it. (A different `id` on the same host is accepted,
 * as the 1EdTech vectors need, but the identity stays the URL it was fetched from.)
 */
export async function issuerProfileOf(
  ctx: VerifyContext,
  badgeClass: Obj,
): Promise<Resolved<{ issuer: IssuerProfile }>> {
  const url = urlOf(badgeClass['issuer']);
  if (!url)
    return {
      ok: false,
      check: check(
        'issuer',
        'unknown',
        'issuer-unavailable',
        'The issuer profile has no web address, so it cannot be fetched from the issuer.',
      ),
    };
  const r = await fetchObject(ctx, url, 'issuer profile', 'issuer', 'issuer-unavailable');
  if (!r.ok) return r;
  const claimed = r.obj['id'];
  if (claimed !== undefined && (typeof claimed !== 'string' || hostOf(claimed) !== hostOf(url)))
    return {
      ok: false,
      check: check(
        'issuer',
        'failed',
        'issuer-id-mismatch',
        `The issuer profile served at ${url} claims to be ${String(claimed).slice(0, 200)}, on another site.`,
      ),
    };
  return { ok: true, issuer: { doc: r.obj, url } };
}

/** The ids (URLs) of the keys an issuer profile lists in `publicKey`. */
export function listedKeys(issuer: IssuerProfile): string[] {
  return arr(issuer.doc['publicKey'])
    .map(urlOf)
    .filter((u): u is string => u !== undefined);
}

/** Whether `owner` names the issuer: the URL its profile was fetched from, or the id it gives itself. */
export function ownedBy(owner: unknown, issuer: IssuerProfile): boolean {
  return typeof owner === 'string' && (owner === issuer.url || owner === issuer.doc['id']);
}

/**
 * Is `assertionId` within the issuer's hosted verification scope? Read from the FETCHED profile
 * only: its `verification.startsWith` and `allowedOrigins`, else the origin of the issuer's id.
 */
export function inScope(assertionId: string, issuer: IssuerProfile): boolean {
  let a: URL;
  try {
    a = new URL(assertionId);
  } catch {
    return false;
  }
  const policy = isObj(issuer.doc['verification']) ? issuer.doc['verification'] : {};
  const starts = arr(policy['startsWith']).filter((s): s is string => typeof s === 'string');
  const origins = arr(policy['allowedOrigins']).filter((s): s is string => typeof s === 'string');
  if (starts.length > 0 && !starts.some((s) => assertionId.startsWith(s))) return false;
  if (origins.length > 0) return origins.some((o) => o === a.host || o === a.hostname);
  if (starts.length > 0) return true;
  return hostOf(issuer.url) === a.host;
}

/** The issuer profile with its identity as fetched, for the display model. */
export function shownIssuer(issuer: IssuerProfile): Obj {
  return { ...issuer.doc, id: issuer.url };
}

/**
 * Starts loading the lazy groups of bundled JSON-LD contexts (../contexts/generated/lazy.ts) that a
 * credential's own `@context` names. `verifyCredential` calls it before the verifier has loaded, so
 * a group (e.g. Open Badges 3.0) downloads beside the verifier and the JSON-LD engine instead of
 * after them; canonicalisation waits for the same loads (a failed one is retried there, and judged
 * there). A small module of its own: the page's verify entry carries it, not the engine.
 */
import { LAZY } from '../contexts/generated/lazy.js';
import type { LoadGroup } from './resolver.js';

/** The lazy groups already asked for. */
const warmed = new Set<LoadGroup>();

/** Starts loading the lazy context groups that `doc`'s top-level `@context` names. */
export function warm(doc: unknown): void {
  const c =
    typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>)['@context'] : undefined;
  for (const url of Array.isArray(c) ? c : [c]) {
    const load = typeof url === 'string' && Object.hasOwn(LAZY, url) ? LAZY[url] : undefined;
    if (load && !warmed.has(load)) {
      warmed.add(load);
      load().catch(() => warmed.delete(load));
    }
  }
}

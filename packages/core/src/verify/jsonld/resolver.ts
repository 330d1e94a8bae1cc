/**
 * A JSON-LD context resolver for jsonld's `expand`, specialised for bundled contexts, that makes the
 * processed-context cache actually hit. It replaces jsonld's `ContextResolver` (and its LRU cache).
 *
 * Why: jsonld caches a processed context per (context, active context object). Type-scoped contexts
 * do not propagate, so jsonld first clones the active context and then asks the cache with that
 * fresh clone — a guaranteed miss: every node of every credential re-processed its type's context
 * (cloning the whole term map each time). Here a lookup with such a fresh clone is keyed by the
 * active context it was cloned from, which is the same object each time once the root context is
 * stable (see `root`). Processed contexts are immutable once made (jsonld clones before it
 * changes one), so sharing them is what jsonld itself does for propagating contexts.
 *
 * It also spares jsonld a check it makes of every scoped context of a context it processes: it
 * processes each one on a throwaway copy only to see that it does not throw, whether or not the
 * document uses it (most of the time spent on VC 2.0 and OB 3.0 contexts). That check is skipped
 * only where its outcome is known: for a bundled context document processed from an active context
 * made from the initial one by bundled documents alone, where everything is fixed by the bundled
 * documents, and test/core/verify/jsonld-contexts.test.ts checks, against jsonld's own resolver
 * with every check made, that those documents process alike, one after another in any pair.
 * Scoped contexts a document does use are processed in full when it uses them.
 *
 * Bundled contexts come in groups (../contexts/generate.mjs): the core group is given as text, the
 * others are modules loaded the first time a context names one of their URLs. A URL that is in no
 * group is never fetched: it is an `unknown-context` error.
 */
import { CanonError } from './errors.js';
import { isObj } from '../../parse/parse-input.js';

type Obj = Record<string, unknown>;
/** jsonld's active context, as far as this module looks into it. */
interface ActiveContext {
  previousContext?: ActiveContext;
  clone(): ActiveContext;
  revertToPreviousContext(): ActiveContext;
}
interface Processed {
  context: ActiveContext;
}

/** One context document and the contexts processed from it, by the active context they started from. */
class Resolved {
  /** Keyed by the active context itself (propagating contexts, later entries of an array). */
  readonly direct = new WeakMap<object, Processed>();
  /** Keyed by the active context a non-propagating clone was made from. */
  readonly scoped = new WeakMap<object, Processed>();
  /** A bundled context document (or one with the same text). */
  bundled?: boolean;
  constructor(readonly document: unknown) {}
}

/** What is known of an active context: made by bundled documents alone, being made, a throwaway copy. */
const PURE = 1;
const MAKING = 2;
const CHECK = 3;

/** Loads a group of bundled context documents: by URL, as JSON text. */
export type LoadGroup = () => Promise<Record<string, string>>;

/** Thrown inside a resolution that needs a lazy group: the group is loaded and the resolution redone. */
class Pending {
  constructor(readonly load: Promise<void>) {}
}

/** What `resolve` gives for jsonld's check of a scoped context when it is skipped: nothing to do. */
const SKIP = [{ document: {}, getProcessed: (context: ActiveContext) => ({ context, events: [] }) }];

/** The resolver jsonld calls as `options.contextResolver`. */
export class BundledContextResolver {
  private readonly byUrl = new Map<string, Resolved[]>();
  private readonly byObject = new WeakMap<object, Resolved>();
  private readonly byText = new Map<string, Resolved>();
  private readonly nullContext = new Resolved(null);
  /** PURE, MAKING or CHECK, for the active contexts that are one of them. */
  private readonly kind = new WeakMap<object, number>();
  /** The PURE active context a bundled document is about to be processed from (see `root`). */
  private next: unknown;
  /**
   * The active context of the last `resolve`, until a cached context is asked for: a clone of it
   * made in between is jsonld's lookup clone of a non-propagating context (see `root`).
   */
  private looking: unknown;

  /** Context documents by URL, as JSON text (parsed on first use): given and loaded so far. */
  private readonly texts: Map<string, string>;
  /** The loaders of the groups, by the URLs they hold (until such a URL has been looked up). */
  private readonly lazy: Map<string, LoadGroup>;
  /** The groups being loaded or loaded, by their loader. */
  private readonly groups = new Map<LoadGroup, Promise<void>>();

  /**
   * @param contexts context documents by URL, as JSON text (parsed on first use).
   * @param lazy for other bundled URLs, the loader of the group of documents (by URL, as JSON text)
   *   that holds each; a group is loaded once, the first time one of its URLs is resolved.
   */
  constructor(contexts: Record<string, string>, lazy: Record<string, LoadGroup> = {}) {
    this.texts = new Map(Object.entries(contexts));
    this.lazy = new Map(Object.entries(lazy));
  }

  /** What jsonld's `process` calls: the resolved contexts of `context`, each with a cache. */
  resolve(args: { activeCtx: ActiveContext; context: unknown }): Promise<unknown[]> {
    try {
      return Promise.resolve(this.resolveNow(args));
    } catch (err) {
      // a group is loaded, then everything is resolved again (what was resolved before is cached)
      if (err instanceof Pending) return err.load.then(() => this.resolve(args));
      throw err;
    }
  }

  private resolveNow({ activeCtx, context }: { activeCtx: ActiveContext; context: unknown }): unknown[] {
    const origin = activeCtx;
    const kind = this.kind;
    this.next = this.looking = undefined;
    if (kind.get(activeCtx) === CHECK) return SKIP;
    const resolved = this.resolveAll(context, 0).map((r) => ({
      document: r.document,
      getProcessed: (a: ActiveContext): Processed | undefined => {
        this.looking = undefined;
        const p = a === origin || a.previousContext !== origin ? r.direct.get(a) : r.scoped.get(origin);
        // on a miss jsonld's next step is `a.clone()`: the context it will build from `a`
        this.next = !p && r.bundled && kind.get(a) === PURE ? a : undefined;
        return p;
      },
      setProcessed(a: ActiveContext, p: Processed): void {
        if (a === origin || a.previousContext !== origin) r.direct.set(a, p);
        else r.scoped.set(origin, p);
        if (r.bundled && kind.get(a) === PURE && p.context) kind.set(p.context, PURE);
      },
    }));
    this.looking = origin;
    return resolved;
  }

  private resolveAll(context: unknown, depth: number): Resolved[] {
    if (depth > 8) throw new CanonError('invalid-jsonld', 'contexts nested too deeply');
    if (isObj(context) && context['@context'] !== undefined) context = context['@context'];
    const list = Array.isArray(context) ? context : [context];
    const out: Resolved[] = [];
    for (const c of list) {
      if (typeof c === 'string') out.push(...this.resolveUrl(c, depth));
      else if (c === null) out.push(this.nullContext);
      else if (isObj(c)) out.push(this.resolveObject(c));
      else throw new CanonError('invalid-jsonld', '@context must be an object');
    }
    return out;
  }

  private resolveUrl(url: string, depth: number): Resolved[] {
    const hit = this.byUrl.get(url);
    if (hit) return hit;
    const text = this.texts.get(url);
    const load = text === undefined ? this.lazy.get(url) : undefined;
    if (load) throw new Pending(this.loadGroup(load, url));
    const doc: unknown = text === undefined ? undefined : JSON.parse(text);
    if (!isObj(doc)) throw new CanonError('unknown-context', url);
    const inner = doc['@context'];
    const resolved =
      inner === undefined
        ? [new Resolved({})]
        : isObj(inner)
          ? [this.resolveObject(inner)]
          : this.resolveAll(inner, depth + 1);
    for (const r of resolved) r.bundled = r !== this.nullContext;
    this.byUrl.set(url, resolved);
    return resolved;
  }

  /**
   * Loads the group `load` (once, however many resolutions wait for it) for `url`. Once it is loaded
   * `url` is looked up among the documents alone, whether or not the group held it; if it cannot be
   * loaded the verification cannot be made (`unknown-context`, never a failed proof), and a later
   * one tries again.
   */
  private loadGroup(load: LoadGroup, url: string): Promise<void> {
    let loading = this.groups.get(load);
    if (!loading) {
      loading = load().then(
        (group) => {
          for (const [u, t] of Object.entries(group)) if (!this.texts.has(u)) this.texts.set(u, t);
        },
        (err: unknown) => {
          this.groups.delete(load);
          const why = err instanceof Error ? err.message : String(err);
          throw new CanonError('unknown-context', `${url} (its bundled group could not be loaded: ${why})`);
        },
      );
      this.groups.set(load, loading);
    }
    return loading.then(() => void this.lazy.delete(url));
  }

  private resolveObject(c: Obj): Resolved {
    let r = this.byObject.get(c);
    if (r) return r;
    const text = JSON.stringify(c);
    r = this.byText.get(text);
    if (!r) {
      if (this.byText.size > 500) this.byText.clear();
      this.byText.set(text, (r = new Resolved(c)));
    }
    this.byObject.set(c, r);
    return r;
  }

  /**
   * A private copy of jsonld's initial context with two cheaper methods, inherited by every context
   * derived from it (jsonld's clones copy them):
   *
   * - `clone` copies the term map shallowly. jsonld deep-copies it, but it never changes a term
   *   definition in place: it only sets and deletes entries of the clone it is building, and once
   *   built an active context is never changed. The previous context is shared for the same reason.
   *   It also tells the contexts jsonld builds (a clone made right after a cache miss) from the
   *   throwaway copies it checks scoped contexts on (a clone of one being built).
   * - A non-propagating (type-scoped) context makes jsonld clone the active context before it
   *   looks in the cache, only to mark that clone with `previousContext`; on a hit the clone is
   *   dropped, on a miss it is cloned again before anything is defined. That lookup clone (a clone
   *   of the context just given to `resolve`, made before any `getProcessed`) is never changed, so
   *   it shares the term map and protected terms instead of copying them: that copy was most of
   *   the time of a warm expansion.
   * - `revertToPreviousContext` returns the previous context itself instead of a fresh clone, so the
   *   contexts processed on top of it are found in the cache.
   *
   * The fields copied are exactly those of jsonld's own `_cloneActiveContext`.
   */
  root(initial: ActiveContext): ActiveContext {
    const kind = this.kind;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const resolver = this;
    function clone(this: Obj): Obj {
      const lookup = this === resolver.looking;
      resolver.looking = undefined;
      const child: Obj = {
        mappings: lookup ? this['mappings'] : new Map(this['mappings'] as Map<string, unknown>),
        clone: this['clone'],
        inverse: null,
        getInverse: this['getInverse'],
        protected: lookup ? this['protected'] : { ...(this['protected'] as Obj) },
        revertToPreviousContext: this['revertToPreviousContext'],
      };
      if (this['previousContext']) child['previousContext'] = this['previousContext'];
      for (const k of ['@base', '@language', '@vocab']) if (k in this) child[k] = this[k];
      const k = this === resolver.next ? MAKING : kind.get(this) === MAKING ? CHECK : 0;
      if (k) kind.set(child, k);
      resolver.next = undefined;
      return child;
    }
    const root = clone.call(initial as unknown as Obj) as unknown as ActiveContext;
    root.clone = clone as unknown as ActiveContext['clone'];
    root.revertToPreviousContext = function (this: ActiveContext): ActiveContext {
      return this.previousContext ?? this;
    };
    kind.set(root, PURE);
    return root;
  }
}

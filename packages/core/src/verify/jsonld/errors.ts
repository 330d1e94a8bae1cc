/** Why a JSON-LD document could not be canonicalised. */

/** Kinds of canonicalisation failure, each a distinct verification code. */
export type CanonErrorKind =
  'undefined-term' | 'unknown-context' | 'invalid-jsonld' | 'too-complex' | 'aborted';

/** A canonicalisation failure with its kind and the detail jsonld gave (a term, a context URL…). */
export class CanonError extends Error {
  override name = 'CanonError';
  constructor(
    readonly kind: CanonErrorKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }

  /** Classifies an error thrown by jsonld. */
  static from(err: unknown): CanonError {
    if (err instanceof CanonError) return err;
    const e = err as {
      name?: string;
      message?: string;
      details?: { event?: { code?: string; details?: unknown }; cause?: unknown };
    };
    const cause = e.details?.cause;
    if (cause instanceof CanonError) return cause;
    if (e.name === 'jsonld.ValidationError') {
      const ev = e.details?.event;
      const detail = ev?.details as Record<string, unknown> | undefined;
      const term = detail?.['property'] ?? detail?.['type'] ?? detail?.['term'] ?? detail?.['iri'] ?? '';
      return new CanonError(
        'undefined-term',
        `${ev?.code ?? 'safe mode'}${term ? ` (${String(term)})` : ''}`,
      );
    }
    return new CanonError('invalid-jsonld', e.message ?? String(err));
  }
}

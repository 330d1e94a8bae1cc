/**
 * schema.org `EducationalOccupationalCredential` JSON-LD for catalog entries, so search engines can
 * index a catalog page. Only http(s) URLs and plain text are emitted.
 */
import { idUrl as http } from '../normalize/fields.js';
import type { CatalogEntry } from './types.js';
const imageUrl = (a: Record<string, unknown>): string | undefined => {
  const image = a['image'];
  const id =
    typeof image === 'string'
      ? image
      : image && typeof image === 'object'
        ? (image as { id?: unknown }).id
        : undefined;
  return typeof id === 'string' ? http(id) : undefined;
};

/** One entry as a schema.org `EducationalOccupationalCredential` node. */
export function entryJsonLd(entry: CatalogEntry): Record<string, unknown> {
  const node: Record<string, unknown> = {
    '@type': 'EducationalOccupationalCredential',
    name: entry.name,
    credentialCategory:
      entry.achievementType === 'MicroCredential'
        ? 'Micro-credential'
        : (entry.achievementType ?? 'Credential'),
  };
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) node[key] = value;
  };
  set('@id', http(entry.id));
  set('identifier', http(entry.id) ? undefined : entry.id);
  set('description', entry.description);
  set('image', imageUrl(entry.achievement));
  set('inLanguage', entry.language);
  set('timeRequired', entry.effort);
  set('educationalLevel', entry.gradeBands);
  set(
    'about',
    entry.subjects.length ? entry.subjects.map((name) => ({ '@type': 'Thing', name })) : undefined,
  );
  set('keywords', entry.tags.length ? entry.tags.join(', ') : undefined);
  set(
    'audience',
    entry.audience.length
      ? entry.audience.map((audienceType) => ({ '@type': 'Audience', audienceType }))
      : undefined,
  );
  set('datePublished', entry.published?.toISOString().slice(0, 10));
  set(
    'competencyRequired',
    entry.skills.map((s) => ({
      '@type': 'DefinedTerm',
      name: s.name,
      ...(s.code ? { termCode: s.code } : {}),
      ...(http(s.url) ? { url: http(s.url) } : {}),
      ...(s.framework ? { inDefinedTermSet: s.framework } : {}),
    })),
  );
  if (entry.issuer?.name)
    set('recognizedBy', {
      '@type': 'Organization',
      name: entry.issuer.name,
      ...(http(entry.issuer.url) ? { url: http(entry.issuer.url) } : {}),
    });
  const r = entry.registration;
  if (r) {
    const offer: Record<string, unknown> = { '@type': 'Offer', category: 'Registration' };
    if (http(r.url)) offer['url'] = http(r.url);
    if (r.cost) {
      if (/^(free|gratis|gratuito|0)$/i.test(r.cost.trim())) Object.assign(offer, { price: 0 });
      else offer['description'] = r.cost;
    }
    if (r.opens) offer['availabilityStarts'] = r.opens.toISOString();
    if (r.closes) offer['availabilityEnds'] = r.closes.toISOString();
    if (r.seats !== undefined) offer['inventoryLevel'] = { '@type': 'QuantitativeValue', value: r.seats };
    set('offers', offer);
  }
  return node;
}

/**
 * How many entries {@link catalogJsonLd} describes by default: a page of a 100,000-entry catalog
 * should not carry about 19 MB of JSON-LD (nor spend seconds writing it); search engines read the
 * first entries, and each entry's own page can describe itself.
 */
export const CATALOG_JSONLD_LIMIT = 500;

/** The JSON-LD document (`@graph`) for the first `limit` entries (default {@link CATALOG_JSONLD_LIMIT}). */
export function catalogJsonLd(
  entries: readonly CatalogEntry[],
  limit = CATALOG_JSONLD_LIMIT,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@graph': entries.slice(0, Math.max(0, limit)).map(entryJsonLd),
  };
}

/** JSON text safe to place in a `<script type="application/ld+json">` (no `<`, `>`, `&` as such). */
export function jsonLdText(doc: unknown): string {
  return JSON.stringify(doc).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

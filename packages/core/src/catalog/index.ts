/** Catalog feeds (JSON, CSV, CTDL JSON-LD), their model and search. */
export type * from './types.js';
export { parseCatalog, MAX_CATALOG_LENGTH } from './parse.js';
export type { ParseCatalogOptions } from './parse.js';
export { parseCatalogFeed, readCatalogEntry } from './feed.js';
export { parseCatalogCsv, parseCsv, toIsoDuration, MAX_CSV_LENGTH } from './csv.js';
export { parseCatalogCtdl, isCtdl } from './ctdl.js';
export { durationMinutes, durationParts } from './duration.js';
export { CatalogIndex, CATALOG_FACETS, foldText, effortRange, facetValues } from './search.js';
export type {
  CatalogFacet,
  CatalogQuery,
  CatalogResult,
  CatalogSort,
  EffortRange,
  FacetCount,
} from './search.js';
export { fetchCatalog, CATALOG_ACCEPT } from './fetch.js';
export type { FetchDataOptions } from './fetch.js';
export { catalogJsonLd, entryJsonLd, jsonLdText, CATALOG_JSONLD_LIMIT } from './jsonld.js';

/**
 * Wallet logic for `<mc-badge-wallet>`, DOM-free: import classification and duplicate detection,
 * the wallet export file, search/filter/sort/group, LinkedIn Add-to-Profile links and embed snippets.
 */
export * from './types.js';
export { importCredentials, readCredential, MAX_IMPORT_FILE, MAX_IMPORT_ITEMS } from './import.js';
export type { ImportOptions } from './import.js';
export {
  exportWallet,
  readWalletExport,
  isWalletExport,
  WALLET_EXPORT_TYPE,
  WALLET_EXPORT_VERSION,
} from './export.js';
export type { WalletExport, WalletExportEntry } from './export.js';
export { canonicalJson, contentHash, sha256Hex } from './hash.js';
export { summarize, typeOf } from './summary.js';
export {
  facets,
  filterItems,
  groupItems,
  matcher,
  sortItems,
  statusOf,
  verificationOutcome,
} from './query.js';
export type {
  WalletFacets,
  WalletGroup,
  WalletItem,
  WalletItemGroup,
  WalletQuery,
  WalletSort,
  WalletStatus,
} from './query.js';
export { linkedInAddToProfileUrl, linkedInFields, LINKEDIN_ADD_TO_PROFILE } from './linkedin.js';
export type { LinkedInCertification } from './linkedin.js';
export { embedSnippet } from './snippet.js';
export type { EmbedSnippetOptions } from './snippet.js';

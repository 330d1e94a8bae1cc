/** The wallet's string sets: every visitor's, and the owner's (loaded in owner mode only). */
import { stringSet } from '../i18n/localize.js';
import type { WalletStrings } from './strings-en.js';
import type { WalletOwnerStrings } from './strings-owner-en.js';

/** What every visitor reads (states, search, filters, tiles). */
export const strings = stringSet<WalletStrings>('wallet', {
  en: () => import('./strings-en.js'),
  es: () => import('./strings-es.js'),
});
/** The owner's strings (import, curation, storage): loaded in owner mode only. */
export const ownerStrings = stringSet<WalletOwnerStrings>('walletOwner', {
  en: () => import('./strings-owner-en.js'),
  es: () => import('./strings-owner-es.js'),
});

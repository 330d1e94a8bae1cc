import { textLang } from '@microcred/core/model/issuer-text.js';
import type { WalletEntry } from './types.js';

/**
 * The language of the name the wallet shows for `entry` (WCAG 3.1.2): the one its credential
 * declared (`lang=""` when none), or none of its own for our "Untitled credential" (the page's).
 */
export const nameLang = (entry: WalletEntry): string | undefined =>
  entry.summary.name ? textLang(entry.summary.language) : undefined;

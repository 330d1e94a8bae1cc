/**
 * Every string set in Simplified Chinese, one chunk loaded the first time an element shows this language
 * (see `builtIn` in localize.ts: one loader per language keeps every element's first load small).
 */
import type { Translation } from './localize.js';
import { zhHans } from './zh-hans.js';
import { walletZhHans, walletOwnerZhHans } from '../badge-wallet/strings-zh-hans.js';
import catalog from '../catalog/strings-zh-hans.js';
import tracker from '../progress-tracker/strings-zh-hans.js';
import { checksZhHans } from '../verify-button/checks-zh-hans.js';

export default {
  shared: zhHans,
  wallet: walletZhHans,
  walletOwner: walletOwnerZhHans,
  catalog,
  tracker,
  checks: checksZhHans,
} satisfies Translation;

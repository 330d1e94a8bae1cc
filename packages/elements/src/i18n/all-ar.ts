/**
 * Every string set in Arabic, one chunk loaded the first time an element shows this language
 * (see `builtIn` in localize.ts: one loader per language keeps every element's first load small).
 */
import type { Translation } from './localize.js';
import { ar } from './ar.js';
import { walletAr, walletOwnerAr } from '../badge-wallet/strings-ar.js';
import catalog from '../catalog/strings-ar.js';
import tracker from '../progress-tracker/strings-ar.js';
import { checksAr } from '../verify-button/checks-ar.js';

export default {
  shared: ar,
  wallet: walletAr,
  walletOwner: walletOwnerAr,
  catalog,
  tracker,
  checks: checksAr,
} satisfies Translation;

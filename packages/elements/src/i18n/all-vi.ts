/**
 * Every string set in Vietnamese, one chunk loaded the first time an element shows this language
 * (see `builtIn` in localize.ts: one loader per language keeps every element's first load small).
 */
import type { Translation } from './localize.js';
import { vi } from './vi.js';
import { walletVi, walletOwnerVi } from '../badge-wallet/strings-vi.js';
import catalog from '../catalog/strings-vi.js';
import tracker from '../progress-tracker/strings-vi.js';
import { checksVi } from '../verify-button/checks-vi.js';

export default {
  shared: vi,
  wallet: walletVi,
  walletOwner: walletOwnerVi,
  catalog,
  tracker,
  checks: checksVi,
} satisfies Translation;

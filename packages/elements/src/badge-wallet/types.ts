/** Shapes shared by `<mc-badge-wallet>` and its lazy chunks (types only: no code). */
import type { WalletItem, WalletRecord, WalletSummary, WalletVerification } from '@microcred/core';

/** One credential shown by the wallet. */
export interface WalletEntry extends WalletItem {
  /** Stable key: the record's key in owner mode, the position otherwise. */
  key: string;
  /** What the card is given: the raw JSON text / compact JWS, or an object. */
  input: unknown;
  /** The stored record (owner mode, and display mode from a wallet file). */
  record?: WalletRecord;
  summary: WalletSummary;
  /** Whether `summary` has been computed (display mode summarises lazily). */
  indexed: boolean;
  featured: boolean;
  hidden: boolean;
  order: number;
  verification?: WalletVerification | undefined;
  /** Being verified right now. */
  checking?: boolean;
}

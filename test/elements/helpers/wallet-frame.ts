/**
 * The module a second "tab" runs: a same-origin iframe that registers `<mc-badge-wallet>` in its
 * own window (its own module instances, its own IndexedDB connections and BroadcastChannels, the
 * same storage), used by the two-tab tests in badge-wallet.persistence.test.ts.
 */
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';

/**
 * Registers every Microcred element (side effect). Import this once, or import single elements
 * from their `mc-*.js` files.
 */
import './credential-card/mc-credential-card.js';
import './verify-button/mc-verify-button.js';
import './badge-wallet/mc-badge-wallet.js';
import './provider/mc-provider.js';
import './catalog/mc-catalog.js';
import './progress-tracker/mc-progress-tracker.js';

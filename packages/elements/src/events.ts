/**
 * Microcred's events. Each element's own events live beside it (`<element>/<element>-events.ts`);
 * the one every element dispatches, `McErrorEvent`, lives with the element base (`internal/`, in
 * the code every element loads first). All are re-exported here: one place to import any of them from.
 *
 * Naming: `mc-` + what happened, in the past tense (`mc-load` is the card's: a credential was
 * loaded); a cancelable present-tense event comes before an action only where a host can stop it
 * (`mc-verify` → `mc-verified`, `mc-register`); an event that a card inside the element would also
 * dispatch under the same name takes the element's name (`mc-catalog-load`, not `mc-load`, so that
 * the catalog's cards' `mc-load` is not mistaken for it). All bubble and are composed.
 */
export { McErrorEvent } from './internal/error-event.js';
export { McLoadEvent } from './credential-card/credential-card-events.js';
export { McVerifyEvent, McVerifiedEvent, type VerifyOutcome } from './verify-button/verify-button-events.js';
export { McImportedEvent, McWalletChangeEvent } from './badge-wallet/badge-wallet-events.js';
export { McCatalogLoadEvent, McCatalogOpenEvent, McRegisterEvent } from './catalog/catalog-events.js';
export { McNextStepEvent, McRequirementSelectEvent } from './progress-tracker/progress-tracker-events.js';

/**
 * @microcred/elements — the Microcred web components. This entry exports classes and types only
 * and registers nothing: import `@microcred/elements/define.js` (all elements) or an element's
 * `mc-*.js` file to register tags.
 * @packageDocumentation
 */
export { McCredentialCard } from './credential-card/credential-card.js';
export type { CredentialCardState, CredentialCardVariant } from './credential-card/credential-card.js';
export { McErrorEvent } from './events.js';
export { McLoadEvent } from './credential-card/credential-card-events.js';
export { McElement } from './internal/mc-element.js';
export { defineElement } from './internal/define.js';
export { LocalizeController, nearestLang, registerTranslation, resolveLang } from './i18n/localize.js';
export type { Lang, Translation, Translator } from './i18n/localize.js';
export type { StringKey, Strings } from './i18n/en.js';
export { renderMarkdown } from './markdown/render-markdown.js';
export type { MarkdownOptions } from './markdown/render-markdown.js';
export { McVerifyButton, outcomeOf } from './verify-button/verify-button.js';
export type { VerifyButtonState } from './verify-button/verify-button.js';
export { McVerifyEvent, McVerifiedEvent } from './verify-button/verify-button-events.js';
export type { VerifyOutcome } from './verify-button/verify-button-events.js';
export { McBadgeWallet } from './badge-wallet/badge-wallet.js';
export type { BadgeWalletState, WalletEntry } from './badge-wallet/badge-wallet.js';
export { McImportedEvent, McWalletChangeEvent } from './badge-wallet/badge-wallet-events.js';
export { McProvider } from './provider/provider.js';
export { providerContext, providedValue } from './provider/provider-context.js';
export type { McProviderValue } from './provider/provider-context.js';
export { McCatalog } from './catalog/catalog.js';
export type { CatalogState } from './catalog/catalog.js';
export { McCatalogLoadEvent, McCatalogOpenEvent, McRegisterEvent } from './catalog/catalog-events.js';
export { McProgressTracker } from './progress-tracker/progress-tracker.js';
export type { ProgressTrackerState, ProgressTrackerVariant } from './progress-tracker/progress-tracker.js';
export { McNextStepEvent, McRequirementSelectEvent } from './progress-tracker/progress-tracker-events.js';

/**
 * @microcred/react — React components for the Microcred web components, made with `@lit/react`.
 * Importing this module registers every Microcred element. Properties are set on the element, so
 * objects stay objects (`<McCredentialCard credential={json} />`); events are camel-cased props
 * that receive the typed event (`onMcLoad={(e) => e.view}`, `onMcVerified={(e) => e.outcome}`).
 * The components are generated from `@microcred/elements`' Custom Elements Manifest
 * (scripts/framework-types.mjs), one per tag.
 * @packageDocumentation
 */
export * from './components.js';
export type {
  McCatalogLoadEvent,
  McCatalogOpenEvent,
  McErrorEvent,
  McImportedEvent,
  McLoadEvent,
  McNextStepEvent,
  McRegisterEvent,
  McRequirementSelectEvent,
  McVerifiedEvent,
  McVerifyEvent,
  McWalletChangeEvent,
} from '@microcred/elements';

/**
 * One status vocabulary for `<mc-verify-button>`, `<mc-progress-tracker>` and `<mc-badge-wallet>`:
 * each status of a credential, its icon (a shape of its own, so that no status is told by colour
 * alone; always beside words) and its words, the shared string `verify.<status>`. Imported by those
 * three elements and the card's lazy outcome chunk (not in `internal/`, which every element loads
 * first); the card's first load takes only the expired icon (internal/expired-icon.ts).
 * Each icon is its own export, so an element carries only the ones it draws.
 */
import { expiredIcon } from '../internal/expired-icon.js';

/** A clock. */
export { expiredIcon };

/**
 * A credential's status: verified, revoked or suspended by its issuer, expired, not valid yet,
 * could not be checked (`unknown`), failed verification (`invalid`), or not checked yet.
 */
export type Status =
  'verified' | 'revoked' | 'suspended' | 'expired' | 'notYetValid' | 'unknown' | 'invalid' | 'unchecked';

/** A tick. (Each icon is one 16 × 16 SVG path.) */
export const verifiedIcon = 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.3 1 1L7 11.6 3.7 8.3l1-1L7 9.6z';
/** A circle struck through. */
export const revokedIcon =
  'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 0 1 4.3 8.9L4.6 3.7A5.5 5.5 0 0 1 8 2.5zM3.7 4.6l7.7 7.7A5.5 5.5 0 0 1 3.7 4.6z';
/** A pause sign. */
export const suspendedIcon = 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM5.5 4.5h1.75v7H5.5zm3.25 0h1.75v7H8.75z';
/** A calendar page. */
export const notYetValidIcon = 'M2 3h12v12H2zm1.5 3.5v7h9v-7zM4.5 1H6v3H4.5zM10 1h1.5v3H10z';
/** A question mark. */
export const unknownIcon =
  'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 3a2.5 2.5 0 0 1 .8 4.9v1.1H7.2V7.6H8A1 1 0 1 0 7 6.5H5.5A2.5 2.5 0 0 1 8 4zm-.8 7h1.6v1.5H7.2z';
/** A cross. */
export const invalidIcon =
  'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM5.2 4.2 8 7l2.8-2.8 1 1L9 8l2.8 2.8-1 1L8 9l-2.8 2.8-1-1L7 8 4.2 5.2z';
/** A ring with a dash: nothing was checked yet. */
export const uncheckedIcon =
  'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM5 7.25h6v1.5H5z';
/** A filled circle with a dash: a check that does not apply (the verify button's list). */
export const skippedIcon = 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM4.5 7.25h7v1.5h-7z';

/** Every status's icon, and `skipped`'s (a check that does not apply, in the verify button's list). */
export const statusIcon: Record<Status | 'skipped', string> = {
  verified: verifiedIcon,
  revoked: revokedIcon,
  suspended: suspendedIcon,
  expired: expiredIcon,
  notYetValid: notYetValidIcon,
  unknown: unknownIcon,
  invalid: invalidIcon,
  unchecked: uncheckedIcon,
  skipped: skippedIcon,
};

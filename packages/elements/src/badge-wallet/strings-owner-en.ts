/**
 * English strings of `<mc-badge-wallet editable>` only: import and its results, curation, the
 * owner's identity and the stored wallet's alerts (the source of its keys; every language must
 * match at compile time). Loaded in owner mode only, so a visitor's wallet never downloads them.
 */
export const walletOwnerEn = {
  storageError: 'This browser does not allow saving here, so nothing can be kept after you leave.',
  readOnly:
    'This wallet was saved by a newer version of Microcred. It is shown read-only here: importing and changes are turned off. Open it with that version to change it.',
  closedElsewhere:
    'This wallet was opened by a newer version of Microcred in another tab. Reload this page to keep using it.',
  unreadableOne: '1 saved credential could not be read. It is kept as it was, but it cannot be shown.',
  unreadable:
    '{n} saved credentials could not be read. They are kept as they were, but they cannot be shown.',
  importInterrupted:
    'Your last import was interrupted (the page was closed or reloaded before it finished), and nothing from it was saved. Please import those credentials again.',
  saveFailed: 'Your last change could not be saved in this browser.',
  emptyOwner: 'Your wallet is empty. Import badges from files, links or pasted text.',
  feature: 'Feature',
  hide: 'Hide from visitors',
  hideShort: 'Hide',
  moveEarlier: 'Move earlier',
  moveLater: 'Move later',
  remove: 'Remove',
  confirmRemove: 'Confirm remove',
  removed: '{name} was removed.',
  import: 'Import',
  importTitle: 'Import credentials',
  paste: 'Paste JSON or a signed credential (JWS)',
  url: 'Or the address of a credential',
  files: 'Or choose files: baked badge images (PNG, SVG), JSON, JWS or a wallet file',
  drop: 'Drop files here to import them',
  importButton: 'Import these',
  importing: 'Importing {count}…',
  importDone: '{imported} imported, {duplicate} already in the wallet, {failed} not imported.',
  importNotKept:
    '{imported} imported for this visit only: this browser does not allow saving, so they will be gone when you leave.',
  importNotSaved: 'Nothing was imported: the wallet could not be saved, and it was left exactly as it was.',
  'result.imported': 'Imported',
  'result.duplicate': 'Already in the wallet',
  'result.not-a-credential': 'Not a credential',
  'result.unreadable-image': 'Unreadable image',
  'result.no-badge': 'This image has no badge inside',
  'result.unsupported-version': 'Unsupported version (for example Open Badges 1.0)',
  'result.unreadable': 'Damaged or cut short: it could not be read',
  'result.too-large': 'Too large',
  'result.download-failed': 'Could not be downloaded',
  'result.not-saved': 'Not saved (nothing was changed)',
  pasted: 'Pasted text',
  exportWallet: 'Export wallet',
  manage: 'Manage',
  owner: 'This wallet belongs to (your email or web address)',
  ownerSave: 'Save',
  ownerSaved: 'Saved: each import is checked against {owner}.',
  ownerNone: 'Saved: imports are not checked against an owner.',
  'result.elsewhere': 'Imported — awarded to someone else, not to {owner}',
  importElsewhere: 'Awarded to someone else: {n}.',
};

/** A key of the owner wallet's strings. */
export type WalletOwnerStringKey = keyof typeof walletOwnerEn;
/** A complete translation of the owner wallet's strings. */
export type WalletOwnerStrings = Record<WalletOwnerStringKey, string>;

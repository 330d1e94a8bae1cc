import { css } from 'lit';
import tokens from '../internal/tokens.styles.js';

/** The wallet's styles, after the shared tokens. */
export default [
  tokens,
  css`
    .base {
      --_warning: var(--mc-color-warning, light-dark(#8a5a00, #f5c46b));
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      container: mc-wallet / inline-size;
    }

    .toolbar {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.75);
    }
    /* Search and the menus: equal columns that wrap as the wallet narrows; search takes two. */
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 8rem), 1fr));
      gap: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
      align-items: end;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-inline-size: 0;
    }
    .search {
      grid-column: span 2;
    }
    @container mc-wallet (max-width: 18rem) {
      .search {
        grid-column: auto;
      }
    }
    .field input,
    .field select {
      inline-size: 100%;
      min-block-size: 2.375rem;
    }
    input,
    select,
    textarea,
    button,
    summary,
    .button {
      font: inherit;
      color: inherit;
      box-sizing: border-box;
      max-inline-size: 100%;
      padding: 0.375rem 0.625rem;
      /* A control's boundary needs 3:1 against the page (WCAG 1.4.11), as the catalog's fields. */
      border: 1px solid color-mix(in srgb, currentColor 60%, transparent);
      border-radius: calc(var(--_radius) * 0.75);
      background: transparent;
    }
    textarea {
      inline-size: 100%;
      font-family: ui-monospace, monospace;
      font-size: 0.875em;
    }
    button,
    summary,
    .button {
      cursor: pointer;
      text-decoration: none;
      display: inline-block;
    }
    button[aria-pressed='true'] {
      border-color: currentColor;
      font-weight: 700;
    }
    button[disabled] {
      cursor: default;
      opacity: 0.6;
    }
    :focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .wallet-actions,
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    /* The wallet's actions (import, verify all, export) come first, on their own row; Import is the main one. */
    .import-button {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--mc-color-surface, Canvas);
      font-weight: 600;
    }

    .status:empty {
      display: none;
    }
    .status,
    .error,
    h1,
    h2,
    h3,
    h4,
    h5,
    h6,
    p {
      margin: 0;
    }
    h1,
    h2,
    h3,
    h4,
    h5,
    h6 {
      font-size: 1.125em;
    }
    .count {
      font-weight: 400;
    }
    .error {
      color: var(--_danger);
    }

    .grid {
      display: grid;
      grid-template-columns: repeat(
        auto-fill,
        minmax(min(100%, var(--mc-badge-wallet-tile-min, 16rem)), 1fr)
      );
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .cell {
      display: flex;
    }
    .virtual {
      inline-size: 100%;
    }
    .row {
      inline-size: 100%;
      padding-block-end: var(--_space);
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(var(--_cols, 1), minmax(0, 1fr));
      gap: var(--_space);
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      inline-size: 100%;
    }
    .tile mc-credential-card {
      flex: 1;
    }
    /* The status chip says "Expired"; the card's own flag would say it a second time. */
    .tile mc-credential-card::part(expired) {
      display: none;
    }
    .is-hidden {
      opacity: 0.75;
    }
    .marks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      margin: 0;
      font-size: 0.875em;
    }
    .chip,
    .mark {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 1rem;
    }
    /* One tone per status beside its own icon and words (revoked and expired differ in all three). */
    .chip {
      border-color: var(--_tone, var(--_border));
    }
    .chip .icon {
      fill: var(--_tone, currentColor);
    }
    .verified {
      --_tone: var(--_success);
    }
    .revoked,
    .invalid {
      --_tone: var(--_danger);
    }
    .expired,
    .suspended,
    .notYetValid,
    .unknown {
      --_tone: var(--_warning);
    }
    .icon {
      inline-size: 1em;
      block-size: 1em;
      fill: currentColor;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      font-size: 0.875em;
    }
    /* An owner tile's Manage disclosure: its actions on a row of their own when open. */
    .manage[open] {
      flex-basis: 100%;
    }
    .manage-actions,
    .owner {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.25rem 0.5rem;
      margin-block: 0.25rem;
    }
    /* Move earlier / later: a pair of arrow buttons (named in words for assistive technology and in a tooltip). */
    .moves {
      display: inline-flex;
      gap: 0.25rem;
    }
    .move {
      min-inline-size: 2.25em;
    }
    .move .icon {
      vertical-align: -0.125em;
    }
    .move.later .icon,
    .move:dir(rtl) .icon {
      transform: scaleX(-1);
    }
    .move.later:dir(rtl) .icon {
      transform: none;
    }
    .danger {
      border-color: var(--_danger);
    }

    dialog {
      box-sizing: border-box;
      inline-size: min(48rem, calc(100vw - 2rem));
      max-block-size: calc(100vh - 2rem);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--mc-color-surface, Canvas);
      color: inherit;
      /* Addresses, file names and embed code break anywhere rather than widen a narrow screen. */
      overflow-wrap: anywhere;
    }
    .dialog-head {
      display: flex;
      justify-content: space-between;
      align-items: start;
      gap: var(--_space);
      margin-block-end: var(--_space);
    }
    /* "Close" never breaks mid-word (the dialog's overflow-wrap: anywhere would let it shrink). */
    .close {
      flex: none;
      margin-inline-start: auto;
    }
    .import,
    .details,
    .share,
    .export {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.75);
    }
    .details {
      gap: calc(var(--_space) * 1.5);
    }
    .hint {
      padding: var(--_space);
      border: 2px dashed var(--_accent);
      border-radius: var(--_radius);
    }
    .results {
      margin: var(--_space) 0 0;
      padding-inline-start: 1.25rem;
    }
    .results .bad strong {
      color: var(--_danger);
    }
    .results li > * + * {
      margin-inline-start: 0.5rem;
    }
    .qr {
      inline-size: 10rem;
      block-size: 10rem;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    /* Print: the credentials only (no controls), whole tiles per page; with a credential open, just it. */
    @media print {
      .toolbar,
      .actions,
      .status,
      .hint,
      .share,
      .export,
      button,
      .button,
      .qr,
      textarea {
        display: none;
      }
      .grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .tile,
      .row {
        break-inside: avoid;
      }
      .is-hidden {
        opacity: 1;
      }
      .chip,
      .mark {
        border-color: currentColor;
      }
      .base:has(dialog[open]) > :not(dialog) {
        display: none;
      }
      /* A modal dialog is fixed (repeated on every printed page); top-layer boxes cannot be static. */
      dialog[open] {
        position: absolute;
        inset-block-start: 0;
        inset-inline-start: 0;
        margin: 0;
        inline-size: auto;
        max-block-size: none;
        padding: 0;
        border: 0;
        overflow: visible;
      }
      dialog::backdrop {
        display: none;
      }
    }

    @media (forced-colors: active) {
      .chip,
      .mark,
      dialog,
      button,
      .button {
        border-color: CanvasText;
      }
      .chip:not(.unchecked, .checking) {
        border-width: 2px;
      }
      .chip .icon {
        fill: CanvasText;
      }
      .hint {
        border-color: Highlight;
      }
      :focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];

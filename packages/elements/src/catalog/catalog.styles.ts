import { css } from 'lit';
import tokens from '../internal/tokens.styles.js';

/** The catalog's styles, after the shared tokens. */
export default [
  tokens,
  css`
    .base {
      --_on-accent: var(--mc-color-on-accent, light-dark(#ffffff, #0b1d33));
      container: mc-catalog / inline-size;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: end;
      margin-block-end: var(--_space);
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    .search-field {
      flex: 1 1 16rem;
    }
    .hint {
      font-size: 0.875em;
    }
    input[type='search'],
    select {
      font: inherit;
      color: inherit;
      background: transparent;
      min-block-size: 2.75rem;
      box-sizing: border-box;
      padding-inline: 0.5rem;
      border: 1px solid color-mix(in srgb, currentColor 60%, transparent);
      border-radius: calc(var(--_radius) / 2);
      inline-size: 100%;
    }
    select option {
      color: CanvasText;
      background: Canvas;
    }
    :focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }

    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
    }
    /* Narrow (the catalog's own width: it may sit in a column), the filters are a closed disclosure. */
    @container mc-catalog (width < 48rem) {
      .filters:has([aria-expanded='false']) #facets,
      .title {
        display: none;
      }
    }
    @container mc-catalog (min-width: 48rem) {
      .layout {
        grid-template-columns: 14rem minmax(0, 1fr);
      }
      .filters [aria-expanded] {
        display: none;
      }
    }

    #filters-title {
      font-size: 1em;
      margin: 0 0 0.5rem;
    }
    .facet {
      border: 0;
      border-block-start: 1px solid var(--_border);
      margin: 0;
      padding: 0.5rem 0;
    }
    .facet legend {
      font-weight: 600;
      padding: 0;
    }
    .facet ul {
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0;
    }
    .facet li {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-block-size: 1.75rem;
    }
    /* A value in its own direction: a grade band "3–5" reads 3–5 on a right-to-left page too. */
    .facet-value {
      unicode-bidi: plaintext;
    }
    .facet input {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      margin: 0;
      flex: none;
      accent-color: var(--_accent);
    }

    .count {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--mc-catalog-columns-min, 16rem)), 1fr));
      gap: var(--_space);
    }
    .item {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      min-inline-size: 0;
    }
    .item mc-credential-card {
      flex: 1;
    }

    .button,
    .details-button,
    .more {
      font: inherit;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-block-size: 2.75rem;
      padding: 0.25rem 1rem;
      border-radius: calc(var(--_radius) / 2);
      border: 1px solid currentColor;
      color: inherit;
      background: transparent;
      cursor: pointer;
      text-decoration: none;
      box-sizing: border-box;
    }
    .register {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: var(--_accent);
      font-weight: 600;
    }
    .more {
      margin-block-start: var(--_space);
    }
    .link-button {
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      padding: 0.5rem 0;
      text-decoration: underline;
      cursor: pointer;
    }

    .empty {
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .empty p {
      margin: 0 0 0.5rem;
    }
    .error {
      padding: var(--_space);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
    }
    .loading {
      margin: 0;
    }

    .dialog {
      inline-size: min(48rem, calc(100vw - 2rem));
      max-block-size: calc(100dvh - 2rem);
      box-sizing: border-box;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      color: CanvasText;
      background: var(--mc-color-surface, Canvas);
    }
    .dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    .dialog-bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: end;
      margin-block-end: var(--_space);
    }
    .facts-panel {
      margin-block-start: var(--_space);
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.5rem var(--_space);
      margin: 0 0 var(--_space);
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    .evidence {
      padding-inline-start: 1.25rem;
    }
    .tag {
      font-size: 0.875em;
      padding-inline: 0.375rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
    }
    .register-row {
      margin-block: var(--_space) 0;
    }

    @media (prefers-reduced-motion: no-preference) {
      .button,
      .details-button {
        transition: background-color 0.15s;
      }
    }

    @media print {
      .toolbar,
      .filters,
      .details-button,
      .more,
      .print-hide {
        display: none !important;
      }
      :host(:state(dialog-open)) .layout {
        display: none;
      }
      .dialog {
        position: static;
        inline-size: auto;
        max-block-size: none;
        border: 0;
        padding: 0;
      }
      .dialog::backdrop {
        display: none;
      }
      .list {
        display: block;
      }
      .item {
        break-inside: avoid;
        margin-block-end: 0.5rem;
      }
      .register::after {
        content: ' — ' attr(href);
        font-weight: 400;
      }
      .register {
        color: inherit;
        background: none;
      }
    }

    @media (forced-colors: active) {
      .register {
        forced-color-adjust: none;
        background: LinkText;
        color: Canvas;
        border-color: LinkText;
      }
      :focus-visible {
        outline-color: Highlight;
      }
      .error {
        border-color: CanvasText;
      }
    }
  `,
];

import { css } from 'lit';
import tokens from '../internal/tokens.styles.js';

/** The card's styles, after the shared tokens. */
export default [
  tokens,
  css`
    .base {
      --_image-size: var(--mc-credential-card-image-size, 6rem);
      container: mc-card / inline-size;
      box-sizing: border-box;
      block-size: 100%;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-block-start: 0.25rem solid var(--_accent);
      border-radius: var(--_radius);
      /* No fallback: unset, the background is transparent (its initial value). */
      background: var(--mc-color-surface);
      overflow-wrap: anywhere;
    }
    .empty {
      border: 0;
      padding: 0;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 0.75) var(--_space);
      align-items: start;
    }
    :host([variant='compact']) .base {
      --_image-size: var(--mc-credential-card-image-size, 3.5rem);
      padding: calc(var(--_space) * 0.75);
    }
    .main:first-child {
      grid-column: 1 / -1;
    }
    :host([variant='compact']) .layout {
      grid-template-columns: var(--_image-size) minmax(0, 1fr);
    }

    .image {
      display: block;
      box-sizing: border-box;
      inline-size: var(--_image-size);
      aspect-ratio: 1;
      object-fit: contain;
    }
    .monogram {
      display: grid;
      place-items: center;
      border: 1px solid var(--_border);
      border-radius: 50%;
      font-size: calc(var(--_image-size) * 0.35);
      font-weight: 700;
      letter-spacing: 0.05em;
    }

    .main {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.5);
      min-inline-size: 0;
    }

    h1,
    h2,
    h3,
    h4,
    h5,
    h6,
    p,
    dl,
    dd {
      margin: 0;
    }
    [part='name'] {
      font-size: 1.25em;
      line-height: 1.25;
    }
    :host([variant='compact']) [part='name'] {
      font-size: 1.05em;
    }

    .type {
      font-size: 0.875em;
      font-weight: 600;
      letter-spacing: 0.02em;
    }
    .type::before {
      content: '';
      display: inline-block;
      inline-size: 0.5em;
      block-size: 0.5em;
      margin-inline-end: 0.4em;
      border-radius: 50%;
      background: var(--_accent);
    }

    .flag {
      display: flex;
      gap: 0.4em;
      align-items: flex-start;
      border: 2px solid var(--_danger);
      border-radius: calc(var(--_radius) / 2);
      inline-size: fit-content;
      padding: 0.15em 0.5em;
      font-weight: 600;
    }
    .icon {
      flex: none;
      inline-size: 1.1em;
      block-size: 1.1em;
      margin-block-start: 0.2em;
      fill: var(--_danger);
    }

    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.25) calc(var(--_space) * 1.25);
    }
    .facts dt {
      font-size: 0.8125em;
      font-weight: 600;
    }
    a {
      color: inherit;
      text-underline-offset: 0.15em;
    }
    a:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
      border-radius: 2px;
    }

    /* Wider containers: image beside the text, then details in two columns. */
    @container mc-card (min-width: 30rem) {
      .layout {
        grid-template-columns: var(--_image-size) minmax(0, 1fr);
      }
    }

    @media (forced-colors: active) {
      .base,
      .flag,
      .monogram {
        border-color: CanvasText;
      }
      .icon {
        fill: CanvasText;
      }
      .type::before {
        background: CanvasText;
      }
      a {
        color: LinkText;
      }
    }
  `,
];

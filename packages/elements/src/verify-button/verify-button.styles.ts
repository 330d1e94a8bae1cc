import { css } from 'lit';
import tokens from '../internal/tokens.styles.js';

/** The verify button's styles, after the shared tokens. */
export default [
  tokens,
  css`
    .base {
      --_warning: var(--mc-color-warning, light-dark(#8a5a00, #f5c46b));
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: calc(var(--_space) * 0.5);
      overflow-wrap: anywhere;
    }
    p,
    ul {
      margin: 0;
    }

    .button {
      min-block-size: 2.75em;
      padding: 0.4em 1em;
      border: 2px solid currentColor;
      border-radius: var(--_radius);
      background: transparent;
      color: inherit;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .button[aria-disabled='true'] {
      cursor: progress;
    }
    .button:focus-visible,
    summary:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }

    .status:empty {
      display: none;
    }
    .progress,
    .summary {
      display: flex;
      gap: 0.4em;
      align-items: center;
    }
    .summary {
      inline-size: fit-content;
      padding: 0.15em 0.6em;
      border: 2px solid var(--_tone, var(--_warning));
      border-radius: calc(var(--_radius) / 2);
    }
    .verified,
    .passed {
      --_tone: var(--_success);
    }
    /* Expired and not yet valid keep the warning tone (and their own icons and words); revoked and suspended are danger (issue 13). */
    .revoked,
    .suspended,
    .invalid,
    .failed {
      --_tone: var(--_danger);
    }
    .skipped {
      --_tone: var(--_border);
    }
    .icon {
      flex: none;
      inline-size: 1.1em;
      block-size: 1.1em;
      fill: var(--_tone, var(--_warning));
    }
    .checked {
      font-size: 0.875em;
    }

    .checks summary {
      cursor: pointer;
      font-weight: 600;
    }
    ul {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.5);
      margin-block-start: calc(var(--_space) * 0.5);
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      list-style: none;
    }
    .check {
      display: flex;
      gap: 0.5em;
      align-items: flex-start;
    }
    .check .icon {
      margin-block-start: 0.2em;
    }
    .outcome {
      font-weight: 600;
    }

    .pulse {
      inline-size: 1em;
      block-size: 1em;
      border-radius: 50%;
      background: var(--_border);
      animation: mc-pulse 1.2s ease-in-out infinite alternate;
    }
    @keyframes mc-pulse {
      to {
        opacity: 0.3;
        transform: scale(0.7);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .pulse {
        animation: none;
      }
    }

    @media (forced-colors: active) {
      .button,
      .summary,
      ul {
        border-color: CanvasText;
      }
      .button {
        color: ButtonText;
        background: ButtonFace;
      }
      .icon {
        fill: CanvasText;
      }
      .pulse {
        background: CanvasText;
      }
    }
  `,
];

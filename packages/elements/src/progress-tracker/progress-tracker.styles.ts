import { css } from 'lit';
import tokens from '../internal/tokens.styles.js';

/** The tracker's styles, after the shared tokens. */
export default [
  tokens,
  css`
    .base {
      --_on-accent: var(--mc-color-on-accent, light-dark(#ffffff, #0b1d33));
      /* The tracker documents its own success and warning defaults. */
      --_success: var(--mc-color-success, light-dark(#1e6b34, #8fd19e));
      --_warning: var(--mc-color-warning, light-dark(#8a4b00, #ffb870));
      overflow-wrap: anywhere;
    }
    h1,
    h2,
    h3,
    h4,
    h5,
    h6 {
      font-size: 1.125em;
      margin: 0 0 0.5rem;
      line-height: 1.3;
    }
    .description,
    .summary {
      margin: 0 0 0.5rem;
    }
    .summary {
      font-weight: 600;
    }

    .bar {
      block-size: 0.75rem;
      border-radius: 999px;
      border: 1px solid var(--_border);
      background: color-mix(in srgb, currentColor 8%, transparent);
      overflow: hidden;
      margin-block-end: var(--_space);
    }
    .fill {
      display: block;
      block-size: 100%;
      background: var(--_accent);
    }

    .panel {
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-inline-start: 0.25rem solid var(--_accent);
      border-radius: var(--_radius);
      margin-block-end: var(--_space);
    }
    .panel p {
      margin: 0 0 0.25rem;
    }
    .complete {
      border-inline-start-color: var(--_success);
    }
    .next-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .action,
    .requirement-name {
      font: inherit;
      cursor: pointer;
    }
    .action {
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75rem;
      padding: 0.25rem 1rem;
      border-radius: calc(var(--_radius) / 2);
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
      text-decoration: none;
      box-sizing: border-box;
    }
    .requirement-name {
      color: inherit;
      background: none;
      border: 0;
      padding: 0.25rem 0;
      min-block-size: 2.75rem;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.2em;
      font-weight: 600;
    }
    :focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }

    .steps {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.5rem;
    }
    .nested {
      margin-block-start: 0.5rem;
      padding-inline-start: calc(var(--_space) * 1.25);
      border-inline-start: 2px solid var(--_border);
    }
    .step {
      padding-block: 0.25rem;
    }
    .step-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
    }
    .state {
      display: inline-flex;
      gap: 0.375rem;
      align-items: center;
      padding: 0.125rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
      font-size: 0.875em;
    }
    /* Unearned states keep full-contrast text: shape and words carry the meaning, never grey alone. */
    .step[data-state='not-started'] .state,
    .step[data-state='locked'] .state {
      border-style: dashed;
    }
    .icon {
      inline-size: 1rem;
      block-size: 1rem;
      flex: none;
      fill: currentColor;
    }
    .step[data-state='earned'] .icon {
      fill: var(--_success);
    }
    .step[data-state='returned'] .icon,
    .step[data-state='expired'] .icon,
    .step[data-state='suspended'] .icon,
    .step[data-state='not-yet-valid'] .icon {
      fill: var(--_warning);
    }
    .step[data-state='revoked'] .icon {
      fill: var(--_danger);
    }
    /* Sent and sent back point along the line of text: the other way right to left. */
    .step:is([data-state='submitted'], [data-state='returned']):dir(rtl) > .step-head .icon {
      transform: scaleX(-1);
    }
    .complete .icon {
      fill: var(--_success);
      vertical-align: -0.125em;
    }
    .group-count,
    .meta {
      font-size: 0.875em;
    }
    .meta {
      margin: 0.125rem 0 0;
    }
    .feedback {
      margin-block-start: 0.5rem;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-inline-start: 0.25rem solid var(--_warning);
      border-radius: var(--_radius);
    }
    .feedback p {
      margin: 0 0 0.5rem;
    }
    .levels {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0.25rem var(--_space);
      margin: 0;
    }
    .levels dt {
      font-weight: 600;
    }
    .levels dd {
      margin: 0;
    }
    .error {
      padding: var(--_space);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
    }

    .compact .compact-line {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem var(--_space);
      margin: 0 0 0.25rem;
    }
    .compact-name {
      font-weight: 600;
    }
    .compact .bar {
      margin-block-end: 0.5rem;
    }
    .compact-next {
      margin: 0;
    }
    .compact .summary {
      margin: 0;
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
    }

    @media (prefers-reduced-motion: no-preference) {
      .fill {
        transition: inline-size 0.3s ease-out;
      }
    }

    @media (forced-colors: active) {
      .fill {
        forced-color-adjust: none;
        background: Highlight;
      }
      .bar {
        border-color: CanvasText;
      }
      .action {
        forced-color-adjust: none;
        background: ButtonText;
        color: ButtonFace;
        border-color: ButtonText;
      }
      .icon,
      .step .icon {
        fill: CanvasText;
      }
      .panel,
      .feedback,
      .error {
        border-color: CanvasText;
      }
      :focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];

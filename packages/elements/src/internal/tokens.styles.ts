import { css } from 'lit';

/**
 * The design tokens every element shares, composed first into each element's styles (its
 * `*.styles.ts` exports `[tokens, css`…`]`). Each documented `--mc-*` custom property is read once,
 * here, with its default, into a private `--_*` variable on `:host` that the element's own sheet
 * uses (`var(--_accent)`), so a default is written in one place. Also the rules every element has:
 * `display: block`, `[hidden]`, and the base part's font. Only what all five elements need belongs
 * here: it is in the code every element loads first. An element whose documented default differs
 * (the progress tracker's success colour) sets its own variable in its own sheet. Each element keeps
 * its own `@media (forced-colors: active)` block (its sheet ends with it; none here).
 */
export default css`
  :host {
    display: block;
    --_space: var(--mc-space, 1rem);
    --_radius: var(--mc-radius, 0.5rem);
    --_border: var(--mc-color-border, color-mix(in srgb, currentColor 25%, transparent));
    --_accent: var(--mc-color-accent, light-dark(#1f5fa6, #8ab4f8));
    --_success: var(--mc-color-success, light-dark(#1b6e3a, #8fd6a5));
    --_danger: var(--mc-color-danger, light-dark(#b3261e, #f2b8b5));
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    font-family: var(--mc-font-family, inherit);
    line-height: 1.5;
  }
`;

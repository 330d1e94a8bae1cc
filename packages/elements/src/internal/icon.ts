import { html, type TemplateResult } from 'lit';

/**
 * A 16 × 16 icon from one SVG path, hidden from assistive technology: Microcred never shows an icon
 * without words beside it. Every element draws its icons with this one helper.
 */
export const icon = (d: string): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d=${d} /></svg>`;

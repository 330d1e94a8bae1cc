/**
 * The generated Svelte typings (`@microcred/elements/svelte`) against Svelte 5's own
 * `svelte/elements`: what a `.svelte` file's markup is checked against (svelte-check uses
 * `SvelteHTMLElements`). Type-checked by vue-tsc with test/vendor/tsconfig.json; never run.
 */
import type {} from '@microcred/elements/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';

type Card = SvelteHTMLElements['mc-credential-card'];
type Button = SvelteHTMLElements['mc-verify-button'];

export const card: Card = {
  credential: { name: 'x' },
  'heading-level': '2',
  variant: 'compact',
  class: 'badge',
  'onmc-load': (event) => event.view.name,
  'on:mc-error': (event) => event.error.code,
};
export const button: Button = { slot: 'status', 'onmc-verified': (event) => event.outcome };

// @ts-expect-error headingLevel is a number
export const wrongLevel: Card = { headingLevel: 'two' };
// @ts-expect-error an mc-load handler gets McLoadEvent, which has no outcome
export const wrongEvent: Card = { 'onmc-load': (event) => event.outcome };

/**
 * Mounts test/vendor/VueApp.vue with Vue's runtime-only build. Its template is compiled ahead of
 * time, as a bundler does, with `isCustomElement: (tag) => tag.startsWith('mc-')` (the Microcred
 * tags are custom elements, not Vue components; scripts/wtr/plugins.mjs, vendorAppPlugin).
 */
import '@microcred/elements/define.js';
import type { VerifyOutcome } from '@microcred/elements';
import { createApp, h, type App } from 'vue';
import VueApp from './VueApp.vue';

/** What the test gives the app, and hears back from it. */
export interface VueAppProps {
  credential: Record<string, unknown>;
  now: Date;
  fetch: typeof globalThis.fetch;
  onLoaded(name: string): void;
  onVerified(outcome: VerifyOutcome): void;
}

/** Renders the app into `host`; returns it (unmount it after). */
export function mountVueApp(host: HTMLElement, props: VueAppProps): App {
  const app = createApp({ render: () => h(VueApp, props) });
  app.mount(host);
  return app;
}

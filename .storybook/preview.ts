/// <reference types="vite/client" />
// Storybook preview for the Microcred elements: controls and argTypes come from the Custom Elements
// Manifest (generated from the elements' JSDoc by `node scripts/manifest.mjs`), and a "Locale"
// toolbar switches every story between English and Spanish live by setting `lang` on the story root.
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';

// The manifest is generated, so it may be absent (a fresh checkout before the first `npm test`);
// import.meta.glob yields nothing then, and the stories still render (without manifest controls).
const manifests = import.meta.glob<{ default: object }>('../packages/elements/custom-elements.json', {
  eager: true,
});
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

export type Locale = 'en' | 'es';

/** Sets `lang` on the story root (and the document) from the locale global. Adds no UI. */
const withLocale: Decorator = (story, context) => {
  const locale: Locale = context.globals['locale'] === 'es' ? 'es' : 'en';
  document.documentElement.lang = locale;
  context.canvasElement.lang = locale;
  return story();
};

const preview: Preview = {
  decorators: [withLocale],
  globalTypes: {
    locale: {
      description: 'Language of the elements (sets lang on the story root)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'es', title: 'Español', right: 'es' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
  },
};

export default preview;

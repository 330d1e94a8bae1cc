/// <reference types="vite/client" />
// Storybook preview for the Microcred elements: controls and argTypes come from the Custom Elements
// Manifest (generated from the elements' JSDoc by `node scripts/manifest.mjs`), and a "Locale"
// toolbar switches every story between English, Spanish, Arabic (right to left), Simplified Chinese and Vietnamese live by setting `lang` on the story root.
import type { Decorator, Preview, WebComponentsRenderer } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';

interface ManifestMember {
  kind?: string;
  name?: string;
  static?: boolean;
  privacy?: string;
}
interface Manifest {
  modules?: { declarations?: { members?: ManifestMember[] }[] }[];
}

/**
 * The public API only: Storybook turns every manifest member into a control, private and static
 * fields (internal state, the package version) and methods included; keep public instance fields.
 */
function publicApi(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (m) =>
            m.kind === 'field' &&
            !m.static &&
            m.privacy !== 'private' &&
            m.privacy !== 'protected' &&
            !m.name?.startsWith('_'),
        ),
      })),
    })),
  };
}

// The manifest is generated, so it may be absent (a fresh checkout before the first `npm test`);
// import.meta.glob yields nothing then, and the stories still render (without manifest controls).
const manifests = import.meta.glob<{ default: Manifest }>('../packages/elements/custom-elements.json', {
  eager: true,
});
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(publicApi(manifest));

/**
 * Controls for what the manifest documents but a story cannot set as an arg: `--mc-*` tokens get a
 * text (or color) control, which stories apply as inline custom properties; parts, slots and events
 * stay in the table as documentation, without a control.
 */
const manifestControls: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (category === 'css custom properties') {
        return [name, { ...argType, control: name.startsWith('--mc-color-') ? 'color' : 'text' }];
      }
      if (category === 'css shadow parts' || category === 'slots' || category === 'events') {
        return [name, { ...argType, control: false }];
      }
      return [name, argType];
    }),
  );

export type Locale = 'en' | 'es' | 'ar' | 'zh-Hans' | 'vi';
const locales: Locale[] = ['en', 'es', 'ar', 'zh-Hans', 'vi'];

/**
 * Sets `lang` on the story root (and the document) from the locale global, and `dir="rtl"` for
 * Arabic (the elements take their direction from the page). Adds no UI.
 */
const withLocale: Decorator = (story, context) => {
  const locale = locales.find((l) => l === context.globals['locale']) ?? 'en';
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  context.canvasElement.lang = locale;
  context.canvasElement.dir = dir;
  return story();
};

const preview: Preview = {
  decorators: [withLocale],
  argTypesEnhancers: [manifestControls],
  globalTypes: {
    locale: {
      description: 'Language of the elements (sets lang on the story root)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'es', title: 'Español', right: 'es' },
          { value: 'ar', title: 'العربية', right: 'ar' },
          { value: 'zh-Hans', title: '简体中文', right: 'zh-Hans' },
          { value: 'vi', title: 'Tiếng Việt', right: 'vi' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
    options: { storySort: { order: ['Introduction', 'Elements'] } },
  },
};

export default preview;

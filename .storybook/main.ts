// Storybook 10 for the Microcred elements. Set up by hand (never `storybook init/add`: they try to
// install browsers). Storybook uses its own tiny Vite config (.storybook/vite.config.ts), not the
// root vite.config.ts, which serves the demo from `root: 'demo'` and has custom build modes.
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) },
    },
  },
  core: { disableTelemetry: true },
};

export default config;

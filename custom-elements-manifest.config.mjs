// Custom Elements Manifest, generated from the elements' JSDoc. Feeds Storybook's controls and the
// API tables in packages/elements/README.md (scripts/manifest.mjs).
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: [
    'packages/elements/src/**/*.styles.ts',
    'packages/elements/src/i18n/**',
    'packages/elements/src/markdown/**',
  ],
  outdir: 'packages/elements',
  litelement: true,
  dev: false,
};

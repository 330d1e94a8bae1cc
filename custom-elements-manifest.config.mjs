// Custom Elements Manifest, generated from the elements' JSDoc by `npm run build` (scripts/build.mjs)
// and shipped in @microcred/elements. Feeds Storybook's controls and the API tables in
// packages/elements/README.md (scripts/manifest.mjs checks it).
//
// The sources are analysed, but the manifest describes the package as published: every module path
// is the shipped `dist/<path>.js` (package-relative), and each `mc-<name>.js` module carries a
// `custom-element-definition` export for the tag it registers with `defineElement()` (which the
// analyzer does not know: it only recognises `customElements.define()`).
import { posix } from 'node:path';

const SRC = 'packages/elements/src/';

/** `packages/elements/src/a/b.ts` (or `/packages/…/b.js`) → `dist/a/b.js`; other paths unchanged. */
export function distPath(path) {
  const rel = path.replace(/^\/+/, '');
  return rel.startsWith(SRC) ? `dist/${rel.slice(SRC.length).replace(/\.ts$/, '.js')}` : path;
}

/** Adds `custom-element-definition` exports for `defineElement('mc-x', Class)` calls. */
function defineElementCalls() {
  return {
    name: 'microcred-define-element',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !klass || !ts.isIdentifier(klass)) return;
      const imported = (context.imports ?? []).find((i) => i.name === klass.text && !i.isTypeOnly);
      const module =
        imported && !imported.isBareModuleSpecifier
          ? posix.join(posix.dirname(moduleDoc.path), imported.importPath)
          : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
      ];
    },
    moduleLinkPhase({ moduleDoc }) {
      // `export { Class }` of the class it registers: the analyzer points it at this module, but it
      // is the declaring module's class, re-exported.
      const exports = moduleDoc.exports ?? [];
      for (const d of exports.filter((e) => e.kind === 'custom-element-definition')) {
        for (const e of exports) {
          if (e.kind === 'js' && e.name === d.declaration.name && e.declaration?.module === moduleDoc.path)
            e.declaration.module = d.declaration.module;
        }
      }
    },
  };
}

/**
 * Rewrites every source path of the manifest to the shipped `dist/*.js` file (relative module
 * references, such as `./types.js`, are first resolved against their module).
 */
function shippedPaths() {
  const walk = (value, base) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, base));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof v === 'string')
          value[key] = distPath(/^\.\.?\//.test(v) ? posix.join(posix.dirname(base), v) : v);
        else walk(v, base);
      }
    }
  };
  return {
    name: 'microcred-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) walk(module, module.path);
    },
  };
}

/**
 * Leaves ES private members (`#name`) out: they are no part of the element's API, and templates and
 * lazy chunks get a narrow context instead of the element, so its internals can be private.
 */
function noEsPrivate() {
  return {
    name: 'microcred-no-es-private',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules)
        for (const d of module.declarations ?? [])
          if (d.members) d.members = d.members.filter((m) => !m.name.startsWith('#'));
    },
  };
}

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
  plugins: [defineElementCalls(), shippedPaths(), noEsPrivate()],
};

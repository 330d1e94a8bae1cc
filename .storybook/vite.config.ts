// Vite config for Storybook only (see main.ts): resolves @microcred/* to the package sources, so
// stories never need a build, and serves the sample credentials of stories/fixtures as JSON at
// /mc-fixtures/<name>.json (dev middleware and emitted files in the static build), so stories that
// load a credential by `src` fetch it from the same origin and never from the network.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { servedFixtures } from '../stories/fixtures/served.js';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));

/** Serves every fixture in `servedFixtures` at /mc-fixtures/<name>.json. */
function fixturesPlugin(): Plugin {
  const body = (name: string): string | undefined => {
    const value = servedFixtures[name];
    return value === undefined ? undefined : JSON.stringify(value, null, 2);
  };
  return {
    name: 'mc-story-fixtures',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith('/mc-fixtures/')) return next();
        const name = /^\/mc-fixtures\/([a-z0-9-]+)\.json$/.exec(path)?.[1];
        const json = name ? body(name) : undefined;
        // Like the static build: anything else under /mc-fixtures/ is a 404 (no SPA fallback).
        res.statusCode = json === undefined ? 404 : 200;
        res.setHeader('Content-Type', json === undefined ? 'text/plain' : 'application/json');
        res.end(json ?? 'Not found');
      });
    },
    generateBundle() {
      for (const name of Object.keys(servedFixtures)) {
        this.emitFile({ type: 'asset', fileName: `mc-fixtures/${name}.json`, source: body(name) ?? '' });
      }
    },
  };
}

/**
 * Keeps the registering modules (`packages/elements/src/define.ts` and `src/<name>/mc-<name>.ts`):
 * the elements' package.json#sideEffects names their `dist/` files only, so without this the
 * bundler treats the source files as side-effect free and drops `import '…/mc-credential-card.js'`,
 * leaving the tag undefined in the static build.
 */
function registrationSideEffectsPlugin(): Plugin {
  const registering = /[\\/]packages[\\/]elements[\\/]src[\\/](?:define|[a-z-]+[\\/]mc-[a-z-]+)\.ts$/;
  return {
    name: 'mc-registration-side-effects',
    transform(code, id) {
      return registering.test(id) ? { code, map: null, moduleSideEffects: true } : undefined;
    },
  };
}

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@microcred\/(core|elements)$/, replacement: `${packages}$1/src/index.ts` },
      // The published `@microcred/elements/mc-<name>.js` entry points (package.json#exports).
      {
        find: /^@microcred\/elements\/mc-([a-z-]+)\.js$/,
        replacement: `${packages}elements/src/$1/mc-$1.ts`,
      },
      { find: /^@microcred\/(core|elements)\/(.+)\.js$/, replacement: `${packages}$1/src/$2.ts` },
      { find: /^@microcred\/(core|elements)\/(.+)$/, replacement: `${packages}$1/src/$2` },
    ],
  },
  plugins: [fixturesPlugin(), registrationSideEffectsPlugin()],
});

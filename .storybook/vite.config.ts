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
        const m = /^\/mc-fixtures\/([a-z0-9-]+)\.json(?:\?.*)?$/.exec(req.url ?? '');
        const json = m?.[1] ? body(m[1]) : undefined;
        if (json === undefined) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(json);
      });
    },
    generateBundle() {
      for (const name of Object.keys(servedFixtures)) {
        this.emitFile({ type: 'asset', fileName: `mc-fixtures/${name}.json`, source: body(name) ?? '' });
      }
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
  plugins: [fixturesPlugin()],
});

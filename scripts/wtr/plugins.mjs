// web-test-runner / dev-server plugins shared by the test configs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
/** Where the public test vectors live: $MC_VECTORS, else ../shared/vectors beside the repo. */
export const vectorsDir = process.env.MC_VECTORS || resolve(repoRoot, '../shared/vectors');

const types = {
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.jwt': 'text/plain',
};

/** Koa middleware serving ../shared/vectors read-only at /vectors/ (404 for anything missing or outside it). */
export async function vectorsMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/vectors/')) return next();
  const rel = decodeURIComponent(ctx.path.slice('/vectors/'.length));
  const file = resolve(vectorsDir, rel);
  if (!file.startsWith(vectorsDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    ctx.status = 404;
    ctx.body = 'Not found';
    return;
  }
  ctx.type = types[extname(file)] ?? 'application/octet-stream';
  ctx.body = readFileSync(file);
}

const aliases = {
  '@microcred/core': '/packages/core/src/index.ts',
  '@microcred/elements': '/packages/elements/src/index.ts',
};

/** Resolves @microcred/* bare imports to package sources, so tests never need a build. */
export function sourceAliasPlugin() {
  return {
    name: 'mc-source-alias',
    resolveImport({ source }) {
      if (source in aliases) return aliases[source];
      const m = /^@microcred\/(core|elements)\/(.+)$/.exec(source);
      if (m) return `/packages/${m[1]}/src/${m[2].replace(/\.js$/, '.ts')}`;
      return undefined;
    },
  };
}

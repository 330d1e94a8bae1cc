// Shared by the browser benchmarks (catalog/tracker, wallet): bundles a bench page module with
// esbuild (package sources aliased, code splitting, minified like a production build) into a temp
// folder, serves it from 127.0.0.1, and cleans up on close.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Builds `entry` (a path under scripts/bench) into a page and serves it.
 * @returns {Promise<{ url: string, close: () => void }>} the page's URL and a cleanup function
 */
export async function servePage(entry, title) {
  const out = mkdtempSync(join(tmpdir(), 'mc-bench-'));
  try {
    await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      outdir: out,
      entryNames: '[name]',
      tsconfig: join(root, 'tsconfig.json'),
      alias: {
        '@microcred/core': join(root, 'packages/core/src/index.ts'),
        '@microcred/elements': join(root, 'packages/elements/src/index.ts'),
      },
      plugins: [
        {
          name: 'mc-deep-imports',
          setup(b) {
            b.onResolve({ filter: /^@microcred\/(core|elements)\/.+\.js$/ }, (args) => {
              const [, pkg, rest] = /^@microcred\/(core|elements)\/(.+)\.js$/.exec(args.path);
              return { path: join(root, 'packages', pkg, 'src', `${rest}.ts`) };
            });
          },
        },
      ],
      define: { 'process.env.NODE_DEBUG': 'false', global: 'globalThis' },
      logLevel: 'error',
    });
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  const script = `${basename(entry).replace(/\.[mc]?[jt]s$/, '')}.js`;
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><script type="module" src="./${script}"></script></html>`,
  );
  const server = createServer((req, res) => {
    const path = join(
      out,
      decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html',
    );
    if (!path.startsWith(out)) return res.writeHead(403).end();
    try {
      const body = readFileSync(path);
      res
        .writeHead(200, { 'content-type': extname(path) === '.html' ? 'text/html' : 'text/javascript' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/index.html`,
    close() {
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

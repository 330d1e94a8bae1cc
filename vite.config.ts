/**
 * One Vite config, three jobs (chosen with `--mode`):
 *
 * - default (`npm start`, `vite`): serves the demo from `demo/` with the package sources aliased in
 *   and the public test vectors (`../shared/vectors`) at `/vectors/`.
 * - `--mode core` / `--mode elements` / `--mode react`: the library builds. Unbundled ESM (one output file per source
 *   module), dependencies external, into `packages/<name>/dist`. Declarations come from `tsc`
 *   (scripts/build.mjs).
 * - `--mode embed`: the only bundled artefact. Minified, self-contained ESM in `packages/embed/dist`:
 *   `microcred.js` (registers every element), `autoloader.js` (defines elements when they first
 *   appear) and one entry per element; shared code and lazy parts (Markdown, later the verifier) are
 *   chunks. Its Vite manifest feeds `npm run size` (scripts/build.mjs moves it out of dist).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyTemplatesPlugin } from './scripts/vite/minify-templates.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (pkg: string, file = '') => resolve(root, 'packages', pkg, 'src', file);

/** Where the public test vectors live: $MC_VECTORS, else ../shared/vectors beside the repo. */
const vectorsDir = process.env.MC_VECTORS || resolve(root, '../shared/vectors');

/** `@microcred/<pkg>` and `@microcred/<pkg>/<path>.js` → package sources. */
const sourceAliases = [
  { find: /^@microcred\/(core|elements)$/, replacement: resolve(root, 'packages/$1/src/index.ts') },
  { find: /^@microcred\/(core|elements)\/(.+)\.js$/, replacement: resolve(root, 'packages/$1/src/$2.ts') },
];

const mime: Record<string, string> = {
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.jwt': 'text/plain; charset=utf-8',
};

/** Serves ../shared/vectors read-only at /vectors/ in the demo server. */
function vectorsPlugin(): Plugin {
  return {
    name: 'mc-vectors',
    configureServer(server) {
      server.middlewares.use('/vectors/', (req, res, next) => {
        const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
        const file = resolve(vectorsDir, rel);
        if (!file.startsWith(vectorsDir + sep) || !existsSync(file) || !statSync(file).isFile())
          return next();
        res.setHeader('Content-Type', mime[extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
  };
}

/**
 * Serves the embed package at `/embed/` in the demo, as it ships but from source: its pages and
 * CSS from packages/embed/public, and each entry (`frame.js`, `verify.js`, `builder.js`,
 * `autoloader.js`, `microcred.js`) as a module that imports its TypeScript source, which Vite
 * compiles like any other. The demo links to the very pages the package ships, with no build, and
 * the builder's snippets work against it.
 */
function embedPackagePlugin(): Plugin {
  const publicDir = resolve(root, 'packages/embed/public');
  const entries = new Set(['frame', 'verify', 'builder', 'autoloader', 'microcred']);
  return {
    name: 'mc-embed-package',
    configureServer(server) {
      server.middlewares.use('/embed/', (req, res, next) => {
        const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '');
        const file = /^[a-z]+\.(html|css)$/.exec(name);
        if (file && existsSync(resolve(publicDir, name))) {
          res.setHeader('Content-Type', file[1] === 'css' ? 'text/css' : 'text/html; charset=utf-8');
          return res.end(readFileSync(resolve(publicDir, name)));
        }
        const entry = /^([a-z]+)\.js$/.exec(name)?.[1];
        if (!entry || !entries.has(entry)) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.end(`import '/@fs${src('embed', `${entry}.ts`).split(sep).join('/')}';\n`);
      });
    },
  };
}

/**
 * Keeps `new Worker(new URL('./verify-worker.js', import.meta.url))` (core's verifyMany) as written:
 * an app's bundler sees that pattern in `@microcred/core` and emits the worker, but Vite's own
 * worker plugin would rewrite it here into an IIFE bundle at an origin-absolute `/assets/` URL.
 * Both our builds ship the worker as its own module beside verify-many instead, so during the build
 * the address is a placeholder name (Vite only rewrites a string literal), restored in the output.
 */
function keepWorkerUrls(): Plugin {
  const literal = /(new Worker\(\s*new URL\(\s*)'\.\/verify-worker\.js'/g;
  const placeholder = '__mcVerifyWorkerUrl__';
  return {
    name: 'mc-keep-worker-urls',
    enforce: 'pre',
    transform(code, id) {
      if (!/packages[\\/]core[\\/]src[\\/]verify[\\/]verify-many\.ts$/.test(id)) return undefined;
      const out = code.replace(literal, `$1${placeholder}`);
      return out === code ? undefined : { code: out, map: null };
    },
    renderChunk(code) {
      if (!code.includes(placeholder)) return undefined;
      return { code: code.replaceAll(placeholder, '"./verify-worker.js"'), map: null };
    },
  };
}

/**
 * Drops the `/* @__PURE__ *\/` annotations the minifier leaves in the embed's chunks: they tell a
 * later bundler what it may tree-shake, and the embed bundle is final (nothing bundles it again).
 * About 20 in every element's first load (issue 13: room for three more languages).
 */
function stripAnnotations(): Plugin {
  return {
    name: 'mc-strip-annotations',
    // After minification (renderChunk runs before it).
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          // A space stays where the annotation separated two words: `return/* @__PURE__ */new X`
          // must not become `returnnew X` (a different identifier, which throws when run).
          chunk.code = chunk.code.replace(
            /\/\* ?[#@]__(?:PURE|NO_SIDE_EFFECTS)__ ?\*\/ ?/g,
            (match: string, at: number, code: string) =>
              /[\w$]/.test(code[at - 1] ?? '') && /[\w$]/.test(code[at + match.length] ?? '') ? ' ' : '',
          );
    },
  };
}

/**
 * Shortens the two errors Lit's `css` tag throws on misuse (a non-`css` value interpolated into
 * `css`, or `new CSSResult()`): they fire only on a programming error, never in Microcred's own static
 * styles, and their long texts were about 100 B of every element's first load (issue 13).
 */
function shortLitCssErrors(): Plugin {
  return {
    name: 'mc-short-lit-css-errors',
    transform(code, id) {
      if (!/@lit[\\/]reactive-element[\\/]css-tag\.js$/.test(id)) return undefined;
      const out = code
        .replace(
          `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
          `"css: not a css result: "+t`,
        )
        .replace('"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"use css"');
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/** Every `*.ts` below dir (no tests, no declarations). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** An element's registering module: `<name>/mc-<name>.ts` (e.g. `credential-card/mc-credential-card.ts`). */
const registeringFile = /[\\/]([a-z-]+)[\\/]mc-\1\.ts$/;

/** Unbundled ESM library build of one workspace package. */
function library(pkg: 'core' | 'elements' | 'react'): UserConfig {
  const dir = src(pkg);
  const input = Object.fromEntries(sources(dir).map((f) => [relative(dir, f).replace(/\.ts$/, ''), f]));
  return {
    logLevel: 'warn',
    plugins: [keepWorkerUrls()],
    build: {
      outDir: resolve(root, 'packages', pkg, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: input, formats: ['es'] },
      rolldownOptions: {
        // Bare imports (lit, zod, marked, @microcred/core…) stay imports: an app's bundler dedupes them.
        external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
        output: {
          preserveModules: true,
          preserveModulesRoot: dir,
          entryFileNames: '[name].js',
        },
      },
    },
  };
}

/** Modules every element needs at first render (see `embed()`): Lit, the element base, localisation. */
const baseModules =
  /node_modules[\\/](lit[\\/]index|lit-html[\\/](lit-html|is-server)|lit-element[\\/]lit-element|@lit[\\/]reactive-element[\\/](reactive-element|css-tag))\.js$|packages[\\/]elements[\\/]src[\\/](internal[\\/][\w.-]+|i18n[\\/]localize)\.ts$/;

/**
 * Core's display model, parsers and normaliser: every element needs them too, and so does the verify
 * worker, which must not load any DOM code (a worker has no `HTMLElement`). Their own chunk, never
 * merged with `baseModules`.
 */
const modelModules =
  /rolldown[\\/]runtime|packages[\\/]core[\\/]src[\\/](model[\\/](?!errors-remote|issuer-text)|parse[\\/](?!look-inside)|normalize[\\/])[\w-]+\.ts$/;

/** Minified, self-contained embed bundle for a `<script type="module">` tag. */
function embed(): UserConfig {
  const elementEntries = Object.fromEntries(
    sources(src('elements'))
      .map((f) => registeringFile.exec(f)?.[1])
      .filter((tag) => tag !== undefined)
      .map((tag) => [`elements/mc-${tag}`, src('elements', `${tag}/mc-${tag}.ts`)]),
  );
  return {
    logLevel: 'warn',
    resolve: { alias: sourceAliases },
    plugins: [keepWorkerUrls(), minifyTemplatesPlugin(), stripAnnotations(), shortLitCssErrors()],
    publicDir: resolve(root, 'packages/embed/public'),
    build: {
      outDir: resolve(root, 'packages/embed/dist'),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      manifest: true,
      modulePreload: false,
      lib: {
        entry: {
          microcred: resolve(root, 'packages/embed/src/microcred.ts'),
          autoloader: resolve(root, 'packages/embed/src/autoloader.ts'),
          frame: resolve(root, 'packages/embed/src/frame.ts'),
          // The "verify anything" page (verify.html) and the embed builder (builder.html).
          verify: resolve(root, 'packages/embed/src/verify.ts'),
          builder: resolve(root, 'packages/embed/src/builder.ts'),
          // verifyMany's module worker, found beside the chunk that starts it (chunks/).
          'chunks/verify-worker': resolve(root, 'packages/core/src/verify/verify-worker.ts'),
          ...elementEntries,
        },
        formats: ['es'],
      },
      rolldownOptions: {
        // Shared code may live in an element's own entry file (no facade module per element).
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // What every element needs goes in two chunks rather than a dozen tiny ones (fewer
          // requests, and gzip works across each): `base` (Lit, the element base, localisation) and
          // `model` (core's display model, parsers and normaliser). The verify worker imports
          // `model` only, so its module graph holds no DOM code (test/embed/worker.test.ts).
          codeSplitting: {
            groups: [
              { name: 'model', test: modelModules, priority: 2 },
              { name: 'base', test: baseModules, priority: 1 },
            ],
          },
        },
      },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'core' || mode === 'elements' || mode === 'react') return library(mode);
  if (mode === 'embed') return embed();
  return {
    root: resolve(root, 'demo'),
    publicDir: resolve(root, 'demo/public'),
    resolve: { alias: sourceAliases },
    plugins: [vectorsPlugin(), embedPackagePlugin()],
    server: { port: 5173, host: '127.0.0.1', fs: { allow: [root] } },
    build: {
      outDir: resolve(root, 'demo/dist'),
      emptyOutDir: true,
      rolldownOptions: {
        input: Object.fromEntries(
          ['index', 'district', 'vendor', 'portfolio'].map((p) => [p, resolve(root, 'demo', `${p}.html`)]),
        ),
      },
    },
  };
});

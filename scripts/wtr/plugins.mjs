// web-test-runner / dev-server plugins shared by the test configs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
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

/**
 * Koa middleware: a module Worker started from package sources asks for its entry by the name a
 * build gives it (`new Worker(new URL('./verify-worker.js', import.meta.url))`); serve the `.ts`
 * source under that name, so browser tests run the verifier's real worker, not the in-page fallback.
 */
export async function workerSourceMiddleware(ctx, next) {
  const m = /^\/packages\/(core|elements)\/src\/(.+)\.js$/.exec(ctx.path);
  if (
    m &&
    !existsSync(resolve(repoRoot, `.${ctx.path}`)) &&
    existsSync(resolve(repoRoot, `.${ctx.path.replace(/\.js$/, '.ts')}`))
  )
    ctx.url = ctx.url.replace(/\.js(\?|$)/, '.ts$1');
  return next();
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

/** The verifier's only module with CommonJS imports (jsonld, rdf-canonize) and the bundled contexts. */
const VERIFIER_ENGINE = '/packages/core/src/verify/jsonld/engine.ts';

/**
 * Serves the verifier's JSON-LD engine (packages/core/src/verify/jsonld/engine.ts) pre-bundled by
 * esbuild as one ESM module: jsonld and rdf-canonize are CommonJS, which web-test-runner's per-file
 * transform cannot serve (TOOLCHAIN.md). Everything else of the verifier is served file by file as
 * usual, so browser tests run the same source as Node. Built once per run.
 */
export function verifierEnginePlugin() {
  let bundle;
  return {
    name: 'mc-verifier-engine',
    async serve(context) {
      if (context.path !== VERIFIER_ENGINE) return undefined;
      bundle ??= import('esbuild').then((esbuild) =>
        esbuild
          .build({
            entryPoints: [resolve(repoRoot, `.${VERIFIER_ENGINE}`)],
            bundle: true,
            format: 'esm',
            platform: 'browser',
            target: 'es2022',
            write: false,
            logLevel: 'silent',
          })
          .then((r) => r.outputFiles[0].text),
      );
      return { body: await bundle, type: 'js' };
    },
  };
}

/**
 * Test command `mc-drag` ({ from: {x, y}, to: {x, y} } in viewport pixels): a real pointer drag and
 * drop, with Chromium's own drag events (pointer down, move, drag enter/over, drop, up) — what
 * `sendMouse` cannot do, since a headless browser only starts a native drag when the drag is
 * intercepted (puppeteer's drag interception).
 */
export function dragCommandPlugin() {
  return {
    name: 'mc-drag',
    async executeCommand({ command, payload, session }) {
      if (command !== 'mc-drag') return undefined;
      const page = session.browser.getPage(session.id);
      const { from, to } = payload;
      const size = await page.evaluate(() => [globalThis.innerWidth, globalThis.innerHeight]);
      for (const p of [from, to])
        if (!(p.x >= 0 && p.y >= 0 && p.x < size[0] && p.y < size[1]))
          throw new Error(`mc-drag: (${p.x}, ${p.y}) is outside the ${size[0]}×${size[1]} viewport`);
      await page.setDragInterception(true);
      const client = page._client();
      // puppeteer's mouse.drag waits for Input.dragIntercepted without end: when the press lands on
      // nothing draggable the command, and with it the test file, would hang until the file's
      // timeout. Wait for it here instead, released by the pointer going up, and fail in words.
      let release;
      const started = new Promise((resolve, reject) => {
        client.once('Input.dragIntercepted', (e) => resolve(e.data));
        release = reject;
      });
      try {
        await page.mouse.move(from.x, from.y);
        await page.mouse.down();
        await page.mouse.move(to.x, to.y, { steps: 4 });
        const guard = setTimeout(
          () => release(new Error(`mc-drag: no drag started at (${from.x}, ${from.y})`)),
          5000,
        );
        const data = await started.finally(() => clearTimeout(guard));
        await page.mouse.dragEnter(to, data);
        await page.mouse.dragOver(to, data);
        await page.mouse.drop(to, data);
      } finally {
        await page.mouse.up().catch(() => undefined);
        await page.setDragInterception(false);
      }
      return true;
    },
  };
}

/**
 * Puts `test/setup/printable-failures.ts` in front of every test file: it rewrites a failure's
 * DOM-node `actual`/`expected` into words, which web-test-runner could not send (the file then hung
 * until its timeout instead of failing with a message).
 */
export function printableFailuresPlugin() {
  return {
    name: 'mc-printable-failures',
    transform(context) {
      if (!/^\/test\/.+\.test\.ts$/.test(context.path)) return undefined;
      return { body: `import '/test/setup/printable-failures.ts';${context.body}` };
    },
  };
}

/**
 * The vendor test apps (test/vendor/): `./<name>-app.js` imported by a vendor test is served as an esbuild bundle of
 * `test/vendor/<name>-app.ts(x)` (at `<name>-app.bundle.js`), built as an app's bundler would build it — React's JSX runtime
 * (`jsx: 'automatic'`), Vue single-file components compiled ahead of time with `vue/compiler-sfc`
 * (Microcred tags kept as custom elements), CommonJS dependencies (React) bundled. `@microcred/*`
 * resolve to package sources through tsconfig.json's paths, like every other browser test.
 */
export function vendorAppPlugin() {
  const bundles = new Map();
  const vue = {
    name: 'mc-vue-sfc',
    setup(build) {
      build.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
        const { parse, compileScript } = await import('vue/compiler-sfc');
        // Tags are told apart when the template is parsed, so the parser needs isCustomElement too.
        const isCustomElement = (tag) => tag.startsWith('mc-');
        const { descriptor, errors } = parse(readFileSync(path, 'utf8'), {
          filename: path,
          templateParseOptions: { isCustomElement },
        });
        if (errors.length) return { errors: errors.map((e) => ({ text: String(e.message ?? e) })) };
        const script = compileScript(descriptor, {
          id: path,
          inlineTemplate: true,
          templateOptions: { compilerOptions: { isCustomElement } },
        });
        return { contents: script.content, loader: 'ts', resolveDir: dirname(path) };
      });
    },
  };
  return {
    name: 'mc-vendor-apps',
    // `./react-app.js` from a vendor test → the bundle (esbuildPlugin would serve `vue-app.ts` alone).
    resolveImport({ source, context }) {
      if (!context.path.startsWith('/test/vendor/')) return undefined;
      const m = /^\.\/([\w-]+-app)\.js$/.exec(source);
      return m ? `./${m[1]}.bundle.js` : undefined;
    },
    async serve(context) {
      const m = /^\/test\/vendor\/([\w-]+-app)\.bundle\.js$/.exec(context.path);
      if (!m) return undefined;
      const entry = ['.tsx', '.ts']
        .map((ext) => resolve(repoRoot, 'test/vendor', m[1] + ext))
        .find((f) => existsSync(f));
      if (!entry) return undefined;
      if (!bundles.has(entry))
        bundles.set(
          entry,
          import('esbuild').then((esbuild) =>
            esbuild
              .build({
                entryPoints: [entry],
                bundle: true,
                format: 'esm',
                platform: 'browser',
                target: 'es2022',
                jsx: 'automatic',
                tsconfig: resolve(repoRoot, 'tsconfig.json'),
                conditions: ['browser', 'import', 'default'],
                define: {
                  'process.env.NODE_ENV': '"development"',
                  __VUE_OPTIONS_API__: 'true',
                  __VUE_PROD_DEVTOOLS__: 'false',
                  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
                },
                plugins: [vue],
                write: false,
                logLevel: 'silent',
              })
              .then((r) => r.outputFiles[0].text),
          ),
        );
      return { body: await bundles.get(entry), type: 'js' };
    },
  };
}

/** The strictest policy Microcred runs under (test/vendor/strict-csp.html, trusted-types.test.ts). */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // the progress tracker's fill and the wallet's column count are inline style attributes (Lit
  // attribute bindings); stylesheets stay 'self' only
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html microcred',
  'report-uri /__csp-reports',
].join('; ');

/** CSP violation reports the browser sent to /__csp-reports (POST), read back with GET. */
const cspReports = [];

/**
 * Koa middleware: serves test/vendor/strict-csp.html with STRICT_CSP as its Content-Security-Policy
 * header (`?policies=lit-html`: without Microcred's policy), and collects the reports it sends
 * (`GET /__csp-reports` answers them as JSON).
 */
export async function strictCspMiddleware(ctx, next) {
  if (ctx.path === '/__csp-reports') {
    if (ctx.method === 'POST') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      cspReports.push(Buffer.concat(chunks).toString('utf8'));
      ctx.status = 204;
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(cspReports);
    }
    return;
  }
  await next();
  if (ctx.path !== '/test/vendor/strict-csp.html') return;
  // ?policies=lit-html: a page whose CSP does not allow Microcred's policy (how it degrades)
  const policies = ctx.query.policies === 'lit-html' ? 'lit-html' : 'lit-html microcred';
  ctx.set(
    'Content-Security-Policy',
    STRICT_CSP.replace('trusted-types lit-html microcred', `trusted-types ${policies}`),
  );
}

/**
 * What a page fetches for its first Data Integrity verification (issue 14: "make first verification
 * in a fresh page at least 2× faster than the Digital Bazaar stack's"). In a fresh page much of that
 * time is rounds of requests, not work: the verifier once came as 14 chunks (a browser fetches six
 * at a time over HTTP/1.1) behind small entry chunks, the Open Badges context group was asked for
 * only once canonicalisation had loaded, and later the verifier's entry was a stub in front of the
 * chunk it shared with its lazy parts (suites, envelopes, OB 2.0, presentations), one more round.
 * An app bundles `@microcred/core`'s verify API with code splitting (esbuild, as
 * `npm run bench:verify` does, and Vite); checked here, for both, and for an app that imports
 * `verifyCredential` alone as for one that imports the whole verify API: beyond what the page loads
 * with the API, the verifier is ONE chunk (its lazy parts are handed its helpers, ../../../packages/
 * core/src/verify/kit.ts, rather than importing them), and the page's own code starts the context
 * groups' downloads beside it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const verifyDir = join(repo, 'packages/core/src/verify');

/** A bundle's chunks: file → its static imports, dynamic imports and source modules (absolute). */
type Graph = Map<string, { imports: string[]; dynamic: string[]; modules: string[] }>;

/** Files reachable from `file` through static imports (itself included). */
function closure(graph: Graph, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of graph.get(file)?.imports ?? []) closure(graph, f, seen);
  return seen;
}

/**
 * Checks the verifier's first load in `graph`, built from the page entry `page`. `preloaded`: the
 * chunks the page fetches together with the verifier's (Vite's `__vite__mapDeps`: its preload helper
 * requests a lazy chunk's imports beside it, so they cost no round of their own).
 */
function check(
  graph: Graph,
  page: string,
  dynamicEntries: Map<string, string>,
  preloaded: (file: string) => boolean = () => false,
): void {
  const loaded = closure(graph, page);
  const verifier = dynamicEntries.get(join(verifyDir, 'verify-credential.ts'));
  assert.ok(verifier, 'verify-credential.ts is a dynamic entry');
  const extra = [...closure(graph, verifier)].filter(
    (f) => !loaded.has(f) && (f === verifier || !preloaded(f)),
  );
  assert.deepEqual(
    extra,
    [verifier],
    `beyond the page's code (and what it preloads with it) the verifier is its own chunk alone, not ${extra.join(', ')}`,
  );
  // the page's own code (verifyCredential) starts the Open Badges group's download
  const badges = dynamicEntries.get(join(verifyDir, 'contexts/generated/badges.ts'));
  assert.ok(badges, 'the Open Badges context group is a lazy chunk');
  assert.ok(
    [...loaded].some((f) => graph.get(f)!.dynamic.includes(badges)),
    'the page can load the Open Badges context group before the verifier has loaded',
  );
}

const appOf = (names: string[]): string =>
  `import { ${names.join(', ')} } from ${JSON.stringify(join(verifyDir, 'index.ts'))};\n` +
  `Object.assign(globalThis, { ${names.join(', ')} });\n`;

for (const [which, app] of [
  ['the whole verify API', appOf(['verifyCredential', 'verifyMany', 'verifyPresentation'])],
  ['verifyCredential alone', appOf(['verifyCredential'])],
] as const)
  describe(`a first verification in an app bundle (${which})`, () => {
    it('esbuild (code splitting): the verifier is one chunk beyond the page, the context groups start from the page', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mc-first-esbuild-'));
      try {
        const entry = join(dir, 'app.js');
        writeFileSync(entry, app);
        const r = await esbuild({
          entryPoints: [entry, join(verifyDir, 'verify-worker.ts')],
          bundle: true,
          splitting: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          write: false,
          metafile: true,
          outdir: join(dir, 'out'),
          absWorkingDir: repo,
          logLevel: 'silent',
        });
        const graph: Graph = new Map();
        const dynamicEntries = new Map<string, string>();
        for (const [file, o] of Object.entries(r.metafile.outputs)) {
          if (!file.endsWith('.js')) continue;
          graph.set(resolve(repo, file), {
            imports: o.imports.filter((i) => i.kind === 'import-statement').map((i) => resolve(repo, i.path)),
            dynamic: o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => resolve(repo, i.path)),
            modules: Object.keys(o.inputs).map((i) => resolve(repo, i)),
          });
          if (o.entryPoint) dynamicEntries.set(resolve(repo, o.entryPoint), resolve(repo, file));
        }
        const page = [...graph.keys()].find((f) => f.endsWith('/app.js'))!;
        check(graph, page, dynamicEntries);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('Vite: the verifier is one chunk beyond the page and what it preloads with it, the context groups start from the page', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mc-first-vite-'));
      try {
        const entry = join(dir, 'app.js');
        writeFileSync(entry, app);
        const out = await vite({
          configFile: false,
          root: dir,
          logLevel: 'silent',
          build: { write: false, minify: false, rolldownOptions: { input: entry } },
        });
        const chunks = (Array.isArray(out) ? out : [out])
          .flatMap((o) => ('output' in o ? o.output : []))
          .flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const graph: Graph = new Map();
        const dynamicEntries = new Map<string, string>();
        for (const c of chunks) {
          graph.set(c.fileName, { imports: c.imports, dynamic: c.dynamicImports, modules: c.moduleIds });
          if (c.facadeModuleId) dynamicEntries.set(c.facadeModuleId, c.fileName);
        }
        const pageChunk = chunks.find((c) => c.isEntry && c.facadeModuleId === entry)!;
        // Vite's preload list of the page's lazy imports names each file in the page's code
        const mapDeps = /__vite__mapDeps=[^\n]*/.exec(pageChunk.code)?.[0] ?? '';
        check(graph, pageChunk.fileName, dynamicEntries, (f) => mapDeps.includes(`"${f}"`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

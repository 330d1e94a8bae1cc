/**
 * What a page fetches for its first Data Integrity verification (issue 14: "make first verification
 * in a fresh page at least 2× faster than the Digital Bazaar stack's"). In a fresh page most of that
 * time was requests, not work: the verifier came as 14 chunks (a browser fetches six at a time
 * over HTTP/1.1) behind small entry chunks, and the Open Badges context group was asked for only
 * once canonicalisation had loaded, two more round trips. An app bundles `@microcred/core`'s verify
 * API with code splitting (esbuild, as `npm run bench:verify` does, and Vite); checked here, for
 * both: beyond what the page loads with the API, the verifier is at most two chunks (its entry and
 * the code it shares with its lazy parts: suites, envelopes, OB 2.0, presentations), and the page's
 * own code starts the context groups' downloads.
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

/** Checks the verifier's first load in `graph`, built from the page entry `page`. */
function check(graph: Graph, page: string, dynamicEntries: Map<string, string>): void {
  const loaded = closure(graph, page);
  const verifier = dynamicEntries.get(join(verifyDir, 'verify-credential.ts'));
  assert.ok(verifier, 'verify-credential.ts is a dynamic entry');
  const extra = [...closure(graph, verifier)].filter((f) => !loaded.has(f));
  assert.ok(
    extra.length <= 2,
    `beyond the page's code the verifier is at most two chunks, not ${extra.length}: ${extra.join(', ')}`,
  );
  // the page's own code (verifyCredential) starts the Open Badges group's download
  const badges = dynamicEntries.get(join(verifyDir, 'contexts/generated/badges.ts'));
  assert.ok(badges, 'the Open Badges context group is a lazy chunk');
  assert.ok(
    [...loaded].some((f) => graph.get(f)!.dynamic.includes(badges)),
    'the page can load the Open Badges context group before the verifier has loaded',
  );
}

describe('a first verification in an app bundle', () => {
  const app = `import { verifyCredential, verifyMany, verifyPresentation } from ${JSON.stringify(
    join(verifyDir, 'index.ts'),
  )};\nObject.assign(globalThis, { verifyCredential, verifyMany, verifyPresentation });\n`;

  it('esbuild (code splitting): the verifier is two chunks beyond the page, the context groups start from the page', async () => {
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

  it('Vite: the verifier is two chunks beyond the page, the context groups start from the page', async () => {
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
      const page = chunks.find((c) => c.isEntry && c.facadeModuleId === entry)!.fileName;
      check(graph, page, dynamicEntries);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

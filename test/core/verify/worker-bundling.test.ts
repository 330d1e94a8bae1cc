/**
 * An app that bundles `@microcred/core` gets verifyMany's worker emitted (vendor-ready issue: "In a
 * bundled app the worker's URL 404s (Vite does not emit it)"). verify-many.ts starts its worker with
 * `new Worker(new URL('./verify-worker.js', import.meta.url), { type: 'module' })`, the pattern Vite
 * documents for workers ("Import with constructors": "new Worker(new URL('./worker.js',
 * import.meta.url))"), and our library build ships that line as written (vite.config.ts,
 * keepWorkerUrls). This test bundles verifyMany as an app would, with Vite's defaults (an IIFE worker), and checks
 * that the worker is emitted, that the page's code points at the emitted file, and that the worker
 * bundle holds no DOM code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');

/** Every file below dir, as paths relative to it. */
const files = (dir: string, rel = ''): string[] =>
  readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(dir, join(rel, d.name)) : [join(rel, d.name)],
  );

describe('verifyMany in an app bundle', () => {
  it('Vite emits the verify worker and the page code points at it; the worker bundle has no DOM code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-worker-app-'));
    try {
      const entry = join(dir, 'app.js');
      const verifyMany = join(repo, 'packages/core/src/verify/verify-many.ts');
      writeFileSync(
        entry,
        `import { verifyMany } from ${JSON.stringify(verifyMany)};\nwindow.v = verifyMany;\n`,
      );
      const out = join(dir, 'dist');
      await build({
        configFile: false,
        root: dir,
        logLevel: 'silent',
        build: { outDir: out, minify: false, rolldownOptions: { input: entry } },
      });
      const emitted = files(out).filter((f) => f.endsWith('.js'));
      const page = emitted
        .map((f) => readFileSync(join(out, f), 'utf8'))
        .find((t) => t.includes('new Worker('));
      assert.ok(page, `the page code starts a worker (${emitted.join(', ')})`);
      const m = /new Worker\(new URL\(\s*(?:\/\*[^*]*\*\/\s*)?["'`]([^"'`]+)["'`]/.exec(page);
      assert.ok(m, 'the worker address is a literal the bundler wrote');
      const workerFile = m[1]!.replace(/^\.?\//, '');
      assert.ok(emitted.includes(workerFile), `${workerFile} is emitted (${emitted.join(', ')})`);
      const worker = readFileSync(join(out, workerFile), 'utf8');
      assert.match(worker, /abort-fetch/, 'it is the verify worker');
      assert.doesNotMatch(worker, /HTMLElement|customElements/, 'no DOM code in the worker bundle');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

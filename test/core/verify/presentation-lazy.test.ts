/**
 * Issue 14 §2/§3: importing `@microcred/core` must not pull in the presentation verifier, and the VC
 * API (a server module) is reachable only from its own entry. Bundles core's index as an app's
 * bundler would (esbuild, code splitting) and walks the static imports of the entry chunk.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('the presentation verifier is lazy', () => {
  it('the entry chunk of @microcred/core holds no presentation verifier and no VC API code', async () => {
    const r = await build({
      entryPoints: [resolve(repo, 'packages/core/src/index.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: resolve(repo, 'node_modules/.cache/mc-presentation-lazy'),
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['jsonld', 'rdf-canonize', 'zod', 'node:*'],
    });
    const outputs = r.metafile.outputs;
    const entry = Object.keys(outputs).find((o) =>
      outputs[o]!.entryPoint?.endsWith('packages/core/src/index.ts'),
    );
    assert.ok(entry, 'the entry chunk is found');
    // every output reachable from the entry through static imports
    const seen = new Set<string>();
    const walk = (o: string): void => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const i of outputs[o]?.imports ?? [])
        if (i.kind === 'import-statement' && !i.external) walk(i.path);
    };
    walk(entry);
    const staticInputs = [...seen].flatMap((o) => Object.keys(outputs[o]!.inputs));
    assert.ok(
      staticInputs.some((f) => f.endsWith('verify/verify-presentation.ts')),
      'the small public wrapper is there',
    );
    for (const lazy of ['verify/presentation.ts', 'vc-api/']) {
      assert.ok(!staticInputs.some((f) => f.includes(lazy)), `${lazy} is not loaded by importing core`);
    }
    const all = Object.values(outputs).flatMap((o) => Object.keys(o.inputs));
    assert.ok(
      all.some((f) => f.endsWith('verify/presentation.ts')),
      'it is a lazy chunk of its own',
    );
  });
});

#!/usr/bin/env node
// `npm run build`: the library builds in dependency order, then the embed bundle.
//   core      → packages/core/dist      (unbundled ESM + .d.ts)
//   elements  → packages/elements/dist  (unbundled ESM + .d.ts; imports @microcred/core's dist)
//   embed     → packages/embed/dist     (minified bundle: microcred.js, autoloader.js, elements/*, chunks/*)
// Exits non-zero on the first failure.
import { spawnSync } from 'node:child_process';
import { build } from 'vite';

/** Emits declarations with tsc for one package (its tsconfig.build.json). */
function declarations(pkg) {
  const r = spawnSync('npx', ['tsc', '-p', `packages/${pkg}/tsconfig.build.json`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`declarations for ${pkg} failed`);
}

const started = performance.now();
try {
  for (const pkg of ['core', 'elements']) {
    await build({ configFile: 'vite.config.ts', mode: pkg });
    declarations(pkg);
    console.log(`built @microcred/${pkg}`);
  }
  await build({ configFile: 'vite.config.ts', mode: 'embed' });
  console.log('built @microcred/embed');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log(`build finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);

#!/usr/bin/env node
// `npm run build`: everything the three packages ship, in dependency order.
//   core      → packages/core/dist      (unbundled ESM + .d.ts)
//   elements  → packages/elements/dist  (unbundled ESM + .d.ts; imports @microcred/core's dist)
//               packages/elements/custom-elements.json (module paths at dist/*.js, a definition per tag)
//               packages/elements/dist/frameworks/*.d.ts (React, Vue, Svelte, Solid types from that manifest)
//   react     → packages/react/dist     (unbundled ESM + .d.ts; @lit/react wrappers of the elements)
//   embed     → packages/embed/dist     (minified bundle: microcred.js, autoloader.js, elements/*, chunks/*)
// Declarations are emitted without maps: the maps would point at src/, which is not published.
// The embed build's Vite manifest (for `npm run size`) is moved out of dist to EMBED_MANIFEST, so
// dist is exactly what the package ships. Exits non-zero on the first failure.
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'vite';
import { EMBED_MANIFEST } from './build-paths.mjs';
import { writeFrameworkFiles } from './framework-types.mjs';

/** Runs a command (inherited output); resolves when it exits 0, rejects with `what` otherwise. */
function exec(what, cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed`))));
  });
}

/** Emits declarations with tsc for one package (its tsconfig.build.json), without declaration maps. */
function declarations(pkg) {
  return exec(`declarations for ${pkg}`, 'npx', [
    'tsc',
    '-p',
    `packages/${pkg}/tsconfig.build.json`,
    '--declarationMap',
    'false',
  ]);
}

/** packages/elements/custom-elements.json from the elements' JSDoc (custom-elements-manifest.config.mjs). */
function elementsManifest() {
  return exec('custom elements manifest', 'npx', [
    'custom-elements-manifest',
    'analyze',
    '--config',
    'custom-elements-manifest.config.mjs',
    '--quiet',
  ]);
}

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const failed = [];
/** Runs a step beside the Vite builds; its failure is recorded and reported at the end. */
const beside = (promise, done) =>
  promise.then(
    () => console.log(`${done} (${seconds()})`),
    (error) => failed.push(error instanceof Error ? error.message : String(error)),
  );
try {
  // The Vite builds run one after another; tsc and the manifest analyzer are other processes and
  // run beside them, so both cores stay busy. The manifest reads sources only.
  const manifest = beside(elementsManifest(), 'custom-elements.json written');
  await build({ configFile: 'vite.config.ts', mode: 'core' });
  // Elements' declarations import @microcred/core's, so they wait for them (and for the elements'
  // Vite build, which empties packages/elements/dist first).
  const coreTypes = declarations('core');
  const coreDeclared = beside(coreTypes, 'declared @microcred/core');
  await build({ configFile: 'vite.config.ts', mode: 'elements' });
  const elementsTypes = coreTypes.then(() => declarations('elements'));
  const elementsDeclared = beside(elementsTypes, 'declared @microcred/elements');
  // Framework types come from the manifest, into the dist the elements' build just emptied.
  const frameworks = beside(
    manifest.then(() => writeFrameworkFiles({ distOnly: true })),
    'framework types written (React, Vue, Svelte, Solid)',
  );
  await build({ configFile: 'vite.config.ts', mode: 'react' });
  const reactDeclared = beside(
    elementsTypes.then(() => declarations('react')),
    'declared @microcred/react',
  );
  await build({ configFile: 'vite.config.ts', mode: 'embed' });
  mkdirSync(dirname(EMBED_MANIFEST), { recursive: true });
  renameSync('packages/embed/dist/.vite/manifest.json', EMBED_MANIFEST);
  rmSync('packages/embed/dist/.vite', { recursive: true, force: true });
  console.log(`built @microcred/embed (${seconds()})`);
  await Promise.all([manifest, coreDeclared, elementsDeclared, frameworks, reactDeclared]);
} catch (error) {
  failed.push(error instanceof Error ? error.message : String(error));
}
if (failed.length) {
  console.error([...new Set(failed)].join('\n'));
  process.exit(1);
}
console.log(`build finished in ${seconds()}`);

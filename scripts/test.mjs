#!/usr/bin/env node
// The one test gate (`npm test`): format, lint, types, build, manifest, size budgets, core tests in
// Node, element tests in Chromium, end-to-end tests of the demo with its issuer, the WordPress plugin
// in a real WordPress (skipped, and said, where Debian's packages are missing), and the Storybook
// smoke test. Every step runs even when an earlier one failed (steps that need the build are counted
// failed when the build failed), so one run shows everything that is wrong. Gate steps count as one test each; test suites add their own
// counts. The last line is `N passed, N failed, N skipped`; the exit code is 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const gateStarted = performance.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
let built = true;

/** How long each step took, in seconds, printed before the summary line. */
const timings = [];
let step = '';

/** Runs a command with inherited output; returns true when it exited 0. */
function run(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  timings.push([step, (performance.now() - t0) / 1000]);
  return r.status === 0;
}

/** A gate step that counts as one test. */
function gate(name, cmd, args, { needsBuild = false } = {}) {
  console.log(`\n━━ ${name}`);
  step = name;
  if (needsBuild && !built) {
    totals.failed += 1;
    failures.push(`${name}: not run because the build failed`);
    return false;
  }
  const ok = run(cmd, args);
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(`${name}: failed (see output above)`);
  }
  return ok;
}

/** A test suite that writes { passed, failed, skipped, failures } to a JSON file. */
function suite(name, cmd, args, jsonFile, { needsBuild = false } = {}) {
  console.log(`\n━━ ${name}`);
  step = name;
  if (needsBuild && !built) {
    totals.failed += 1;
    failures.push(`${name}: not run because the build failed`);
    return;
  }
  const ok = run(cmd, args);
  let counts;
  try {
    counts = JSON.parse(readFileSync(jsonFile, 'utf8'));
  } catch {
    counts = undefined;
  }
  if (!counts) {
    totals.failed += 1;
    failures.push(`${name}: produced no results${ok ? '' : ' and exited with an error'}`);
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
  for (const f of counts.failures ?? [])
    failures.push(`${name}: ${f.test ?? f.id ?? ''} — ${f.error ?? f.reason ?? ''}`);
  if (!ok && counts.failed === 0) {
    totals.failed += 1;
    failures.push(`${name}: exited with an error although no test failed`);
  }
}

const npx = 'npx';
gate('format (prettier --check)', npx, ['prettier', '--check', '--log-level', 'warn', '.']);
gate('lint (eslint)', npx, ['eslint', '--max-warnings', '0', '.']);
gate('types (tsc --noEmit)', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
built = gate('build (core, elements, embed)', 'node', ['scripts/build.mjs']);
gate('custom elements manifest (made by the build)', 'node', ['scripts/manifest.mjs', '--no-build'], {
  needsBuild: true,
});
gate(
  'vendor apps type-check (vue-tsc: React JSX, @microcred/react, Vue templates, Svelte elements)',
  npx,
  ['vue-tsc', '-p', 'test/vendor/tsconfig.json'],
  { needsBuild: true },
);
gate('vendor typings in Solid JSX (tsc)', npx, ['tsc', '-p', 'test/vendor/solid/tsconfig.json'], {
  needsBuild: true,
});
gate('size budgets', 'node', ['scripts/size.mjs', '--no-build'], { needsBuild: true });
gate('accessibility conformance report (every criterion, every cited test)', 'node', [
  'scripts/acr-check.mjs',
]);
suite(
  'core tests (node --test)',
  'node',
  [
    'scripts/core-tests.mjs',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-counter.mjs',
    `--test-reporter-destination=${results}/core.json`,
    '--test-reporter=./scripts/node-test-timing.mjs',
    `--test-reporter-destination=${results}/core-timings.json`,
  ],
  `${results}/core.json`,
);
/**
 * A suite of TypeScript test files run by `node --test` under tsx, counted through
 * scripts/node-test-counter.mjs into `.test-results/<id>.json`.
 */
function nodeSuite(name, id, files, { serial = false, needsBuild = false } = {}) {
  suite(
    name,
    'node',
    [
      '--import',
      'tsx',
      '--test',
      ...(serial ? ['--test-concurrency=1'] : []),
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-test-counter.mjs',
      `--test-reporter-destination=${results}/${id}.json`,
      ...files,
    ],
    `${results}/${id}.json`,
    { needsBuild },
  );
}
nodeSuite('server rendering (node --test, @lit-labs/ssr)', 'ssr', ['test/ssr/elements.test.ts']);
nodeSuite(
  'packed packages (npm pack, offline install, publint, attw, Node imports, consumer type checks)',
  'packages',
  ['test/packaging/pack.test.ts'],
  { needsBuild: true },
);
suite('element tests (web-test-runner, Chromium)', npx, ['web-test-runner'], `${results}/elements.json`);
nodeSuite(
  'e2e (demo issuer + demo pages in Chromium)',
  'e2e',
  ['test/e2e/demo.test.ts', 'test/e2e/oembed.test.ts'],
  {
    serial: true,
  },
);
nodeSuite(
  'wordpress plugin (Debian WordPress + MariaDB + PHP, Chromium)',
  'wordpress',
  ['test/e2e/wordpress/wordpress.test.ts'],
  { serial: true, needsBuild: true },
);
if (existsSync('.storybook/main.ts')) {
  suite(
    'stories (built Storybook in Chromium: console + axe)',
    'node',
    ['scripts/story-smoke.mjs'],
    `${results}/stories.json`,
    { needsBuild: true },
  );
}

console.log('\n━━ time per step');
for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
console.log(`  ${((performance.now() - gateStarted) / 1000).toFixed(1).padStart(6)} s  in all`);

console.log('\n━━ summary');
for (const f of failures) console.log(`  ✗ ${f}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);

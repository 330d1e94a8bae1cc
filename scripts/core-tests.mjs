#!/usr/bin/env node
// Runs the core tests (test/core/**/*.test.ts) with node:test under tsx. Node 20's --test does not
// expand globs, so the files are listed here. Extra arguments are passed to node (e.g. reporters).
// Usage: node scripts/core-tests.mjs [node --test options…] [-- path filter]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every *.test.ts below dir, sorted. */
function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? findTests(join(dir, d.name)) : d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
    )
    .sort();
}

const sep = process.argv.indexOf('--');
const options = sep === -1 ? process.argv.slice(2) : process.argv.slice(2, sep);
const filter = sep === -1 ? '' : (process.argv[sep + 1] ?? '');
const files = findTests('test/core').filter((f) => f.includes(filter));
if (files.length === 0) {
  console.error(`No core tests found${filter ? ` matching "${filter}"` : ''}.`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...options, ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);

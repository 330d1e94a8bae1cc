#!/usr/bin/env node
// Quick estimate of the lazy verifier chunk without the full embed build: esbuild bundles a page
// entry that uses the card's normaliser and `verifyCredential` (code splitting, minified), then sums
// the gzip size (level 9, per file) of every chunk the entry does not load statically.
// Usage: node scripts/bench/verifier-size.mjs [--files]
import { build } from 'esbuild';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const entry = `
import { normalizeCredential } from './packages/core/src/normalize/normalize.ts';
import { verifyCredential } from './packages/core/src/verify/index.ts';
globalThis.x = [normalizeCredential, verifyCredential];
`;
const r = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'entry.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  platform: 'browser',
  outdir: '/tmp/mc-verifier-size',
  write: false,
  metafile: true,
});
const outputs = r.metafile.outputs;
const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
const base = new Set();
const walk = (k) => {
  if (base.has(k)) return;
  base.add(k);
  for (const i of outputs[k].imports) if (i.kind === 'import-statement') walk(i.path);
};
walk(entryOut);
let lazy = 0;
const rows = [];
for (const f of r.outputFiles) {
  const key = relative(process.cwd(), f.path);
  const gz = gzipSync(f.contents, { level: 9 }).length;
  if (!base.has(key)) lazy += gz;
  rows.push([key, base.has(key) ? 'base' : 'lazy', gz]);
}
if (process.argv.includes('--files')) for (const row of rows) console.log(row.join(' '));
console.log(`verifier (esbuild estimate) ${lazy} bytes gzip, budget 46080`);

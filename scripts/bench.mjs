#!/usr/bin/env node
// `npm run bench`: the browser benchmarks, one `bench <name>: <median ms> ms` line per measure.
//   node scripts/bench.mjs                 catalog, tracker (scripts/bench/catalog.mjs) and wallet
//   node scripts/bench.mjs --only catalog  <mc-catalog> with 1,000 entries only
//   node scripts/bench.mjs --only tracker  <mc-progress-tracker> with 50 requirements only
//   node scripts/bench.mjs --only wallet   <mc-badge-wallet> (scripts/bench/wallet.mjs)
// The verifier has its own: `npm run bench:verify`.
import { spawnSync } from 'node:child_process';

const i = process.argv.indexOf('--only');
const only = i === -1 ? undefined : process.argv[i + 1];
const runs = [];
if (!only || only === 'catalog' || only === 'tracker')
  runs.push(['scripts/bench/catalog.mjs', ...(only ? ['--only', only] : [])]);
if (!only || only === 'wallet') runs.push(['scripts/bench/wallet.mjs']);
if (!runs.length) {
  console.error(`bench: unknown --only "${only}" (catalog, tracker, wallet)`);
  process.exit(2);
}
let status = 0;
for (const args of runs) status ||= spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
process.exit(status);

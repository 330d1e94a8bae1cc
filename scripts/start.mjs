#!/usr/bin/env node
// `npm start`: serves the demo (demo/) with Vite from the root vite.config.ts, using the package
// sources directly, and prints where to open it. Ctrl-C stops it.
// Options: --port <n> (default 5173), --host <h> (default 127.0.0.1).
import { createServer } from 'vite';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};

const server = await createServer({
  configFile: 'vite.config.ts',
  server: { port: Number(arg('port', 5173)), host: arg('host', '127.0.0.1'), strictPort: false },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log('\nMicrocred demo is running:');
for (const [page, label] of [
  ['index.html', 'Overview'],
  ['district.html', 'District catalog'],
  ['vendor.html', 'Vendor app'],
  ['portfolio.html', 'Educator portfolio'],
]) {
  console.log(`  ${label.padEnd(20)} ${new URL(page, base)}   (Spanish: ?lang=es)`);
}
console.log('\nPress Ctrl-C to stop.\n');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

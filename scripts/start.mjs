#!/usr/bin/env node
// `npm start`: starts the demo issuer (demo/server, Node + SQLite) and the demo site (Vite, from the
// root vite.config.ts with the package sources), prints the URL of every page, and stops both on
// Ctrl-C. It opens no browser (the machine may have none): open the printed addresses yourself.
// Everything the pages show comes from the issuer; nothing outside the repository is read.
// Options: --port <n> (demo site, default 5173), --issuer-port <n> (default 8787; a free port when
// taken), --host <h> (default 127.0.0.1), --reset (reseed the issuer's database).
import { fork } from 'node:child_process';
import { createServer } from 'vite';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};

/** Starts the issuer as a child process; resolves with its URL once it listens. */
function startIssuer(port) {
  const child = fork(
    'demo/server/main.ts',
    ['--port', String(port), ...(args.includes('--reset') ? ['--reset'] : [])],
    { execArgv: ['--import', 'tsx'], stdio: ['inherit', 'pipe', 'inherit', 'ipc'] },
  );
  child.stdout.on('data', () => {}); // its own banner is replaced by ours
  return new Promise((resolve, reject) => {
    child.once('message', (m) => (m?.type === 'issuer-ready' ? resolve({ child, url: m.url }) : undefined));
    child.once('exit', (code) => reject(new Error(`the demo issuer exited (code ${code})`)));
  });
}

let issuer;
try {
  issuer = await startIssuer(Number(arg('issuer-port', 8787)));
} catch {
  // Most likely the port is taken (another demo running): use any free port instead.
  issuer = await startIssuer(0);
}
process.env.VITE_MC_ISSUER = issuer.url;

const server = await createServer({
  configFile: 'vite.config.ts',
  server: {
    port: Number(arg('port', 5173)),
    host: arg('host', '127.0.0.1'),
    strictPort: false,
    open: false,
  },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
const pages = [
  ['index.html', 'Overview'],
  ['district.html', 'District catalog'],
  ['vendor.html', 'Vendor app'],
  ['portfolio.html', 'Educator portfolio'],
  ['verify.html', 'Verify'],
];
const issuerPages = [
  ['/', 'Home (every route)'],
  ['/admin', 'Revoke a credential'],
  ['/achievements', 'Catalog feed'],
  ['/register/formative-assessment-design', 'A registration page'],
  ['/examples', 'Verify page examples'],
  ['/ims/ob/v3p0/discovery', 'OB 3.0 API (token: demo-token-ana)'],
];
const row = (label, url) => `  ${label.padEnd(36)} ${url}`;
console.log('\nMicrocred demo is running. Open these pages in a browser (add ?lang=es for Spanish):');
for (const [page, label] of pages) console.log(row(label, new URL(page, base).href));
console.log(`\nDemo issuer (Lakeside Unified School District), ${issuer.url}/:`);
for (const [path, label] of issuerPages) console.log(row(label, `${issuer.url}${path}`));
console.log('\nPress Ctrl-C to stop.\n');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  issuer.child.kill('SIGTERM');
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
issuer.child.on('exit', () => {
  if (!stopping) console.error('The demo issuer stopped; the demo pages cannot load their data.');
});

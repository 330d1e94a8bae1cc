#!/usr/bin/env node
/**
 * Runs the demo issuer: `node --import tsx demo/server/main.ts [--port 8787] [--host 127.0.0.1]
 * [--data <dir>] [--reset] [--log] [--embed <URL of @microcred/embed's files, ending in />]`. `npm start` runs it together with the demo site.
 */
import { startIssuer } from './issuer.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};

const issuer = await startIssuer({
  port: Number(arg('port') ?? process.env['MC_ISSUER_PORT'] ?? 8787),
  host: arg('host') ?? '127.0.0.1',
  ...(arg('data') ? { dataDir: arg('data') } : {}),
  reset: args.includes('--reset'),
  log: args.includes('--log'),
  ...(arg('embed') ? { embedUrl: arg('embed') } : {}),
});
console.log(`Demo issuer (${issuer.did}) on ${issuer.url}/`);
// The parent (scripts/start.mjs, the e2e tests) reads this line to learn the URL.
if (process.send) process.send({ type: 'issuer-ready', url: issuer.url, did: issuer.did });
const stop = (): void => {
  void issuer.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('disconnect', stop);

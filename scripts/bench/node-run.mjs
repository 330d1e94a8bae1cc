// The Node half of `npm run bench:verify` (bundled by esbuild, run by scripts/bench-verify.mjs):
//   issue                    print fresh fixtures (JSON) issued with the Digital Bazaar stack and jose
//   warm <fixtures>          print the warm medians, ours against the baseline, as JSON lines
//   first-<ours|baseline> <fixtures>  print the ms of the first verification in this fresh process
import { readFileSync } from 'node:fs';
import { verifyCredential } from '../../packages/core/src/verify/index.ts';
import { oursVerifier, warmMedians } from './common.mjs';

const [mode, file] = process.argv.slice(2);
const fixtures = () => JSON.parse(readFileSync(file, 'utf8'));

if (mode === 'issue') {
  const { issueCredentials } = await import('./baseline.mjs');
  const { issueFormats } = await import('./formats.mjs');
  process.stdout.write(JSON.stringify({ ...(await issueCredentials()), ...(await issueFormats()) }));
} else if (mode === 'warm') {
  const fx = fixtures();
  const b = await import('./baseline.mjs');
  const ours = oursVerifier(verifyCredential);
  const out = {
    'eddsa-rdfc-2022 warm': await warmMedians(ours, b.baselineVerifier(fx.docs), fx.credentials.rdfcV2),
    'eddsa-rdfc-2022 vcdm1.1 warm': await warmMedians(
      ours,
      b.baselineVerifier(fx.docs),
      fx.credentials.rdfcV1,
    ),
    'vc-jwt eddsa warm (baseline: jose alone)': await warmMedians(
      ours,
      b.joseVerifier(fx.jwk),
      fx.credentials.jwt,
    ),
  };
  // one line per format of issue 14, against that format's reference verifier
  const f = await import('./formats.mjs');
  const baselines = f.formatBaselines(fx);
  for (const [name, key] of Object.entries(f.FORMAT_LINES))
    out[name] = await warmMedians(ours, baselines[key], fx.formats[key], f.FORMAT_RUNS[key]);
  process.stdout.write(JSON.stringify(out));
} else if (mode === 'first-ours' || mode === 'first-baseline') {
  const fx = fixtures();
  const t = performance.now();
  if (mode === 'first-ours') await oursVerifier(verifyCredential)(fx.credentials.rdfcV2);
  else await (await import('./baseline.mjs')).baselineVerifier(fx.docs)(fx.credentials.rdfcV2);
  process.stdout.write(String(performance.now() - t));
} else {
  console.error(`node-run: unknown mode ${mode}`);
  process.exit(2);
}

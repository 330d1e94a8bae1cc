// The Chromium half of `npm run bench:verify` (bundled by esbuild with code splitting, served from
// localhost by scripts/bench-verify.mjs). Ours is imported the way an app imports it (the verifier
// proper is a lazy chunk); the Digital Bazaar stack is a lazy chunk too, so a fresh page times
// loading either one plus its first verification.
import { verifyCredential } from '../../packages/core/src/verify/index.ts';
import { oursVerifier, warmMedians } from './common.mjs';

globalThis.mcBench = {
  /** ms of the first verification in this page (code loading included). */
  async first(which, fx) {
    const t = performance.now();
    if (which === 'ours') await oursVerifier(verifyCredential)(fx.credentials.rdfcV2);
    else await (await import('./baseline.mjs')).baselineVerifier(fx.docs)(fx.credentials.rdfcV2);
    return performance.now() - t;
  },
  /** Warm medians, ours against the baseline. */
  async warm(fx) {
    const b = await import('./baseline.mjs');
    const ours = oursVerifier(verifyCredential);
    return {
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
  },
};
globalThis.mcBench.parts = async (fx) => {
  const t0 = performance.now();
  await import('../../packages/core/src/verify/verify-credential.ts');
  const t1 = performance.now();
  await import('../../packages/core/src/verify/jsonld/engine.ts');
  const t2 = performance.now();
  await oursVerifier(verifyCredential)(fx.credentials.rdfcV2);
  const t3 = performance.now();
  await oursVerifier(verifyCredential)(fx.credentials.rdfcV1);
  const t4 = performance.now();
  await oursVerifier(verifyCredential)(fx.credentials.rdfcV2);
  const t5 = performance.now();
  return { vc: t1 - t0, engine: t2 - t1, first: t3 - t2, firstV1: t4 - t3, second: t5 - t4 };
};

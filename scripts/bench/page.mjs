// The Chromium half of `npm run bench:verify` (bundled by esbuild with code splitting, served from
// localhost by scripts/bench-verify.mjs). Ours is imported the way an app imports it (the verifier
// proper is a lazy chunk); the baselines are bundles of their own (./ref/baseline.js, one file, and
// ./ref/formats.js), built apart from ours so that neither side's chunks are shaped by modules it
// shares with the other (jsonld, the bundled contexts): a page holds one verifier, not both. A fresh
// page times loading either one plus its first verification.
import { verifyCredential, verifyMany } from '../../packages/core/src/verify/index.ts';
import { NOW, oursVerifier, warmMedians } from './common.mjs';

/** A baseline bundle, by a specifier esbuild does not follow (it is built on its own). */
const ref = (name) => import(new URL(`./ref/${name}.js`, import.meta.url).href);

globalThis.mcBench = {
  /** ms of the first verification in this page (code loading included). */
  async first(which, fx) {
    const t = performance.now();
    if (which === 'ours') await oursVerifier(verifyCredential)(fx.credentials.rdfcV2);
    else await (await ref('baseline')).baselineVerifier(fx.docs)(fx.credentials.rdfcV2);
    return performance.now() - t;
  },
  /**
   * `verifyMany` on `n` credentials in a fresh page, in the worker or in this thread: total ms and
   * the longest main-thread task (PerformanceObserver 'longtask', tasks over 50 ms; 0 = none).
   */
  async many(fx, n, worker) {
    const inputs = Array.from({ length: n }, (_, i) =>
      i % 2 ? fx.credentials.rdfcV1 : fx.credentials.rdfcV2,
    );
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    });
    observer.observe({ type: 'longtask' });
    const fetch = async () => new Response('offline', { status: 404 });
    const t = performance.now();
    const reports = await verifyMany(inputs, { now: NOW, fetch, worker });
    const ms = performance.now() - t;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const bad = reports.find((r) => !r.verified);
    if (bad) throw new Error(`verifyMany did not verify: ${JSON.stringify(bad.checks)}`);
    return { ms, longest };
  },
  /** Warm medians, ours against the baseline. */
  async warm(fx) {
    const b = await ref('baseline');
    const f = await ref('formats');
    const ours = oursVerifier(verifyCredential);
    const baselines = f.formatBaselines(fx);
    const formats = {};
    for (const [name, key] of Object.entries(f.FORMAT_LINES)) {
      // a reference library that cannot run in a browser page is reported, not fatal
      formats[name] = await warmMedians(ours, baselines[key], fx.formats[key], f.FORMAT_RUNS[key]).catch(
        (e) => ({
          error: String(e?.message ?? e),
        }),
      );
    }
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
      ...formats,
    };
  },
};

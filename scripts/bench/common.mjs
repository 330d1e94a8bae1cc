// The verify benchmark's measuring half, shared by the Node run and the Chromium page (bundled by
// esbuild from scripts/bench-verify.mjs). No verifier library is imported here: ours comes in as a
// function, the Digital Bazaar stack from ./baseline.mjs, so a fresh page can time loading each.

/** The pinned time of every verification. */
export const NOW = new Date('2026-06-01T12:00:00Z');

/** Our verifier; throws unless the report says verified. */
export function oursVerifier(verifyCredential) {
  const fetch = async () => new Response('offline', { status: 404 });
  return async (credential) => {
    const r = await verifyCredential(credential, { now: NOW, fetch });
    if (!r.verified) throw new Error(`ours did not verify: ${JSON.stringify(r.checks)}`);
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median ms of `fn(input)` after `warm` unmeasured runs; ours and baseline interleaved run by run. */
export async function warmMedians(ours, baseline, input, { warm = 20, runs = 60 } = {}) {
  for (let i = 0; i < warm; i++) {
    await ours(input);
    await baseline(input);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await ours(input);
    a.push(performance.now() - t);
    t = performance.now();
    await baseline(input);
    b.push(performance.now() - t);
  }
  return { ours: median(a), baseline: median(b) };
}

/** One `bench …` line: `bench <name>: ours <ms> ms, baseline <ms> ms, speedup <x>x`. */
export function benchLine(name, ours, baseline) {
  return `bench ${name}: ours ${ours.toFixed(3)} ms, baseline ${baseline.toFixed(3)} ms, speedup ${(baseline / ours).toFixed(2)}x`;
}

// The page of scripts/bench/profile.mjs: our verifier in a loop, nothing else (bundled by esbuild,
// unminified, so the profile names our functions).
import { verifyCredential } from '../../packages/core/src/verify/index.ts';
import { oursVerifier } from './common.mjs';

const ours = oursVerifier(verifyCredential);
globalThis.mcProfile = {
  /** Verifies `input` `n` times, one after another. */
  async loop(input, n) {
    for (let i = 0; i < n; i++) await ours(input);
  },
};

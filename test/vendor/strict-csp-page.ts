/**
 * The module of strict-csp.html: records every CSP violation (the `securitypolicyviolation`
 * events, from before any element code runs) and every Worker started, then registers every
 * Microcred element. The parent test reads `window.mcStrict`.
 */
import './strict-csp-record.js';
import '@microcred/elements/define.js';

declare global {
  interface Window {
    mcStrict: { violations: string[]; workers: string[]; ready: boolean };
  }
}

window.mcStrict.ready = true;

/**
 * Evaluated before any element module (strict-csp-page.ts imports it first): collects CSP
 * violations and the address of each Worker started, into `window.mcStrict`.
 */
const state = { violations: [] as string[], workers: [] as string[], ready: false };
(window as unknown as { mcStrict: typeof state }).mcStrict = state;

document.addEventListener('securitypolicyviolation', (e) => {
  state.violations.push(
    `${e.violatedDirective}: ${e.blockedURI} ${e.sample} (${e.sourceFile}:${e.lineNumber})`,
  );
});

const RealWorker = window.Worker;
window.Worker = class extends RealWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    state.workers.push(String(url));
  }
};

export {};

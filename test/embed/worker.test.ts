import { expect } from '@open-wc/testing';
import type { VerificationReport } from '@microcred/core';
import type { FromWorker, ToWorker } from '@microcred/core/verify/worker-protocol.js';

// The built embed bundle (npm run build runs before the browser tests in `npm test`): its verify
// worker, run as it ships, in a real module Worker. A worker has no DOM: if its module graph held
// any element code (`class extends HTMLElement`), loading it would fail with
// "ReferenceError: HTMLElement is not defined" and the page would fall back to itself.
const dist = '/packages/embed/dist';
const worker = `${dist}/chunks/verify-worker.js`;
/** Valid eddsa-rdfc-2022, did:key, no status, no expiry: verified without any network. */
const vector =
  '/vectors/vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json';

describe('embed verify worker (built)', () => {
  it('loads in a module Worker without an error and verifies a real credential there', async () => {
    const input: unknown = await (await fetch(vector)).json();
    const w = new Worker(worker, { type: 'module' });
    try {
      const answer = new Promise<FromWorker | string>((resolve) => {
        w.addEventListener('message', (e: MessageEvent<FromWorker>) => resolve(e.data));
        w.addEventListener('error', (e) => resolve(`error event: ${e.message || 'module failed to load'}`));
        w.addEventListener('messageerror', () => resolve('messageerror'));
      });
      const message: ToWorker = {
        type: 'verify',
        index: 3,
        input,
        now: Date.parse('2026-11-22T12:00:00Z'),
        proxyFetch: false,
      };
      w.postMessage(message);
      const m = await answer;
      if (typeof m === 'string') throw new Error(m);
      expect(m.type).to.equal('result');
      if (m.type !== 'result') return;
      expect(m.index).to.equal(3);
      expect(m.report.verified, JSON.stringify(m.report.checks)).to.equal(true);
      expect(m.report.checks.find((c) => c.id === 'proof')?.outcome).to.equal('passed');
    } finally {
      w.terminate();
    }
  });

  it('the built <mc-verify-button> verifies in that worker, found beside its chunk', async () => {
    const RealWorker = globalThis.Worker;
    const urls: string[] = [];
    const results: VerificationReport[] = [];
    // Observes the real Worker (the seam); the built worker does the work.
    globalThis.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        urls.push(String(url));
        this.addEventListener('message', (e: MessageEvent<FromWorker>) => {
          if (e.data.type === 'result') results.push(e.data.report);
        });
      }
    };
    try {
      await import(/* @vite-ignore */ `${dist}/microcred.js`);
      const el = document.createElement('mc-verify-button') as HTMLElement & {
        credential: unknown;
        now: Date;
        state: string;
        verify(): Promise<VerificationReport | undefined>;
      };
      el.credential = await (await fetch(vector)).json();
      el.now = new Date('2026-11-22T12:00:00Z');
      document.body.append(el);
      const report = await el.verify();
      expect(urls.map((u) => new URL(u).pathname)).to.deep.equal([worker]);
      expect(results).to.have.length(1);
      expect(report).to.deep.equal(results[0]);
      expect(el.state).to.equal('verified');
      el.remove();
    } finally {
      globalThis.Worker = RealWorker;
    }
  });
});

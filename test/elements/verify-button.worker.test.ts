/**
 * `<mc-verify-button>` verifies in core's module Worker (issue 11 item 12: canonicalising a large
 * credential blocked the page for seconds), with the same report as the page's own verifier, abort
 * still stopping it, and the page as the fallback where no Worker can start.
 *
 * The seam: `globalThis.Worker` is replaced, for each test only, by a subclass of the real one that
 * records what it was asked to start, the results it posted back and whether it was terminated —
 * the real worker still does the work.
 */
import { expect, html } from '@open-wc/testing';
import { verifyCredential, type VerificationReport } from '@microcred/core';
import type { McVerifiedEvent, McVerifyButton } from '@microcred/elements';
import type { FromWorker } from '@microcred/core/verify/worker-protocol.js';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, VV, vectorFetch, vectorJson } from './verify-button.helpers.js';

const RealWorker = globalThis.Worker;

interface Seen {
  urls: string[];
  results: VerificationReport[];
  terminated: number;
}

/** Puts an observing subclass of the real Worker in place (or one that cannot start: `refuse`). */
function observeWorkers(refuse = false): Seen {
  const seen: Seen = { urls: [], results: [], terminated: 0 };
  globalThis.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      // what a Content Security Policy without worker-src does
      if (refuse) throw new DOMException('Refused to create a worker', 'SecurityError');
      super(url, options);
      seen.urls.push(String(url));
      this.addEventListener('message', (e: MessageEvent<FromWorker>) => {
        if (e.data.type === 'result') seen.results.push(e.data.report);
      });
    }
    override terminate(): void {
      seen.terminated++;
      super.terminate();
    }
  };
  return seen;
}

describe('<mc-verify-button> verifies in a Web Worker', () => {
  afterEach(() => {
    globalThis.Worker = RealWorker;
    unmountAll();
  });

  it('the report comes from core’s verify worker and equals the page’s own verification', async () => {
    const seen = observeWorkers();
    const credential = await vectorJson(VV.expired);
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${credential}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-verify-button>`,
    );
    const report = await el.verify();
    expect(seen.urls).to.have.length(1);
    expect(new URL(seen.urls[0]!).pathname).to.match(/\/verify-worker\.js$/);
    expect(seen.results).to.have.length(1);
    expect(report).to.deep.equal(seen.results[0]);
    expect(el.state).to.equal('expired');
    const onPage = await verifyCredential(credential, { now: NOW, fetch: vectorFetch() });
    expect(report).to.deep.equal(onPage);
  });

  it('a new credential aborts the verification under way: the worker is terminated, no mc-verified for the old one', async () => {
    const seen = observeWorkers();
    const [pending, offline] = await Promise.all([vectorJson(VV.valid), vectorJson(VV.validOffline)]);
    let asked!: () => void;
    const requested = new Promise<void>((r) => (asked = r));
    // The status list never arrives: the worker waits for it until aborted.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        asked();
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${pending} .now=${NOW} .fetch=${hanging}></mc-verify-button>`,
    );
    const verified: McVerifiedEvent[] = [];
    el.addEventListener('mc-verified', (e) => verified.push(e as McVerifiedEvent));
    const first = el.verify();
    await requested; // the worker is verifying (it asked the page for the status list)
    expect(seen.urls).to.have.length(1);
    el.credential = offline;
    await el.updateComplete;
    expect(await first).to.equal(undefined);
    expect(seen.terminated).to.equal(1);
    expect(el.state).to.equal('idle');
    expect(verified).to.have.length(0);
    el.fetch = vectorFetch();
    const report = await el.verify();
    expect(report?.verified).to.equal(true);
    expect(seen.results.map((r) => r.verified)).to.deep.equal([true]);
    expect(verified).to.have.length(1);
  });

  it('verifies on the page, with the same report, where no Worker can start (a CSP without worker-src)', async () => {
    const seen = observeWorkers(true);
    const credential = await vectorJson(VV.tampered);
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${credential}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-verify-button>`,
    );
    const report = await el.verify();
    expect(seen.urls).to.have.length(0);
    expect(el.state).to.equal('invalid');
    expect(report).to.deep.equal(await verifyCredential(credential, { now: NOW, fetch: vectorFetch() }));
  });
});

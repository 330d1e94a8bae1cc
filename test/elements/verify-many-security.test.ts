/**
 * Issue 11 item 11 in the worker path: `verifyMany()` with the page's own `fetch` (what
 * <mc-verify-button> and <mc-badge-wallet> do when a host gives them one) makes every request on the
 * page for the worker. The body is copied to the worker, so it must be read under the same kind of
 * cap as the verifier's own reads — a 50 MB did:web document must not be read whole on the page
 * before the worker refuses it.
 *
 * The hostile server is a `fetch` answering with a 50 MB stream made as it is read (pull), which
 * counts what was pulled; the real module Worker does the verification (a subclass of the real
 * Worker counts the results it posts, so a fallback to the page's thread cannot pass the test).
 */
import { expect } from '@open-wc/testing';
import { verifyMany } from '@microcred/core/verify/verify-many.js';
import type { FromWorker } from '@microcred/core/verify/worker-protocol.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const SIMPLE =
  '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources/ob30/simple.json';
const FIFTY_MB = 50 * 1024 * 1024;

const RealWorker = globalThis.Worker;
let workerResults = 0;

/** The 1EdTech OB 3.0 `simple.json`, issued by did:web:big.test and signed (it says) by its key. */
async function didWebCredential(): Promise<Record<string, unknown>> {
  const doc = (await (await fetch(SIMPLE)).json()) as Record<string, unknown>;
  const proof = (doc['proof'] as Record<string, unknown>[])[0]!;
  return {
    ...doc,
    issuer: { id: 'did:web:big.test', type: ['Profile'], name: 'Issuer' },
    proof: [{ ...proof, verificationMethod: 'did:web:big.test#key-1' }],
  };
}

describe('verifyMany in its Worker with the page’s fetch: bodies are capped on the page too (issue 11 item 11)', () => {
  beforeEach(() => {
    workerResults = 0;
    globalThis.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<FromWorker>) => {
          if (e.data.type === 'result') workerResults++;
        });
      }
    };
  });
  afterEach(() => {
    globalThis.Worker = RealWorker;
  });

  it('a 50 MB did:web document is cut off while the page reads it, and the key is unknown (too large)', async () => {
    let pulled = 0;
    const requested: string[] = [];
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const hostile = (async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requested.push(url);
      if (url !== 'https://big.test/.well-known/did.json') return new Response('{}', { status: 404 });
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (pulled >= FIFTY_MB) return controller.close();
            pulled += chunk.length;
            controller.enqueue(chunk.slice());
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;

    const [report] = await verifyMany([await didWebCredential()], { now: NOW, fetch: hostile });
    expect(workerResults, 'the report came from the worker').to.equal(1);
    expect(requested).to.include('https://big.test/.well-known/did.json');
    const proof = report!.checks.find((c) => c.id === 'proof')!;
    expect(proof.outcome).to.equal('unknown');
    expect(proof.message).to.match(/too large/);
    expect(report!.verified).to.equal(false);
    // The page stopped reading soon after the cap (2 MB for the verifier), not at 50 MB.
    expect(pulled, `${pulled} bytes pulled`).to.be.below(8 * 1024 * 1024);
  });

  it('control: a small answer still reaches the worker whole', async () => {
    const requested: string[] = [];
    const answer = (async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requested.push(url);
      return new Response(JSON.stringify({ id: 'did:web:big.test', verificationMethod: [] }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const [report] = await verifyMany([await didWebCredential()], { now: NOW, fetch: answer });
    expect(workerResults).to.equal(1);
    const proof = report!.checks.find((c) => c.id === 'proof')!;
    // The document was read and searched: it has no such key (a failed check, not "too large").
    expect(proof.code, proof.message).to.equal('key-not-found');
  });
});

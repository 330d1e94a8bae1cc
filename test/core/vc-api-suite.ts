/**
 * The VC API handler on a real HTTP server (node:http on 127.0.0.1, port 0, through the shipped
 * `toNodeListener`), asked the way the W3C test suites ask a verifier, and judged the way they
 * judge it: accepted = 200, `verified`, no errors; rejected = 400, not `verified`, at least one
 * error. Shared by the suites' tests (vc-api-vcdm2-suite, vc-api-jose-cose-suite).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { toNodeListener } from '@microcred/core/vc-api';
import type { VcApiVerificationResult } from '@microcred/core/vc-api';

type Path = '/credentials/verify' | '/presentations/verify';
type Obj = Record<string, unknown>;

/** A suite's client of the handler; `start` it in `before`, `close` it in `after`. */
export interface VcApiSuite {
  start(handler: (request: Request) => Promise<Response>): Promise<void>;
  close(): Promise<void>;
  /** POSTs `document` as the suite does (with `options`, when given, for each endpoint). */
  post(path: Path, document: unknown): Promise<{ status: number; json: VcApiVerificationResult }>;
  /** The suites' acceptance: 200, verified, no errors. */
  accepted(path: Path, document: unknown): Promise<void>;
  /**
   * The suites' rejection: 400 (they allow any 4xx), not verified, at least one error; with `check`,
   * an error of that check; with `code`, an error (or an enclosed credential's) with that code.
   */
  rejected(path: Path, document: unknown, expected?: { check?: string; code?: string }): Promise<void>;
}

/** A client that sends `options` with each request: per endpoint, as the suite does. */
export function vcApiSuite(options: { credential?: Obj; presentation?: Obj } = {}): VcApiSuite {
  let server: Server | undefined;
  let base = '';
  const post: VcApiSuite['post'] = async (path, document) => {
    const body =
      path === '/credentials/verify'
        ? { verifiableCredential: document, ...(options.credential ? { options: options.credential } : {}) }
        : {
            verifiablePresentation: document,
            ...(options.presentation ? { options: options.presentation } : {}),
          };
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as VcApiVerificationResult };
  };
  return {
    async start(handler) {
      const s = createServer(toNodeListener(handler));
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
      server = s;
      base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    post,
    async accepted(path, document) {
      const r = await post(path, document);
      assert.equal(r.status, 200, JSON.stringify(r.json.errors));
      assert.deepEqual(r.json.errors, []);
      assert.equal(r.json.verified, true);
    },
    async rejected(path, document, expected = {}) {
      const r = await post(path, document);
      assert.equal(r.status, 400, JSON.stringify(document).slice(0, 160));
      assert.equal(r.json.verified, false);
      assert.ok(r.json.errors.length > 0);
      if (expected.check)
        assert.ok(
          r.json.errors.some((e) => e.check === expected.check),
          JSON.stringify(r.json.errors),
        );
      if (expected.code) {
        const codes = [
          ...r.json.errors.map((e) => e.code),
          ...(r.json.credentialResults ?? []).flatMap((c) => c.errors.map((e) => e.code)),
        ];
        assert.ok(codes.includes(expected.code as never), `${expected.code} not in ${codes.join(' ')}`);
      }
    },
  };
}

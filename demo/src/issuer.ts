/**
 * Where the demo pages get their live data: the demo issuer (demo/server), through
 * `createClient()`. `npm start` passes the issuer's URL to Vite as `VITE_MC_ISSUER`.
 */
import { createClient } from '@microcred/core';
import type { McClient } from '@microcred/core';

/** The demo issuer's origin, e.g. `http://localhost:8787`. */
export const ISSUER_URL: string =
  (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env?.['VITE_MC_ISSUER'] ??
  'http://localhost:8787';

/** The documented demo bearer tokens (demo/server/README.md). */
export const TOKENS = {
  ana: 'demo-token-ana',
  marcus: 'demo-token-marcus',
  priya: 'demo-token-priya',
} as const;

/** A client for the issuer's OB 3.0 API, signed in as one demo educator. */
export function issuerClient(token?: string): McClient {
  return createClient({
    baseUrl: `${ISSUER_URL}/ims/ob/v3p0`,
    ...(token ? { accessToken: token } : {}),
    timeoutMs: 10_000,
  });
}

/** Every credential (JSON-LD and VC-JWT) of one educator, all pages. */
export async function credentialsOf(token: string): Promise<(Record<string, unknown> | string)[]> {
  const out: (Record<string, unknown> | string)[] = [];
  for await (const c of issuerClient(token).credentials({ limit: 20 })) out.push(c);
  return out;
}

/** GETs JSON from the issuer (catalog and progress feeds). */
export async function issuerJson<T>(path: string): Promise<T> {
  const res = await fetch(`${ISSUER_URL}${path}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

const issuerOrigin = new URL(ISSUER_URL).origin;
const httpsIssuer = issuerOrigin.replace(/^http:/, 'https:');

/**
 * DEMO ONLY: the `fetch` to give the verifier for issuer credentials. The issuer is
 * `did:web:localhost%3A<port>`, which by the did:web spec resolves over https; the demo issuer
 * serves plain http. This rewrites `https://<issuer host:port>/…` to `http://…` for that one origin
 * and fetches everything else unchanged. A real issuer serves https and needs nothing like it.
 */
export const issuerVerifyFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return fetch(url.startsWith(`${httpsIssuer}/`) ? issuerOrigin + url.slice(httpsIssuer.length) : url, init);
};

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

/**
 * DEMO ONLY: a `fetch` for the verifier that reaches the demo issuer at `issuerUrl`. The issuer is
 * `did:web:localhost%3A<port>`, which by the did:web spec resolves over https; the demo issuer
 * serves plain http. This fetches `https://<issuer host:port>/…` from `http://…` for that one origin
 * and everything else unchanged. The answer is handed back as the answer to the https address asked
 * (a verifier refuses an answer that says it came from another origin). A real issuer serves https
 * and needs nothing like it.
 */
export function issuerFetch(issuerUrl: string): typeof fetch {
  const origin = new URL(issuerUrl).origin;
  const https = origin.replace(/^http:/, 'https:');
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${https}/`)) return fetch(input, init);
    const res = await fetch(origin + url.slice(https.length), init);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

/** DEMO ONLY: `issuerFetch` for this demo's issuer; the demo pages give it to every verifier. */
export const issuerVerifyFetch: typeof fetch = issuerFetch(ISSUER_URL);

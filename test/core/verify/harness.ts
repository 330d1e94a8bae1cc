/**
 * Test harness for the verifier: the shared vectors (never copied), the pinned clock, and an offline
 * `fetch` that serves the URLs of SOURCES.md's "offline resolution map" from the local files. The
 * fetch is injected through `verifyCredential`'s `fetch` option (no global stubs).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findVectors(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env['MC_VECTORS'],
    resolve(here, '../../../../shared/vectors'),
    resolve(process.cwd(), '../shared/vectors'),
  ];
  const found = candidates.find(
    (p): p is string => typeof p === 'string' && existsSync(join(p, 'SOURCES.md')),
  );
  if (!found) throw new Error(`Shared vectors not found; looked in ${candidates.join(', ')}`);
  return found;
}

/** Absolute path of ../shared/vectors. */
export const VECTORS = findVectors();
/** The pinned "now" of every verifier test (the reference runs' date). */
export const NOW = new Date('2026-11-22T12:00:00Z');

export const OB20 = 'digital-credentials-public-validator/inspector-vc/src/test/resources/ob20';
export const OB30 = 'digital-credentials-public-validator/inspector-vc/src/test/resources/ob30';
export const CLR20 = 'digital-credentials-public-validator/inspector-clr/src/test/resources/clr20';
export const VCF = 'vc-test-fixtures/verifiableCredentials';
export const VCORE = 'verifier-core/src/test-fixtures/verifiableCredentials';
export const DIEDDSA = 'vc-di-eddsa/TestVectors';

/** Reads a vector as text / bytes / JSON. */
export const vectorText = (path: string): string => readFileSync(join(VECTORS, path), 'utf8');
export const vectorBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(VECTORS, path)));
export const vectorJson = (path: string): Record<string, unknown> =>
  JSON.parse(vectorText(path)) as Record<string, unknown>;

/** Every file below `dir` (relative to VECTORS) ending in `ext`, sorted. */
export function vectorFiles(dir: string, ext = '.json'): string[] {
  const walk = (d: string): string[] =>
    readdirSync(join(VECTORS, d))
      .sort()
      .flatMap((n) => {
        const p = `${d}/${n}`;
        return statSync(join(VECTORS, p)).isDirectory() ? walk(p) : n.endsWith(ext) ? [p] : [];
      });
  return walk(dir);
}

/** URL prefix → vector folder (SOURCES.md, "Offline resolution map"). */
const PREFIXES: [string, string][] = [
  [
    'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/',
    'verifier-core/src/test-fixtures/status/{}.json',
  ],
  [
    'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/',
    'vc-test-fixtures/statusLists/didkey-ed25519Signature2020/{}',
  ],
  [
    'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/',
    'digital-credentials-public-validator/inspector-vc/src/test/resources/ob30/bit-string-list/{}',
  ],
  ['https://digitalcredentials.github.io/dcc-did-web/', 'constructed-dids/dcc-did-web/{}'],
  ['https://digitalcredentials.github.io/vc-test-fixtures/dids/', 'vc-test-fixtures/dids/{}'],
  ['https://example.org/', `${OB20}/assets/{}`],
  ['http://example.org/', `${OB20}/assets/{}`],
];

/** The local file for `url`, or undefined when the map has none. */
export function localFileFor(url: string): string | undefined {
  for (const [prefix, pattern] of PREFIXES) {
    if (url.startsWith(prefix)) {
      const rest = url.slice(prefix.length).split(/[?#]/)[0]!;
      if (rest.includes('..')) return undefined;
      for (const file of [pattern.replace('{}', rest), pattern.replace('{}', `${rest}.json`)]) {
        if (existsSync(join(VECTORS, file)) && statSync(join(VECTORS, file)).isFile()) return file;
      }
    }
  }
  return undefined;
}

/** A log of requested URLs, for assertions. */
export interface OfflineFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  requests: string[];
}

/**
 * An offline `fetch`: serves mapped URLs from the vectors, 404 for anything else. `extra` adds
 * synthetic answers (url → body, or a status number).
 */
export function offlineFetch(extra: Record<string, unknown> = {}): OfflineFetch {
  const requests: string[] = [];
  const f = (async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    if (url in extra) {
      const v = extra[url];
      if (typeof v === 'number') return new Response('gone', { status: v });
      if (v instanceof Error) throw v;
      return new Response(typeof v === 'string' ? v : JSON.stringify(v), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    const file = localFileFor(url);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(readFileSync(join(VECTORS, file)), { status: 200 });
  }) as OfflineFetch;
  f.requests = requests;
  return f;
}

/** A test-only controller document for each `https://…#z6Mk…` method of `doc` (what 1EdTech's validator assumes). */
export function fragmentKeyDocs(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const proofs = JSON.stringify(doc).match(/https:\/\/[^"#]+#z6Mk[1-9A-HJ-NP-Za-km-z]+/g) ?? [];
  for (const vm of proofs) {
    const [base, frag] = vm.split('#') as [string, string];
    out[base] = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: base,
      verificationMethod: [{ id: vm, type: 'Multikey', controller: base, publicKeyMultibase: frag }],
      assertionMethod: [vm],
    };
  }
  return out;
}

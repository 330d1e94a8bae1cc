/**
 * TESTS AND STORIES ONLY — never use this in an application, and never move it into the library.
 * The demo pages do not use it: they verify the demo issuer's own credentials (demo/src/issuer.ts)
 * and need nothing from ../shared. The element tests and the verify-button stories do.
 *
 * The demo runs without internet, but verifying its real test vectors needs the documents they point
 * to on the web: status lists (revocation), `did:web` documents (issuer keys) and, for Open Badges
 * 2.0, hosted badge classes and issuers. `../shared/vectors` holds copies of those documents, and
 * SOURCES.md lists which URL each one stands for ("Offline resolution map"). `vectorFetch()` is a
 * `fetch` that answers exactly those URLs from the copies served at `/vectors/`, and answers every
 * other URL with a 404, so nothing leaves the page. The demo hands it to each
 * `<mc-verify-button>` through the button's `fetch` property; the library itself always uses the
 * real network (or whatever `fetch` a host passes).
 */

/** URL prefix → the folder under /vectors/ holding its documents, and the suffix the files carry. */
const OFFLINE_MAP: readonly (readonly [prefix: string, folder: string, suffix: string])[] = [
  [
    'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/',
    'verifier-core/src/test-fixtures/status/',
    '.json',
  ],
  [
    'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/',
    'vc-test-fixtures/statusLists/didkey-ed25519Signature2020/',
    '',
  ],
  [
    'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/',
    'digital-credentials-public-validator/inspector-vc/src/test/resources/ob30/bit-string-list/',
    '',
  ],
  // did:web:digitalcredentials.github.io:dcc-did-web[:multikey] → …/dcc-did-web[/multikey]/did.json
  ['https://digitalcredentials.github.io/dcc-did-web/', 'constructed-dids/dcc-did-web/', ''],
  // did:web:digitalcredentials.github.io:vc-test-fixtures:dids:{legacy,oidf}
  ['https://digitalcredentials.github.io/vc-test-fixtures/dids/', 'vc-test-fixtures/dids/', ''],
  // Open Badges 2.0 hosted assertions, badge classes and issuers of the 1EdTech validator's tests
  [
    'https://example.org/',
    'digital-credentials-public-validator/inspector-vc/src/test/resources/ob20/assets/',
    '',
  ],
  [
    'http://example.org/',
    'digital-credentials-public-validator/inspector-vc/src/test/resources/ob20/assets/',
    '',
  ],
];

/** The /vectors/ path standing for `url`, or `undefined` when the offline map has none. */
export function offlinePath(url: string, base = '/vectors/'): string | undefined {
  for (const [prefix, folder, suffix] of OFFLINE_MAP) {
    if (!url.startsWith(prefix)) continue;
    const rest = url.slice(prefix.length).split(/[?#]/)[0] ?? '';
    if (!rest || rest.split('/').some((s) => s === '..' || s === '.' || s === '')) return undefined;
    return `${base}${folder}${rest}${suffix && !rest.endsWith(suffix) ? suffix : ''}`;
  }
  return undefined;
}

/**
 * DEMO ONLY: a `fetch` that serves the URLs of SOURCES.md's offline map from `/vectors/` (`base`).
 * Every other URL goes to `fallback`, by default a 404 answer (the demo has no internet; nothing
 * leaves the page). A page that also verifies its own issuer's credentials can pass that issuer's
 * fetch as `fallback`.
 */
export function vectorFetch(base = '/vectors/', fallback?: typeof fetch): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = offlinePath(url, base);
    if (path) {
      const res = await fetch(path, { signal: init?.signal ?? null });
      // The dev server answers a missing file with its HTML page: that is a 404 here.
      const html = (res.headers.get('content-type') ?? '').startsWith('text/html');
      // Answered as if from `url` itself (a Response made here has no `url` of its own): the copy
      // stands for that address, and the verifier refuses answers that came from another origin.
      return html
        ? new Response('Not found', { status: 404 })
        : new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
    }
    return fallback ? fallback(input, init) : new Response('Not in the demo’s offline map', { status: 404 });
  };
}

/**
 * Helpers of the built-page tests (frame.html, verify.html, builder.html): open a page of the BUILT
 * embed package (`npx vite build --mode embed`; `npm test` builds before the browser tests) in an
 * iframe of the test page, wait on a condition in it, run axe on its document, and collect the
 * messages it posts to this window.
 */
import type { AxeResults, RunOptions } from 'axe-core';

/** What axe-core puts on a window when its script runs. */
interface AxeApi {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

/** Where the built package is served by web-test-runner. */
export const DIST = '/packages/embed/dist';

/** An absolute address on the test server (frames accept only absolute http(s) sources). */
export const abs = (path: string): string => new URL(path, location.origin).href;

/** Fixtures the frame tests show. */
export const SOURCES = {
  card: abs('/vectors/obv3-examples/ref/full_ex.json'),
  /** did:key, no status, no expiry: verifies with no network beyond the test server. */
  verify: abs(
    '/vectors/vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json',
  ),
  catalog: abs('/demo/public/catalog.json'),
  tracker: abs(
    `/demo/public/catalog.json#${encodeURIComponent('https://credentials.lakeside-usd.example/stacks/literacy-leader')}`,
  ),
  records: abs('/test/fixtures/frame/progress.json'),
  wallet: abs('/test/fixtures/frame/wallet.json'),
};

const opened = new Set<HTMLIFrameElement>();

/** Opens `page` of the built package in an iframe of `width` × `height` and waits for its `load`. */
export async function openPage(
  page: string,
  { width = 600, height = 800, title = 'Embedded page' } = {},
): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  frame.src = page.startsWith('/') ? page : `${DIST}/${page}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  opened.add(frame);
  await loaded;
  return frame;
}

/** Removes every frame {@link openPage} opened. */
export function closePages(): void {
  for (const f of opened) f.remove();
  opened.clear();
}

/**
 * Resolves with `probe()`'s first truthy value, checking it again whenever anything in the frame's
 * document changes and on a short interval (network answers and shadow-root renders are not
 * mutations of the document). The test's own timeout bounds the wait.
 */
export function until<T>(probe: () => T | undefined | null | false, what = 'condition'): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      let value: T | undefined | null | false;
      try {
        value = probe();
      } catch {
        value = undefined;
      }
      if (value) return resolve(value);
      if (Date.now() - started > 9000) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 25);
    };
    check();
  });
}

/** Messages a frame posted to this window, as they arrive. */
export function messagesFrom(frame: HTMLIFrameElement): unknown[] {
  const seen: unknown[] = [];
  window.addEventListener('message', (e) => {
    if (e.source === frame.contentWindow) seen.push(e.data);
  });
  return seen;
}

/**
 * Runs axe inside a frame's own window (axe judges a document from its own realm): its file is
 * added to the frame as a same-origin script, which the frame's CSP (`script-src 'self'`) allows.
 * Returns the violations' ids and targets (axe's default rules).
 */
export async function axeViolations(doc: Document): Promise<string[]> {
  const win = doc.defaultView as (Window & { axe?: AxeApi }) | null;
  if (!win) throw new Error('the frame has no window');
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', reject, { once: true });
    });
    doc.head.append(script);
    await loaded;
  }
  const result = await win.axe!.run(doc.documentElement, { resultTypes: ['violations'] });
  removeAxe(doc);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Takes axe's script element out again (the page's markup stays as it was). */
function removeAxe(doc: Document): void {
  doc.querySelector('script[src$="axe.min.js"]')?.remove();
}

/** Whitespace-collapsed text of `node`, its shadow roots included. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    // Nodes of a frame belong to its realm: compare node types and names, not classes.
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    const name = n.nodeName.toLowerCase();
    if (name === 'script' || name === 'style' || name === 'slot') return;
    const shadow = (n as Element).shadowRoot;
    if (shadow) walk(shadow);
    for (const c of n.childNodes) walk(c);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

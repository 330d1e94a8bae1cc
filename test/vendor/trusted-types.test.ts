// Every Microcred element and its main interactions under the strictest Content-Security-Policy:
// script-src 'self', and `require-trusted-types-for 'script'; trusted-types lit-html microcred`
// (scripts/wtr/plugins.mjs STRICT_CSP, served with test/vendor/strict-csp.html). The page
// records every `securitypolicyviolation` event from before any element code runs; the policy also
// sends reports (report-uri), read back at the end. Zero of either is the pass.
// Trusted Types (W3C): "require-trusted-types-for 'script'" makes every script sink — a <script>'s
// text, the Worker constructor's URL — take only values made by an allowed policy.
import { expect } from '@open-wc/testing';
import type {
  McBadgeWallet,
  McCatalog,
  McCredentialCard,
  McProgressTracker,
  McVerifyButton,
} from '@microcred/elements';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';
import { digitalPathway, mayaCredentials, mayaRecords } from '../../stories/fixtures/progress.js';
import { VALID, vectorJson } from './helpers.js';

type StrictWindow = Window &
  typeof globalThis & { mcStrict: { violations: string[]; workers: string[]; ready: boolean } };

let frame: HTMLIFrameElement;
let win: StrictWindow;

/** A copy of `value` made in the page's own realm (its Array, Object, Date). */
const local = <T>(value: T): T => win.JSON.parse(JSON.stringify(value)) as T;

/** Creates `tag` in the page, sets `props`, appends it to the page's body. */
function add<T extends HTMLElement>(tag: string, props: Record<string, unknown> = {}, parent?: Element): T {
  const el = win.document.createElement(tag) as T;
  Object.assign(el, props);
  (parent ?? win.document.body).append(el);
  return el;
}

/** The next `type` event on `el` (listening starts now). */
const next = <E extends Event>(el: EventTarget, type: string): Promise<E> =>
  new Promise((resolve) => el.addEventListener(type, (e) => resolve(e as E), { once: true }));

/** Waits for a Lit element's update (its `updateComplete` includes pending loads). */
const settled = async (el: Element): Promise<void> => {
  await (el as Element & { updateComplete: Promise<unknown> }).updateComplete;
};

/** Opens the strict page in an iframe; resolves once every element is defined there. */
async function openPage(src: string): Promise<void> {
  frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 800px';
  const loaded = next(frame, 'load');
  frame.src = src;
  document.body.append(frame);
  await loaded;
  win = frame.contentWindow as StrictWindow;
  await win.customElements.whenDefined('mc-badge-wallet');
  expect(win.mcStrict.ready).to.equal(true);
}

const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('every element under require-trusted-types-for and script-src self', () => {
  before(async () => {
    await openPage('/test/vendor/strict-csp.html');
  });

  after(() => frame.remove());

  /** No violation so far in the page (each test ends with it; a failing hook would stop the rest). */
  const noViolations = (): void => {
    expect(win.mcStrict.violations).to.deep.equal([]);
  };

  /**
   * Writes `marker` into a script sink as a plain string, which the policy must refuse, and waits
   * for its violation event. Violation events are queued in order, so once this one arrived every
   * earlier violation has been reported too.
   */
  async function probe(marker: string): Promise<string[]> {
    const event = next(win.document, 'securitypolicyviolation');
    const script = win.document.createElement('script');
    expect(() => {
      script.textContent = marker;
    }).to.throw(/TrustedScript/);
    await event;
    const seen = win.mcStrict.violations.splice(0);
    expect(seen.at(-1)).to.contain(
      `require-trusted-types-for: trusted-types-sink HTMLScriptElement textContent|${marker}`,
    );
    return seen.slice(0, -1);
  }

  it('the policy is really enforced there: a plain string into a script sink throws', async () => {
    expect(await probe('mcprobe-start')).to.deep.equal([]);
  });

  it('card from src, then verify in the worker', async () => {
    const card = win.document.createElement('mc-credential-card') as McCredentialCard;
    const button = win.document.createElement('mc-verify-button') as McVerifyButton;
    button.slot = 'status';
    card.append(button);
    const loaded = next(card, 'mc-load');
    card.src = VALID;
    win.document.body.append(card);
    await loaded;
    await settled(card);
    const credential = await vectorJson(VALID);
    expect(card.state).to.equal('loaded');
    expect(text(card)).to.contain(credential['name'] as string);

    const workersBefore = win.mcStrict.workers.length;
    const verified = next<Event & { outcome: string }>(card, 'mc-verified');
    await settled(button);
    button.shadowRoot!.querySelector('button')!.click();
    expect((await verified).outcome).to.equal('verified');
    // in core's worker, its address made trusted by the microcred policy
    expect(win.mcStrict.workers.slice(workersBefore)).to.have.length(1);
    expect(win.mcStrict.workers.at(-1)).to.match(/verify-worker\.(js|ts)$/);
    noViolations();
  });

  it('catalog: loads with its schema.org JSON-LD, searches, opens details', async () => {
    const catalog = win.document.createElement('mc-catalog') as McCatalog;
    const loaded = next(catalog, 'mc-catalog-load');
    catalog.items = local(lakesideCatalogFeed);
    win.document.body.append(catalog);
    await loaded;
    await settled(catalog);
    expect(catalog.state).to.equal('loaded');
    // the JSON-LD script was written (a TrustedScript from the microcred policy), and is JSON
    const jsonLd = catalog.querySelector('script[type="application/ld+json"]');
    expect(jsonLd, 'JSON-LD script').to.not.equal(null);
    expect(JSON.parse(jsonLd!.textContent!)).to.have.property('@context');

    const all = catalog.results.length;
    const search = catalog.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    search.value = 'writing';
    search.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    await settled(catalog);
    expect(catalog.results.length).to.be.greaterThan(0).and.lessThan(all);

    const opened = next<Event & { entry: { name: string } }>(catalog, 'mc-catalog-open');
    catalog.shadowRoot!.querySelector<HTMLButtonElement>('[part~=details-button]')!.click();
    expect((await opened).entry.name).to.equal(catalog.results[0]!.name);
    await settled(catalog);
    expect(catalog.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    // The dialog is named by the entry (a sentence it points at, the name marked with its language;
    // its card, a shadow root of its own, shows the name) (issue 13).
    const nameId = catalog.shadowRoot!.querySelector('dialog')!.getAttribute('aria-labelledby')!;
    expect(catalog.shadowRoot!.getElementById(nameId)?.textContent?.trim()).to.equal(
      catalog.results[0]!.name,
    );
    noViolations();
  });

  it('progress tracker: renders its pathway and picks a requirement', async () => {
    const tracker = add<McProgressTracker>('mc-progress-tracker', {
      // The page handles mc-requirement-select, so names are buttons (issue 13 item 2).
      actionable: true,
      pathway: local(digitalPathway),
      credentials: local(mayaCredentials),
      records: local(mayaRecords),
      now: new win.Date('2026-11-22T12:00:00Z'),
    });
    await settled(tracker);
    expect(tracker.state).to.equal('loaded');
    expect(text(tracker)).to.contain('Digital Citizenship');
    const picked = next<Event & { progress: { requirement: { name: string } } }>(
      tracker,
      'mc-requirement-select',
    );
    tracker.shadowRoot!.querySelector<HTMLButtonElement>('button.requirement-name')!.click();
    expect((await picked).progress.requirement.name).to.equal('Digital Citizenship');
    noViolations();
  });

  it('badge wallet (owner): import (verified in the worker), then Verify all in the worker', async () => {
    const wallet = add<McBadgeWallet>('mc-badge-wallet', {
      editable: true,
      storageKey: `strict-csp-${crypto.randomUUID()}`,
    });
    await settled(wallet);
    const workersBefore = win.mcStrict.workers.length;
    const credential = local(await vectorJson(VALID));
    const [result] = await wallet.importItems([{ kind: 'data', value: credential }]);
    expect(result!.status).to.equal('imported');
    // an import verifies what it added; its result is saved, then said with mc-wallet-change
    while (!wallet.records[0]?.verification) await next(wallet, 'mc-wallet-change');
    expect(wallet.records.map((r) => r.verification?.outcome)).to.deep.equal(['verified']);
    await settled(wallet);
    const tile = wallet.shadowRoot!.querySelector('mc-credential-card')!;
    await settled(tile);
    expect(text(tile)).to.contain(credential['name'] as string);

    const verifyAll = [...wallet.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Verify all',
    )!;
    const changed = next(wallet, 'mc-wallet-change');
    verifyAll.click();
    await changed;
    expect(wallet.records.map((r) => r.verification?.outcome)).to.deep.equal(['verified']);
    // both verifications ran in core's worker
    expect(win.mcStrict.workers.slice(workersBefore)).to.have.length(2);
    noViolations();
  });

  it('no violation was left to report, and no CSP report was sent (report-uri) but the probes', async () => {
    expect(await probe('mcprobe-end')).to.deep.equal([]);
    // Reports travel over the network: wait until both probes' arrived (test timeout otherwise).
    let reports: string[] = [];
    while (!reports.some((r) => r.includes('mcprobe-end')))
      reports = (await (await fetch('/__csp-reports')).json()) as string[];
    const others = reports.filter((r) => !r.includes('mcprobe-'));
    expect(others, others.join('\n')).to.deep.equal([]);
  });
});

describe('a page whose trusted-types directive leaves Microcred’s policy out', () => {
  before(async () => {
    await openPage('/test/vendor/strict-csp.html?policies=lit-html');
  });

  after(() => frame.remove());

  it('the catalog shows without its JSON-LD (no data error); verification runs on the page', async () => {
    const errors: string[] = [];
    win.document.addEventListener('mc-error', (e) =>
      errors.push((e as Event & { error: { code: string } }).error.code),
    );
    const catalog = win.document.createElement('mc-catalog') as McCatalog;
    const loaded = next(catalog, 'mc-catalog-load');
    catalog.items = local(lakesideCatalogFeed);
    win.document.body.append(catalog);
    await loaded;
    await settled(catalog);
    expect(catalog.state).to.equal('loaded');
    expect(catalog.results.length).to.be.greaterThan(0);
    expect(catalog.querySelector('script')).to.equal(null);

    const button = win.document.createElement('mc-verify-button') as McVerifyButton;
    button.credential = local(await vectorJson(VALID));
    win.document.body.append(button);
    await settled(button);
    const verified = next<Event & { outcome: string }>(button, 'mc-verified');
    button.shadowRoot!.querySelector('button')!.click();
    expect((await verified).outcome).to.equal('verified');
    expect(win.mcStrict.workers).to.deep.equal([]);
    expect(errors).to.deep.equal([]);

    // The one violation: creating the refused policy (reported by the browser, not by us), and no
    // script sink was ever given a string.
    const event = next(win.document, 'securitypolicyviolation');
    const script = win.document.createElement('script');
    expect(() => (script.textContent = 'mcprobe-refused')).to.throw(/TrustedScript/);
    await event;
    expect(win.mcStrict.violations.map((v) => v.split(':')[0])).to.deep.equal([
      'trusted-types',
      'require-trusted-types-for',
    ]);
  });
});

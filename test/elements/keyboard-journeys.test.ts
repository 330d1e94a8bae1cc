// Keyboard-only journeys through every element (issue 13, defect 1): after each action focus lands
// on something meaningful — the control that was used, the dialog, or the control that opened it —
// never on <body>. WCAG 2.4.3 Focus Order: "If a Web page can be navigated sequentially and the
// navigation sequences affect meaning or operation, focusable components receive focus in an order
// that preserves meaning and operability." Keys only (sendKeys), in English and Spanish; the only
// thing set without keys is the pasted credential text (typing 3 KB of JSON key by key proves
// nothing about focus).
import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/verify-button/mc-verify-button.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { deleteWallets, offline, ownerWallet, root, until } from './helpers/wallet.js';
import { NOW, V, vector } from './helpers/card.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';
import { when } from './helpers/when.js';
import { CatalogHarness } from './harness/catalog.js';
import { TrackerHarness } from './harness/tracker.js';
import { WalletHarness } from './harness/wallet.js';
import { literacyPathway, mayaCredentials, mayaRecords } from '../../stories/fixtures/progress.js';

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Waits until the focused element passes `test`: re-checked on each focus move and DOM change (no
 * timers; a focus that never lands fails on the test's timeout).
 */
async function focused(test: (e: Element) => boolean): Promise<Element> {
  const passes = (): boolean => {
    const a = deepActive();
    return !!a && test(a);
  };
  await when(document.body, passes);
  const a = deepActive();
  expect(a && test(a), `focus is on ${a?.outerHTML.slice(0, 120)}`).to.be.true;
  return a!;
}

/** Whether `e` is in (or inside the shadow tree of) an element named `tag`. */
function inside(e: Element, tag: string): boolean {
  for (let n: Element | null = e; n; n = (n.getRootNode() as ShadowRoot).host ?? null)
    if (n.closest(tag)) return true;
  return false;
}

/** Presses Tab until the focused element passes `test` (at most `max` presses). */
async function tabTo(test: (e: Element) => boolean, max = 60): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const a = deepActive();
    if (a && test(a)) return a;
    await sendKeys({ press: 'Tab' });
  }
  const a = deepActive();
  expect(a && test(a), `not reached by Tab; focus is on ${a?.outerHTML.slice(0, 120)}`).to.be.true;
  return a!;
}

/** Focus is on a real control (or a dialog / focus target), not on the page. */
function meaningful(): Element {
  const a = deepActive();
  expect(a, 'focus is somewhere').to.not.equal(null);
  expect(a, 'focus fell to <body>').to.not.equal(document.body);
  return a!;
}

/** Starts a journey from a button before the element, as a page would have. */
async function start(): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'before';
  document.body.prepend(before);
  before.focus();
  after.push(before);
}
const after: HTMLElement[] = [];
afterEach(() => after.splice(0).forEach((e) => e.remove()));

const label = (e: Element): string => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim();

for (const lang of ['en', 'es']) {
  describe(`keyboard journeys (${lang})`, () => {
    it('owner wallet: import → Enter on "Import these" keeps focus in the dialog → close → Manage → feature → hide', async () => {
      const el = await ownerWallet(`journey-${Math.random().toString(36).slice(2)}`, lang);
      await start();
      const importButton = await tabTo((e) => e.classList.contains('import-button'));
      await sendKeys({ press: 'Enter' });
      await until(el, () => !!root(el).querySelector('form.import'));
      root(el).querySelector<HTMLTextAreaElement>('textarea[name=paste]')!.value = await (
        await fetch(V.full)
      ).text();
      const submit = await tabTo((e) => e.matches('form.import button[type=submit]'));
      const done = oneEvent(el, 'mc-imported');
      await sendKeys({ press: 'Enter' });
      await done;
      await el.updateComplete;
      // The defect: the submit button was disabled while importing, and a disabled button drops
      // focus to <body>. Focus stays on it (it says it is busy, without being disabled).
      expect(meaningful()).to.equal(submit);
      expect(root(el).querySelector('.results li strong')!.textContent!.trim()).to.not.equal('');
      await sendKeys({ press: 'Escape' });
      await focused((e) => e === importButton);
      // The tile's Manage disclosure (issue 13 item 7: fewer buttons per tile) opens with Enter.
      const manage = await tabTo((e) => e.localName === 'summary');
      await sendKeys({ press: 'Enter' });
      await until(el, () => !!manage.closest('details')?.open);
      // Feature: the credential moves to the front; focus stays on its Feature button.
      const feature = await tabTo((e) => e.getAttribute('aria-pressed') === 'false');
      const name = label(feature);
      await sendKeys({ press: 'Enter' });
      await until(el, () => deepActive()?.getAttribute('aria-pressed') === 'true');
      expect(label(meaningful())).to.equal(name);
      // Hide: focus stays on the (now pressed) hide button of the same credential.
      await sendKeys({ press: 'Tab' });
      const hide = meaningful();
      await sendKeys({ press: 'Space' });
      await until(el, () => hide.getAttribute('aria-pressed') === 'true');
      expect(meaningful()).to.equal(hide);
    });

    it('owner wallet: reorder by keys keeps focus on the moved credential', async () => {
      const el = await ownerWallet(`journey-${Math.random().toString(36).slice(2)}`, lang);
      const full = (await vector(V.full)) as Record<string, unknown>;
      await el.importItems([
        { kind: 'data', value: full },
        { kind: 'data', value: { ...full, id: 'urn:uuid:journey-copy' } },
      ]);
      await el.updateComplete;
      await start();
      await tabTo((e) => e.localName === 'summary');
      await sendKeys({ press: 'Space' });
      const later = await tabTo((e) => e.matches('button.move.later:not(:disabled)'));
      const key = later.closest('[data-key]')!.getAttribute('data-key');
      await sendKeys({ press: 'Enter' });
      await until(el, () => deepActive()?.closest('[data-key]')?.getAttribute('data-key') === key);
      meaningful();
    });

    it('visitor wallet: open a credential → Verify → read → close lands back on its Details button', async () => {
      const wrapper = await mount(
        html`<div lang=${lang}>
          <mc-badge-wallet
            .credentials=${[await vector(V.full)]}
            .now=${NOW}
            .fetch=${offline}
          ></mc-badge-wallet>
        </div>`,
      );
      const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
      await el.ready;
      await start();
      const h = new WalletHarness(el);
      const details = await tabTo((e) => h.actions.some((a) => a.contains(e)));
      await sendKeys({ press: 'Enter' });
      await until(el, () => !!root(el).querySelector('dialog[open] mc-verify-button'));
      await settled(root(el).querySelector('dialog')!);
      await tabTo((e) => inside(e, 'mc-verify-button'));
      await sendKeys({ press: 'Enter' });
      const vb = root(el).querySelector('dialog mc-verify-button') as unknown as { result?: unknown };
      await until(el, () => vb.result !== undefined);
      meaningful();
      await sendKeys({ press: 'Escape' });
      expect(await focused((e) => e === details)).to.equal(details);
    });

    it('catalog: search → filter → open → register → close lands back on the Details button', async () => {
      const wrapper = await mount(
        html`<div lang=${lang}><mc-catalog .items=${lakesideCatalogFeed} .now=${NOW}></mc-catalog></div>`,
      );
      const el = wrapper.querySelector('mc-catalog')!;
      await settled(el);
      await start();
      await tabTo((e) => e.id === 'search');
      await sendKeys({ type: 'a' });
      await tabTo((e) => e.matches('fieldset input[type=checkbox]'));
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      meaningful();
      const h = new CatalogHarness(el);
      const details = await tabTo((e) => h.detailsButtons.includes(e as HTMLButtonElement));
      await sendKeys({ press: 'Enter' });
      await focused((e) => !!e.closest('dialog'));
      const register = h.register;
      if (register) {
        // The host handles registration itself (as a page would, in its own flow).
        el.addEventListener('mc-register', (e) => e.preventDefault(), { once: true });
        await tabTo((e) => e === register);
        await sendKeys({ press: 'Enter' });
        expect(meaningful()).to.equal(register);
      }
      await sendKeys({ press: 'Escape' });
      expect(await focused((e) => e === details)).to.equal(details);
    });

    it("tracker: a next step's call to action is reachable and keeps focus", async () => {
      const wrapper = await mount(
        html`<div lang=${lang}>
          <mc-progress-tracker
            actionable
            .pathway=${literacyPathway}
            .credentials=${mayaCredentials}
            .records=${mayaRecords}
            .now=${NOW}
            @mc-next-step=${(e: Event) => e.preventDefault()}
          ></mc-progress-tracker>
        </div>`,
      );
      const el = wrapper.querySelector('mc-progress-tracker')!;
      await settled(el);
      await start();
      const h = new TrackerHarness(el);
      const action = await tabTo((e) => h.actions.includes(e as HTMLElement));
      const seen = oneEvent(el, 'mc-next-step');
      await sendKeys({ press: 'Enter' });
      await seen;
      expect(meaningful()).to.equal(action);
    });
  });
}

// Issue 13 item 2: "a button that does nothing must not be shown as one". WCAG 4.1.2 Name, Role,
// Value: "For all user interface components …, the name and role can be programmatically
// determined" — a button's role promises an action; without a host listening there is none.
describe('tracker: no control that does nothing', () => {
  const mountTracker = async (pathway: unknown, actionable: boolean) => {
    const wrapper = await mount(
      html`<div lang="en">
        <mc-progress-tracker
          ?actionable=${actionable}
          .pathway=${pathway}
          .credentials=${mayaCredentials}
          .records=${mayaRecords}
          .now=${NOW}
        ></mc-progress-tracker>
      </div>`,
    );
    const el = wrapper.querySelector('mc-progress-tracker')!;
    await settled(el);
    return el;
  };
  /** A pathway whose achievements have no address (urn ids) and no records. */
  const noAddresses = {
    id: 'urn:test:stack',
    name: 'Stack',
    acceptExpired: false,
    root: {
      kind: 'all',
      id: 'urn:test:root',
      n: 2,
      optional: false,
      prerequisites: [],
      children: ['alpha', 'beta'].map((n) => ({
        kind: 'achievement',
        id: `urn:test:${n}`,
        achievementId: `urn:test:${n}`,
        name: n,
        optional: false,
        prerequisites: [],
        alsoMatches: [],
        alignments: [],
      })),
    },
  };

  it('without a host that handles its events: links where the data has an address, text elsewhere, no button', async () => {
    const el = await mountTracker(literacyPathway, false);
    const r = el.shadowRoot!;
    expect(r.querySelectorAll('button'), 'buttons').to.have.length(0);
    const action = new TrackerHarness(el).nextAction!;
    expect(action.localName).to.equal('a');
    expect(action.getAttribute('href')).to.equal(
      'https://learn.lakeside-usd.example/submissions/writing-workshop',
    );
    const names = [...r.querySelectorAll('.requirement-name')];
    expect(names.length).to.be.greaterThan(0);
    for (const n of names) expect(n.getAttribute('href')).to.match(/^https:\/\//);
  });

  it('no address and no host: the next step and the names are plain text', async () => {
    const el = await mountTracker(noAddresses, false);
    const r = el.shadowRoot!;
    expect(r.querySelectorAll('button, a'), 'controls').to.have.length(0);
    expect(new TrackerHarness(el).nextAction!.textContent).to.contain('alpha');
    expect(r.textContent).to.contain('beta');
  });

  it('actionable: buttons that fire mc-requirement-select and mc-next-step', async () => {
    const el = await mountTracker(noAddresses, true);
    const r = el.shadowRoot!;
    const action = new TrackerHarness(el).nextAction!;
    expect(action.localName).to.equal('button');
    const next = oneEvent(el, 'mc-next-step');
    action.click();
    await next;
    const select = oneEvent(el, 'mc-requirement-select');
    r.querySelector<HTMLButtonElement>('button.requirement-name')!.click();
    await select;
  });
});

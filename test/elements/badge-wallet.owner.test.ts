// <mc-badge-wallet editable>: whose wallet it is (issue 13 item 9) and an owner tile's actions
// behind one Manage disclosure (item 7). Real IndexedDB, real vectors, core's verifyRecipient.
//
// Open Badges 2.0, IdentityObject: "identity — Either the hash of the identity or the plaintext
// value. If it's possible that the plaintext transmission and storage of the identity value would
// leak personally identifiable information where there is an expectation of privacy, it is strongly
// recommended that an IdentityHash be used." hashed: "Whether or not the identity value is hashed."
// salt: "If the recipient is hashed, this should contain the string used to salt the hash."
// Open Badges 3.0, AchievementSubject.identifier: "Other identifiers for the recipient of the
// achievement. Either `id` or at least one `identifier` MUST be supplied."
import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { McImportedEvent } from '@microcred/elements';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import type { WalletImportResult } from '@microcred/elements/badge-wallet/types.js';
import { mount, unmountAll } from './helpers/dom.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW, V } from './helpers/card.js';
import {
  deleteWallets,
  json,
  newKey,
  offline,
  ownerWallet,
  root,
  statusText,
  until,
} from './helpers/wallet.js';

/** OB 2.0 assertion whose recipient is sha256(nobody@example.org + "deadsea"). */
const OB2_HASHED =
  '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources/ob20/basic-assertion.json';

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

/** Presses Tab until the focused element passes `test` (at most `max` presses). */
async function tabTo(test: (e: Element) => boolean, max = 40): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const a = deepActive();
    if (a && test(a)) return a;
    await sendKeys({ press: 'Tab' });
  }
  const a = deepActive();
  expect(a && test(a), `not reached by Tab; focus is on ${a?.outerHTML.slice(0, 120)}`).to.be.true;
  return a!;
}

/** Imports `values` (as a page would) into a wallet whose owner is `owner`; resolves with the event's results. */
async function importAs(
  el: McBadgeWallet,
  owner: string,
  ...values: unknown[]
): Promise<WalletImportResult[]> {
  el.owner = owner;
  const event = oneEvent(el, 'mc-imported') as Promise<McImportedEvent>;
  await el.importItems(values.map((value) => ({ kind: 'data', value }) as const));
  return [...(await event).results] as WalletImportResult[];
}

/** The full OB 3.0 example: its subject is did:example:ebfeb1f712ebc6f1c276e12ec21 and student@1edtech.edu. */
const full = () => json(V.full);

describe('<mc-badge-wallet editable> owner identity (issue 13 item 9)', () => {
  it('is set once in the import dialog (keys only), kept in the stored wallet, and back after a reload', async () => {
    const key = newKey();
    const el = await ownerWallet(key);
    const h = new WalletHarness(el);
    h.importButton!.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => !!root(el).querySelector('form.owner input'));
    const input = await tabTo((e) => e.matches('form.owner input'));
    // Its label names it (a visible <label> around it).
    expect(input.closest('label')!.textContent).to.contain('This wallet belongs to');
    await sendKeys({ type: 'student@1edtech.edu' });
    await sendKeys({ press: 'Enter' });
    await until(el, () => el.owner === 'student@1edtech.edu');
    await until(el, () => statusText(el) === 'Saved: each import is checked against student@1edtech.edu.');
    expect(deepActive(), 'focus stays on the field').to.equal(input);
    await expect(el).to.be.accessible();
    unmountAll();
    const again = await ownerWallet(key);
    expect(again.owner).to.equal('student@1edtech.edu');
    new WalletHarness(again).importButton!.click();
    await until(again, () => !!root(again).querySelector('form.owner input'));
    expect(root(again).querySelector<HTMLInputElement>('form.owner input')!.value).to.equal(
      'student@1edtech.edu',
    );
  });

  it('a page sets it with the owner attribute (and the stored one does not override it)', async () => {
    const wrapper = await mount(
      html`<mc-badge-wallet
        editable
        owner="someone@example.org"
        storage-key=${newKey()}
        .now=${NOW}
        .fetch=${offline}
      ></mc-badge-wallet>`,
    );
    const el = wrapper as unknown as McBadgeWallet;
    await el.ready;
    expect(el.owner).to.equal('someone@example.org');
    const results = await importAs(el, el.owner, await full());
    expect(results[0]!.status).to.equal('imported');
    expect(results[0]!.otherRecipient).to.equal(true);
  });

  for (const lang of ['en', 'es']) {
    const t =
      lang === 'en'
        ? {
            imported: 'Imported',
            elsewhere: 'Imported — awarded to someone else, not to ana@example.org',
            said: 'Awarded to someone else: 1.',
          }
        : {
            imported: 'Importada',
            elsewhere: 'Importada — otorgada a otra persona, no a ana@example.org',
            said: 'Otorgadas a otra persona: 1.',
          };

    it(`(${lang}) an OB 3.0 badge awarded to the owner (identifier emailAddress) imports with no warning`, async () => {
      const el = await ownerWallet(newKey(), lang);
      const [r] = await importAs(el, 'student@1edtech.edu', await full());
      expect(r!.status).to.equal('imported');
      expect(r!.otherRecipient).to.equal(undefined);
      expect(statusText(el)).to.not.contain(t.said);
    });

    it(`(${lang}) a badge awarded to someone else is imported, and its result and the live region say so in words`, async () => {
      const el = await ownerWallet(newKey(), lang);
      const h = new WalletHarness(el);
      h.importButton!.click();
      await h.openedDialog();
      const [r] = await importAs(el, 'ana@example.org', await full());
      expect(r!.status).to.equal('imported');
      expect(r!.otherRecipient).to.equal(true);
      expect(el.records).to.have.length(1);
      await el.updateComplete;
      const result = root(el).querySelector('.results li strong')!.textContent!.trim();
      expect(result).to.equal(t.elsewhere);
      expect(statusText(el)).to.contain(t.said);
      await expect(el).to.be.accessible();
    });

    it(`(${lang}) a badge that names no recipient cannot be checked, and says nothing alarming`, async () => {
      const el = await ownerWallet(newKey(), lang);
      const doc = await full();
      const subject = { ...(doc['credentialSubject'] as Record<string, unknown>) };
      delete subject['id'];
      delete subject['identifier'];
      const h = new WalletHarness(el);
      h.importButton!.click();
      await h.openedDialog();
      const [r] = await importAs(el, 'ana@example.org', { ...doc, credentialSubject: subject });
      expect(r!.status).to.equal('imported');
      expect(r!.otherRecipient).to.equal(undefined);
      await el.updateComplete;
      expect(root(el).querySelector('.results li strong')!.textContent!.trim()).to.equal(t.imported);
      expect(statusText(el)).to.not.contain(t.said);
    });
  }

  it('OB 2.0 hashed identity (sha256 with salt): the owner matches, someone else does not', async () => {
    const el = await ownerWallet(newKey());
    const doc = await json(OB2_HASHED);
    const [mine] = await importAs(el, 'nobody@example.org', doc);
    expect(mine!.status).to.equal('imported');
    expect(mine!.otherRecipient).to.equal(undefined);
    const other = await ownerWallet(newKey());
    const [theirs] = await importAs(other, 'somebody@example.org', doc);
    expect(theirs!.status).to.equal('imported');
    expect(theirs!.otherRecipient).to.equal(true);
  });

  it('an OB 3.0 subject id (a DID) is matched as an id', async () => {
    const el = await ownerWallet(newKey());
    const [r] = await importAs(el, 'did:example:ebfeb1f712ebc6f1c276e12ec21', await full());
    expect(r!.otherRecipient).to.equal(undefined);
  });

  it('an email owner and a badge that names its recipient only by a DID: could not be checked, not marked', async () => {
    const el = await ownerWallet(newKey());
    const doc = await full();
    const subject = { ...(doc['credentialSubject'] as Record<string, unknown>) };
    delete subject['identifier'];
    const [r] = await importAs(el, 'ana@example.org', { ...doc, credentialSubject: subject });
    expect(r!.status).to.equal('imported');
    expect(r!.otherRecipient).to.equal(undefined);
    // Another DID as the owner: the badge's DID is comparable, and is not the owner's.
    const other = await ownerWallet(newKey());
    const [o] = await importAs(other, 'did:example:someone-else', { ...doc, credentialSubject: subject });
    expect(o!.otherRecipient).to.equal(true);
  });

  it('with no owner set nothing is checked and nothing is said about the recipient', async () => {
    const el = await ownerWallet(newKey());
    const [r] = await importAs(el, '', await full());
    expect(r!.status).to.equal('imported');
    expect(r!.otherRecipient).to.equal(undefined);
    expect(statusText(el)).to.not.contain('someone else');
  });
});

describe('<mc-badge-wallet editable> owner tile: Details and one Manage disclosure (issue 13 item 7)', () => {
  /** A wallet with two credentials, focus placed before it. */
  async function two(lang = 'en'): Promise<McBadgeWallet> {
    const el = await ownerWallet(newKey(), lang);
    const doc = await full();
    await el.importItems([
      { kind: 'data', value: doc },
      { kind: 'data', value: { ...doc, id: 'urn:uuid:owner-tile-copy' } },
    ]);
    await el.updateComplete;
    return el;
  }

  it('shows at most three controls per tile, each named with the credential', async () => {
    const name = (c: Element) =>
      (c.getRootNode() as ShadowRoot)
        .getElementById(c.getAttribute('aria-labelledby')!)!
        .textContent!.replace(/\s+/g, ' ')
        .trim();
    const el = await two();
    const h = new WalletHarness(el);
    for (const item of h.items) {
      const controls = h.visibleControls(item);
      // Details is named by a hidden sentence it points at (aria-labelledby), the credential's name
      // marked with its language in it (issue 13 item 3); Manage and its actions alike.
      expect(controls.map((c) => c.textContent!.trim())).to.deep.equal(['Details', 'Manage']);
      for (const c of controls) expect(name(c)).to.match(/^(Details|Manage): .+/);
    }
    // Opened, the disclosure holds feature, hide, move earlier / later and remove.
    const manage = h.manage(h.items[0]!);
    await el.updateComplete;
    const names = [...manage.querySelectorAll('button')].map(name);
    const summary = name(manage.querySelector('summary')!);
    const credential = summary.slice('Manage: '.length);
    expect(names).to.deep.equal(
      ['Feature', 'Hide from visitors', 'Move earlier', 'Move later', 'Remove'].map(
        (a) => `${a}: ${credential}`,
      ),
    );
    // WCAG 2.2 2.5.8 Target Size (Minimum): "The size of the target for pointer inputs is at least
    // 24 by 24 CSS pixels" — the summary and every action in the disclosure.
    for (const c of [manage.querySelector('summary')!, ...manage.querySelectorAll('button')]) {
      const { width, height } = c.getBoundingClientRect();
      expect(Math.min(width, height), name(c)).to.be.at.least(24);
    }
    await expect(el).to.be.accessible();
  });

  for (const lang of ['en', 'es']) {
    it(`(${lang}) every action in it works by keyboard, and focus lands on something meaningful after each`, async () => {
      const el = await two(lang);
      const h = new WalletHarness(el);
      h.detailsButton(h.items[1]!).focus();
      // The second tile's Manage: Tab, then Enter opens it.
      const summary = await tabTo((e) => e.localName === 'summary');
      const key = summary.closest('[data-key]')!.getAttribute('data-key')!;
      await sendKeys({ press: 'Enter' });
      await until(el, () => !!summary.closest('details')!.open);
      expect(summary.closest('details')!.open).to.be.true;
      // Feature (Enter): the credential moves to the front, focus stays on its Feature button.
      const feature = await tabTo((e) => e.getAttribute('aria-pressed') === 'false');
      await sendKeys({ press: 'Enter' });
      await until(el, () => el.records.find((r) => r.key === key)?.featured === true);
      await until(el, () => h.items[0]!.dataset['key'] === key && deepActive() === feature);
      expect(feature.getAttribute('aria-pressed')).to.equal('true');
      // Hide (Space).
      const hide = await tabTo((e) => e.getAttribute('aria-pressed') === 'false');
      await sendKeys({ press: 'Space' });
      await until(el, () => el.records.find((r) => r.key === key)?.hidden === true);
      expect(deepActive()).to.equal(hide);
      // Move later is disabled here (the only featured credential); go to the other tile's Manage.
      const other = h.items[1]!;
      h.detailsButton(other).focus();
      await tabTo((e) => e.localName === 'summary');
      await sendKeys({ press: 'Space' });
      await until(el, () => !!h.manageOf(other)!.open);
      // Remove asks to confirm (focus stays on the same button), then removes: focus goes to the search.
      const remove = await tabTo((e) => e.classList.contains('danger'));
      const otherKey = other.dataset['key']!;
      await sendKeys({ press: 'Enter' });
      await until(el, () => /Confirm|Confirmar/.test(remove.textContent!));
      expect(deepActive()).to.equal(remove);
      await sendKeys({ press: 'Enter' });
      await until(el, () => !el.records.some((r) => r.key === otherKey));
      await until(el, () => deepActive()?.matches('.toolbar input') === true);
      await expect(el).to.be.accessible();
    });
  }

  it('move earlier / later in the disclosure by keyboard keep focus on the moved credential', async () => {
    const el = await two();
    const h = new WalletHarness(el);
    const first = h.items[0]!;
    const key = first.dataset['key']!;
    h.detailsButton(first).focus();
    await tabTo((e) => e.localName === 'summary');
    await sendKeys({ press: 'Enter' });
    await tabTo((e) => e.matches('button.move.later:not(:disabled)'));
    await sendKeys({ press: 'Enter' });
    await until(el, () => h.items[1]!.dataset['key'] === key);
    await until(el, () => deepActive()?.closest('[data-key]')?.getAttribute('data-key') === key);
    await until(el, () => el.records[1]?.key === key);
  });
});

// Right to left (issue 13, Arabic): defects found on headless-Chromium screenshots of every story in
// `ar` at 1200 and 320 px (scripts/screenshot-stories.mjs; docs/i18n/review.md lists what was seen).
// - Icons that point along the line of text (sent, sent back) mirror; clocks, checks, hourglasses
//   and locks do not (they mean the same in both directions).
// - A reviewer's words in English on an Arabic page keep their own direction (WCAG 1.3.2 Meaningful
//   Sequence: "the correct reading sequence can be programmatically determined"); without it the
//   full stop of "Strong unit plan." is drawn at the start of the line.
// - A list of names inside our sentence is punctuated as the page's language does (Intl.ListFormat),
//   not with an English comma.
// - A percentage is formatted by Intl for the page's language (the sign and its side with it), not
//   a number with a "%" of our own after it.
// - A wallet group's heading names an issuer in its own direction, then our count in the page's:
//   on the Arabic page "(1)" was drawn at the right of "Cedar Valley … Collaborative".
// - Addresses, pasted JSON and embed code are left-to-right text: the URL field's "https://"
//   placeholder was drawn "//:https" on the Arabic page.
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import type { Pathway } from '@microcred/core';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { NOW } from './helpers/card.js';
import { TrackerHarness } from './harness/tracker.js';
import { WalletHarness } from './harness/wallet.js';
import { walletCredentials } from '../../stories/fixtures/wallet.js';
import { deleteWallets, manyCredentials, newKey, offline, root, until } from './helpers/wallet.js';
import {
  digitalPathway,
  literacyPathway,
  mayaCredentials,
  mayaRecords,
} from '../../stories/fixtures/progress.js';
import type { JsonObject } from '../../stories/fixtures/json.js';

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

/** A tracker in `lang` with the page direction `dir`, showing `pathway` for Maya. */
async function tracker(lang: string, dir: string, pathway: Pathway = literacyPathway, records = mayaRecords) {
  const wrapper = await mount(
    html`<div lang=${lang} dir=${dir}>
      <mc-progress-tracker
        .pathway=${pathway}
        .credentials=${mayaCredentials}
        .records=${records}
        .now=${NOW}
      ></mc-progress-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('mc-progress-tracker')!;
  await settled(el);
  return { el, h: new TrackerHarness(el) };
}

/** The state icon of the first step in `state`. */
const stateIcon = (el: Element, state: string): Element => {
  const icon = el.shadowRoot!.querySelector(`[data-state="${state}"] > .step-head [part~="state"] svg`);
  if (!icon) throw new Error(`no ${state} step`);
  return icon;
};
const mirrored = (e: Element): boolean => getComputedStyle(e).transform === 'matrix(-1, 0, 0, 1, 0, 0)';

describe('right to left: what the Arabic screenshots showed', () => {
  it('tracker: the "returned" (sent back) and "submitted" (sent) arrows point the other way in Arabic, not in English', async () => {
    // Educación bilingüe is submitted in Maya's records: put it in the pathway beside the others.
    const records = structuredClone(mayaRecords) as JsonObject & { records: JsonObject[] };
    const submitted = records.records.find((r) => r['state'] === 'submitted')!;
    const pathway = structuredClone(literacyPathway);
    const optional = pathway.root.children.find((c) => c.kind === 'achievement' && c.optional)!;
    if (optional.kind === 'achievement') optional.achievementId = submitted['achievement'] as string;
    const { el: ar } = await tracker('ar', 'rtl', pathway, records);
    expect(mirrored(stateIcon(ar, 'returned')), 'returned, Arabic').to.equal(true);
    expect(mirrored(stateIcon(ar, 'submitted')), 'submitted, Arabic').to.equal(true);
    for (const state of ['earned', 'in-review'])
      expect(mirrored(stateIcon(ar, state)), `${state}, Arabic: means the same both ways`).to.equal(false);
    const { el: en } = await tracker('en', 'ltr', pathway, records);
    for (const state of ['returned', 'submitted', 'earned', 'in-review'])
      expect(mirrored(stateIcon(en, state)), `${state}, English`).to.equal(false);
  });

  it('tracker: a reviewer’s English feedback on an Arabic page reads left to right, under our right-to-left heading', async () => {
    const { el } = await tracker('ar', 'rtl');
    const feedback = el.shadowRoot!.querySelector('[part~="feedback"]')!;
    const heading = feedback.querySelector('h1, h2, h3, h4, h5, h6')!;
    expect(getComputedStyle(heading).direction).to.equal('rtl');
    const comment = [...feedback.querySelectorAll('p')].find((p) =>
      p.textContent!.startsWith('Strong unit plan'),
    )!;
    expect(getComputedStyle(comment).direction, 'the comment').to.equal('ltr');
    // its full stop right after its last word (at its right), not at the start of the line
    const walker = document.createTreeWalker(comment, NodeFilter.SHOW_TEXT);
    let text: Text | undefined;
    while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) text = walker.currentNode as Text;
    if (!text) throw new Error('no text in the comment');
    const end = text.data.trimEnd().length;
    expect(text.data.trimEnd().endsWith('.')).to.equal(true);
    const left = (i: number): number => {
      const range = document.createRange();
      range.setStart(text!, i);
      range.setEnd(text!, i + 1);
      return range.getBoundingClientRect().left;
    };
    expect(left(end - 1), 'the full stop is right of the letter before it').to.be.greaterThan(left(end - 2));
    for (const part of feedback.querySelectorAll('.levels dt, .levels dd'))
      expect(getComputedStyle(part).direction, `rubric: ${part.textContent}`).to.equal('ltr');
  });

  for (const [lang, dir, mark] of [
    ['ar', 'rtl', ' و'],
    ['zh-Hans', 'ltr', '和'],
    ['en', 'ltr', ' and '],
  ] as const)
    it(`tracker: the names of two prerequisites are listed as ${lang} lists them (“${mark.trim()}”), not with an English comma`, async () => {
      const pathway = structuredClone(literacyPathway);
      const [a, b, ...rest] = pathway.root.children;
      const last = rest.find((c) => c.kind === 'achievement' && c.optional)!;
      last.prerequisites = [a!.id, b!.id];
      // the last (optional, not started) step names both while it is not done
      const { h } = await tracker(lang, dir, pathway, { learner: mayaRecords['learner']!, records: [] });
      const step = h.steps.at(-1)!;
      const meta = step.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ');
      const names = [a!.name!, b!.name!];
      expect(meta).to.contain(new Intl.ListFormat(lang, { type: 'conjunction' }).format(names));
      expect(meta).to.contain(mark);
      expect(meta, 'no English comma between the names').to.not.contain(`${names[0]}, ${names[1]}`);
    });

  it('wallet: the address, owner and paste fields and the embed code read left to right on an Arabic page', async () => {
    const wrapper = await mount(
      html`<div lang="ar" dir="rtl">
        <mc-badge-wallet editable storage-key=${newKey()} .now=${NOW} .fetch=${offline}></mc-badge-wallet>
      </div>`,
    );
    const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
    await el.ready;
    const h = new WalletHarness(el);
    h.importButton!.click();
    await until(el, () => !!root(el).querySelector('dialog input[name="url"]'));
    const field = (selector: string): HTMLElement =>
      root(el).querySelector<HTMLElement>(`dialog ${selector}`)!;
    const url = field('input[name="url"]') as HTMLInputElement;
    expect(url.placeholder).to.equal('https://');
    for (const selector of ['input[name="url"]', 'input[name="owner"]', 'textarea[name="paste"]'])
      expect(getComputedStyle(field(selector)).direction, selector).to.equal('ltr');
    expect(getComputedStyle(field('form')).direction, 'the form around them').to.equal('rtl');
    root(el).querySelector('dialog')!.close();
    await until(el, () => !root(el).querySelector('dialog'));
    const [credential] = await manyCredentials(1);
    await el.importItems([new File([JSON.stringify(credential)], 'c.json')]);
    el.embedScript = '/cdn/microcred.js';
    await h.openDetails(0);
    const snippet = root(el).querySelector<HTMLTextAreaElement>('dialog textarea[readonly]')!;
    expect(snippet.value).to.contain('<mc-credential-card>');
    expect(getComputedStyle(snippet).direction, 'the embed code').to.equal('ltr');
  });

  for (const [lang, dir] of [
    ['ar', 'rtl'],
    ['es', 'ltr'],
    ['en', 'ltr'],
  ] as const)
    it(`tracker: a step's percentage is written as ${lang} writes it (Intl), with one percent sign`, async () => {
      const { h } = await tracker(lang, dir, digitalPathway);
      const step = h.steps.filter((e) => e.textContent!.includes('Blended Classroom Design')).at(-1)!;
      const meta = step.querySelector('.meta')!.textContent!;
      expect(meta).to.contain(new Intl.NumberFormat(lang, { style: 'percent' }).format(0.4));
      expect(meta.match(/%/g), meta).to.have.length(1);
    });

  it('wallet: a group heading shows the issuer’s name, then its count after it in reading order (at its left in Arabic)', async () => {
    const boxes = async (lang: string, dir: string) => {
      const wrapper = await mount(
        html`<div lang=${lang} dir=${dir}>
          <mc-badge-wallet group-by="issuer" .credentials=${walletCredentials} .now=${NOW}></mc-badge-wallet>
        </div>`,
      );
      const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
      await el.ready;
      await settled(el);
      const head = [...root(el).querySelectorAll('[part~="group"]')].find((g) =>
        g.textContent!.includes('Cedar Valley'),
      )!;
      const count = head.querySelector('.count')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(head);
      const name = [...range.getClientRects()].find((r) => r.width > 100)!;
      unmountAll();
      return { count, name };
    };
    const ar = await boxes('ar', 'rtl');
    expect(ar.count.right, 'Arabic: the count at the left of the name').to.be.at.most(ar.name.left + 1);
    const en = await boxes('en', 'ltr');
    expect(en.count.left, 'English: at its right').to.be.at.least(en.name.right - 1);
  });
});

// `verify-shown` verifies the tiles in view (or within 200 px of it), not every credential the
// filters leave: a tile far below the fold stays "Not checked yet" until it is scrolled to, and a
// long (virtualised) list checks only the rows drawn in view. The checks start after the update
// that drew the tiles (never inside it: Lit warns about an update scheduled by an update).
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, unmountAll } from './helpers/dom.js';
import { manyCredentials, offline, root, until } from './helpers/wallet.js';
import { NOW } from './helpers/card.js';

const NEAR = 200; // px: badge-wallet-shown.ts
const UNCHECKED = ['Not checked yet', 'Checking…'];

let warnings: string[] = [];
const warn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => (warnings.push(args.join(' ')), warn(...args));
});
afterEach(() => {
  console.warn = warn;
  unmountAll();
  window.scrollTo(0, 0);
});

const tiles = (el: McBadgeWallet) => [...root(el).querySelectorAll<HTMLElement>('[part~=item]')];
const chip = (tile: Element) => (tile.querySelector('[part~=chip]')?.textContent ?? '').trim();
const done = (tile: Element) => !!chip(tile) && !UNCHECKED.includes(chip(tile));

describe('verify-shown checks the tiles in view', () => {
  it('a tile far below the fold is not checked until it is scrolled to', async () => {
    const wrapper = await mount(
      html`<div>
        <div style="block-size: 150vh"></div>
        <mc-badge-wallet
          verify-shown
          style="display: block; inline-size: 300px"
          .credentials=${await manyCredentials(12)}
          .now=${NOW}
          .fetch=${offline}
        ></mc-badge-wallet>
      </div>`,
    );
    const el = wrapper.querySelector<McBadgeWallet>('mc-badge-wallet')!;
    await el.ready;
    await until(el, () => tiles(el).length === 12);
    const [first] = tiles(el);
    first!.scrollIntoView({ block: 'start' });
    await until(el, () => done(first!));
    // one column of twelve: the last tiles are far below the viewport, and were never checked
    const far = tiles(el).filter((t) => t.getBoundingClientRect().top > innerHeight + NEAR);
    expect(far.length, 'tiles far below the viewport').to.be.above(2);
    expect(far.map(chip)).to.deep.equal(far.map(() => 'Not checked yet'));
    const last = far.at(-1)!;
    last.scrollIntoView({ block: 'end' });
    await until(el, () => done(last));
    expect(warnings.filter((w) => /change-in-update|scheduled an update/.test(w))).to.deep.equal([]);
  });

  it('a long, virtualised list checks only the rows drawn in view; rows scrolled to are checked then', async () => {
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet
        verify-shown
        .credentials=${await manyCredentials(100)}
        .now=${NOW}
        .fetch=${offline}
      ></mc-badge-wallet>`,
    );
    await el.ready;
    await until(el, () => tiles(el).length > 0);
    const inView = () =>
      tiles(el).filter((t) => {
        const r = t.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
    await until(el, () => inView().length > 0 && inView().every(done) && !el.matches(':state(verifying)'));
    const before = new Set(tiles(el).map((t) => t.dataset['key']));
    expect(before.size).to.be.below(100);
    // to the end: the rows drawn there were never checked (a run of all 100 would have been over)
    window.scrollTo(0, document.documentElement.scrollHeight);
    const fresh = () => tiles(el).filter((t) => !before.has(t.dataset['key']));
    await until(el, () => fresh().length > 0);
    expect(
      fresh().every((t) => !done(t)),
      fresh().map(chip).join(' | '),
    ).to.be.true;
    await until(el, () => inView().length > 0 && inView().every(done));
    expect(warnings.filter((w) => /change-in-update|scheduled an update/.test(w))).to.deep.equal([]);
  });
});

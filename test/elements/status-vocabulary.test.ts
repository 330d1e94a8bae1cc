// One status vocabulary (issue 13 item 6): the verify button, the progress tracker and the badge
// wallet say a credential's status in the same words and with the same icon (one module,
// status/status.ts), in every language; revoked and expired differ in words, icon and colour (each
// tone at least 3:1 against the page, light and dark); a visitor wallet with `verify-shown` says
// what it found on each tile instead of "Not checked yet"; the button leads with the outcome for a
// suspended or not-yet-valid credential too. Real vectors and their real status list.
import { expect, html } from '@open-wc/testing';
import { normalizeCredential, type VerificationReport } from '@microcred/core';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import type { McProgressTracker } from '@microcred/elements/progress-tracker/progress-tracker.js';
import { statusIcon } from '@microcred/elements/status/status.js';
import { statusOf } from '@microcred/elements/verify-button/verify-button-outcome.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { root, until } from './helpers/wallet.js';
import { WalletHarness } from './harness/wallet.js';
import { NOW, VV, vectorFetch, vectorJson, verifiedButton } from './verify-button.helpers.js';
import { digitalPathway, mayaCredentials, mayaRecords } from '../../stories/fixtures/progress.js';

afterEach(unmountAll);

const LANGS = ['en', 'es', 'ar', 'zh-Hans', 'vi'];

/** The button's summary (words and icon path) after verifying `path` in `lang`. */
async function button(path: string, lang: string) {
  const h = await verifiedButton(path, lang);
  return { words: h.summaryWords, icon: h.summaryIcon, reason: h.reason };
}

/** A display-mode wallet that verifies what it shows; resolves once every tile has its result. */
async function shownWallet(paths: string[], lang: string, style = '') {
  const wrapper = await mount(
    html`<div lang=${lang} style=${style}>
      <mc-badge-wallet
        verify-shown
        .credentials=${await Promise.all(paths.map(vectorJson))}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-badge-wallet>
    </div>`,
  );
  const el = wrapper.querySelector('mc-badge-wallet') as McBadgeWallet;
  await el.ready;
  const chips = () => [...root(el).querySelectorAll<HTMLElement>('[part~=chip]')];
  // verify-shown starts once the tiles are seen (a frame after they are drawn): wait for every result
  const found = (c: HTMLElement) =>
    c.querySelector('path') && c.querySelector('path')!.getAttribute('d') !== statusIcon.unchecked;
  await until(el, () => chips().length === paths.length && chips().every(found));
  await until(el, () => !el.matches(':state(verifying)'));
  return { el, chips: chips() };
}

const chipOf = (chip: HTMLElement) => ({
  words: chip.textContent!.trim(),
  icon: chip.querySelector('path')?.getAttribute('d') ?? null,
});

/** A tracker whose held credentials include one revoked and one expired (Maya's fixtures). */
async function tracker(lang: string) {
  const credentials = mayaCredentials.map((raw, i) => ({ view: normalizeCredential(raw), revoked: i === 1 }));
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-progress-tracker
        .pathway=${digitalPathway}
        .credentials=${credentials}
        .records=${mayaRecords}
        .now=${new Date('2026-03-15T12:00:00Z')}
      ></mc-progress-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('mc-progress-tracker') as McProgressTracker;
  await settled(wrapper);
  const state = (s: string) => {
    const step = el.shadowRoot!.querySelector(`[part~=step][data-state=${s}]`);
    return {
      words: step?.querySelector('.state-words')?.textContent?.trim() ?? '',
      icon: step?.querySelector('.state path')?.getAttribute('d') ?? null,
    };
  };
  return { revoked: state('revoked'), expired: state('expired') };
}

for (const lang of LANGS) {
  describe(`one status vocabulary (${lang})`, () => {
    it('the button, the wallet tile and the tracker say revoked and expired in the same words and icon', async () => {
      const b = { revoked: await button(VV.revoked, lang), expired: await button(VV.expired, lang) };
      const { chips } = await shownWallet([VV.revoked, VV.expired], lang);
      const w = { revoked: chipOf(chips[0]!), expired: chipOf(chips[1]!) };
      const t = await tracker(lang);
      for (const s of ['revoked', 'expired'] as const) {
        expect(b[s].words, `${s}: button`).to.not.equal('');
        expect(w[s].words, `${s}: wallet tile`).to.equal(b[s].words);
        expect(t[s].words, `${s}: tracker`).to.equal(b[s].words);
        expect(b[s].icon, `${s}: the shared icon`).to.equal(statusIcon[s]);
        expect(w[s].icon, `${s}: wallet icon`).to.equal(statusIcon[s]);
        expect(t[s].icon, `${s}: tracker icon`).to.equal(statusIcon[s]);
      }
      expect(b.revoked.words).to.not.equal(b.expired.words);
      expect(statusIcon.revoked).to.not.equal(statusIcon.expired);
    });
  });
}

describe('the status words and icons', () => {
  it('every status has its own icon', () => {
    const paths = Object.values(statusIcon);
    expect(new Set(paths).size).to.equal(paths.length);
  });

  for (const lang of ['en', 'es']) {
    it(`a visitor wallet with verify-shown says each tile's status, not "Not checked yet" (${lang})`, async () => {
      const { el, chips } = await shownWallet([VV.revoked, VV.expired, VV.validOffline], lang);
      const words = chips.map((c) => c.textContent!.trim());
      expect(words).to.deep.equal(
        lang === 'en' ? ['Revoked', 'Expired', 'Verified'] : ['Revocada', 'Vencida', 'Verificada'],
      );
      await expect(el).to.be.accessible();
    });
  }

  it('a visitor wallet without verify-shown checks nothing by itself', async () => {
    let asked = 0;
    const wrapper = await mount(
      html`<mc-badge-wallet
        .credentials=${[await vectorJson(VV.revoked)]}
        .now=${NOW}
        .fetch=${(() => (asked++, Promise.reject(new TypeError('offline')))) as typeof fetch}
      ></mc-badge-wallet>`,
    );
    const el = wrapper as unknown as McBadgeWallet;
    await el.ready;
    expect(new WalletHarness(el).chips).to.deep.equal(['Not checked yet']);
    expect(asked).to.equal(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`revoked, expired and verified tiles have different tones, each 3:1 against the page (${scheme})`, async () => {
      const page = scheme === 'dark' ? '#121212' : '#ffffff';
      const { chips } = await shownWallet(
        [VV.revoked, VV.expired, VV.validOffline],
        'en',
        `color-scheme: ${scheme}; background: ${page}; color: ${scheme === 'dark' ? '#fff' : '#000'}`,
      );
      const tones = chips.map((c) => getComputedStyle(c.querySelector('svg')!).fill);
      expect(new Set(tones).size, tones.join(' | ')).to.equal(3);
      for (const [i, tone] of tones.entries()) {
        expect(contrast(tone, page), `${['revoked', 'expired', 'verified'][i]} ${tone}`).to.be.at.least(3);
        expect(getComputedStyle(chips[i]!).borderTopColor).to.equal(tone);
      }
    });
  }
});

describe('the verify button leads with the outcome', () => {
  const report = (checks: [string, string, string][]): VerificationReport =>
    ({ verified: false, checks: checks.map(([id, outcome, code]) => ({ id, outcome, code })) }) as never;

  it('a suspended credential is "Suspended", not "Revoked"', () => {
    const r = report([
      ['proof', 'passed', 'proof-valid'],
      ['issuer', 'passed', 'issuer-bound'],
      ['status', 'failed', 'suspended'],
    ]);
    expect(statusOf('revoked', r)).to.equal('suspended');
    r.checks[2]!.code = 'revoked';
    expect(statusOf('revoked', r)).to.equal('revoked');
  });

  it('an authentic credential whose only failure is its start date is "Not yet valid"; a tampered one is not', () => {
    const r = report([
      ['proof', 'passed', 'proof-valid'],
      ['issuer', 'passed', 'issuer-bound'],
      ['validity', 'failed', 'not-yet-valid'],
    ]);
    expect(statusOf('invalid', r)).to.equal('notYetValid');
    r.checks[0] = { id: 'proof', outcome: 'failed', code: 'proof-bad-signature' } as never;
    expect(statusOf('invalid', r)).to.equal('invalid');
  });

  for (const lang of ['en', 'es']) {
    it(`revoked and expired: the reason starts with the status word (${lang})`, async () => {
      for (const path of [VV.revoked, VV.expired]) {
        const b = await button(path, lang);
        expect(b.reason.startsWith(b.words), `${b.words}: ${b.reason}`).to.be.true;
        expect(b.reason).to.not.match(/^(It is authentic|Es auténtica)/);
      }
    });
  }
});

/** WCAG contrast ratio of two CSS colours (rgb() as getComputedStyle gives them, or #rrggbb). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (
      c.startsWith('#')
        ? c
            .slice(1)
            .match(/../g)!
            .map((x) => parseInt(x, 16))
        : c.match(/[\d.]+/g)!.map(Number)
    ).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

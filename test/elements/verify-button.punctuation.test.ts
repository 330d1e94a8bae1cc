/**
 * The verify button's list of checks writes each line as a check's name, its outcome and why, with
 * the punctuation of the page's language between them (issue 13, language review): Chinese takes
 * the full-width colon and full stop with no space after them ("格式：通过。这是…"), not the Latin
 * ": " and ". " of English, Spanish, Arabic and Vietnamese. The separators come from the checks
 * strings (keys `:` and `.`), so a language a host registers sets its own.
 *
 * GB/T 15834-2011 (General rules for punctuation, 4.1 and 4.7): 句号 "。" and 冒号 "：" are the
 * full-width marks of Chinese text.
 */
import { expect, html } from '@open-wc/testing';
import type { McVerifyButton } from '@microcred/elements';
import { registerTranslation } from '@microcred/elements';
import { afterLangChange, mount, unmountAll } from './helpers/dom.js';
import { NOW, VV, vectorFetch, vectorJson } from './verify-button.helpers.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { en } from '@microcred/elements/i18n/en.js';
import { es } from '@microcred/elements/i18n/es.js';
import { ar } from '@microcred/elements/i18n/ar.js';
import { zhHans } from '@microcred/elements/i18n/zh-hans.js';
import { vi } from '@microcred/elements/i18n/vi.js';
import { checksEn } from '@microcred/elements/verify-button/checks-en.js';
import { checksEs } from '@microcred/elements/verify-button/checks-es.js';
import { checksAr } from '@microcred/elements/verify-button/checks-ar.js';
import { checksZhHans } from '@microcred/elements/verify-button/checks-zh-hans.js';
import { checksVi } from '@microcred/elements/verify-button/checks-vi.js';

afterEach(unmountAll);

/** Verifies a real, offline-verifiable credential on a page in `lang`; the lines of its checks. */
async function lines(lang: string): Promise<string[]> {
  const credential = await vectorJson(VV.validOffline);
  const host = await mount<HTMLElement>(
    html`<div lang=${lang}>
      <mc-verify-button .credential=${credential} .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
    </div>`,
  );
  const el = host.querySelector<McVerifyButton>('mc-verify-button')!;
  await afterLangChange(el);
  await el.verify();
  await el.updateComplete;
  // the line's words as a reader gets them: the text of its one span (name, outcome, why), uncollapsed
  return new VerifyButtonHarness(el).checks.map((li) => li.querySelector('span')!.textContent ?? '');
}

describe('verify button: the punctuation of a check line is the language’s', () => {
  it('Chinese: 格式：通过。 and its reason, full-width, with no space after the marks', async () => {
    const got = await lines('zh-Hans');
    const format = `${checksZhHans['id.format']}：${zhHans['verify.passed']}。${checksZhHans.format}`;
    expect(got, got.join(' | ')).to.include(format);
    for (const l of got) {
      // no Latin colon or full stop after Chinese text, and no space after a full-width mark
      expect(l, l).not.to.match(/\p{Script=Han}[:.]/u);
      expect(l, l).not.to.match(/[：。]\s/);
    }
  });

  for (const [lang, shared, checks] of [
    ['en', en, checksEn],
    ['es', es, checksEs],
    ['ar', ar, checksAr],
    ['vi', vi, checksVi],
  ] as const) {
    it(`${lang}: "name: outcome. why" with the Latin colon and full stop`, async () => {
      const got = await lines(lang);
      expect(got, got.join(' | ')).to.include(
        `${checks['id.format']}: ${shared['verify.passed']}. ${checks.format}`,
      );
    });
  }

  it('a language a host registers sets its own separators (French: a space before the colon)', async () => {
    registerTranslation('fr', {
      shared: { 'verify.passed': 'Réussi' },
      checks: {
        'id.format': 'Format',
        format: 'Format standard.',
        ':': '\u202f: ',
        '.': '. ',
      },
    });
    const got = await lines('fr');
    expect(got, got.join(' | ')).to.include('Format\u202f: Réussi. Format standard.');
  });
});

// Arabic, Simplified Chinese and Vietnamese (issue 13, "Three more languages"): every element
// renders in each, in its own script, with no message key left, axe-clean; Arabic mirrors (the page
// gives the direction: `dir="rtl"` on an ancestor); `registerTranslation` adds a language at run
// time, per key falling back to English.
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '@microcred/elements/credential-card/mc-credential-card.js';
import '@microcred/elements/verify-button/mc-verify-button.js';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import { registerTranslation, resolveLang } from '@microcred/elements';
import { afterLangChange, mount, settled, unmountAll } from './helpers/dom.js';
import { deleteWallets, newKey, offline } from './helpers/wallet.js';
import { NOW, V, vector } from './helpers/card.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';
import { literacyPathway, mayaCredentials, mayaRecords } from '../../stories/fixtures/progress.js';

interface Case {
  name: string;
  tag: string;
  template: (lang: string, dir?: string) => Promise<TemplateResult>;
}

const cases: Case[] = [
  {
    name: 'card',
    tag: 'mc-credential-card',
    template: async (lang, dir = 'auto') =>
      html`<div lang=${lang} dir=${dir}>
        <mc-credential-card .credential=${await vector(V.full)} .now=${NOW}></mc-credential-card>
      </div>`,
  },
  {
    name: 'verify button',
    tag: 'mc-verify-button',
    template: async (lang, dir = 'auto') =>
      html`<div lang=${lang} dir=${dir}>
        <mc-verify-button .credential=${await vector(V.full)} .now=${NOW}></mc-verify-button>
      </div>`,
  },
  {
    name: 'catalog',
    tag: 'mc-catalog',
    template: async (lang, dir = 'auto') =>
      html`<div lang=${lang} dir=${dir}>
        <mc-catalog .items=${lakesideCatalogFeed} .now=${NOW}></mc-catalog>
      </div>`,
  },
  {
    name: 'progress tracker',
    tag: 'mc-progress-tracker',
    template: async (lang, dir = 'auto') =>
      html`<div lang=${lang} dir=${dir}>
        <mc-progress-tracker
          .pathway=${literacyPathway}
          .credentials=${mayaCredentials}
          .records=${mayaRecords}
          .now=${NOW}
        ></mc-progress-tracker>
      </div>`,
  },
  {
    name: 'badge wallet',
    tag: 'mc-badge-wallet',
    template: async (lang, dir = 'auto') =>
      html`<div lang=${lang} dir=${dir}>
        <mc-badge-wallet .credentials=${[await vector(V.full)]} .now=${NOW}></mc-badge-wallet>
      </div>`,
  },
  {
    name: 'badge wallet (owner)',
    tag: 'mc-badge-wallet',
    template: async (lang, dir = 'auto') =>
      html`<div lang=${lang} dir=${dir}>
        <mc-badge-wallet editable storage-key=${newKey()} .now=${NOW} .fetch=${offline}></mc-badge-wallet>
      </div>`,
  },
];

/** Mounts a case and waits for every element inside it, nested shadow roots included. */
async function show(c: Case, lang: string, dir?: string): Promise<HTMLElement> {
  const wrapper = await mount(await c.template(lang, dir));
  const el = wrapper.querySelector<HTMLElement>(c.tag)!;
  const walk = async (root: Element | ShadowRoot): Promise<void> => {
    for (const node of root.querySelectorAll('*')) {
      if ('updateComplete' in node) await settled(node);
      if (node.shadowRoot) await walk(node.shadowRoot);
    }
  };
  await settled(wrapper);
  if ('ready' in el) await (el as unknown as { ready: Promise<unknown> }).ready;
  await walk(el.shadowRoot!);
  await walk(el.shadowRoot!);
  return el;
}

/** The text of an element's shadow tree, nested shadow roots included. */
function deepText(root: Element | ShadowRoot): string {
  let text = '';
  for (const node of root.querySelectorAll('*')) {
    if (node.shadowRoot) text += ' ' + deepText(node.shadowRoot);
    for (const child of node.childNodes)
      if (child.nodeType === Node.TEXT_NODE) text += ' ' + child.textContent;
  }
  return text;
}

/** Text in each language's own script (Vietnamese: its Latin letters with horn, breve, stroke). */
const scripts: Record<string, RegExp> = {
  ar: /[\u0600-\u06FF]/,
  'zh-Hans': /[\u4E00-\u9FFF]/,
  vi: /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i,
};

/** A message key shown instead of its text (`error.network`, `type.Badge`, `filter.issuer`). */
const messageKey = /(?:^|\s)[a-z]+(?:\.[A-Za-z-]+)+(?:\s|$)/;

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

describe('three more languages: which strings a tag gets', () => {
  it('maps Chinese tags by script: Simplified for zh, zh-CN, zh-SG, zh-Hans-*; English for Traditional', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK', 'ZH-hans-cn'])
      expect(resolveLang(tag).lang, tag).to.equal('zh-Hans');
    expect(resolveLang('zh-SG').locale).to.equal('zh-SG');
    // CLDR: the parent of zh-Hant is root, not zh; Traditional readers are not served Simplified.
    for (const tag of ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-CN'])
      expect(resolveLang(tag), tag).to.deep.equal({ lang: 'en', locale: 'en' });
  });

  it('maps ar-* to Arabic and vi-* to Vietnamese, keeping the full tag for Intl', () => {
    expect(resolveLang('ar')).to.deep.equal({ lang: 'ar', locale: 'ar' });
    expect(resolveLang('ar-EG')).to.deep.equal({ lang: 'ar', locale: 'ar-EG' });
    expect(resolveLang('vi-VN')).to.deep.equal({ lang: 'vi', locale: 'vi-VN' });
    expect(resolveLang('fr-CA')).to.deep.equal({ lang: 'en', locale: 'en' });
  });
});

for (const lang of ['ar', 'zh-Hans', 'vi']) {
  describe(`every element in ${lang}`, () => {
    for (const c of cases) {
      it(`${c.name}: renders in ${lang} (its script, no message key) and is axe-clean`, async () => {
        const el = await show(c, lang, lang === 'ar' ? 'rtl' : undefined);
        const text = deepText(el.shadowRoot!);
        expect(text, 'text in the language').to.match(scripts[lang]!);
        expect(text.match(messageKey)?.[0], 'a message key shown').to.equal(undefined);
        await expect(el).to.be.accessible();
      });
    }
  });
}

describe('dates and numbers through Intl with the full tag', () => {
  it('shows the card dates in Arabic (Egypt), Chinese and Vietnamese', async () => {
    const dates: Record<string, string> = {};
    for (const lang of ['ar-EG', 'zh-CN', 'vi-VN']) {
      const el = await show(cases[0]!, lang);
      const time = el.shadowRoot!.querySelector('time')!;
      dates[lang] = time.textContent!;
      const expected = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(time.dateTime),
      );
      expect(dates[lang], lang).to.equal(expected);
      unmountAll();
    }
    expect(dates['ar-EG']).to.match(/[\u0660-\u0669]/); // Arabic-Indic digits in Egypt
    expect(dates['zh-CN']).to.match(/年/);
  });
});

describe('right to left', () => {
  /** The first box matching `selector` in el's shadow tree, and the element's own box. */
  const boxes = (el: HTMLElement, selector: string): [DOMRect, DOMRect] => [
    el.shadowRoot!.querySelector(selector)!.getBoundingClientRect(),
    el.getBoundingClientRect(),
  ];

  it('catalog: the first result starts at the right (inline start) in Arabic', async () => {
    const el = await show(cases[2]!, 'ar', 'rtl');
    const [first, host] = boxes(el, '[part~="item"]');
    expect(host.right - first.right, 'gap at the right').to.be.lessThan(host.width / 3);
    expect(first.left - host.left, 'the first item is not at the left').to.be.greaterThan(0);
    const ltr = await show(cases[2]!, 'en', 'ltr');
    const [firstLtr, hostLtr] = boxes(ltr, '[part~="item"]');
    expect(firstLtr.left - hostLtr.left).to.be.lessThan(host.right - first.right + 1);
  });

  it('catalog: a grade band such as 3–5 reads left to right inside the Arabic page', async () => {
    const el = await show(cases[2]!, 'ar', 'rtl');
    const value = [...el.shadowRoot!.querySelectorAll('.facet-value')].find((v) =>
      /^\d+–\d+$/.test(v.textContent!),
    )!;
    // The value's text node (issuer text sits in its own element, marked with its language and dir=auto).
    const walker = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);
    let text: Text | undefined;
    while (!text && walker.nextNode())
      if (/\d/.test((walker.currentNode as Text).data)) text = walker.currentNode as Text;
    if (!text) throw new Error('no text with digits in the grade band');
    const at = (i: number): number => {
      const range = document.createRange();
      range.setStart(text!, i);
      range.setEnd(text!, i + 1);
      return range.getBoundingClientRect().left;
    };
    expect(at(0), `${text.data}: its first digit is at the left`).to.be.lessThan(at(text.data.length - 1));
  });

  it('card: the image sits at the right of the text in Arabic, at the left in English', async () => {
    const ar = await show(cases[0]!, 'ar', 'rtl');
    const [image] = boxes(ar, '[part~="image"]');
    const [main] = boxes(ar, '.main');
    expect(image.left, 'image right of the text').to.be.greaterThan(main.left);
    const en = await show(cases[0]!, 'en', 'ltr');
    const [imageEn] = boxes(en, '[part~="image"]');
    const [mainEn] = boxes(en, '.main');
    expect(imageEn.left).to.be.lessThan(mainEn.left);
  });

  it('wallet and tracker: the first item starts at the right in Arabic', async () => {
    for (const c of [cases[4]!, cases[3]!]) {
      const el = await show(c, 'ar', 'rtl');
      const host = el.getBoundingClientRect();
      const item = el.shadowRoot!.querySelector('li')!.getBoundingClientRect();
      expect(host.right - item.right, `${c.name}: gap at the right`).to.be.lessThan(
        item.left - host.left + 1,
      );
    }
  });
});

describe('registerTranslation', () => {
  it('adds a language at run time: given keys in it, the others in English, live', async () => {
    const el = await show(cases[0]!, 'fr');
    const dt = () => el.shadowRoot!.querySelector('[part~="issuer"] dt')?.textContent?.trim();
    expect(dt()).to.equal('Issued by');
    registerTranslation('fr', { shared: { issuedBy: 'Émis par' } });
    await afterLangChange(el);
    await settled(el);
    expect(dt()).to.equal('Émis par');
    expect(el.shadowRoot!.textContent).to.include('Awarded to'); // not translated: English
  });
});

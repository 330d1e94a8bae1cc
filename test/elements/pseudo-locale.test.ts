// The pseudo-locale (issue 13 item 8): a test-only language, `en-XA`, registered through
// registerTranslation with every English string transformed (accented letters, wrapped in ⟦…⟧).
// Every element is rendered in its main states with it; any interface word left untransformed —
// visible text, aria-*, title, alt, placeholder, live-region announcements, error messages — is a
// string that does not go through the translation maps. Credential, catalog and pathway data is not
// interface text: its words are read from the fixtures and allowed.
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '@microcred/elements/credential-card/mc-credential-card.js';
import '@microcred/elements/verify-button/mc-verify-button.js';
import '@microcred/elements/catalog/mc-catalog.js';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/badge-wallet/mc-badge-wallet.js';
import { registerTranslation, type Translation } from '@microcred/elements';
import { en } from '../../packages/elements/src/i18n/en.js';
import { walletEn } from '../../packages/elements/src/badge-wallet/strings-en.js';
import { walletOwnerEn } from '../../packages/elements/src/badge-wallet/strings-owner-en.js';
import catalogEn from '../../packages/elements/src/catalog/strings-en.js';
import trackerEn from '../../packages/elements/src/progress-tracker/strings-en.js';
import { checksEn } from '../../packages/elements/src/verify-button/checks-en.js';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { deleteWallets, newKey, offline } from './helpers/wallet.js';
import { NOW, V, vector } from './helpers/card.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';
import { literacyPathway, mayaCredentials, mayaRecords } from '../../stories/fixtures/progress.js';

const PSEUDO = 'en-XA';
const accents: Record<string, string> = Object.fromEntries(
  [...'aeiouycnAEIOUYCN'].map((c, i) => [c, [...'àéîõüýçñÀÉÎÕÜÝÇÑ'][i]!]),
);
/** `Issued by {name}` → `⟦Íššüéd ƀý {name}⟧`: letters accented, placeholders kept. */
const pseudo = (text: string): string =>
  '⟦' +
  text
    .split(/(\{\w+\})/)
    .map((part, i) => (i % 2 ? part : part.replace(/[a-zA-Z]/g, (c) => accents[c] ?? c)))
    .join('') +
  '⟧';
const pseudoMap = <T extends Record<string, string>>(map: T): T =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, pseudo(v)])) as T;

const translation: Translation = {
  shared: pseudoMap(en),
  wallet: pseudoMap(walletEn),
  walletOwner: pseudoMap(walletOwnerEn),
  catalog: pseudoMap(catalogEn),
  tracker: pseudoMap(trackerEn),
  checks: pseudoMap(checksEn),
};

/** Every word in a fixture (credential, catalog, pathway data): not interface text. */
function dataWords(value: unknown, words = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const w of value.match(/\p{L}+/gu) ?? []) words.add(w.toLowerCase());
  else if (value && typeof value === 'object') for (const v of Object.values(value)) dataWords(v, words);
  return words;
}

interface Case {
  name: string;
  tag: string;
  template: () => Promise<TemplateResult>;
  data: () => Promise<unknown>;
}

const cases: Case[] = [
  {
    name: 'card (full)',
    tag: 'mc-credential-card',
    template: async () =>
      html`<mc-credential-card .credential=${await vector(V.full)} .now=${NOW}></mc-credential-card>`,
    data: () => vector(V.full),
  },
  {
    name: 'card (expired)',
    tag: 'mc-credential-card',
    template: async () =>
      html`<mc-credential-card .credential=${await vector(V.expired)} .now=${NOW}></mc-credential-card>`,
    data: () => vector(V.expired),
  },
  {
    name: 'card (error)',
    tag: 'mc-credential-card',
    template: async () => html`<mc-credential-card .credential=${'{not json'}></mc-credential-card>`,
    data: async () => '',
  },
  {
    name: 'verify button',
    tag: 'mc-verify-button',
    template: async () =>
      html`<mc-verify-button .credential=${await vector(V.full)} .now=${NOW}></mc-verify-button>`,
    data: () => vector(V.full),
  },
  {
    name: 'catalog',
    tag: 'mc-catalog',
    template: async () => html`<mc-catalog .items=${lakesideCatalogFeed} .now=${NOW}></mc-catalog>`,
    data: async () => lakesideCatalogFeed,
  },
  {
    name: 'progress tracker',
    tag: 'mc-progress-tracker',
    template: async () =>
      html`<mc-progress-tracker
        .pathway=${literacyPathway}
        .credentials=${mayaCredentials}
        .records=${mayaRecords}
        .now=${NOW}
      ></mc-progress-tracker>`,
    data: async () => [literacyPathway, mayaCredentials, mayaRecords],
  },
  {
    name: 'badge wallet',
    tag: 'mc-badge-wallet',
    template: async () =>
      html`<mc-badge-wallet .credentials=${[await vector(V.full)]} .now=${NOW}></mc-badge-wallet>`,
    data: () => vector(V.full),
  },
  {
    name: 'badge wallet (owner, empty)',
    tag: 'mc-badge-wallet',
    template: async () =>
      html`<mc-badge-wallet
        editable
        storage-key=${newKey()}
        .now=${NOW}
        .fetch=${offline}
      ></mc-badge-wallet>`,
    data: async () => '',
  },
];

const ATTRIBUTES = [
  'title',
  'alt',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
];

/** Every interface string under `root`: text nodes and the attributes a reader hears or sees. */
function strings(root: Element | ShadowRoot, out: string[] = []): string[] {
  for (const node of root.querySelectorAll('*')) {
    // The monogram shown for a credential without an image: its name's initials (data).
    if (node.matches('script, style, .monogram')) continue;
    if (node.shadowRoot) strings(node.shadowRoot, out);
    // The element's own text as one string, each child element a space: one sentence of ours with
    // issuer text inside it (a lang span, WCAG 3.1.2) is text nodes on either side of that span.
    out.push([...node.childNodes].map((c) => (c.nodeType === Node.TEXT_NODE ? c.textContent : ' ')).join(''));
    for (const a of ATTRIBUTES) {
      const v = node.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}

/** Words outside ⟦…⟧ that are not data and not a date (Intl writes English month names for en-XA). */
function untransformed(texts: string[], data: Set<string>): string[] {
  const months = new Set(
    Array.from({ length: 12 }, (_, m) =>
      new Date(Date.UTC(2020, m, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }).toLowerCase(),
    ),
  );
  return texts
    .map((t) => t.replace(/⟦[^⟧]*⟧/g, ' '))
    .flatMap((t) => t.match(/\p{L}+/gu) ?? [])
    .filter((w) => !data.has(w.toLowerCase()) && !months.has(w.toLowerCase()));
}

async function show(c: Case, lang = PSEUDO): Promise<HTMLElement> {
  const wrapper = await mount(html`<div lang=${lang}>${await c.template()}</div>`);
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

before(() => registerTranslation(PSEUDO, translation));
afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

describe(`pseudo-locale ${PSEUDO}: no interface string escapes translation`, () => {
  it('transforms every string of every map (placeholders kept)', () => {
    expect(pseudo('Issued by {name}')).to.equal('⟦Îssüéd bý {name}⟧');
    for (const map of Object.values(translation))
      for (const [key, value] of Object.entries(map as Record<string, string>))
        expect(value, key).to.match(/^⟦[^]*⟧$/);
  });

  it('finds interface words in English: the same card without the pseudo-locale fails', async () => {
    const el = await show(cases[0]!, 'en');
    const left = untransformed(strings(el.shadowRoot!), dataWords(await cases[0]!.data()));
    expect(left).to.include.members(['Issued', 'Awarded']);
  });

  for (const c of cases) {
    it(`${c.name}: every word is transformed or credential data`, async () => {
      const el = await show(c);
      const left = untransformed(strings(el.shadowRoot!), dataWords(await c.data()));
      expect([...new Set(left)], 'interface words left in English').to.deep.equal([]);
    });
  }
});

// Translations of the elements' strings into Arabic, Chinese (Simplified) and Vietnamese (issue 13,
// "Three more languages"): every module has exactly the English keys, no empty text, the same
// `{placeholders}`, keeps product and standard names, and is really translated (never the English
// text, except a string made only of technical tokens). The string modules import nothing at run
// time (only types), so they load in Node.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

type Map = Record<string, string>;
type Lang = 'ar' | 'zh-Hans' | 'vi';
const LANGS: Lang[] = ['ar', 'zh-Hans', 'vi'];

const src = '../../packages/elements/src';

/** Each English module with a loader for its sibling in every new language. */
const modules: { name: string; en: () => Promise<Map>; tr: Record<Lang, () => Promise<Map>> }[] = [
  {
    name: 'i18n (shared)',
    en: async () => (await import(`${src}/i18n/en.ts`)).en,
    tr: {
      ar: async () => (await import(`${src}/i18n/ar.ts`)).ar,
      'zh-Hans': async () => (await import(`${src}/i18n/zh-hans.ts`)).zhHans,
      vi: async () => (await import(`${src}/i18n/vi.ts`)).vi,
    },
  },
  {
    name: 'badge-wallet',
    en: async () => (await import(`${src}/badge-wallet/strings-en.ts`)).walletEn,
    tr: {
      ar: async () => (await import(`${src}/badge-wallet/strings-ar.ts`)).walletAr,
      'zh-Hans': async () => (await import(`${src}/badge-wallet/strings-zh-hans.ts`)).walletZhHans,
      vi: async () => (await import(`${src}/badge-wallet/strings-vi.ts`)).walletVi,
    },
  },
  {
    name: 'catalog',
    en: async () => (await import(`${src}/catalog/strings-en.ts`)).default,
    tr: {
      ar: async () => (await import(`${src}/catalog/strings-ar.ts`)).default,
      'zh-Hans': async () => (await import(`${src}/catalog/strings-zh-hans.ts`)).default,
      vi: async () => (await import(`${src}/catalog/strings-vi.ts`)).default,
    },
  },
  {
    name: 'progress-tracker',
    en: async () => (await import(`${src}/progress-tracker/strings-en.ts`)).default,
    tr: {
      ar: async () => (await import(`${src}/progress-tracker/strings-ar.ts`)).default,
      'zh-Hans': async () => (await import(`${src}/progress-tracker/strings-zh-hans.ts`)).default,
      vi: async () => (await import(`${src}/progress-tracker/strings-vi.ts`)).default,
    },
  },
  {
    name: 'verify-button checks',
    en: async () => (await import(`${src}/verify-button/checks-en.ts`)).checksEn,
    tr: {
      ar: async () => (await import(`${src}/verify-button/checks-ar.ts`)).checksAr,
      'zh-Hans': async () => (await import(`${src}/verify-button/checks-zh-hans.ts`)).checksZhHans,
      vi: async () => (await import(`${src}/verify-button/checks-vi.ts`)).checksVi,
    },
  },
];

/**
 * Product, standard and format names that stay as they are in every language (glossary: "Never
 * translated"). A translation may equal the English text only when that text is nothing but these,
 * placeholders, digits and punctuation (e.g. `exportJson: 'JSON'`). `QR` is not kept in Chinese
 * (二维码 is the usual word), so it is only allowed, not required.
 */
const KEPT_TOKENS = [
  'Open Badges',
  'LinkedIn',
  'Microcred',
  'JSON',
  'JWS',
  'SD-JWT',
  'COSE',
  'CBOR',
  'PNG',
  'SVG',
  'HTTP',
  'GED',
];
const ALLOWED_TOKENS = [...KEPT_TOKENS, 'QR', 'A–Z'];

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** `s` without placeholders and allowed tokens (longest first, so SD-JWT goes before JWS…). */
function withoutTokens(s: string): string {
  let out = s.replace(/\{\w+\}/g, ' ');
  for (const t of [...ALLOWED_TOKENS].sort((a, b) => b.length - a.length)) out = out.split(t).join(' ');
  return out;
}

/** The letters each language's text must be written in (checked on every string that has letters). */
const SCRIPT: Record<Lang, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  'zh-Hans': /\p{Script=Han}/u,
  vi: /\p{Script=Latin}/u,
};

describe('translations into ar, zh-Hans and vi', () => {
  for (const mod of modules) {
    for (const lang of LANGS) {
      describe(`${mod.name} in ${lang}`, () => {
        it('has every English key and no other', async () => {
          const [en, tr] = await Promise.all([mod.en(), mod.tr[lang]()]);
          assert.deepEqual(Object.keys(tr).sort(), Object.keys(en).sort());
        });

        it('has no empty string', async () => {
          const tr = await mod.tr[lang]();
          for (const [key, text] of Object.entries(tr)) {
            assert.equal(typeof text, 'string', key);
            assert.ok(text.trim() !== '', `${key} is empty`);
          }
        });

        it('has every {placeholder} of the English string and no other', async () => {
          const [en, tr] = await Promise.all([mod.en(), mod.tr[lang]()]);
          for (const key of Object.keys(en)) {
            assert.deepEqual(placeholders(tr[key] ?? ''), placeholders(en[key]!), key);
          }
        });

        it('keeps product and standard names (Open Badges, JSON, HTTP…) as they are', async () => {
          const [en, tr] = await Promise.all([mod.en(), mod.tr[lang]()]);
          for (const key of Object.keys(en)) {
            for (const token of KEPT_TOKENS) {
              if (en[key]!.includes(token)) assert.ok(tr[key]!.includes(token), `${key} lost "${token}"`);
            }
          }
        });

        it('is translated: no string is the English one unless it is only technical tokens', async () => {
          const [en, tr] = await Promise.all([mod.en(), mod.tr[lang]()]);
          for (const key of Object.keys(en)) {
            if (tr[key] !== en[key]) continue;
            assert.doesNotMatch(
              withoutTokens(en[key]!),
              /\p{L}/u,
              `${key} is still in English: "${en[key]}"`,
            );
          }
        });

        it(`is written in the ${lang} script`, async () => {
          const tr = await mod.tr[lang]();
          for (const [key, text] of Object.entries(tr)) {
            const rest = withoutTokens(text);
            if (/\p{L}/u.test(rest)) assert.match(rest, SCRIPT[lang], `${key}: "${text}"`);
            // Arabic and Chinese text holds no Latin word besides the kept names.
            if (lang !== 'vi') assert.doesNotMatch(rest, /\p{Script=Latin}/u, `${key}: "${text}"`);
          }
        });
      });
    }
  }

  it('Chinese addresses the reader with 您, never 你', async () => {
    for (const mod of modules) {
      for (const [key, text] of Object.entries(await mod.tr['zh-Hans']())) {
        assert.doesNotMatch(text, /你/, `${mod.name} ${key}`);
      }
    }
  });
});

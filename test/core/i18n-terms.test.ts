// One word per idea in every language (issue 13, language review: docs/i18n/review.md). The glossary
// (docs/i18n/glossary.md) names the term each language uses; these tests fail on the variants the
// review found and replaced, so that a new string does not bring one back: a calque ("horneado" for
// a baked badge), a student's record for a learner record that is often a teacher's, a second word
// for a presentation or an issuer, and a gendered Arabic imperative where the glossary asks for a
// verbal noun or يُرجى. Every string set of every language is read (the modules import only types).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

type Map = Record<string, string>;
type Lang = 'es' | 'ar' | 'zh-Hans' | 'vi';

const src = '../../packages/elements/src';
/** Each language's file suffix and export-name suffix (`walletZhHans`, `checksVi`…). */
const NAMES: Record<Lang, [file: string, name: string]> = {
  es: ['es', 'Es'],
  ar: ['ar', 'Ar'],
  'zh-Hans': ['zh-hans', 'ZhHans'],
  vi: ['vi', 'Vi'],
};

/** Every string set in `lang`, by set name. */
async function sets(lang: Lang): Promise<Record<string, Map>> {
  const [f, n] = NAMES[lang];
  const shared = await import(`${src}/i18n/${f}.ts`);
  const wallet = await import(`${src}/badge-wallet/strings-${f}.ts`);
  const owner = lang === 'es' ? await import(`${src}/badge-wallet/strings-owner-es.ts`) : wallet;
  const checks = await import(`${src}/verify-button/checks-${f}.ts`);
  return {
    shared: shared[n === 'ZhHans' ? 'zhHans' : f],
    wallet: wallet[`wallet${n}`],
    walletOwner: owner[`walletOwner${n}`],
    catalog: (await import(`${src}/catalog/strings-${f}.ts`)).default,
    tracker: (await import(`${src}/progress-tracker/strings-${f}.ts`)).default,
    checks: checks[`checks${n}`],
  };
}

/** The strings of `lang` matching `pattern`, as `set.key: text`. */
async function matching(lang: Lang, pattern: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const [set, map] of Object.entries(await sets(lang)))
    for (const [key, text] of Object.entries(map ?? {}))
      if (pattern.test(text)) out.push(`${set}.${key}: ${text}`);
  return out;
}

describe('one term per idea (glossary)', () => {
  it('reads every string set of every language (the test sees the strings it checks)', async () => {
    for (const lang of ['es', 'ar', 'zh-Hans', 'vi'] as const) {
      const all = await sets(lang);
      for (const [set, map] of Object.entries(all))
        assert.ok(Object.keys(map ?? {}).length > 5, `${lang} ${set} has strings`);
    }
  });

  it('es: a baked badge is "con datos incrustados", never the calque "horneado"', async () => {
    assert.deepEqual(await matching('es', /hornead/i), []);
  });

  it('es: a learner record (often a teacher’s) is a "registro", not a student’s "expediente"', async () => {
    assert.deepEqual(await matching('es', /expediente|del estudiante/i), []);
  });

  it('es: one variety, the Spanish of US and Latin American schools ("costo", "vence"): "video" and "agregar", not Spain’s "vídeo", "añadir", "coste"', async () => {
    assert.deepEqual(await matching('es', /vídeo|\bañadir|\bcoste\b|ordenador|fichero/i), []);
  });

  it('es: the formal register (usted): no tú forms in requests', async () => {
    assert.deepEqual(
      await matching('es', /\b(busca|pulsa|elige|revisa|vuelve a|prueba con|tu|tus|tienes|puedes)\b/i),
      [],
    );
  });

  it('ar: a presentation of credentials is عرض, never عرض تقديمي (a slide show)', async () => {
    assert.deepEqual(await matching('ar', /عرض تقديمي/), []);
  });

  it('ar: requests use يُرجى or a verbal noun, not a masculine imperative (افتح، اختر، انقر…)', async () => {
    assert.deepEqual(
      await matching('ar', /(^|[.:؛،]\s)(افتح|اختر|انقر|اضغط|انسخ|أدخل|حاول|جرّب|تحقق من)\s/),
      [],
    );
  });

  it('zh-Hans: a presentation is 出示内容 (not 出示材料 or 出示件); the issuer is 颁发机构 (not 颁发方)', async () => {
    assert.deepEqual(await matching('zh-Hans', /出示材料|出示件|颁发方/), []);
  });

  it('vi: a presentation is "bản xuất trình" (not "bản trình bày"); the issuer is "đơn vị cấp" (not "bên cấp")', async () => {
    assert.deepEqual(await matching('vi', /bản trình bày|bên cấp/i), []);
  });
});

// The Spanish of the demo (its pages, its issuer's registration page and catalog texts) and of the
// embed package's tool pages (verify.html, builder.html) keeps to the glossary and the formal
// register like the elements' strings (issue 13, language review: docs/i18n/review.md). These tests
// fail on the variants that review replaced: "expediente" for a learner record, a Spain-only or
// word-for-word phrasing, a baked badge that is not "con datos incrustados", "serie" for a stack.
// The page scripts touch the DOM when imported, so their Spanish is read as source text: every
// `es: { … }` block, the builder's `kindEs`/`problemEs`, and the demo issuer's `…Es` fields.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const FILES = [
  'demo/src/strings.ts',
  'demo/src/index.ts',
  'demo/src/district.ts',
  'demo/src/portfolio.ts',
  'demo/src/vendor.ts',
  'demo/src/verify.ts',
  'demo/src/wallet.ts',
  'demo/server/registration.ts',
  'demo/server/seed-data.ts',
  'packages/embed/src/verify-page/strings.ts',
  'packages/embed/src/builder/strings.ts',
];

/** The block of balanced braces that starts at `text[open]` (a `{`). */
function block(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** The Spanish of one file: its `es: {…}` and `…Es = {…}` blocks and its `…Es: '…'` fields. */
function spanish(file: string): string {
  const text = readFileSync(file, 'utf8');
  const parts: string[] = [];
  for (const m of text.matchAll(/\b(?:es\s*:|\w+Es(?:\s*:[^=\n{]*)?\s*=)\s*\{/g))
    parts.push(block(text, m.index + m[0].length - 1));
  for (const m of text.matchAll(/\b\w+Es:\s*(['`"])((?:\\.|(?!\1).)*)\1/gs)) parts.push(m[2]!);
  return parts.join('\n');
}

/** Lines of Spanish (file: line) matching `pattern`. */
function matching(pattern: RegExp): string[] {
  return FILES.flatMap((f) =>
    spanish(f)
      .split('\n')
      .filter((l) => pattern.test(l))
      .map((l) => `${f}: ${l.trim()}`),
  );
}

describe('Spanish of the demo and the embed tool pages (glossary, formal register)', () => {
  it('reads the Spanish of every file (the test sees the strings it checks)', () => {
    for (const f of FILES)
      assert.match(spanish(f), /[áéíóúñ]|\b(?:las?|los|una?|del)\b/, `${f} has Spanish text`);
  });

  it('a learner record (CLR) is a "registro de aprendizaje", never an "expediente"', () => {
    assert.deepEqual(matching(/expediente/i), []);
  });

  it('a stack or pathway is an "itinerario", not a "serie"', () => {
    assert.deepEqual(matching(/\bserie\b/i), []);
  });

  it('a baked badge is an image "con datos incrustados" (not an "insignia incrustada" or a credential "incorporada")', () => {
    assert.deepEqual(matching(/insignias? incrustadas?|incorporada/i), []);
  });

  it('registration "se abre" and "se cierra" (reflexive, as in the catalog); blended is "Mixta"', () => {
    assert.deepEqual(matching(/(?<!se )\b(abre|cierra) el\b|Combinada/), []);
  });

  it('no word-for-word or Spain-only phrasing: "Nada respondió", "cópielo usted", "Pruebe a", "anillos de foco", a JWS "con dos puntos" (a colon), "estudiantes de inglés" for English learners', () => {
    assert.deepEqual(
      matching(/Nada respondió|cópielo usted|Pruebe a |anillos de foco|con dos puntos|estudiantes de inglés/),
      [],
    );
  });

  it('the formal register (usted): no tú forms', () => {
    assert.deepEqual(
      matching(/\b(tu|tus|tienes|puedes|pulsa|elige|suelta|pega|descarga|selecciona|escribe|revisa)\b/i),
      [],
    );
  });
});

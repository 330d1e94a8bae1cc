import { issuerJson } from './issuer.js';
import { card, currentLang, showMissing, startShell } from './shell.js';

startShell({
  en: {
    title: 'Micro-credentials — Lakeside Unified School District',
    h1: 'Professional learning micro-credentials',
    lede: 'Short, skill-focused credentials for Lakeside educators. Each one is earned by showing evidence from your classroom.',
    catalogTitle: 'Available micro-credentials',
  },
  es: {
    title: 'Microcredenciales — Distrito Escolar Unificado de Lakeside',
    h1: 'Microcredenciales de desarrollo profesional',
    lede: 'Credenciales breves y centradas en habilidades para el personal docente de Lakeside. Cada una se obtiene presentando evidencias de su aula.',
    catalogTitle: 'Microcredenciales disponibles',
  },
});

interface CatalogFeed {
  stacks: { id: string; name: string; achievements: string[] }[];
  achievements: Record<string, unknown>[];
}

/** The district's catalog: the demo issuer's OB 3.0 Achievements, in the page's language. */
async function render(lang: 'en' | 'es'): Promise<void> {
  const list = document.querySelector('#catalog')!;
  try {
    const feed = await issuerJson<CatalogFeed>(`/achievements${lang === 'es' ? '?lang=es' : ''}`);
    const items = feed.achievements.map((achievement) => {
      const li = document.createElement('li');
      li.append(card(achievement, { variant: 'compact', headingLevel: 2 }));
      return li;
    });
    list.replaceChildren(...items);
  } catch {
    showMissing();
  }
}

let shown = currentLang();
void render(shown);
// The issuer publishes each achievement in English and Spanish: follow the language switch.
new MutationObserver(() => {
  if (currentLang() !== shown) void render((shown = currentLang()));
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

import { card, showMissing, startShell, vector } from './shell.js';
import { paths } from './vectors.js';

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

/** The achievement inside an OB 3.0 credential, with the issuer as its creator (a catalog entry). */
function achievementOf(credential: Record<string, unknown>): unknown {
  const subject = credential.credentialSubject as Record<string, unknown> | undefined;
  const achievement = subject?.achievement as Record<string, unknown> | undefined;
  return achievement ? { creator: credential.issuer, ...achievement } : credential;
}

async function main(): Promise<void> {
  const list = document.querySelector('#catalog')!;
  try {
    const [full, complete, alignments, program, award, dccDiploma, badge, badgeEs, issuer] =
      await Promise.all([
        vector(paths.fullExample),
        vector(paths.complete),
        vector(paths.alignments),
        vector(paths.program),
        vector(paths.award),
        vector(paths.dccDiploma),
        vector(paths.ob2Badge),
        vector(paths.ob2BadgeEs),
        vector(paths.ob2Issuer),
      ]);
    const entries = [
      achievementOf(full),
      achievementOf(alignments),
      achievementOf(program),
      achievementOf(award),
      achievementOf(dccDiploma),
      achievementOf(complete),
      { ...badge, issuer },
      { ...badgeEs, issuer },
    ];
    for (const entry of entries) {
      const li = document.createElement('li');
      li.append(card(entry, { variant: 'compact', headingLevel: 2 }));
      list.append(li);
    }
  } catch {
    showMissing();
  }
}
void main();

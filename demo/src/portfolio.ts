import { ISSUER_URL, TOKENS, credentialsOf, issuerClient } from './issuer.js';
import { card, showMissing, startShell, vector } from './shell.js';
import { mountTrackers } from './trackers.js';
import { paths } from './vectors.js';

startShell({
  en: {
    title: 'Ana Rivera — credentials',
    h1: 'Ana Rivera — credentials',
    lede: 'Grade 7 science teacher. Credentials from the Lakeside Unified School District (Open Badges 3.0 and 2.0) and a CLR 2.0 transcript.',
    stacksTitle: 'Progress through the district’s stacks',
  },
  es: {
    title: 'Ana Rivera — credenciales',
    h1: 'Ana Rivera — credenciales',
    lede: 'Docente de ciencias de 7.º grado. Credenciales del Distrito Escolar Unificado de Lakeside (Open Badges 3.0 y 2.0) y un expediente CLR 2.0.',
    stacksTitle: 'Progreso en los itinerarios del distrito',
  },
});

async function main(): Promise<void> {
  const list = document.querySelector('#credentials')!;
  try {
    // Ana's credentials from the demo issuer's OB 3.0 API (JSON-LD with Data Integrity proofs and a
    // VC-JWT), her legacy Open Badges 2.0 hosted badge (fetchCredential embeds its badge class and
    // issuer), and a CLR 2.0 transcript from the public vectors (a format the issuer does not issue).
    const [issued, legacy, transcript] = await Promise.all([
      credentialsOf(TOKENS.ana),
      issuerClient().fetchCredential(`${ISSUER_URL}/ob2/assertions/digital-citizenship-2019-ana-rivera`),
      vector(paths.clrComplex),
    ]);
    for (const credential of [...issued, legacy, transcript]) {
      const li = document.createElement('li');
      li.append(card(credential, { headingLevel: 2 }));
      list.append(li);
    }
  } catch {
    showMissing();
  }
}
void main();
// One <mc-progress-tracker> per stack (demo/src/trackers.ts).
void mountTrackers().catch(() => showMissing());

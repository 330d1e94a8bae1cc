import { card, showMissing, startShell, vector } from './shell.js';
import { paths } from './vectors.js';

startShell({
  en: {
    title: 'Ana Rivera — credentials',
    h1: 'Ana Rivera — credentials',
    lede: 'Grade 7 science teacher. Credentials earned from several issuers, in Open Badges 2.0 and 3.0 and CLR 2.0.',
  },
  es: {
    title: 'Ana Rivera — credenciales',
    h1: 'Ana Rivera — credenciales',
    lede: 'Docente de ciencias de 7.º grado. Credenciales obtenidas de varios emisores, en Open Badges 2.0 y 3.0 y CLR 2.0.',
  },
});

async function main(): Promise<void> {
  const list = document.querySelector('#credentials')!;
  try {
    const [full, dccDiploma, transcript, assertion, badge, issuer] = await Promise.all([
      vector(paths.fullExample),
      vector(paths.dccDiploma),
      vector(paths.clrTranscript),
      vector(paths.ob2Assertion),
      vector(paths.ob2Badge),
      vector(paths.ob2Issuer),
    ]);
    // An OB 2.0 hosted assertion links its badge class and issuer by URL; fetchCredential() embeds
    // them the same way when the URLs are reachable.
    const ob2 = { ...assertion, badge: { ...badge, issuer } };
    for (const credential of [full, dccDiploma, transcript, ob2]) {
      const li = document.createElement('li');
      li.append(card(credential, { headingLevel: 2 }));
      list.append(li);
    }
  } catch {
    showMissing();
  }
}
void main();

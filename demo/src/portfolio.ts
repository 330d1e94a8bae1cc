import type { McBadgeWallet } from '@microcred/elements';
import { anaCredentials } from './ana.js';
import { issuerVerifyFetch } from './issuer.js';
import { showMissing, startShell } from './shell.js';
import { mountTrackers } from './trackers.js';

startShell({
  en: {
    title: 'Ana Rivera — credentials',
    h1: 'Ana Rivera — credentials',
    lede: 'Grade 7 science teacher. Credentials from the Lakeside Unified School District: Open Badges 3.0 and 2.0, and a CLR 2.0 record that bundles the 3.0 ones.',
    portfolioTitle: 'Portfolio',
    portfolioLede: 'What visitors see: search and filter, open a credential to verify it or share it.',
    stacksTitle: 'Progress through the district’s stacks',
  },
  es: {
    title: 'Ana Rivera — credenciales',
    h1: 'Ana Rivera — credenciales',
    lede: 'Docente de ciencias de 7.º grado. Credenciales del Distrito Escolar Unificado de Lakeside: Open Badges 3.0 y 2.0, y un registro de aprendizaje CLR 2.0 que reúne las de 3.0.',
    portfolioTitle: 'Portafolio',
    portfolioLede:
      'Lo que ven los visitantes: busque y filtre, abra una credencial para verificarla o compartirla.',
    stacksTitle: 'Progreso en los itinerarios del distrito',
  },
});

/** The public portfolio: a display-mode wallet of Ana's credentials, verified through the demo issuer. */
async function main(): Promise<void> {
  const wallet = document.querySelector<McBadgeWallet>('#portfolio mc-badge-wallet');
  if (!wallet) return;
  // The wallet region is named like its section (a page with two wallets needs two names).
  const name = () =>
    wallet.setAttribute('label', document.querySelector('#portfolio-title')?.textContent ?? '');
  name();
  new MutationObserver(name).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
  wallet.fetch = issuerVerifyFetch;
  try {
    // `verify-shown` (portfolio.html) verifies the tiles as they are shown, so each says what the
    // trackers beside it say ("Revoked", "Expired") instead of "Not checked yet" (issue 13 item 6).
    wallet.credentials = await anaCredentials();
  } catch {
    showMissing();
  }
}
void main();
// One <mc-progress-tracker> per stack (demo/src/trackers.ts).
void mountTrackers().catch(() => showMissing());

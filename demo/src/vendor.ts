import { normalizeCredential } from '@microcred/core';
import { TOKENS, credentialsOf } from './issuer.js';
import { card, currentLang, showMissing, startShell } from './shell.js';

startShell({
  en: {
    title: 'My badges — SlideCraft',
    h1: 'My badges',
    sideTitle: 'Earned badges',
    detailTitle: 'Badge details',
    details: 'View details',
  },
  es: {
    title: 'Mis insignias — SlideCraft',
    h1: 'Mis insignias',
    sideTitle: 'Insignias obtenidas',
    detailTitle: 'Detalles de la insignia',
    details: 'Ver detalles',
  },
});

async function main(): Promise<void> {
  const side = document.querySelector('#side-list')!;
  const detail = document.querySelector('#detail')!;
  try {
    // Marcus's badges from the demo issuer's OB 3.0 API (JSON-LD and a VC-JWT; one expired).
    const credentials = await credentialsOf(TOKENS.marcus);
    // Both panes are h2 sections under the page's h1: every card in them, the list's compact ones
    // and the one shown in full, is at level 3 (its sections at 4) — packages/elements/README.md.
    const show = (credential: unknown) => detail.replaceChildren(card(credential, { headingLevel: 3 }));
    credentials.forEach((credential, i) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'details-button';
      // Each button is named by its credential too ("View details: Data Literacy"), not five alike
      // (issue 13 item 7): the words switch language, the credential's name stays as issued.
      const words = document.createElement('span');
      words.dataset.i18n = 'details';
      words.textContent = currentLang() === 'es' ? 'Ver detalles' : 'View details';
      const which = document.createElement('span');
      which.className = 'visually-hidden';
      try {
        which.textContent = `: ${normalizeCredential(credential).name}`;
      } catch {
        which.textContent = ` ${i + 1}`;
      }
      button.append(words, which);
      button.setAttribute('aria-pressed', String(i === 0));
      button.addEventListener('click', () => {
        side.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
        show(credential);
      });
      li.append(card(credential, { variant: 'compact', headingLevel: 3 }), button);
      side.append(li);
    });
    show(credentials[0]);
  } catch {
    showMissing();
  }
}
void main();

/**
 * The portfolio's own wallet: `<mc-badge-wallet editable storage-key="demo-portfolio">`, kept in
 * this browser (IndexedDB). On the first visit it is filled with the credentials the portfolio
 * above it shows (Ana's, demo/src/ana.ts), so it is not empty; from then on it is the visitor's: import more (drop a baked
 * badge from the demo issuer, paste a link), feature, hide, reorder, verify, share, export. It
 * verifies through the demo issuer (`issuerVerifyFetch`). Its section text follows `<html lang>`.
 */
import type { McBadgeWallet } from '@microcred/elements';
import { anaCredentials } from './ana.js';
import { ISSUER_URL, issuerVerifyFetch } from './issuer.js';
// Vite moves core's verify-worker.js; tell the wallet where this build serves it.
import verifyWorker from '../../packages/core/src/verify/verify-worker.ts?worker&url';

/** Set once the wallet has been filled from the page, so emptying it later is respected. */
const SEEDED = 'microcred-demo-portfolio-seeded';

const text = {
  en: {
    title: 'My wallet',
    lede: 'Kept in this browser only, and still here after a reload. Import a badge (drop a baked badge image, pick a file or paste a link), feature your best ones, and open Details to share one to LinkedIn, copy its link or QR code, or get embed code.',
    try: 'Try importing: download a baked badge the demo issuer gave a colleague, then drop it on the wallet or choose it under Import:',
    badge: (n: number, who: string) => `${who}’s badge ${n} (PNG)`,
  },
  es: {
    title: 'Mi cartera',
    lede: 'Se guarda solo en este navegador y sigue aquí al recargar. Importe una insignia (suelte una imagen de insignia con datos incrustados, elija un archivo o pegue un enlace), destaque las más importantes y abra Detalles para compartirla en LinkedIn, copiar su enlace o código QR u obtener el código para insertarla.',
    try: 'Pruebe la importación: descargue una imagen de insignia con datos incrustados que el emisor de demostración otorgó a un colega y suéltela sobre la cartera o elíjala en Importar:',
    badge: (n: number, who: string) => `Insignia ${n} de ${who} (PNG)`,
  },
};

function applyText(): void {
  const lang = document.documentElement.lang.startsWith('es') ? 'es' : 'en';
  const t = text[lang];
  const set = (id: string, value: string) => {
    const el = document.getElementById(id);
    if (el) el.textContent = value;
  };
  set('wallet-title', t.title);
  document.querySelector('#wallet mc-badge-wallet')?.setAttribute('label', t.title);
  set('wallet-lede', t.lede);
  const tryIt = document.getElementById('wallet-try');
  if (tryIt && badges.length) {
    tryIt.replaceChildren(
      `${t.try} `,
      ...badges.flatMap(({ who, png }, i) => {
        const a = document.createElement('a');
        a.href = png;
        a.textContent = t.badge(i + 1, who);
        return i ? [' · ', a] : [a];
      }),
    );
    tryIt.hidden = false;
  }
}

/** Baked badges of another educator, offered as files to try the import with. */
let badges: { who: string; png: string }[] = [];

async function findBadges(): Promise<void> {
  try {
    const res = await fetch(`${ISSUER_URL}/educators`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    const educators = (await res.json()) as { name: string; credentials?: { png?: string }[] }[];
    const other = educators.find((e) => e.name !== 'Ana Rivera' && e.credentials?.some((c) => c.png));
    badges = (other?.credentials ?? [])
      .flatMap((c) => (c.png ? [{ who: other!.name, png: c.png }] : []))
      .slice(0, 2);
    applyText();
  } catch {
    // no issuer running: the wallet still imports files and links
  }
}

async function main(): Promise<void> {
  applyText();
  new MutationObserver(applyText).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
  void findBadges();

  const wallet = document.querySelector<McBadgeWallet>('#wallet mc-badge-wallet');
  if (!wallet) return;
  wallet.fetch = issuerVerifyFetch;
  wallet.verifyWorker = verifyWorker;
  await customElements.whenDefined('mc-badge-wallet');
  await wallet.updateComplete;
  await wallet.ready;
  if (localStorage.getItem(SEEDED) || wallet.records.length) return;
  const credentials = await anaCredentials().catch(() => []);
  if (!credentials.length) return;
  const results = await wallet.importItems(credentials.map((value) => ({ kind: 'data' as const, value })));
  if (results.some((r) => r.status === 'imported')) localStorage.setItem(SEEDED, '1');
}
void main();

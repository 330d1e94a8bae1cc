/**
 * The verification page: one credential per outcome, each issued by the demo issuer
 * (`GET /examples/{case}`, its Open Badges 2.0 hosted assertion and its CLR 2.0 record of Ana
 * Rivera), each in a card with an `<mc-verify-button>` in its `status` slot. The buttons verify
 * through the issuer (`issuerVerifyFetch`, demo/src/issuer.ts); nothing comes from outside the
 * repository.
 */
import { ISSUER_URL, issuerClient, issuerJson, issuerVerifyFetch } from './issuer.js';
import { applyLang, card, currentLang, showMissing, startShell } from './shell.js';

const page = {
  en: {
    title: 'Verify a credential — Microcred demo',
    navVerify: 'Verify',
    h1: 'Verify a credential',
    lede: 'Press Verify on each card. Lakeside Unified School District’s demo issuer signed each of them: one valid, one expired, one revoked, one altered after it was signed, one whose revocation list cannot be reached, an Open Badges 2.0 badge and a CLR 2.0 record.',
    caseValid: 'A valid credential',
    caseExpired: 'An expired credential',
    caseRevoked: 'A revoked credential',
    caseTampered: 'A credential changed after it was signed (the name on it was edited)',
    caseStatusUnavailable: 'A credential whose revocation list cannot be reached',
    caseOb2: 'An Open Badges 2.0 badge, hosted by its issuer',
    caseClr: 'A CLR 2.0 record of several credentials',
    offline:
      'Demo only: the issuer’s identity is a did:web address, which the standard resolves over https; the demo issuer serves plain http on this computer, so this page hands the verifier a fetch that reaches it over http (demo/src/issuer.ts). Nothing else is changed, and nothing is fetched from the internet.',
    adminHint: 'Try it: revoke or restore a credential on the issuer’s admin page, then press Verify again.',
    adminLink: 'Open the admin page',
  },
  es: {
    title: 'Verificar una credencial — demostración de Microcred',
    navVerify: 'Verificar',
    h1: 'Verificar una credencial',
    lede: 'Pulse Verificar en cada tarjeta. El emisor de demostración del Distrito Escolar Unificado de Lakeside firmó cada una: una válida, una vencida, una revocada, una modificada después de firmarse, una cuya lista de revocación no se puede consultar, una insignia Open Badges 2.0 y un expediente CLR 2.0.',
    caseValid: 'Una credencial válida',
    caseExpired: 'Una credencial vencida',
    caseRevoked: 'Una credencial revocada',
    caseTampered: 'Una credencial modificada después de firmarse (se cambió el nombre que figura en ella)',
    caseStatusUnavailable: 'Una credencial cuya lista de revocación no se puede consultar',
    caseOb2: 'Una insignia Open Badges 2.0, alojada por su emisor',
    caseClr: 'Un expediente CLR 2.0 de varias credenciales',
    offline:
      'Solo para la demostración: la identidad del emisor es una dirección did:web, que el estándar resuelve por https; el emisor de demostración usa http sin cifrar en este equipo, así que esta página da al verificador un fetch que lo consulta por http (demo/src/issuer.ts). No se cambia nada más y no se consulta nada en internet.',
    adminHint:
      'Pruébelo: revoque o restablezca una credencial en la página de administración del emisor y vuelva a pulsar Verificar.',
    adminLink: 'Abrir la página de administración',
  },
};
startShell(page);

/** The issuer's example of each outcome (demo/server/README.md, "Examples"). */
const examples: [key: keyof (typeof page)['en'], load: () => Promise<unknown>][] = [
  ['caseValid', () => issuerJson('/examples/valid')],
  ['caseExpired', () => issuerJson('/examples/expired')],
  ['caseRevoked', () => issuerJson('/examples/revoked')],
  ['caseTampered', () => issuerJson('/examples/tampered')],
  ['caseStatusUnavailable', () => issuerJson('/examples/status-unavailable')],
  // The hosted assertion with its badge class and issuer embedded (fetchCredential).
  [
    'caseOb2',
    () => issuerClient().fetchCredential(`${ISSUER_URL}/ob2/assertions/digital-citizenship-2019-ana-rivera`),
  ],
  ['caseClr', () => issuerJson('/educators/ana-rivera/clr')],
];

async function main(): Promise<void> {
  const list = document.querySelector('#credentials')!;
  const admin = document.querySelector<HTMLAnchorElement>('#admin-link');
  if (admin) admin.href = `${ISSUER_URL}/admin`;
  try {
    const credentials = await Promise.all(examples.map(([, load]) => load()));
    for (const [i, credential] of credentials.entries()) {
      const caption = document.createElement('h2');
      caption.className = 'case';
      caption.dataset.i18n = examples[i]![0];
      caption.textContent = examples[i]![0];
      const el = card(credential, { headingLevel: 3 });
      const button = document.createElement('mc-verify-button');
      button.slot = 'status';
      button.fetch = issuerVerifyFetch;
      el.append(button);
      const li = document.createElement('li');
      li.dataset.case = examples[i]![0];
      li.append(caption, el);
      list.append(li);
    }
    applyLang(currentLang(), page);
  } catch {
    showMissing();
  }
}
void main();

/**
 * The verification page: @microcred/embed's "verify anything" tool (the same code as its
 * verify.html: drop or pick a badge file, paste, or enter a web address; `?src=` shares a check),
 * then one credential per outcome, each issued by the demo issuer (`GET /examples/{case}`, its Open
 * Badges 2.0 hosted assertion and its CLR 2.0 record of Ana Rivera), each in a card with an
 * `<mc-verify-button>` in its `status` slot. Everything verifies through the issuer
 * (`issuerVerifyFetch`, demo/src/issuer.ts); nothing comes from outside the repository.
 */
import { mountVerifyTool } from '../../packages/embed/src/verify-page/app.js';
import { ISSUER_URL, issuerClient, issuerJson, issuerVerifyFetch } from './issuer.js';
import { applyLang, card, currentLang, showMissing, startShell } from './shell.js';

const page = {
  en: {
    title: 'Verify a credential — Microcred demo',
    navVerify: 'Verify',
    h1: 'Verify a credential',
    lede: 'Drop a badge file, paste a credential or enter its web address: the card shows what it says and the verification shows whether it is authentic, current and not revoked.',
    examplesHeading: 'Examples from the demo issuer',
    examplesLede:
      'Press Verify on each card. Lakeside Unified School District’s demo issuer signed each of them: one valid, one expired, one revoked, one altered after it was signed, one whose revocation list cannot be reached, an Open Badges 2.0 badge and a CLR 2.0 record.',
    elsewhereHeading: 'On your own site',
    elsewhereText: 'This tool is a page of its own in @microcred/embed, for any static host:',
    standaloneLink: 'verify.html',
    builderText: 'To put a card, a catalog or a wallet on a page without writing code:',
    builderLink: 'the embed builder',
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
    lede: 'Suelte un archivo de insignia, pegue una credencial o escriba su dirección web: la tarjeta muestra lo que dice y la verificación indica si es auténtica, está vigente y no está revocada.',
    examplesHeading: 'Ejemplos del emisor de demostración',
    examplesLede:
      'Pulse Verificar en cada tarjeta. El emisor de demostración del Distrito Escolar Unificado de Lakeside firmó cada una: una válida, una vencida, una revocada, una modificada después de firmarse, una cuya lista de revocación no se puede consultar, una insignia Open Badges 2.0 y un registro de aprendizaje CLR 2.0.',
    elsewhereHeading: 'En su propio sitio',
    elsewhereText:
      'Esta herramienta es una página propia de @microcred/embed, para cualquier alojamiento estático:',
    standaloneLink: 'verify.html',
    builderText: 'Para poner una tarjeta, un catálogo o una cartera en una página sin escribir código:',
    builderLink: 'el generador de código para insertar',
    caseValid: 'Una credencial válida',
    caseExpired: 'Una credencial vencida',
    caseRevoked: 'Una credencial revocada',
    caseTampered: 'Una credencial modificada después de firmarse (se cambió el nombre que figura en ella)',
    caseStatusUnavailable: 'Una credencial cuya lista de revocación no se puede consultar',
    caseOb2: 'Una insignia Open Badges 2.0, alojada por su emisor',
    caseClr: 'Un registro de aprendizaje CLR 2.0 con varias credenciales',
    offline:
      'Solo para la demostración: la identidad del emisor es una dirección did:web, que el estándar resuelve por https; el emisor de demostración usa http sin cifrar en este equipo, así que esta página da al verificador un fetch que lo consulta por http (demo/src/issuer.ts). No se cambia nada más y no se consulta nada en internet.',
    adminHint:
      'Pruébelo: revoque o restablezca una credencial en la página de administración del emisor y vuelva a pulsar Verificar.',
    adminLink: 'Abrir la página de administración',
  },
};
startShell(page);

const tool = mountVerifyTool(document.querySelector<HTMLElement>('#verify-tool')!, {
  lang: currentLang(),
  fetch: issuerVerifyFetch,
});
/** The links to the package's own pages, in the page's language. */
function langLinks(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="/embed/"]'))
    a.href = `${a.pathname}?lang=${currentLang()}`;
}
langLinks();
document.querySelector('#lang-toggle')?.addEventListener('click', () => {
  tool.setLang(currentLang());
  langLinks();
});
const shared = new URL(location.href).searchParams.get('src');
if (shared) void tool.check({ kind: 'url', url: shared });

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
      const caption = document.createElement('h3');
      caption.className = 'case';
      caption.dataset.i18n = examples[i]![0];
      caption.textContent = examples[i]![0];
      const el = card(credential, { headingLevel: 4 });
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

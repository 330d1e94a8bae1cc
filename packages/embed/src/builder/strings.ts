/**
 * The embed builder's words in English and Spanish (formal "usted"). The elements in the preview
 * bring their own; a frame's title comes from frame/strings.ts.
 */
import type { FrameElement } from '../frame/params.js';
import { NEEDS, type SourceCheck, type SourceKind, type SourceProblem } from './check-source.js';

/** Every string of the builder. */
export interface BuilderStrings {
  title: string;
  heading: string;
  lede: string;
  chooseHeading: string;
  elementLegend: string;
  elements: Record<FrameElement, string>;
  srcLabel: Record<FrameElement, string>;
  srcHint: Record<FrameElement, string>;
  recordsLabel: string;
  recordsHint: string;
  check: string;
  langLabel: string;
  langs: { en: string; es: string };
  variantLegend: string;
  variants: { full: string; compact: string };
  themeLegend: string;
  themes: { auto: string; light: string; dark: string };
  accentLabel: string;
  accentHint: string;
  radiusLabel: string;
  radii: { default: string; '0px': string; '1rem': string };
  previewHeading: string;
  previewEmpty: string;
  checking: string;
  good: (check: Extract<SourceCheck, { ok: true }>) => string;
  problem: (check: Extract<SourceCheck, { ok: false }>, url: string, element: FrameElement) => string;
  badUrl: string;
  scriptHeading: string;
  scriptHint: string;
  iframeHeading: string;
  iframeHint: string;
  iframeTokens: string;
  copy: string;
  copyScriptLabel: string;
  copyIframeLabel: string;
  copied: string;
  copyFailed: string;
  snippetLabelScript: string;
  snippetLabelIframe: string;
}

const kindEn: Record<SourceKind, string> = {
  credential: 'a credential',
  catalog: 'a catalog',
  pathway: 'a pathway',
  list: 'a list of credentials',
  other: 'something Microcred cannot show',
};
const kindEs: Record<SourceKind, string> = {
  credential: 'una credencial',
  catalog: 'un catálogo',
  pathway: 'un itinerario',
  list: 'una lista de credenciales',
  other: 'algo que Microcred no puede mostrar',
};

const problemEn: Record<SourceProblem, (c: { status?: number; kind?: SourceKind }, host: string) => string> =
  {
    unreachable: (_c, host) =>
      `Nothing answered at ${host}. Check the address for typing mistakes, and that the site is online.`,
    cors: (_c, host) =>
      `The server at ${host} answered, but does not allow other websites to read this address (CORS is blocked), so no page can show it. Ask its owner to send the header Access-Control-Allow-Origin: * for it.`,
    'not-found': (c) =>
      `There is nothing at this address (the server answered ${c.status ?? 404}, “not found”).`,
    forbidden: (c) =>
      `The server refuses to share this address (it answered ${c.status}). It may need a sign-in, which an embed cannot give.`,
    'http-error': (c) =>
      `The server had a problem with this address (it answered ${c.status}). Try again later.`,
    timeout: () => 'The server took too long to answer. Try again later.',
    'too-large': () => 'This file is too large to show (over 10 MB).',
    'not-json': () =>
      'This address holds a web page or a file that is not JSON, not a credential, catalog or list.',
    'wrong-kind': () => '',
    'empty-catalog': () => 'This catalog has no micro-credentials in it yet.',
    'no-stack': () =>
      'This catalog has no stack (or not the one after # in the address), so there is no pathway to track.',
  };
const problemEs: typeof problemEn = {
  unreachable: (_c, host) =>
    `No hubo respuesta de ${host}. Compruebe que la dirección no tenga errores y que el sitio esté en línea.`,
  cors: (_c, host) =>
    `El servidor de ${host} respondió, pero no permite que otros sitios web lean esta dirección (CORS está bloqueado), así que ninguna página puede mostrarla. Pida a quien administra ese servidor que envíe el encabezado Access-Control-Allow-Origin: * para esta dirección.`,
  'not-found': (c) =>
    `No hay nada en esta dirección (el servidor respondió ${c.status ?? 404}, “no encontrado”).`,
  forbidden: (c) =>
    `El servidor se niega a compartir esta dirección (respondió ${c.status}). Quizá requiera iniciar sesión, algo que un elemento insertado no puede hacer.`,
  'http-error': (c) =>
    `El servidor tuvo un problema con esta dirección (respondió ${c.status}). Inténtelo más tarde.`,
  timeout: () => 'El servidor tardó demasiado en responder. Inténtelo más tarde.',
  'too-large': () => 'Este archivo es demasiado grande para mostrarlo (más de 10 MB).',
  'not-json': () =>
    'Esta dirección contiene una página web o un archivo que no es JSON; no es una credencial, un catálogo ni una lista.',
  'wrong-kind': () => '',
  'empty-catalog': () => 'Este catálogo todavía no contiene microcredenciales.',
  'no-stack': () =>
    'Este catálogo no contiene ningún itinerario (o no el indicado tras # en la dirección), así que no hay progreso que mostrar.',
};

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Per language. */
export const BUILDER_STRINGS: Record<'en' | 'es', BuilderStrings> = {
  en: {
    title: 'Embed builder — Microcred',
    heading: 'Put a micro-credential on your page',
    lede: 'Choose what to show and where it comes from, check the preview, then copy a snippet into your page. Use the frame snippet where your site does not allow scripts (WordPress for most roles, Google Sites, many school CMSes).',
    chooseHeading: 'What to show',
    elementLegend: 'Element',
    elements: {
      card: 'Credential card',
      verify: 'Credential card with a Verify button',
      catalog: 'Catalog of micro-credentials',
      tracker: 'Progress through a stack',
      wallet: 'Wallet (a list of credentials)',
    },
    srcLabel: {
      card: 'Address of the credential',
      verify: 'Address of the credential',
      catalog: 'Address of the catalog feed',
      tracker: 'Address of the pathway or catalog',
      wallet: 'Address of the list of credentials',
    },
    srcHint: {
      card: 'A credential’s JSON or JWS address, starting with https://',
      verify: 'A credential’s JSON or JWS address, starting with https://',
      catalog: 'A catalog feed (JSON), CTDL or CSV file, starting with https://',
      tracker: 'A pathway, or a catalog feed followed by # and the stack’s id',
      wallet: 'A JSON list of credentials, a wallet export, a CLR record or an Open Badges API answer',
    },
    recordsLabel: 'Address of the learner’s records (optional)',
    recordsHint: 'Shows which steps are done. Leave empty to show the pathway only.',
    check: 'Check the address',
    langLabel: 'Language',
    langs: { en: 'English', es: 'Spanish (español)' },
    variantLegend: 'Size',
    variants: { full: 'Full', compact: 'Compact' },
    themeLegend: 'Color scheme',
    themes: { auto: 'The visitor’s setting', light: 'Light', dark: 'Dark' },
    accentLabel: 'Accent color (script snippet)',
    accentHint: 'Buttons, links and focus rings. Keep enough contrast with white text.',
    radiusLabel: 'Corners (script snippet)',
    radii: { default: 'Standard', '0px': 'Square', '1rem': 'Round' },
    previewHeading: 'Preview',
    previewEmpty: 'Enter an address above to see a preview.',
    checking: 'Checking the address…',
    good: (c) =>
      `The address works: it is ${kindEn[c.kind]}${c.name ? `, “${c.name}”` : ''}${c.count !== undefined ? ` with ${c.count} ${c.kind === 'catalog' ? 'entries' : 'credentials'}` : ''}.`,
    problem: (c, url, element) =>
      c.problem === 'wrong-kind'
        ? `This address holds ${kindEn[c.kind ?? 'other']}, not ${kindEn[NEEDS[element][0]!]}. Choose the element that matches it, or give another address.`
        : problemEn[c.problem](c, hostOf(url)),
    badUrl: 'Enter a full web address, starting with https:// (or http://).',
    scriptHeading: 'Script snippet',
    scriptHint: 'For pages that allow scripts. Paste both lines where the element should appear.',
    iframeHeading: 'Frame snippet',
    iframeHint:
      'For sites that remove scripts. The frame reports its height (the message mc-frame-size, which WordPress and iframe-resizing libraries understand); elsewhere it scrolls inside this height.',
    iframeTokens:
      'The accent color and corners apply to the script snippet only; a frame uses the standard look.',
    copy: 'Copy',
    copyScriptLabel: 'Copy the script snippet',
    copyIframeLabel: 'Copy the frame snippet',
    copied: 'Copied.',
    copyFailed: 'It could not be copied: select the text and copy it yourself.',
    snippetLabelScript: 'Script snippet',
    snippetLabelIframe: 'Frame snippet',
  },
  es: {
    title: 'Generador de código para insertar — Microcred',
    heading: 'Ponga una microcredencial en su página',
    lede: 'Elija qué mostrar y de dónde procede, revise la vista previa y copie un fragmento de código para pegarlo en su página. Use el fragmento de marco si su sitio no admite scripts (WordPress para la mayoría de los perfiles, Google Sites, muchos CMS escolares).',
    chooseHeading: 'Qué mostrar',
    elementLegend: 'Elemento',
    elements: {
      card: 'Tarjeta de credencial',
      verify: 'Tarjeta de credencial con botón Verificar',
      catalog: 'Catálogo de microcredenciales',
      tracker: 'Progreso en un itinerario',
      wallet: 'Cartera (una lista de credenciales)',
    },
    srcLabel: {
      card: 'Dirección de la credencial',
      verify: 'Dirección de la credencial',
      catalog: 'Dirección del catálogo',
      tracker: 'Dirección del itinerario o del catálogo',
      wallet: 'Dirección de la lista de credenciales',
    },
    srcHint: {
      card: 'La dirección JSON o JWS de una credencial, que empieza por https://',
      verify: 'La dirección JSON o JWS de una credencial, que empieza por https://',
      catalog: 'Un catálogo (JSON), un archivo CTDL o CSV, que empieza por https://',
      tracker: 'Un itinerario, o un catálogo seguido de # y el identificador del itinerario',
      wallet:
        'Una lista JSON de credenciales, una exportación de cartera, un registro de aprendizaje CLR o una respuesta de la API de Open Badges',
    },
    recordsLabel: 'Dirección de los registros del participante (opcional)',
    recordsHint: 'Muestra qué pasos están completados. Déjela vacía para mostrar solo el itinerario.',
    check: 'Comprobar la dirección',
    langLabel: 'Idioma',
    langs: { en: 'Inglés (English)', es: 'Español' },
    variantLegend: 'Tamaño',
    variants: { full: 'Completo', compact: 'Compacto' },
    themeLegend: 'Esquema de color',
    themes: { auto: 'La configuración del visitante', light: 'Claro', dark: 'Oscuro' },
    accentLabel: 'Color de acento (fragmento de script)',
    accentHint: 'Botones, enlaces e indicador de foco. Mantenga suficiente contraste con el texto blanco.',
    radiusLabel: 'Esquinas (fragmento de script)',
    radii: { default: 'Estándar', '0px': 'Rectas', '1rem': 'Redondeadas' },
    previewHeading: 'Vista previa',
    previewEmpty: 'Escriba una dirección arriba para ver una vista previa.',
    checking: 'Comprobando la dirección…',
    good: (c) =>
      `La dirección funciona: es ${kindEs[c.kind]}${c.name ? `, «${c.name}»` : ''}${c.count !== undefined ? ` con ${c.count} ${c.kind === 'catalog' ? 'entradas' : 'credenciales'}` : ''}.`,
    problem: (c, url, element) =>
      c.problem === 'wrong-kind'
        ? `Esta dirección contiene ${kindEs[c.kind ?? 'other']}, no ${kindEs[NEEDS[element][0]!]}. Elija el elemento que le corresponde o indique otra dirección.`
        : problemEs[c.problem](c, hostOf(url)),
    badUrl: 'Escriba una dirección web completa, que empiece por https:// (o http://).',
    scriptHeading: 'Fragmento de script',
    scriptHint: 'Para páginas que admiten scripts. Pegue las dos líneas donde deba aparecer el elemento.',
    iframeHeading: 'Fragmento de marco',
    iframeHint:
      'Para sitios que eliminan los scripts. El marco comunica su altura (el mensaje mc-frame-size, que entienden WordPress y las bibliotecas que ajustan iframes); en otros sitios se desplaza dentro de esta altura.',
    iframeTokens:
      'El color de acento y las esquinas solo se aplican al fragmento de script; un marco usa el aspecto estándar.',
    copy: 'Copiar',
    copyScriptLabel: 'Copiar el fragmento de script',
    copyIframeLabel: 'Copiar el fragmento de marco',
    copied: 'Copiado.',
    copyFailed: 'No se pudo copiar: seleccione el texto y cópielo manualmente.',
    snippetLabelScript: 'Fragmento de script',
    snippetLabelIframe: 'Fragmento de marco',
  },
};

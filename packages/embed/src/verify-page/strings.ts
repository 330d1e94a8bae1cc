/**
 * The verify page's words in English and Spanish (formal "usted"). The card and the verify button
 * bring their own.
 */
import type { ReadProblem } from './read-input.js';

/** Languages of the verify page. */
export type VerifyPageLang = 'en' | 'es';

/** Every string of the page. */
export interface VerifyPageStrings {
  title: string;
  heading: string;
  lede: string;
  privacy: string;
  giveHeading: string;
  /** The inputs' heading when they come after a shared result. */
  giveAnotherHeading: string;
  dropLabel: string;
  dropHint: string;
  chooseFile: string;
  urlLabel: string;
  urlHint: string;
  pasteLabel: string;
  pasteHint: string;
  check: string;
  resultHeading: string;
  nothingYet: string;
  reading: string;
  shown: (n: number) => string;
  presentation: (n: number, shown: number) => string;
  shareLabel: string;
  shareHint: string;
  copy: string;
  copied: string;
  copyFailed: string;
  noShare: string;
  problem: Record<ReadProblem, string>;
}

/** Per language. */
export const VERIFY_PAGE_STRINGS: Record<VerifyPageLang, VerifyPageStrings> = {
  en: {
    title: 'Verify a micro-credential',
    heading: 'Verify a micro-credential',
    lede: 'Check that a badge or credential is authentic, who issued it, and whether it is current and not revoked.',
    privacy:
      'A file you give stays in this browser. To check it, the page contacts only the addresses the credential itself names (its issuer’s keys and revocation list).',
    giveHeading: 'Give the credential',
    giveAnotherHeading: 'Check another credential',
    dropLabel: 'Drop a badge file here, or choose one',
    dropHint: 'A badge image (PNG or SVG), a JSON file, a JWS or a presentation.',
    chooseFile: 'Choose a file',
    urlLabel: 'Or enter its web address',
    urlHint: 'The address starts with https://',
    pasteLabel: 'Or paste it',
    pasteHint: 'The credential’s JSON text or a JWS (a long line of letters with two dots).',
    check: 'Verify',
    resultHeading: 'Result',
    nothingYet: 'Nothing checked yet.',
    reading: 'Reading…',
    shown: (n) => (n === 1 ? 'One credential, verified below.' : `${n} credentials, each verified below.`),
    presentation: (n, shown) =>
      `This is a presentation of ${n} credential${n === 1 ? '' : 's'}${shown < n ? ` (the first ${shown} are shown)` : ''}. Each is verified on its own below; the presentation’s own signature (the holder’s) is not checked.`,
    shareLabel: 'Link to this check',
    shareHint: 'Anyone who opens this link sees the same credential verified again.',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'The link could not be copied: select it and copy it yourself.',
    noShare:
      'A file or text you gave stays on this computer, so there is no link to share: send the file itself, or its web address.',
    problem: {
      empty: 'There is nothing to check: the file or text is empty.',
      'too-large': 'This is too large to be a credential (over 2 MB of text, or a 16 MB image).',
      'not-baked':
        'This image has no credential baked into it. Ask the issuer for the badge file or its web address.',
      'bad-image':
        'This image file is damaged or is not a PNG or SVG, so no credential could be read from it.',
      'bad-json': 'This text is not valid JSON. Check that it was copied completely.',
      'unsafe-url': 'Only web addresses that start with https:// or http:// can be checked.',
      'not-a-credential':
        'This is not a credential: give a badge image, JSON, a JWS or the credential’s web address.',
      'empty-presentation': 'This presentation holds no credentials.',
    },
  },
  es: {
    title: 'Verificar una microcredencial',
    heading: 'Verificar una microcredencial',
    lede: 'Compruebe que una insignia o credencial es auténtica, quién la emitió y si está vigente y no revocada.',
    privacy:
      'El archivo que usted proporcione se queda en este navegador. Para comprobarlo, la página solo consulta las direcciones que indica la propia credencial (las claves de su emisor y su lista de revocación).',
    giveHeading: 'Proporcione la credencial',
    giveAnotherHeading: 'Comprobar otra credencial',
    dropLabel: 'Suelte aquí un archivo de insignia, o elija uno',
    dropHint: 'Una imagen de insignia (PNG o SVG), un archivo JSON, un JWS o una presentación.',
    chooseFile: 'Elegir un archivo',
    urlLabel: 'O escriba su dirección web',
    urlHint: 'La dirección empieza por https://',
    pasteLabel: 'O péguela',
    pasteHint:
      'El texto JSON de la credencial o un JWS (una larga línea de letras dividida en tres partes por puntos).',
    check: 'Verificar',
    resultHeading: 'Resultado',
    nothingYet: 'Todavía no se ha comprobado nada.',
    reading: 'Leyendo…',
    shown: (n) =>
      n === 1 ? 'Una credencial, verificada abajo.' : `${n} credenciales, cada una verificada abajo.`,
    presentation: (n, shown) =>
      `Es una presentación de ${n} credencial${n === 1 ? '' : 'es'}${shown < n ? ` (se muestran las primeras ${shown})` : ''}. Cada una se verifica por separado abajo; no se comprueba la firma de la propia presentación (la del titular).`,
    shareLabel: 'Enlace a esta comprobación',
    shareHint: 'Quien abra este enlace verá la misma credencial verificada de nuevo.',
    copy: 'Copiar el enlace',
    copied: 'Enlace copiado.',
    copyFailed: 'No se pudo copiar el enlace: selecciónelo y cópielo manualmente.',
    noShare:
      'El archivo o texto que usted proporcionó se queda en este equipo, así que no hay enlace para compartir: envíe el archivo o su dirección web.',
    problem: {
      empty: 'No hay nada que comprobar: el archivo o el texto está vacío.',
      'too-large':
        'Es demasiado grande para ser una credencial (más de 2 MB de texto o una imagen de 16 MB).',
      'not-baked':
        'Esta imagen no tiene datos de credencial incrustados. Pida al emisor el archivo de la insignia o su dirección web.',
      'bad-image':
        'Este archivo de imagen está dañado o no es PNG ni SVG, así que no se pudo leer ninguna credencial.',
      'bad-json': 'Este texto no es JSON válido. Compruebe que lo copió completo.',
      'unsafe-url': 'Solo se pueden comprobar direcciones web que empiezan por https:// o http://.',
      'not-a-credential':
        'Esto no es una credencial: proporcione una imagen de insignia, JSON, un JWS o la dirección web de la credencial.',
      'empty-presentation': 'Esta presentación no contiene credenciales.',
    },
  },
};

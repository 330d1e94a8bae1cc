/**
 * The frame page's own words (English and Spanish, formal "usted"): its title per element, the
 * loading line, and what each refused parameter means. The elements bring their own strings.
 */
import type { FrameElement, FrameLang, FrameProblem, FrameProblemCode } from './params.js';

export interface FrameStrings {
  /** The page's `<title>` and (hidden) heading, per element. */
  title: Record<FrameElement, string>;
  loading: string;
  /** The element's code could not be downloaded. */
  loadFailed: string;
  /** Heading of the message shown instead of an element. */
  problemHeading: string;
  /** One sentence before the list of problems. */
  problemLead: string;
  problem: Record<FrameProblemCode, (p: FrameProblem) => string>;
  /** How to fix, after the list. */
  problemHelp: string;
  /** What the allowed parameters are, for `unknown-parameter`. */
  allowed: (names: string) => string;
}

const q = (v: string | undefined): string => `“${v ?? ''}”`;

/** Per language. */
export const FRAME_STRINGS: Record<FrameLang, FrameStrings> = {
  en: {
    title: {
      card: 'Micro-credential',
      verify: 'Verify a micro-credential',
      catalog: 'Micro-credential catalog',
      tracker: 'Progress through a stack of micro-credentials',
      wallet: 'Micro-credential portfolio',
    },
    loading: 'Loading…',
    loadFailed: 'This content could not be loaded. Please reload the page to try again.',
    problemHeading: 'This embed cannot be shown',
    problemLead: 'The address of this frame has a mistake:',
    problem: {
      'unknown-element': (p) =>
        `The element ${q(p.value)} does not exist. Use element=card, verify, catalog, tracker or wallet.`,
      'missing-src': () => 'There is no src: add the address of the credential, catalog or list to show.',
      'unsafe-src': (p) =>
        `The src ${q(p.value)} is not a full web address. Only addresses that start with https:// or http:// can be shown.`,
      'bad-lang': (p) =>
        `The language ${q(p.value)} is not available. Use lang=en (English), es (Spanish), ar (Arabic), zh-Hans (Simplified Chinese) or vi (Vietnamese).`,
      'bad-theme': (p) => `The theme ${q(p.value)} does not exist. Use theme=light, dark or auto.`,
      'bad-variant': (p) => `The variant ${q(p.value)} does not exist. Use variant=full or compact.`,
      'bad-option': (p) => `The value ${q(p.value)} is not allowed for ${p.param}.`,
      'unknown-parameter': (p) => `This element does not take the parameter ${q(p.param)}.`,
      'repeated-parameter': (p) => `The parameter ${q(p.param)} is given more than once.`,
    },
    problemHelp:
      'Please ask the person who made this page to correct the embed code (the embed builder makes one).',
    allowed: (names) => `It takes: ${names}.`,
  },
  es: {
    title: {
      card: 'Microcredencial',
      verify: 'Verificar una microcredencial',
      catalog: 'Catálogo de microcredenciales',
      tracker: 'Progreso en una serie de microcredenciales',
      wallet: 'Portafolio de microcredenciales',
    },
    loading: 'Cargando…',
    loadFailed: 'No se pudo cargar este contenido. Vuelva a cargar la página para intentarlo de nuevo.',
    problemHeading: 'No se puede mostrar este contenido insertado',
    problemLead: 'La dirección de este marco tiene un error:',
    problem: {
      'unknown-element': (p) =>
        `El elemento ${q(p.value)} no existe. Use element=card, verify, catalog, tracker o wallet.`,
      'missing-src': () =>
        'Falta src: agregue la dirección de la credencial, el catálogo o la lista que desea mostrar.',
      'unsafe-src': (p) =>
        `El src ${q(p.value)} no es una dirección web completa. Solo se pueden mostrar direcciones que empiezan por https:// o http://.`,
      'bad-lang': (p) =>
        `El idioma ${q(p.value)} no está disponible. Use lang=en (inglés), es (español), ar (árabe), zh-Hans (chino simplificado) o vi (vietnamita).`,
      'bad-theme': (p) => `El tema ${q(p.value)} no existe. Use theme=light, dark o auto.`,
      'bad-variant': (p) => `La variante ${q(p.value)} no existe. Use variant=full o compact.`,
      'bad-option': (p) => `El valor ${q(p.value)} no está permitido para ${p.param}.`,
      'unknown-parameter': (p) => `Este elemento no admite el parámetro ${q(p.param)}.`,
      'repeated-parameter': (p) => `El parámetro ${q(p.param)} aparece más de una vez.`,
    },
    problemHelp:
      'Pida a la persona que hizo esta página que corrija el código insertado (el generador de código lo prepara).',
    allowed: (names) => `Admite: ${names}.`,
  },
};

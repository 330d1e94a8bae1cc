/**
 * The built-in languages beyond English and Spanish (Arabic, Simplified Chinese, Vietnamese), one
 * chunk each holding every string set. Their loaders live here, in a chunk of their own loaded only
 * when an element shows one of them, so that no element's first load carries them.
 */
import type { Lang, Translation } from './localize.js';

const loaders: Record<string, () => Promise<{ default: Translation }>> = {
  ar: () => import('./all-ar.js'),
  'zh-Hans': () => import('./all-zh-hans.js'),
  vi: () => import('./all-vi.js'),
};

/** The built-in translation of `lang` (rejects for a language that has none). */
export const load = (lang: Lang): Promise<Translation> => loaders[lang]!().then((m) => m.default);

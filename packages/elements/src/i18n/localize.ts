/**
 * Localisation for Microcred elements: picks the language from the nearest `lang` attribute
 * (walking up through shadow roots), follows live changes to it, and translates through the typed
 * string maps. English is the fallback for any language without a translation.
 *
 * Every language's strings (English included) are a small chunk loaded the first time an element
 * needs them, so a page downloads only the language it shows; elements wait for them before their
 * first render, so there is no flash of another language.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StringKey, Strings } from './en.js';
import type { WalletStrings } from '../badge-wallet/strings-en.js';
import type { WalletOwnerStrings } from '../badge-wallet/strings-owner-en.js';
import type { CatalogStrings } from '../catalog/strings-en.js';
import type { TrackerStrings } from '../progress-tracker/strings-en.js';
import type { CheckKey } from '../verify-button/checks-en.js';

/**
 * A language Microcred has strings for (`en`, `es`, `ar`, `zh-Hans`, `vi`), or one a host added
 * with {@link registerTranslation} (its tag as registered).
 */
export type Lang = 'en' | 'es' | 'ar' | 'zh-Hans' | 'vi' | (string & {});

/** Translates a key of one string set, replacing `{name}` placeholders with `params`. */
export type Translator<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * The strings of one language, one map per string set, each typed with the English keys: `shared`
 * (states, errors, field labels, achievement types: every element), `wallet`, `walletOwner` (the
 * owner wallet's import, curation and storage), `catalog`, `tracker`
 * and `checks` (the verify button's check explanations). Every map and every key is optional: a
 * key missing falls back to English.
 */
export interface Translation {
  shared?: Partial<Strings>;
  wallet?: Partial<WalletStrings>;
  walletOwner?: Partial<WalletOwnerStrings>;
  catalog?: Partial<CatalogStrings>;
  tracker?: Partial<TrackerStrings>;
  checks?: Partial<Record<CheckKey, string>>;
}

/** Whole translations by language: the built-in ones once loaded, and the ones hosts registered. */
const translations: Record<string, Translation> = {};
const translationJobs: Record<string, Promise<unknown>> = {};
/** Loads the built-in translation of `lang` once; `undefined` when it is there (or registered). */
const loadTranslation = (lang: Lang): Promise<unknown> | undefined =>
  translations[lang]
    ? undefined
    : (translationJobs[lang] ??= import('./languages.js')
        .then((m) => m.load(lang))
        .then(
          (t) => (translations[lang] ??= t),
          () => (translations[lang] ??= {}),
        ));

/**
 * Adds (or replaces) a language at run time, without rebuilding: `strings` holds a map per string
 * set, typed with the English keys; a key left out falls back to English (for a built-in language,
 * to its built-in text). Elements already on the page whose nearest `lang` resolves to it switch
 * to it at once. `lang` is a BCP 47 tag: `fr` serves `fr`, `fr-CA`…; a full tag such as `fr-CA`
 * serves only that tag.
 *
 * @example
 * registerTranslation('fr', { shared: { loading: 'Chargement…' }, wallet: { … }, catalog: { … } });
 */
export function registerTranslation(lang: string, strings: Translation): void {
  translations[canonicalTag(lang) ?? lang] = strings;
  hosts.forEach((c) => c.refresh(undefined, true));
}

/**
 * The string maps of one element (or the shared ones): the one way Microcred elements get their
 * strings. English and Spanish are a lazy chunk per string set; the other languages come whole
 * ({@link Translation}). Made with {@link stringSet}; an element declares the sets it renders with
 * through {@link LocalizeController.use}, and `McElement` waits for them before rendering. A
 * language whose chunk fails to load falls back to English once (it is not retried); English falls
 * back to the key.
 */
export interface StringSet<S extends Record<string, string>> {
  /** The English and Spanish maps loaded so far, by language (read-only for callers). */
  readonly maps: Partial<Record<Lang, S>>;
  /** Loads `lang` and English once each; `undefined` when both are there already. */
  load(lang: Lang): Promise<unknown> | undefined;
  /** The text of `key` in `lang`, else in English; `undefined` when neither has it. */
  get(lang: Lang, key: string): string | undefined;
  /** The text of `key` in `lang` (else English, else the key) with `{name}` placeholders replaced. */
  text(lang: Lang, key: string, params?: Record<string, string | number>): string;
}

/**
 * A {@link StringSet} named `name` in a {@link Translation}, loading English and Spanish with its
 * loaders: a dynamic `import()` of a module whose one export (named or default) is the map. One
 * generic picker here instead of a `.then()` per loader keeps every element's first load smaller.
 */
export function stringSet<S extends Record<string, string>>(
  name: keyof Translation,
  loaders: Record<'en' | 'es', () => Promise<object>>,
): StringSet<S> {
  const maps: Record<string, S> = {};
  const jobs: Record<string, Promise<unknown>> = {};
  const get = (lang: Lang, key: string): string | undefined =>
    (translations[lang]?.[name] as Record<string, string> | undefined)?.[key] ??
    maps[lang]?.[key] ??
    maps.en?.[key];
  return {
    maps,
    load(lang) {
      const pending = (['en', lang] as const)
        .map((l) =>
          l in loaders
            ? !maps[l] &&
              (jobs[l] ??= loaders[l as 'en']().then(
                (m) => (maps[l] = Object.values(m)[0] as S),
                () => (maps[l] = {} as S),
              ))
            : loadTranslation(l),
        )
        .filter(Boolean);
      return (pending[0] && Promise.all(pending)) as Promise<unknown> | undefined;
    },
    get,
    text: (lang, key, params) =>
      (get(lang, key) ?? key).replace(/\{(\w+)\}/g, (m, name: string) => String(params?.[name] ?? m)),
  };
}

/** The strings every element shares (states, errors, field labels, achievement types). */
export const shared = stringSet<Strings>('shared', {
  en: () => import('./en.js'),
  es: () => import('./es.js'),
});

/**
 * The value of the nearest `lang` attribute at or above `el`, crossing shadow-root boundaries to
 * the host. Returns `''` when no ancestor declares a language.
 */
export function nearestLang(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/**
 * Resolves a BCP 47 tag to the language whose strings are used and the locale used for `Intl`
 * (the full tag when its language is supported, e.g. `es-MX`; otherwise `en`). A registered tag
 * (`en-XA`) wins over its base language (`en`). Chinese: `zh`, `zh-CN`, `zh-SG`, `zh-Hans-*` (any
 * tag whose likely script is Simplified) get `zh-Hans`; Traditional (`zh-Hant`, `zh-TW`, `zh-HK`,
 * `zh-MO`) gets English, as CLDR does (the parent of `zh-Hant` is root, not `zh`): Simplified text
 * is not what a Traditional reader reads, and a host can register `zh-Hant`.
 */
export function resolveLang(tag: string): { lang: Lang; locale: string } {
  const locale = canonicalTag(tag) ?? '';
  const base = locale.split('-')[0]!;
  const lang =
    [locale, base].find((l) => translations[l]) ??
    (base == 'zh'
      ? new Intl.Locale(locale).maximize().script == 'Hans' && 'zh-Hans'
      : ['en', 'es', 'ar', 'vi'].includes(base) && base);
  return lang ? { lang, locale } : { lang: 'en', locale: 'en' };
}

/** `tag` as a canonical BCP 47 tag (e.g. for a `lang` attribute), or `undefined` when it is not a valid one. */
export function canonicalTag(tag: string | undefined): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

// One MutationObserver for every localised element on the page, watching `lang` attributes on the
// document (and on any shadow root that contains a localised element). Disconnected when the last
// element disconnects.
const hosts = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
const observeOptions: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

function watch(controller: LocalizeController, host: Element): void {
  hosts.add(controller);
  observer ??= new MutationObserver(() => hosts.forEach((c) => c.refresh()));
  observer.observe(document, observeOptions);
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    observer.observe(root, observeOptions);
  }
}

function unwatch(controller: LocalizeController): void {
  hosts.delete(controller);
  if (hosts.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** @internal For tests: how many elements the shared `lang` observer serves (0 = disconnected). */
export function watchedHostCount(): number {
  return observer ? hosts.size : 0;
}

// `Intl` formatters are costly to make (a card made one per date it showed: a third of a wallet's
// filter keystroke), so each is made once per kind and locale and shared.
const formatters = new Map<string, unknown>();
function formatter<T>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * Reactive controller that gives an element its language and translations, and re-renders it
 * when the nearest `lang` changes.
 */
export class LocalizeController implements ReactiveController {
  /** The language strings are taken from. */
  lang: Lang = 'en';
  /** The locale used for dates and numbers. */
  locale = 'en';
  private tag: string | undefined;
  /** Loads the strings of a language for each string set this element renders with (when needed). */
  private readonly loads: ((lang: Lang) => unknown)[] = [shared.load];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    watch(this, this.host);
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /**
   * Re-reads the language (the nearest `lang`, or `tag` when given, as a server renderer does);
   * requests an update of the host when it changed (or when `force`d: a language was registered).
   */
  refresh(tag = nearestLang(this.host), force?: boolean): void {
    if (tag === this.tag && !force) return;
    this.tag = tag;
    ({ lang: this.lang, locale: this.locale } = resolveLang(tag));
    this.host.requestUpdate();
  }

  /**
   * Declares a string set the element renders with (only while `when()` is truthy, if given) and
   * returns its typed translator. Call it in a field initialiser.
   */
  use<S extends Record<string, string>>(
    set: StringSet<S>,
    when?: () => unknown,
  ): Translator<keyof S & string> {
    this.loads.push((lang) => (!when || when()) && set.load(lang));
    return (key, params) => set.text(this.lang, key, params);
  }

  /** Loads the strings the element needs now; `undefined` when they are all there. */
  load(): Promise<unknown> | undefined {
    const jobs = this.loads.map((load) => load(this.lang)).filter(Boolean);
    return (jobs[0] && Promise.all(jobs)) as Promise<unknown> | undefined;
  }

  /** Translates a shared `key`, replacing `{name}` placeholders with `params` (bound: safe to destructure). */
  t: Translator<StringKey> = (key, params) => shared.text(this.lang, key, params);

  /** Whether `key` exists in the shared string maps. */
  has(key: string): key is StringKey {
    return shared.get(this.lang, key) != null;
  }

  /**
   * Formats a date in the current locale (long style). Dates at exactly midnight UTC are
   * date-only values in practice, and are shown in UTC so they never move to the day before.
   */
  date(date: Date): string {
    const utc = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() === 0;
    return formatter(
      `d${utc}${this.locale}`,
      () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: utc ? 'UTC' : undefined }),
    ).format(date);
  }

  /** Formats a number in the current locale. */
  number(value: number): string {
    return formatter(`n${this.locale}`, () => new Intl.NumberFormat(this.locale)).format(value);
  }

  /** The plural category of `count` in the current locale (`one`, `other`, …). */
  plural(count: number): Intl.LDMLPluralRule {
    return formatter(`p${this.locale}`, () => new Intl.PluralRules(this.locale)).select(count);
  }
}

/**
 * Turns an identifier such as `ext:MyCustom_type` or `Apprenticeship-Program` into words:
 * `My custom type`, `Apprenticeship program`. Acronyms stay upper case.
 */
export function humanize(id: string): string {
  const words = id
    .replace(/^ext:/i, '')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .split(/[\s_\-:.]+/)
    .filter(Boolean)
    .map((w) => (/^[A-Z\d]+$/.test(w) ? w : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The translated label of an OB 3.0 `achievementType` (known values), or the value in words. */
export function achievementTypeLabel(localize: LocalizeController, type: string): string {
  return shared.get(localize.lang, `type.${type}`) ?? humanize(type);
}

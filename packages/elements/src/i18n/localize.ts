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

/** A language Microcred has strings for. */
export type Lang = 'en' | 'es';

/** Loaders of the string maps: each is a small lazy chunk, loaded when first needed. */
const loaders: Record<Lang, () => Promise<Strings>> = {
  en: () => import('./en.js').then((m) => m.en),
  es: () => import('./es.js').then((m) => m.es),
};

/** The string maps loaded so far, by language. */
export const translations: Partial<Record<Lang, Strings>> = {};

const loading: Partial<Record<Lang, Promise<void>>> = {};

/**
 * Loads the strings of `lang` once. Returns `undefined` when they are already loaded, otherwise a
 * promise that settles when they are (English stays the fallback if loading fails).
 */
export function loadStrings(lang: Lang): Promise<void> | undefined {
  return translations[lang]
    ? undefined
    : (loading[lang] ??= loaders[lang]().then(
        (strings) => void (translations[lang] = strings),
        () => undefined,
      ));
}

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
 * (the full tag when its language is supported, e.g. `es-MX`; otherwise `en`).
 */
export function resolveLang(tag: string): { lang: Lang; locale: string } {
  const base = tag.split('-')[0]!.toLowerCase();
  return base === 'en' || base in loaders
    ? { lang: base as Lang, locale: canonicalTag(tag) ?? base }
    : { lang: 'en', locale: 'en' };
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
  /** Settles when the strings of `lang` have loaded; `undefined` when they already have. */
  pending: Promise<void> | undefined;
  private tag: string | undefined;

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

  /** Re-reads the nearest `lang`; requests an update of the host when it changed. */
  refresh(): void {
    const tag = nearestLang(this.host);
    if (tag === this.tag) return;
    this.tag = tag;
    ({ lang: this.lang, locale: this.locale } = resolveLang(tag));
    const pending = (this.pending = loadStrings(this.lang));
    pending?.then(() => {
      if (this.pending === pending) this.pending = undefined;
    });
    this.host.requestUpdate();
  }

  /** Translates `key`, replacing `{name}` placeholders with `params` (bound: safe to destructure). */
  t = (key: StringKey, params?: Record<string, string | number>): string => {
    const text = translations[this.lang]?.[key] ?? translations.en?.[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };

  /** Whether `key` exists in the string maps. */
  has(key: string): key is StringKey {
    return Object.hasOwn(translations[this.lang] ?? translations.en ?? {}, key);
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
  const key = `type.${type}`;
  return localize.has(key) ? localize.t(key) : humanize(type);
}

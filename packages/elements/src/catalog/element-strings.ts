/**
 * Per-element string maps, loaded lazily per language next to the shared ones: an element with
 * many strings of its own keeps them out of the shared chunk. Used by `<mc-catalog>` and
 * `<mc-progress-tracker>`. Not a public module.
 */
import type { Lang, LocalizeController } from '../i18n/localize.js';

type Loaders<S> = Record<Lang, () => Promise<S>>;

/** The typed strings of one element, with English as the fallback. */
export class ElementStrings<S extends Record<string, string>> {
  private readonly maps: Partial<Record<Lang, S>> = {};
  private readonly loading = new Map<Lang, Promise<void>>();

  constructor(private readonly loaders: Loaders<S>) {}

  /** Loads the strings of `lang` (and English); `undefined` when they are already loaded. */
  load(lang: Lang): Promise<void> | undefined {
    const missing = [...new Set<Lang>(['en', lang])].filter((l) => !this.maps[l]);
    if (!missing.length) return undefined;
    return Promise.all(
      missing.map((l) => {
        let job = this.loading.get(l);
        if (!job) {
          job = this.loaders[l]().then(
            (strings) => void (this.maps[l] = strings),
            () => void this.loading.delete(l),
          );
          this.loading.set(l, job);
        }
        return job;
      }),
    ).then(() => undefined);
  }

  /** A translator for the controller's current language, replacing `{name}` placeholders. */
  for(
    localize: LocalizeController,
  ): (key: keyof S & string, params?: Record<string, string | number>) => string {
    return (key, params) => {
      const text = this.maps[localize.lang]?.[key] ?? this.maps.en?.[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
    };
  }
}

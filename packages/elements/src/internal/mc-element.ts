import { LitElement } from 'lit';
import { LocalizeController } from '../i18n/localize.js';

/**
 * Base class of every Microcred element: attaches `ElementInternals` (for custom states), and
 * wires localisation (the nearest `lang`, followed live). Not registered as a tag.
 */
export class McElement extends LitElement {
  /** Package version, compared by `defineElement` when a tag is registered twice. */
  static readonly version: string = '0.1.0';

  /** The element's internals (custom states, and later form association). */
  protected readonly internals: ElementInternals;

  /** Language, translations and `Intl` formatting for this element. */
  protected readonly localize: LocalizeController = new LocalizeController(this);

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /**
   * Waits for the strings the element declared (`localize.use`) in its language before rendering:
   * no flash of another language, and no message keys.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localize.load();
    return pending ? pending.then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * Work the element's rendering still waits on (a load under way, a lazy part, Markdown): only
   * what has not settled yet. `updateComplete` resolves once all of it has settled and the element
   * has rendered the outcome, so tests and hosts need no polling.
   */
  protected pending(): unknown[] {
    return [];
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let work; (work = this.pending().filter(Boolean)).length; done = await super.getUpdateComplete())
      await Promise.all(work);
    return done;
  }

  /** Turns a custom state on or off, so that authors can style `:state(name)`. */
  protected toggleState(name: string, on: boolean): void {
    this.internals.states?.[on ? 'add' : 'delete'](name);
  }
}

/**
 * Test harnesses for the elements' shadow DOM (as Material Web's `SelectHarness`): a test asks a
 * harness for "the issuer" or "the results", and the harness alone knows the parts and selectors
 * behind them. Waits are event-based (`updateComplete`, `focusin`), never timers.
 */
import { focusLands } from '../helpers/focus.js';

interface Updatable {
  updateComplete: Promise<unknown>;
}

/** What every harness shares: the element, its shadow root, parts and text. */
export class Harness<T extends Element & Updatable> {
  constructor(readonly element: T) {}

  /** The element's shadow root. */
  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** The first element matching `selector` in the shadow root (asserted to exist by the caller). */
  $<E extends Element = HTMLElement>(selector: string): E {
    return this.root.querySelector<E>(selector)!;
  }

  /** Every element matching `selector` in the shadow root. */
  $$<E extends Element = HTMLElement>(selector: string): E[] {
    return [...this.root.querySelectorAll<E>(selector)];
  }

  /** The first element with the CSS part `name` (parts may list several names), or null. */
  part<E extends Element = HTMLElement>(name: string): E | null {
    return this.root.querySelector<E>(`[part~=${name}]`);
  }

  /** Every element with the CSS part `name`. */
  parts<E extends Element = HTMLElement>(name: string): E[] {
    return this.$$<E>(`[part~=${name}]`);
  }

  /** Text of the part `name` (or of `sub` inside it), whitespace collapsed; '' when absent. */
  text(name: string, sub?: string): string {
    const part = this.part(name);
    const node = sub ? part?.querySelector(sub) : part;
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Waits for the element's next render to finish. */
  async settle(): Promise<void> {
    await this.element.updateComplete;
  }

  /** Resolves once `target()` holds the focus inside the shadow root (on `focusin`, no timer). */
  focusLands(target: () => Element | null): Promise<void> {
    return focusLands(this.root, target);
  }
}

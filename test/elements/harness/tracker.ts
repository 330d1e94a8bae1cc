/** Harness for `<mc-progress-tracker>`: summary, steps and their states, actions, by meaning. */
import type { McProgressTracker } from '@microcred/elements/progress-tracker/progress-tracker.js';
import { Harness } from './harness.js';

export class TrackerHarness extends Harness<McProgressTracker> {
  /** The "n of m complete" line, as shown. */
  get summary(): string | null {
    return this.part('summary')?.textContent ?? null;
  }
  /** Every requirement row (nested groups included), in document order. */
  get steps(): HTMLElement[] {
    return this.parts('step');
  }
  /** The state words of every requirement, in document order. */
  get states(): string[] {
    return this.parts('state').map((s) => s.textContent!.trim());
  }
  /** The first call to action of the next-step panel, or null. */
  get nextAction(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part~=next-step] [part~=action]');
  }
  /** Every call to action of the next steps, in document order. */
  get actions(): HTMLElement[] {
    return this.$$('[part~=next-step] [part~=action]');
  }
  /** The requirement row whose text contains `name`. */
  step(name: string): HTMLElement | undefined {
    return this.steps.find((s) => s.textContent!.includes(name));
  }
}

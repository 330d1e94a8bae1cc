import type { RequirementProgress } from '@microcred/core';

/**
 * Fired by `<mc-progress-tracker>` when someone picks a requirement (its name is a button), so the
 * host app can navigate to it. Bubbles and is composed.
 */
export class McRequirementSelectEvent extends Event {
  /** The requirement picked, with its computed state. */
  readonly progress: RequirementProgress;
  constructor(progress: RequirementProgress) {
    super('mc-requirement-select', { bubbles: true, composed: true });
    this.progress = progress;
  }
}

/**
 * Fired by `<mc-progress-tracker>` when someone activates a next step's call to action. Cancelable:
 * `preventDefault()` keeps a link (the record's `url`) from opening, so the host app can route
 * instead. Bubbles and is composed.
 */
export class McNextStepEvent extends Event {
  /** The step, with its computed state (and its progress record, which may carry a `url`). */
  readonly progress: RequirementProgress;
  constructor(progress: RequirementProgress) {
    super('mc-next-step', { bubbles: true, composed: true, cancelable: true });
    this.progress = progress;
  }
}

import { defineElement } from '../internal/define.js';
import type { McErrorEvent } from '../events.js';
import type { McNextStepEvent, McRequirementSelectEvent } from './progress-tracker-events.js';
import { McProgressTracker } from './progress-tracker.js';

defineElement('mc-progress-tracker', McProgressTracker);

export { McProgressTracker };

declare global {
  interface HTMLElementTagNameMap {
    'mc-progress-tracker': McProgressTracker;
  }
  interface GlobalEventHandlersEventMap {
    'mc-requirement-select': McRequirementSelectEvent;
    'mc-next-step': McNextStepEvent;
    'mc-error': McErrorEvent;
  }
}

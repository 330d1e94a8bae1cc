/** Harness for `<mc-verify-button>`: the button, the summary, the reason and the checks, by meaning. */
import type { McVerifyButton } from '@microcred/elements';
import { Harness } from './harness.js';

export class VerifyButtonHarness extends Harness<McVerifyButton> {
  /** The outcome in words ("Verified", "Expired", "Could not verify", …). */
  get summary(): string {
    return this.text('summary');
  }
  /** Why, in one sentence (shown with every outcome but "Verified"). */
  get reason(): string {
    return this.text('reason');
  }
  /** The "last checked" line. */
  get checked(): string {
    return this.text('checked');
  }
  /** The list items of the checks, in order. */
  get checks(): HTMLElement[] {
    return this.parts('check');
  }
  /** The text of the first check with this outcome class (`passed`, `failed`, `unknown`, …). */
  checkText(outcome: string): string {
    return (this.$(`[part~=check].${outcome}`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
}

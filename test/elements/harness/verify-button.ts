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
  /** The first check with this outcome class (`passed`, `failed`, `unknown`, …), or null. */
  check(outcome: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[part~=check].${outcome}`);
  }
  /** The text of the last check, whitespace collapsed. */
  get lastCheck(): string {
    return (this.checks.at(-1)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  /** The outcome box (words, icon, colour), or null before a result. */
  get summaryElement(): HTMLElement | null {
    return this.part('summary');
  }
  /** The outcome's words, without the reason or the check time. */
  get summaryWords(): string {
    return this.text('summary', 'strong');
  }
  /** The outcome icon's shape (its path). */
  get summaryIcon(): string | null {
    return this.root.querySelector('[part~=summary] path')?.getAttribute('d') ?? null;
  }
  /** The `<time>` of the "last checked" line, or null. */
  get checkedTime(): HTMLTimeElement | null {
    return this.root.querySelector<HTMLTimeElement>('[part~=checked] time');
  }
  /** Whether any result is shown (the outcome, the check time or the checks). */
  get resultShown(): boolean {
    return !!this.root.querySelector('[part~=summary], [part~=checked], [part~=checks]');
  }
  /** The live region (`role=status`) that announces the outcome, or null. */
  get liveRegion(): HTMLElement | null {
    return this.root.querySelector('[part~=status][role=status]');
  }
  /** The live region's text, whitespace collapsed. */
  get liveText(): string {
    return this.text('status');
  }
  /** The verify (or "Check again") button. */
  get button(): HTMLButtonElement {
    return this.$<HTMLButtonElement>('button');
  }
  /** The text of the first check with this outcome class (`passed`, `failed`, `unknown`, …). */
  checkText(outcome: string): string {
    return (this.$(`[part~=check].${outcome}`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
}

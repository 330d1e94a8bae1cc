/** Harness for `<mc-credential-card>`: its name, type, facts and sections, by meaning. */
import type { McCredentialCard } from '@microcred/elements';
import { Harness } from './harness.js';

export class CardHarness extends Harness<McCredentialCard> {
  /** The credential's name (the heading). */
  get name(): string {
    return this.text('name');
  }
  /** The type label ("Micro-credential", "Badge", …). */
  get type(): string {
    return this.text('type');
  }
  /** The issuer's label and name. */
  get issuerLabel(): string {
    return this.text('issuer', 'dt');
  }
  /** The recipient's label. */
  get recipientLabel(): string {
    return this.text('recipient', 'dt');
  }
  /** The first date's label and value. */
  get dateLabel(): string {
    return this.text('dates', 'dt');
  }
  get dateValue(): string {
    return this.text('dates', 'dd');
  }
  /** The heading of a detail section (`skills`, `criteria`, `evidence`, `registration`, …). */
  sectionHeading(section: string, level = 'h4'): string {
    return this.text(section, level);
  }
}

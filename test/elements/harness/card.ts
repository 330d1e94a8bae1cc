/** Harness for `<mc-credential-card>`: its name, type, facts and sections, by meaning. */
import type { McCredentialCard } from '@microcred/elements';
import { Harness } from './harness.js';

export class CardHarness extends Harness<McCredentialCard> {
  /** The harness of a card (any element that is one, e.g. a wallet tile's card). */
  static of(card: Element): CardHarness {
    return new CardHarness(card as McCredentialCard);
  }

  /** The card's outer part (carries `aria-busy` while loading). */
  get base(): HTMLElement | null {
    return this.part('base');
  }
  /** The credential's name (the heading). */
  get name(): string {
    return this.text('name');
  }
  /** The heading element that shows the name (`h1`…`h6`), or null before anything is shown. */
  get heading(): HTMLElement | null {
    return this.part('name');
  }
  /** The type label ("Micro-credential", "Badge", …). */
  get type(): string {
    return this.text('type');
  }
  /** The element showing the type label, or null. */
  get typeElement(): HTMLElement | null {
    return this.part('type');
  }
  /** The issuer's label and name. */
  get issuerLabel(): string {
    return this.text('issuer', 'dt');
  }
  /** The issuer's name, as shown. */
  get issuer(): string {
    return this.text('issuer', 'dd');
  }
  /** The link to the issuer's site, or null (none, or not yet shown). */
  get issuerLink(): HTMLAnchorElement | null {
    return this.root.querySelector<HTMLAnchorElement>('[part~=issuer] a');
  }
  /** The recipient's label. */
  get recipientLabel(): string {
    return this.text('recipient', 'dt');
  }
  /** The recipient, as shown. */
  get recipient(): string {
    return this.text('recipient', 'dd');
  }
  /** The description, as shown. */
  get description(): string {
    return this.text('description');
  }
  /** The element showing the description, or null. */
  get descriptionElement(): HTMLElement | null {
    return this.part('description');
  }
  /** The image (an `img`, or the monogram `div` that replaces a broken one), or null. */
  get image(): HTMLElement | null {
    return this.part('image');
  }
  /** The first date's label and value. */
  get dateLabel(): string {
    return this.text('dates', 'dt');
  }
  get dateValue(): string {
    return this.text('dates', 'dd');
  }
  /** The last date row (the expiry, when there is one), as shown. */
  get lastDate(): string {
    return this.norm(this.root.querySelector('[part~=dates]:last-of-type'));
  }
  /** The last date row's label ("Expires", "Expired"). */
  get lastDateLabel(): string {
    return this.norm(this.root.querySelector('[part~=dates]:last-of-type dt'));
  }
  /** The "Expired" flag, or null when the credential is not expired. */
  get expiredFlag(): HTMLElement | null {
    return this.part('expired');
  }
  /** The error message, as shown ('' when there is none). */
  get error(): string {
    return this.text('error');
  }
  /** The error alert (`role=alert`), or null. */
  get errorAlert(): HTMLElement | null {
    return this.root.querySelector('[part~=error][role=alert]');
  }
  /** The loading live region (`role=status`), or null. */
  get loadingStatus(): HTMLElement | null {
    return this.root.querySelector('[part~=loading][role=status]');
  }
  /** A detail section (`skills`, `criteria`, `evidence`, `endorsements`, `registration`, …), or null. */
  section(name: string): HTMLElement | null {
    return this.part(name);
  }
  /** The heading of a detail section (`skills`, `criteria`, `evidence`, `registration`, …). */
  sectionHeading(section: string, level = 'h4'): string {
    return this.text(section, level);
  }
  /** A section's own heading element at `level` (`h3`, `h4`, …), or null. */
  sectionHeadingElement(section: string, level: string): HTMLElement | null {
    return this.root.querySelector(`[part~=${section}] > ${level}`);
  }
  /** The skill links. */
  get skillLinks(): HTMLAnchorElement[] {
    return this.$$<HTMLAnchorElement>('[part~=skills] a');
  }
  /** The evidence items. */
  get evidenceItems(): HTMLElement[] {
    return this.$$('[part~=evidence] li');
  }
  /** The endorsements line, as shown. */
  get endorsements(): string {
    return this.text('endorsements');
  }
  /** The headings the criteria's Markdown rendered (`h5`, `h6`). */
  get criteriaHeading(): HTMLElement | null {
    return this.root.querySelector('[part~=criteria] h5, [part~=criteria] h6');
  }
  /** The criteria as plain text (shown until the Markdown renderer has loaded), or null. */
  get criteriaPlain(): HTMLElement | null {
    return this.root.querySelector('[part~=criteria] .plain');
  }
  /** The verdict flag a verify button sets on the card it verifies, or null. */
  get verdict(): HTMLElement | null {
    return this.part('verdict');
  }
  /** The elements slotted into the status slot. */
  get statusSlotted(): Element[] {
    return this.root.querySelector<HTMLSlotElement>('slot[name=status]')!.assignedElements();
  }

  private norm(node: Element | null): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
}

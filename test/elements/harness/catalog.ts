/** Harness for `<mc-catalog>`: search, facets, results and the details dialog, by meaning. */
import type { McCatalog } from '@microcred/elements/catalog/catalog.js';
import { Harness } from './harness.js';

export class CatalogHarness extends Harness<McCatalog> {
  /** Types `text` into the search box (as a person would: an `input` event), then waits for the render. */
  async search(text: string): Promise<void> {
    const input = this.$<HTMLInputElement>('#search');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await this.settle();
  }

  /** Ticks (or unticks) the option whose label contains `label` in the facet whose legend is `facet`. */
  async toggle(facet: string, label: string): Promise<void> {
    const fieldset = this.$$('fieldset').find(
      (f) => f.querySelector('legend')!.textContent!.trim() === facet,
    )!;
    const li = [...fieldset.querySelectorAll('li')].find((l) => l.textContent!.includes(label))!;
    li.querySelector('input')!.click();
    await this.settle();
  }

  /** The names of the results shown, in order. */
  get names(): string[] {
    return this.element.results.map((e) => e.name);
  }

  /** The result items shown. */
  get items(): HTMLElement[] {
    return this.parts('item');
  }

  /** The details buttons of the results shown. */
  get detailsButtons(): HTMLButtonElement[] {
    return this.parts<HTMLButtonElement>('details-button');
  }

  /** The result count, as shown. */
  get count(): string {
    return this.text('count');
  }

  /** The empty state (no results), or null. */
  get empty(): HTMLElement | null {
    return this.part('empty');
  }

  /** The "Show more" button, or null. */
  get more(): HTMLButtonElement | null {
    return this.part<HTMLButtonElement>('more');
  }

  /** The error message, as shown ('' when there is none). */
  get error(): string {
    return this.text('error');
  }

  /** The details dialog's register link, or null (no open dialog, or no way to register). */
  get register(): HTMLAnchorElement | null {
    return this.part<HTMLAnchorElement>('register');
  }

  /** Opens the details of the `i`th result shown (a click on its details button) and waits for the render. */
  async open(i = 0): Promise<HTMLDialogElement> {
    this.detailsButtons[i]!.click();
    await this.settle();
    return this.dialog;
  }

  /** The details dialog. */
  get dialog(): HTMLDialogElement {
    return this.$<HTMLDialogElement>('dialog');
  }
}

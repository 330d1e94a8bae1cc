/**
 * Test helpers that never wait on animation frames (hidden pages get none when web-test-runner runs
 * files concurrently): mount a template into the document, wait for every Lit element inside.
 */
import { render, type TemplateResult } from 'lit';

const mounted = new Set<HTMLElement>();

interface Updatable {
  updateComplete: Promise<unknown>;
}

/** Waits until every Lit element in `root` (and `root` itself) has finished updating. */
export async function settled(root: Element): Promise<void> {
  const all = [root, ...root.querySelectorAll('*')].filter(
    (e): e is Element & Updatable => 'updateComplete' in e,
  );
  await Promise.all(all.map((e) => e.updateComplete));
}

/** Renders `template` into a fresh container in the document and returns its first element. */
export async function mount<T extends Element = HTMLElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.add(container);
  render(template, container);
  const el = container.firstElementChild as T;
  await settled(container);
  return el;
}

/** Removes everything {@link mount} added. Call in `afterEach`. */
export function unmountAll(): void {
  for (const c of mounted) c.remove();
  mounted.clear();
}

/** Lets the shared `lang` MutationObserver deliver its records, then waits for `el` to update. */
export async function afterLangChange(el: Element & Partial<Updatable>): Promise<void> {
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  await el.updateComplete;
}

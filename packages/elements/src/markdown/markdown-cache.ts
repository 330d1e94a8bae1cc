/**
 * Markdown rendered once per text and heading level, for elements that show Markdown from their
 * data (the tracker's reviewer feedback): plain text until the Markdown chunk has rendered it, then
 * the template (`onReady` asks the element to render again). `pending()` is what its
 * `updateComplete` still waits for.
 */
import { html, type TemplateResult } from 'lit';

export interface MarkdownCache {
  /** `text` as Markdown with `#` at `level`: plain text until rendered. */
  md(text: string, level: number): unknown;
  /** Renders still under way. */
  pending(): Promise<unknown>[];
  /** Forgets every rendered text. */
  clear(): void;
}

export function markdownCache(onReady: () => void): MarkdownCache {
  const cache = new Map<string, TemplateResult | Promise<unknown>>();
  return {
    md(text, level) {
      const key = `${level}\n${text}`;
      const hit = cache.get(key);
      if (hit && !(hit instanceof Promise)) return hit;
      if (!hit) {
        // The renderer is a lazy chunk too (with `marked`): most data has no Markdown at all.
        const job = import('./render-markdown.js')
          .then((m) => m.renderMarkdown(text, { headingLevel: level }))
          .then(
            (template) => {
              if (cache.get(key) !== job) return;
              cache.set(key, template);
              onReady();
            },
            () => cache.delete(key),
          );
        cache.set(key, job);
      }
      return html`<p class="plain">${text}</p>`;
    },
    pending: () => [...cache.values()].filter((v): v is Promise<unknown> => v instanceof Promise),
    clear: () => cache.clear(),
  };
}

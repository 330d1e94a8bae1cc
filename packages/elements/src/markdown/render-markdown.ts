/**
 * Safe Markdown rendering for credential text (criteria narratives, evidence narratives,
 * endorsement comments). `marked` is loaded on first use (a lazy chunk) and only its lexer is
 * used: the tokens are turned into Lit templates here, so text is always bound as text and no
 * HTML from a credential ever reaches the DOM.
 *
 * - paragraphs, emphasis, strong, strikethrough, code, lists, block quotes, tables, rules;
 * - headings are demoted to fit below the element's own headings;
 * - links only for absolute `http:`/`https:` URLs, with `rel="noopener noreferrer nofollow"`;
 *   any other link is rendered as its text;
 * - images are never loaded: they become a link to the image (its alt text as the link text);
 * - raw HTML is shown as plain text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Token, Tokens } from 'marked';
import { heading, safeHttpUrl } from '../internal/heading.js';

/** Options for {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** The HTML heading level a Markdown `#` heading becomes (deeper ones follow, capped at 6). Default 4. */
  headingLevel?: number;
}

/** Longest text rendered as Markdown; longer text is cut (a safeguard against pathological input). */
export const MAX_MARKDOWN_LENGTH = 20000;

const rel = 'noopener noreferrer nofollow';

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
};

/** Decodes the HTML character references Markdown text may contain (as text, never as markup). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] !== '#') return entities[ref.toLowerCase()] ?? match;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

function inline(tokens: Token[] | undefined): unknown[] {
  return (tokens ?? []).map((t) => {
    switch (t.type) {
      case 'strong':
        return html`<strong>${inline(t.tokens)}</strong>`;
      case 'em':
        return html`<em>${inline(t.tokens)}</em>`;
      case 'del':
        return html`<del>${inline(t.tokens)}</del>`;
      case 'codespan':
        return html`<code>${t.text}</code>`;
      case 'br':
        return html`<br />`;
      case 'link': {
        const href = safeHttpUrl(t.href);
        return href ? html`<a href=${href} rel=${rel}>${inline(t.tokens)}</a>` : inline(t.tokens);
      }
      case 'image': {
        const href = safeHttpUrl(t.href);
        const text = decodeEntities(t.text) || href;
        return href ? html`<a href=${href} rel=${rel}>${text}</a>` : text;
      }
      case 'html':
        return t.raw;
      case 'text':
      case 'escape':
        return 'tokens' in t && t.tokens ? inline(t.tokens) : decodeEntities(t.text);
      default:
        return 'text' in t && typeof t.text === 'string' ? decodeEntities(t.text) : t.raw;
    }
  });
}

function blocks(tokens: Token[] | undefined, level: number, levels: Map<Token, number>): unknown[] {
  return (tokens ?? []).map((t) => {
    switch (t.type) {
      case 'paragraph':
        return html`<p>${inline(t.tokens)}</p>`;
      case 'heading':
        return heading(levels.get(t) ?? level, inline(t.tokens));
      case 'list': {
        const list = t as Tokens.List;
        const items = list.items.map(
          (item) =>
            html`<li>
              ${item.task ? (item.checked ? '[x] ' : '[ ] ') : nothing}${blocks(item.tokens, level, levels)}
            </li>`,
        );
        return list.ordered
          ? html`<ol start=${typeof list.start === 'number' ? list.start : 1}>
              ${items}
            </ol>`
          : html`<ul>
              ${items}
            </ul>`;
      }
      case 'blockquote':
        return html`<blockquote>${blocks(t.tokens, level, levels)}</blockquote>`;
      case 'code':
        return html`<pre><code>${t.text}</code></pre>`;
      case 'hr':
        return html`<hr />`;
      case 'table': {
        const table = t as Tokens.Table;
        return html`<table>
          <thead>
            <tr>
              ${table.header.map((cell) => html`<th scope="col">${inline(cell.tokens)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (row) =>
                html`<tr>
                  ${row.map((cell) => html`<td>${inline(cell.tokens)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>`;
      }
      case 'html':
        return html`<p>${t.raw.trim()}</p>`;
      case 'space':
      case 'def':
        return nothing;
      default:
        return inline([t]);
    }
  });
}

/**
 * The HTML level of each top-level heading: the shallowest Markdown heading becomes `base`, and no
 * heading is more than one level deeper than the one before it (no gaps in the outline).
 */
function headingLevels(tokens: Token[], base: number): Map<Token, number> {
  const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
  const top = Math.min(...headings.map((h) => h.depth));
  const levels = new Map<Token, number>();
  let previous = base - 1;
  for (const h of headings) {
    previous = Math.min(6, base + h.depth - top, previous + 1);
    levels.set(h, previous);
  }
  return levels;
}

/**
 * Renders Markdown `text` to a Lit template, safely (see the module documentation). Loads `marked`
 * on first call.
 */
export async function renderMarkdown(text: string, options: MarkdownOptions = {}): Promise<TemplateResult> {
  const { Lexer } = await import('marked');
  const tokens = Lexer.lex(text.slice(0, MAX_MARKDOWN_LENGTH), { gfm: true, breaks: false });
  const base = options.headingLevel ?? 4;
  return html`${blocks(tokens, base, headingLevels(tokens, base))}`;
}

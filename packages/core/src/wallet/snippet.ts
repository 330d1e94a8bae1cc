/** Embed snippets: HTML a person pastes into a page to show one badge with `<mc-credential-card>`. */

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Options of {@link embedSnippet}. */
export interface EmbedSnippetOptions {
  /** Address of `microcred.js` (or `autoloader.js`). */
  scriptSrc: string;
  /** Public address of the credential (`src`). Without it the credential is inlined as JSON. */
  src?: string;
  /** The credential's JSON, inlined when there is no `src`. */
  json?: string;
  /** The credential's name: the link text shown before and without JavaScript. */
  name: string;
  /** `compact` for a tile; the default is the full card. */
  variant?: 'full' | 'compact';
  /** A language for the card (`en`, `es`…). */
  lang?: string;
}

/**
 * The HTML for one badge: the `<script type="module">` and a `<mc-credential-card>` with `src` (or
 * the credential inline as `<script type="application/json">`), holding a link (or the name) as the
 * view without JavaScript. Every value is escaped; inline JSON cannot close its `<script>`.
 */
export function embedSnippet(options: EmbedSnippetOptions): string {
  const attrs = [
    options.src ? ` src="${escapeAttr(options.src)}"` : '',
    options.variant === 'compact' ? ' variant="compact"' : '',
    options.lang ? ` lang="${escapeAttr(options.lang)}"` : '',
  ].join('');
  const fallback = options.src
    ? `<a href="${escapeAttr(options.src)}">${escapeText(options.name)}</a>`
    : escapeText(options.name);
  const inline =
    !options.src && options.json
      ? `\n  <script type="application/json">${options.json.replace(/</g, '\\u003c')}</script>`
      : '';
  return (
    `<script type="module" src="${escapeAttr(options.scriptSrc)}"></script>\n` +
    `<mc-credential-card${attrs}>${inline}\n  ${fallback}\n</mc-credential-card>`
  );
}

// A Vite/Rolldown plugin for the embed bundle: minifies the static text of Lit `css` and `html`
// tagged templates in our element sources (the JS minifier leaves template text alone).
// - css`…`: comments removed, whitespace collapsed; no spaces around { } ; , > /, after :, just inside
//   ( ), before !important, after @media, or around a * that multiplies (calc's + and - keep theirs);
//   no leading zero in a number (0.5rem → .5rem); no quotes around an identifier in an attribute
//   selector ([variant='compact'] → [variant=compact]). Our stylesheets put no `/`, `*`, `(` or
//   numbers inside strings or attribute values, which these rely on.
// - html`…`: every whitespace run that contains a line break becomes one space (rendering is unchanged:
//   HTML collapses such whitespace anyway; none of our templates use <pre> or white-space: pre, and
//   none has static text inside <textarea>, <style> or <script>, where HTML would read no tags);
//   inside a tag, such a run before `>` goes (`</span\n  >` → `</span>`, as Prettier writes them), and
//   a void HTML element loses its ` /` (`<br />` → `<br>`: HTML ignores it), and a static attribute
//   value of letters, digits, - and _ its quotes (`class="base"` → `class=base`). Text between tags is
//   left as it is, so a `>` or `/>` in text is never touched.
// Templates are found with the TypeScript parser, so nested templates and `${…}` are handled exactly.
import ts from 'typescript';
import type { Plugin } from 'vite';

/** Minifies the static text of one CSS template segment. */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/ ?\/ ?/g, '/')
    .replace(/\( | \)/g, (m) => m.trim())
    .replace(/@media \(/g, '@media(')
    .replace(/ !important/g, '!important')
    .replace(/ \* (?=\.?\d|var\(|calc\()/g, '*')
    .replace(/(?<=[\s:(,/*]-?)0\.(?=\d)/g, '.')
    .replace(/\[([\w-]+)=(['"])(-?[a-zA-Z_][\w-]*)\2\]/g, '[$1=$3]')
    .trim();
}

/** HTML elements that have no end tag (a ` /` before their `>` is ignored by HTML). */
const voidElements = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

/** Where an HTML template's scan is between segments: inside a tag (its name) and inside a quote. */
export interface HtmlState {
  tag: string | undefined;
  quote: string | undefined;
}

/**
 * Minifies the static text of one HTML template segment. `state` says where the previous segment
 * left off (a `${…}` may sit inside a tag) and is updated for the next one.
 */
export function minifyHtml(text: string, state: HtmlState = { tag: undefined, quote: undefined }): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (state.tag === undefined) {
      const open = /^<\/?([a-zA-Z][\w-]*)/.exec(text.slice(i));
      if (open) {
        state.tag = open[1]!;
        out += open[0];
        i += open[0].length;
        continue;
      }
    } else if (state.quote) {
      if (c === state.quote) state.quote = undefined;
    } else if (c === '"' || c === "'") {
      // A static value of letters, digits, - and _ needs no quotes (class="base" → class=base).
      const plain = out.endsWith('=') ? /^(["'])([\w-]+)\1(?=[\s>])/.exec(text.slice(i)) : null;
      if (plain) {
        out += plain[2];
        i += plain[0].length;
        continue;
      }
      state.quote = c;
    } else if (c === '>') {
      state.tag = undefined;
    } else if (/\s/.test(c)) {
      const run = /^\s+/.exec(text.slice(i))![0];
      const next = text.slice(i + run.length);
      if (next.startsWith('/>') && voidElements.test(state.tag)) {
        i += run.length + 1; // the `>` is written next, and ends the tag
        continue;
      }
      if (run.includes('\n') && next.startsWith('>')) {
        i += run.length;
        continue;
      }
    }
    const ws = /^\s*\n\s*/.exec(text.slice(i));
    if (ws) {
      out += ' ';
      i += ws[0].length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** Static text ranges [start, end) of a template literal node's segments. */
function segments(template: ts.TemplateLiteral): [number, number][] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart() + 1, template.end - 1]];
  const ranges: [number, number][] = [[template.head.getStart() + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const lit = span.literal;
    ranges.push([lit.getStart() + 1, lit.end - (ts.isTemplateTail(lit) ? 1 : 2)]);
  }
  return ranges;
}

/** Returns `code` with every css`…`/html`…` template's static text minified. */
export function minifyTemplates(code: string, fileName = 'x.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: [number, number, string][] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      /^(css|html)$/.test(node.tag.text)
    ) {
      const state: HtmlState = { tag: undefined, quote: undefined };
      const minify = node.tag.text === 'css' ? minifyCss : (text: string) => minifyHtml(text, state);
      for (const [start, end] of segments(node.template))
        edits.push([start, end, minify(code.slice(start, end))]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** The plugin: applies to TypeScript sources under packages/elements/src. */
export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'mc-minify-templates',
    enforce: 'pre',
    transform(code: string, id: string) {
      if (!/[\\/]packages[\\/]elements[\\/]src[\\/].+\.ts$/.test(id) || !/\b(css|html)`/.test(code))
        return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}

// A Vite/Rolldown plugin for the embed bundle: minifies the static text of Lit `css` and `html`
// tagged templates in our element sources (the JS minifier leaves template text alone).
// - css`…`: comments removed, whitespace collapsed, no spaces around { } ; , > / or after :, none around
//   a * that multiplies (calc's + and - keep theirs), no leading zero in a number (0.5rem → .5rem), no
//   quotes around an identifier in an attribute selector ([variant='compact'] → [variant=compact]).
//   Our stylesheets put no `/`, `*` or numbers inside strings or attribute values, which these rely on.
// - html`…`: every whitespace run that contains a line break becomes one space (rendering is unchanged:
//   HTML collapses such whitespace anyway; none of our templates use <pre> or white-space: pre).
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
    .replace(/ \* (?=\.?\d|var\(|calc\()/g, '*')
    .replace(/(?<=[\s:(,/*]-?)0\.(?=\d)/g, '.')
    .replace(/\[([\w-]+)=(['"])(-?[a-zA-Z_][\w-]*)\2\]/g, '[$1=$3]')
    .trim();
}

/** Minifies the static text of one HTML template segment. */
export function minifyHtml(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
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
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
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

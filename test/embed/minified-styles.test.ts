import { expect } from '@open-wc/testing';
import type { CSSResultGroup, CSSResultOrNative } from 'lit';
import tokens from '@microcred/elements/internal/tokens.styles.js';
import card from '@microcred/elements/credential-card/credential-card.styles.js';
import details from '@microcred/elements/credential-card/credential-card-details.styles.js';
import verify from '@microcred/elements/verify-button/verify-button.styles.js';
import wallet from '@microcred/elements/badge-wallet/badge-wallet.styles.js';
import catalog from '@microcred/elements/catalog/catalog.styles.js';
import tracker from '@microcred/elements/progress-tracker/progress-tracker.styles.js';

// The built embed bundle's stylesheets went through scripts/vite/minify-templates.ts. Whatever the
// minifier does, the browser must read the same rules from them as from the sources: the same
// conditions, selectors and properties, and the same values once spaces and leading zeros are set
// aside (values with var() are kept as written, so they are compared that way).
const dist = '/packages/embed/dist';

/** One stylesheet as the browser read it: a line per rule, a line per declaration. */
function read(sheet: CSSStyleSheet): string[] {
  const out: string[] = [];
  const walk = (rules: CSSRuleList, depth: string): void => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        out.push(`${depth}${rule.selectorText}`);
        for (const declaration of rule.style.cssText.split(/;\s*/).filter(Boolean))
          out.push(`${depth}  ${declaration.replace(/\s+/g, '').replace(/(^|[^\w.])0\.(\d)/g, '$1.$2')}`);
      } else if (rule instanceof CSSGroupingRule) {
        out.push(
          `${depth}@${rule.constructor.name} ${'conditionText' in rule ? String(rule.conditionText) : ''}`,
        );
        walk(rule.cssRules, `${depth}  `);
      } else out.push(`${depth}${rule.cssText.replace(/\s+/g, '')}`);
    }
  };
  walk(sheet.cssRules, '');
  return out;
}

/** The stylesheets of a styles value (a `css` result or an array of them), in order. */
function sheets(styles: CSSResultGroup | CSSResultOrNative[]): CSSStyleSheet[] {
  const list = (Array.isArray(styles) ? styles.flat(Infinity) : [styles]) as CSSResultOrNative[];
  return list.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet!));
}

describe('minified stylesheets (built embed bundle)', () => {
  before(async () => {
    await import(/* @vite-ignore */ `${dist}/microcred.js`);
  });

  const elements: [string, CSSResultGroup][] = [
    ['mc-credential-card', card],
    ['mc-verify-button', verify],
    ['mc-badge-wallet', wallet],
    ['mc-catalog', catalog],
    ['mc-progress-tracker', tracker],
  ];
  for (const [tag, source] of elements) {
    it(`${tag}: the browser reads the same rules from the minified styles as from the source`, () => {
      const built = (customElements.get(tag) as unknown as { elementStyles: CSSResultOrNative[] })
        .elementStyles;
      const expected = sheets(source).map(read);
      expect(expected[0], 'the token sheet comes first').to.deep.equal(read(sheets(tokens)[0]!));
      expect(sheets(built).map(read)).to.deep.equal(expected);
    });
  }

  it("the card's detail sections (a lazy chunk) read the same when minified", async () => {
    const chunk = Object.values(
      (await (await fetch('/node_modules/.cache/microcred/embed-manifest.json')).json()) as Record<
        string,
        { file: string; src?: string }
      >,
    ).find((m) => m.src?.endsWith('credential-card-details.ts'));
    expect(chunk, 'the details chunk is in the build manifest').to.exist;
    const built = (await import(/* @vite-ignore */ `${dist}/${chunk!.file}`)) as Record<string, unknown>;
    const sheet = Object.values(built).find(
      (v): v is CSSResultOrNative => !!v && typeof v === 'object' && 'styleSheet' in v,
    );
    expect(sheet, 'the chunk exports its styles').to.exist;
    expect(read(sheets(sheet!)[0]!)).to.deep.equal(read(sheets(details)[0]!));
  });
});

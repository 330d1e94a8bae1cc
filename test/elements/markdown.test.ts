import { expect, html } from '@open-wc/testing';
import { mount, unmountAll } from './helpers/dom.js';
import { render } from 'lit';
import { decodeEntities, renderMarkdown } from '@microcred/elements/markdown/render-markdown.js';

async function md(text: string, headingLevel?: number): Promise<HTMLElement> {
  const el = await mount(html`<div></div>`);
  render(await renderMarkdown(text, headingLevel === undefined ? {} : { headingLevel }), el);
  return el;
}

describe('renderMarkdown', () => {
  afterEach(unmountAll);

  it('renders paragraphs, emphasis, strong, code and lists as elements', async () => {
    const el = await md('Some *em*, **strong**, `a < b`.\n\n- one\n- two\n\n1. first\n2. second');
    expect(el.querySelector('p em')!.textContent).to.equal('em');
    expect(el.querySelector('p strong')!.textContent).to.equal('strong');
    expect(el.querySelector('p code')!.textContent).to.equal('a < b');
    expect([...el.querySelectorAll('ul > li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'one',
      'two',
    ]);
    expect(el.querySelectorAll('ol > li')).to.have.length(2);
  });

  it('starts the outline at the level given and never skips a level', async () => {
    const el = await md('## First\n\n#### Skipped a level\n\n## Second', 3);
    expect([...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName)).to.deep.equal([
      'H3',
      'H4',
      'H3',
    ]);
  });

  it('demotes headings to the level given, capped at 6', async () => {
    const el = await md('# Title\n\n## Sub\n\n###### Deep', 4);
    expect(el.querySelector('h4')!.textContent).to.equal('Title');
    expect(el.querySelector('h5')!.textContent).to.equal('Sub');
    expect(el.querySelector('h6')!.textContent).to.equal('Deep');
    expect(el.querySelector('h1, h2, h3')).to.equal(null);
  });

  it('links only http(s) URLs, with rel="noopener noreferrer nofollow"', async () => {
    const el = await md(
      '[ok](https://example.org/a) [js](javascript:alert(1)) [data](data:text/html,<b>x</b>) [rel](/relative) <https://auto.example>',
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.org/a',
      'https://auto.example/',
    ]);
    for (const a of links) expect(a.rel).to.equal('noopener noreferrer nofollow');
    expect(el.textContent).to.contain('js').and.contain('data').and.contain('rel');
  });

  it('never loads images: they become links (alt text) or plain text', async () => {
    const el = await md('![A robot](https://example.org/robot.png) ![bad](javascript:alert(1))');
    expect(el.querySelector('img')).to.equal(null);
    const a = el.querySelector('a')!;
    expect(a.textContent).to.equal('A robot');
    expect(a.getAttribute('href')).to.equal('https://example.org/robot.png');
    expect(el.textContent).to.contain('bad');
  });

  it('shows raw HTML as text, creating no elements', async () => {
    const el = await md(
      '<script>window.__mdPwned = 1</script>\n\n<img src=x onerror="window.__mdPwned = 2">\n\nHi <b onclick="x()">there</b> <iframe src="https://example.org"></iframe>',
    );
    expect(el.querySelector('script, img, b, iframe, [onclick], [onerror]')).to.equal(null);
    expect(el.textContent)
      .to.contain('<script>')
      .and.contain('<img src=x onerror=')
      .and.contain('<b onclick="x()">');
    expect((window as unknown as { __mdPwned?: number }).__mdPwned).to.equal(undefined);
  });

  it('decodes character references as text', async () => {
    const el = await md('Fish &amp; chips &lt;b&gt; &#169; &#x1F600; &bogus;');
    expect(el.textContent!.trim()).to.equal('Fish & chips <b> © 😀 &bogus;');
    expect(el.querySelector('b')).to.equal(null);
    expect(decodeEntities('&#0; &#x110000;')).to.equal('\ufffd \ufffd');
  });

  it('renders block quotes, code blocks, rules and tables', async () => {
    const el = await md('> quoted\n\n```\n<b>code</b>\n```\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(el.querySelector('blockquote p')!.textContent).to.equal('quoted');
    expect(el.querySelector('pre code')!.textContent).to.equal('<b>code</b>');
    expect(el.querySelector('hr')).to.exist;
    expect(el.querySelectorAll('table th[scope=col]')).to.have.length(2);
    expect(el.querySelector('tbody td')!.textContent).to.equal('1');
  });

  it('is accessible', async () => {
    const el = await md('# Heading\n\nText with a [link](https://example.org).\n\n- a\n- b', 2);
    await expect(el).to.be.accessible();
  });
});

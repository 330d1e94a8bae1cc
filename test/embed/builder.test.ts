/**
 * builder.html, BUILT (packages/embed/dist): the embed builder. Every element's two snippets, each
 * pasted into a blank page, render what the builder's preview shows (same text, same language);
 * the frame snippet's `title` and parameters; the address check in words (404, unreachable, CORS
 * blocked, not JSON, the wrong kind of thing); hostile addresses; English and Spanish; axe; 320 px.
 */
import { expect } from '@open-wc/testing';
import { readFrameParams } from '../../packages/embed/src/frame/params.js';
import { SOURCES, abs, axeViolations, closePages, deepText, openPage, until } from './frame-helpers.js';

type Stateful = HTMLElement & { state?: string };
const TAGS = {
  card: 'mc-credential-card',
  verify: 'mc-credential-card',
  catalog: 'mc-catalog',
  tracker: 'mc-progress-tracker',
  wallet: 'mc-badge-wallet',
} as const;
type Kind = keyof typeof TAGS;

/** The builder opened on a choice, once its address check has answered. */
async function builder(query: Record<string, string>, size = {}): Promise<HTMLIFrameElement> {
  const frame = await openPage(`builder.html?${new URLSearchParams(query).toString()}`, size);
  await until(() => {
    const state = frame.contentDocument!.querySelector<HTMLElement>('#eb-check')?.dataset['state'];
    return state === 'good' || state === 'bad';
  }, 'the address check');
  return frame;
}

const checkLine = (frame: HTMLIFrameElement): string =>
  frame.contentDocument!.querySelector('#eb-check')!.textContent ?? '';
const snippet = (frame: HTMLIFrameElement, kind: 'script' | 'iframe'): string =>
  frame.contentDocument!.querySelector<HTMLTextAreaElement>(`#eb-${kind}`)!.value;

/** The state each element reaches once its source is read (`ready` for the wallet). */
const READY = ['loaded', 'ready'];

/** The element in `root` once it has read its source (or failed), its shadow root rendered. */
function settled(root: () => ParentNode | null | undefined, tag: string): Promise<Stateful> {
  return until(() => {
    const el = root()?.querySelector<Stateful>(tag);
    return el && [...READY, 'error'].includes(el.state ?? '') && el.shadowRoot?.childNodes.length
      ? el
      : undefined;
  }, `<${tag}> settled`);
}

const comparable = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Asserts that `actual` comes to show the same text as `expected`. Parts of an element load after
 * it reports `loaded` (a card's details, a slotted verify button), on each page at its own pace:
 * the text is read again until both agree, and compared once more (with a diff) if they never do.
 */
async function sameText(actual: Element, expected: Element): Promise<void> {
  await until(
    () => comparable(deepText(actual)) === comparable(deepText(expected)),
    'the same text as the preview',
  ).catch(() => undefined);
  expect(comparable(deepText(actual))).to.equal(comparable(deepText(expected)));
}

/** A blank page (an iframe of its own) holding only `html`, as a webmaster would paste it. */
async function blankPage(html: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'Blank page';
  frame.style.width = '600px';
  frame.style.height = '800px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><main>${html}</main></body></html>`;
  document.body.append(frame);
  await loaded;
  return frame;
}

const pasted: HTMLIFrameElement[] = [];
afterEach(() => {
  closePages();
  for (const f of pasted.splice(0)) f.remove();
});

const CASES: [Kind, Record<string, string>][] = [
  ['card', { src: SOURCES.card }],
  ['verify', { src: SOURCES.verify }],
  ['catalog', { src: SOURCES.catalog }],
  ['tracker', { src: SOURCES.tracker, 'records-src': SOURCES.records }],
  ['wallet', { src: SOURCES.wallet }],
];

describe('builder.html: each snippet, pasted into a blank page, renders what the preview shows (built)', () => {
  for (const [element, params] of CASES) {
    for (const lang of ['en', 'es'] as const) {
      it(`${element} (${lang}): the script snippet and the frame snippet`, async () => {
        const frame = await builder({ element, lang, ...params });
        expect(
          frame.contentDocument!.querySelector<HTMLElement>('#eb-check')!.dataset['state'],
          checkLine(frame),
        ).to.equal('good');
        const tag = TAGS[element];
        const preview = await settled(() => frame.contentDocument!.querySelector('#eb-preview'), tag);
        expect(READY).to.include(preview.state);
        expect(comparable(deepText(preview)).length).to.be.greaterThan(10);

        // The script snippet in a blank page: the autoloader defines the element it holds.
        const script = snippet(frame, 'script');
        expect(script).to.match(/^<script type="module" src="[^"]+\/autoloader\.js"><\/script>\n</);
        const page = await blankPage(script);
        pasted.push(page);
        const fromScript = await settled(() => page.contentDocument, tag);
        expect(READY).to.include(fromScript.state);
        expect(fromScript.getAttribute('lang')).to.equal(lang);
        await sameText(fromScript, preview);

        // The frame snippet in a blank page: frame.html with the same choice.
        const iframeHtml = snippet(frame, 'iframe');
        const framed = await blankPage(iframeHtml);
        pasted.push(framed);
        const inner = framed.contentDocument!.querySelector('iframe')!;
        expect(inner.title).to.not.equal('');
        const asked = readFrameParams(new URL(inner.src).search);
        expect(Array.isArray(asked), JSON.stringify(asked)).to.equal(false);
        const fromFrame = await settled(() => inner.contentDocument, tag);
        expect(READY).to.include(fromFrame.state);
        expect(inner.contentDocument!.documentElement.lang).to.equal(lang);
        await sameText(fromFrame, preview);
      });
    }
  }

  it("the frame snippet's title names the credential once the check has read it, in the chosen language", async () => {
    const frame = await builder({ element: 'card', src: SOURCES.card, lang: 'es' });
    const doc = new DOMParser().parseFromString(snippet(frame, 'iframe'), 'text/html');
    const title = doc.querySelector('iframe')!.title;
    expect(title).to.match(/ — Microcredencial$/);
    expect(title.length).to.be.greaterThan(' — Microcredencial'.length);
    expect(doc.querySelector('iframe')!.getAttribute('height')).to.equal('480');
  });

  it('size, color scheme, language, accent and corners reach the snippets', async () => {
    const frame = await builder({ element: 'card', src: SOURCES.card });
    const doc = frame.contentDocument!;
    const win = frame.contentWindow as Window & typeof globalThis;
    const choose = (selector: string): void => {
      const input = doc.querySelector<HTMLInputElement>(selector)!;
      input.checked = true;
      input.dispatchEvent(new win.Event('change', { bubbles: true }));
    };
    choose('input[name="variant"][value="compact"]');
    choose('input[name="theme"][value="dark"]');
    const lang = doc.querySelector<HTMLSelectElement>('#eb-lang')!;
    lang.value = 'es';
    lang.dispatchEvent(new win.Event('change', { bubbles: true }));
    const accent = doc.querySelector<HTMLInputElement>('#eb-accent')!;
    accent.value = '#8a1c7c';
    accent.dispatchEvent(new win.Event('change', { bubbles: true }));
    const radius = doc.querySelector<HTMLSelectElement>('#eb-radius')!;
    radius.value = '0px';
    radius.dispatchEvent(new win.Event('change', { bubbles: true }));
    const element = new DOMParser()
      .parseFromString(snippet(frame, 'script'), 'text/html')
      .querySelector('mc-credential-card')!;
    expect(element.getAttribute('variant')).to.equal('compact');
    expect(element.getAttribute('lang')).to.equal('es');
    expect(element.getAttribute('style')).to.equal(
      'color-scheme: dark; --mc-color-accent: #8a1c7c; --mc-radius: 0px',
    );
    const src = new DOMParser()
      .parseFromString(snippet(frame, 'iframe'), 'text/html')
      .querySelector('iframe')!.src;
    const spec = readFrameParams(new URL(src).search);
    expect(spec).to.deep.include({ element: 'card', lang: 'es', theme: 'dark', variant: 'compact' });
    // The preview shows the choice too.
    const preview = doc.querySelector('#eb-preview mc-credential-card')!;
    expect(preview.getAttribute('style')).to.contain('--mc-color-accent: #8a1c7c');
    expect(preview.getAttribute('variant')).to.equal('compact');
  });
});

describe('builder.html: the address check says what is wrong (built)', () => {
  it('a 404', async () => {
    const frame = await builder({
      element: 'catalog',
      src: abs('/test/fixtures/frame/no-such-catalog.json'),
    });
    expect(checkLine(frame)).to.contain('There is nothing at this address (the server answered 404');
  });

  it('a credential where a catalog is wanted, and a catalog where a credential is wanted', async () => {
    let frame = await builder({ element: 'catalog', src: SOURCES.card });
    expect(checkLine(frame)).to.equal(
      'This address holds a credential, not a catalog. Choose the element that matches it, or give another address.',
    );
    frame = await builder({ element: 'card', src: SOURCES.catalog, lang: 'es' });
    expect(checkLine(frame)).to.contain('Esta dirección contiene un catálogo, no una credencial.');
  });

  it('an address where nothing answers', async () => {
    const frame = await builder({ element: 'card', src: 'http://127.0.0.1:9/credential.json' });
    expect(checkLine(frame)).to.equal(
      'Nothing answered at 127.0.0.1:9. Check the address for typing mistakes, and that the site is online.',
    );
  });

  it('a server that answers but does not allow other sites to read it (CORS blocked)', async () => {
    // The same test server under its other name is another origin; it sends no CORS headers for
    // this file (checked first, so the test says so if that ever changes).
    const other = new URL(SOURCES.card);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const direct = await fetch(other.href).then(
      () => 'readable',
      () => 'blocked',
    );
    expect(direct, 'the test server must not allow cross-origin reads for this test').to.equal('blocked');
    const frame = await builder({ element: 'card', src: other.href });
    expect(checkLine(frame)).to.contain('(CORS is blocked)');
    expect(checkLine(frame)).to.contain('Access-Control-Allow-Origin');
  });

  it('a web page instead of JSON', async () => {
    const frame = await builder({ element: 'wallet', src: abs('/packages/embed/dist/verify.html') });
    expect(checkLine(frame)).to.contain('not JSON');
  });

  it('an unsafe or partial address: no check, no preview, no snippet, and a message', async () => {
    for (const src of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      '/relative.json',
      'https://user:pw@x.example/c.json',
    ]) {
      const frame = await openPage(
        `builder.html?${new URLSearchParams({ element: 'card', src }).toString()}`,
      );
      const doc = frame.contentDocument!;
      await until(
        () => doc.querySelector<HTMLElement>('#eb-check')?.dataset['state'] === 'bad',
        `refusal of ${src}`,
      );
      expect(checkLine(frame)).to.contain('https://');
      expect(snippet(frame, 'script')).to.equal('');
      expect(snippet(frame, 'iframe')).to.equal('');
      expect(doc.querySelector('#eb-preview mc-credential-card')).to.equal(null);
      closePages();
    }
  });

  it('an address with quotes and angle brackets cannot break out of the snippets', async () => {
    const hostile = `${SOURCES.card}?a="><script>alert(1)</script>&b='x'`;
    const frame = await openPage(
      `builder.html?${new URLSearchParams({ element: 'card', src: hostile }).toString()}`,
    );
    await until(() => snippet(frame, 'script'), 'a snippet');
    for (const kind of ['script', 'iframe'] as const) {
      const doc = new DOMParser().parseFromString(snippet(frame, kind), 'text/html');
      expect(doc.querySelectorAll('script').length, kind).to.equal(kind === 'script' ? 1 : 0);
      const el = doc.querySelector(kind === 'script' ? 'mc-credential-card' : 'iframe')!;
      const src =
        kind === 'script'
          ? el.getAttribute('src')!
          : new URL(el.getAttribute('src')!).searchParams.get('src')!;
      expect(src).to.equal(new URL(hostile).href);
    }
  });
});

describe('builder.html: languages and access (built)', () => {
  it('switches between English and formal Spanish; every label follows', async () => {
    const frame = await builder({ element: 'catalog', src: SOURCES.catalog });
    const doc = frame.contentDocument!;
    expect(doc.querySelector('label[for="eb-src"]')!.textContent).to.equal('Address of the catalog feed');
    expect(checkLine(frame)).to.match(/^The address works: it is a catalog/);
    doc.querySelector<HTMLButtonElement>('#lang-switch')!.click();
    expect(doc.documentElement.lang).to.equal('es');
    expect(doc.title).to.equal('Generador de código para insertar — Microcred');
    expect(doc.querySelector('h1')!.textContent).to.equal('Ponga una microcredencial en su página');
    expect(doc.querySelector('label[for="eb-src"]')!.textContent).to.equal('Dirección del catálogo');
    expect(checkLine(frame)).to.match(/^La dirección funciona: es un catálogo/);
    expect(doc.querySelector('[data-copy="script"]')!.getAttribute('aria-label')).to.equal(
      'Copiar el fragmento de script',
    );
  });

  it('axe finds nothing in either language, with a preview shown; every control is labelled', async () => {
    for (const lang of ['en', 'es']) {
      const frame = await builder({ element: 'verify', src: SOURCES.verify, lang });
      const doc = frame.contentDocument!;
      await settled(() => doc.querySelector('#eb-preview'), 'mc-credential-card');
      for (const control of doc.querySelectorAll<HTMLInputElement>(
        '#builder input, #builder select, #builder textarea',
      ))
        expect(control.labels?.length || control.getAttribute('aria-labelledby'), control.id || control.name)
          .to.be.ok;
      expect(await axeViolations(doc)).to.deep.equal([]);
      closePages();
    }
  });

  it('at 320 px nothing is wider than the screen', async () => {
    const frame = await builder({ element: 'catalog', src: SOURCES.catalog }, { width: 320, height: 700 });
    await settled(() => frame.contentDocument!.querySelector('#eb-preview'), 'mc-catalog');
    expect(frame.contentDocument!.documentElement.scrollWidth).to.be.at.most(320);
  });
});

/**
 * frame.html, BUILT (packages/embed/dist): every element from URL parameters in English and
 * Spanish, hostile and malformed parameters, the height protocol (grow, shrink, dialogs, WordPress
 * and iframe.resize forms), the page as a page of its own (title, landmark, lang, 320 px, axe), its
 * strict CSP, and that it loads only the element asked for.
 */
import { expect } from '@open-wc/testing';
import { HOSTILE_URLS } from '../elements/helpers/hostile-urls.js';
import { readFrameParams, frameQuery, type FrameSpec } from '../../packages/embed/src/frame/params.js';
import {
  SOURCES,
  abs,
  axeViolations,
  closePages,
  deepText,
  messagesFrom,
  openPage,
  until,
} from './frame-helpers.js';

type Stateful = HTMLElement & { state: string };

const q = (params: Record<string, string>): string => `frame.html?${new URLSearchParams(params).toString()}`;
const inFrame = (frame: HTMLIFrameElement): Document => frame.contentDocument!;
/** The frame's element once it reached `state` (or any of them). */
const reached = (frame: HTMLIFrameElement, tag: string, ...states: string[]): Promise<Stateful> =>
  until(
    () => {
      const el = inFrame(frame).querySelector<Stateful>(tag);
      return el && states.includes(el.state) ? el : undefined;
    },
    `<${tag}> ${states.join('/')}`,
  );

afterEach(closePages);

describe('frame.html: every element (built)', () => {
  const cases: [
    element: string,
    tag: string,
    ready: string,
    params: Record<string, string>,
    en: RegExp,
    es: RegExp,
  ][] = [
    [
      'card',
      'mc-credential-card',
      'loaded',
      { src: SOURCES.card },
      /Issued by 1EdTech University/,
      /Emitida por 1EdTech University/,
    ],
    ['verify', 'mc-credential-card', 'loaded', { src: SOURCES.verify }, /Verify/, /Verificar/],
    ['catalog', 'mc-catalog', 'loaded', { src: SOURCES.catalog }, /Search/, /Buscar/],
    [
      'tracker',
      'mc-progress-tracker',
      'loaded',
      { src: SOURCES.tracker, 'records-src': SOURCES.records },
      /complete/,
      /completad/,
    ],
    ['wallet', 'mc-badge-wallet', 'loaded', { src: SOURCES.wallet }, /Foundations of Reading/, /Buscar/],
  ];
  for (const [element, tag, ready, params, en, es] of cases) {
    for (const lang of ['en', 'es'] as const) {
      it(`${element} in ${lang}: renders from src, a page of its own (title, main, lang, h1), axe clean, 320 px wide`, async () => {
        const frame = await openPage(q({ element, ...params, lang }), { width: 320, height: 700 });
        const doc = inFrame(frame);
        const el = await reached(frame, tag, ready);
        expect(doc.documentElement.lang).to.equal(lang);
        expect(doc.title.length).to.be.greaterThan(5);
        expect(doc.querySelectorAll('main')).to.have.length(1);
        expect(doc.querySelector('main')!.contains(el)).to.equal(true);
        expect(deepText(el)).to.match(lang === 'en' ? en : es);
        // One h1: the card's or pathway's name, or the frame's hidden heading above a catalog or wallet.
        const h1s = [
          doc,
          ...[...doc.querySelectorAll('*')].map((e) => e.shadowRoot).filter((r) => r),
        ].flatMap((r) => [...r!.querySelectorAll('h1')]);
        expect(h1s, 'one h1').to.have.length(1);
        if (element === 'verify') expect(el.querySelector('mc-verify-button')?.slot).to.equal('status');
        // Nothing cut off or scrolling sideways at 320 px.
        expect(doc.documentElement.scrollWidth).to.be.at.most(320);
        expect(await axeViolations(doc)).to.deep.equal([]);
      });
    }
  }

  // Issue 13: Arabic (right to left), Simplified Chinese and Vietnamese frames.
  const more: [lang: string, resolved: string, script: RegExp][] = [
    ['ar', 'ar', /[\u0600-\u06FF]/],
    ['zh-CN', 'zh-Hans', /[\u4E00-\u9FFF]/],
    ['vi', 'vi', /Tìm kiếm|chứng chỉ/],
  ];
  for (const [lang, resolved, script] of more) {
    it(`catalog in ${lang}: the element and the frame's title in ${resolved}, dir ${resolved === 'ar' ? 'rtl' : 'ltr'}, axe clean`, async () => {
      const frame = await openPage(q({ element: 'catalog', src: SOURCES.catalog, lang }), {
        width: 320,
        height: 700,
      });
      const doc = inFrame(frame);
      const el = await reached(frame, 'mc-catalog', 'loaded');
      expect(doc.documentElement.lang).to.equal(resolved);
      expect(doc.documentElement.dir).to.equal(resolved === 'ar' ? 'rtl' : 'ltr');
      expect(doc.title).to.match(script);
      expect(deepText(el)).to.match(script);
      expect(doc.documentElement.scrollWidth).to.be.at.most(320);
      expect(await axeViolations(doc)).to.deep.equal([]);
    });
  }
  it('Traditional Chinese is refused (the elements have no Traditional strings), in English and Spanish', async () => {
    expect(readFrameParams('src=https://x.example/a.json&lang=zh-TW')).to.deep.include({
      code: 'bad-lang',
      param: 'lang',
      value: 'zh-TW',
    });
    expect((readFrameParams('src=https://x.example/a.json&lang=zh') as FrameSpec).lang).to.equal('zh-Hans');
    expect((readFrameParams('src=https://x.example/a.json&lang=ar-EG') as FrameSpec).lang).to.equal('ar');
  });

  it('verify: the button in the frame verifies the credential (did:key, no network) and says so', async () => {
    const frame = await openPage(q({ element: 'verify', src: SOURCES.verify }));
    const card = await reached(frame, 'mc-credential-card', 'loaded');
    const button = card.querySelector('mc-verify-button') as Stateful;
    button.shadowRoot!.querySelector('button')!.click();
    await until(() => button.state !== 'idle' && button.state !== 'verifying', 'a verdict');
    expect(button.state).to.equal('verified');
    expect(deepText(button)).to.match(/Verified/);
  });

  it('card: variant=compact gives a compact tile; the title names the credential once loaded', async () => {
    const frame = await openPage(q({ src: SOURCES.card, variant: 'compact' }));
    const card = await reached(frame, 'mc-credential-card', 'loaded');
    expect(card.getAttribute('variant')).to.equal('compact');
    expect(inFrame(frame).title).to.include('1EdTech University Degree for Example Student');
  });

  it('catalog: mc-q starts it with that search (its url-state parameters), page-size is passed', async () => {
    const frame = await openPage(
      q({ element: 'catalog', src: SOURCES.catalog, 'mc-q': 'reading', 'page-size': '5' }),
    );
    const catalog = await reached(frame, 'mc-catalog', 'loaded');
    const search = catalog.shadowRoot!.querySelector<HTMLInputElement>('[part=search]')!;
    expect(search.value).to.equal('reading');
    expect(catalog.getAttribute('page-size')).to.equal('5');
    const names = [...catalog.shadowRoot!.querySelectorAll('[part=item] mc-credential-card')].map((c) =>
      deepText(c),
    );
    expect(names.some((n) => n.includes('Foundations of Reading'))).to.equal(true);
    expect(names.some((n) => n.includes('Digital Citizenship'))).to.equal(false);
  });

  it('wallet: group-by, sort-by and label reach the element', async () => {
    const frame = await openPage(
      q({
        element: 'wallet',
        src: SOURCES.wallet,
        'group-by': 'issuer',
        'sort-by': 'name',
        label: 'Maya’s portfolio',
      }),
    );
    const wallet = await reached(frame, 'mc-badge-wallet', 'loaded');
    expect(wallet.getAttribute('group-by')).to.equal('issuer');
    expect(wallet.getAttribute('sort-by')).to.equal('name');
    expect(wallet.shadowRoot!.querySelector('[aria-label="Maya’s portfolio"]')).to.exist;
  });

  it('theme=dark and theme=light set the color scheme the elements follow; auto follows the system', async () => {
    for (const [theme, scheme] of [
      ['dark', 'dark'],
      ['light', 'light'],
      ['auto', 'light dark'],
    ]) {
      const frame = await openPage(q({ src: SOURCES.card, theme: theme! }));
      await reached(frame, 'mc-credential-card', 'loaded');
      const style = frame.contentWindow!.getComputedStyle(inFrame(frame).documentElement);
      expect(style.colorScheme, theme).to.equal(scheme);
      frame.remove();
    }
  });

  it('loads only the element asked for: a card frame never downloads the catalog, wallet or tracker', async () => {
    const frame = await openPage(q({ src: SOURCES.card }));
    await reached(frame, 'mc-credential-card', 'loaded');
    const scripts = frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.js'));
    expect(scripts.some((n) => n.includes('/elements/mc-credential-card.js'))).to.equal(true);
    for (const other of ['mc-catalog', 'mc-badge-wallet', 'mc-progress-tracker', 'mc-verify-button'])
      expect(
        scripts.filter((n) => n.includes(other)),
        other,
      ).to.deep.equal([]);
    expect(frame.contentWindow!.customElements.get('mc-catalog')).to.equal(undefined);
  });

  it('keeps its strict CSP (no inline script or style, no plugins, sources only over http(s))', async () => {
    const html = await (await fetch('/packages/embed/dist/frame.html')).text();
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).to.equal(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src https: http: data:; connect-src https: http:",
    );
  });
});

describe('frame.html: hostile and malformed parameters (built)', () => {
  /** Opens the frame with `params` and returns its message's text (no element was created). */
  async function refused(params: Record<string, string> | string): Promise<{ doc: Document; text: string }> {
    const search = typeof params === 'string' ? params : new URLSearchParams(params).toString();
    const frame = await openPage(`frame.html?${search}`, { width: 320 });
    const doc = inFrame(frame);
    await until(() => doc.querySelector('.problem'), 'the message');
    for (const tag of ['mc-credential-card', 'mc-catalog', 'mc-badge-wallet', 'mc-progress-tracker'])
      expect(doc.querySelector(tag), tag).to.equal(null);
    expect(doc.querySelector('main h1')).to.exist;
    expect(doc.documentElement.scrollWidth).to.be.at.most(320);
    return { doc, text: deepText(doc.querySelector('main')!) };
  }

  for (const url of [
    ...HOSTILE_URLS,
    '/vectors/obv3-examples/ref/full_ex.json',
    'credential.json',
    'ftp://x.example/a',
    'https://user:pw@x.example/a',
  ]) {
    it(`src=${JSON.stringify(url)} is refused with a message, nothing loaded`, async () => {
      const { text } = await refused({ src: url });
      expect(text).to.include('is not a full web address');
      expect(text).to.include('https://');
    });
  }

  it('says it in formal Spanish when lang=es', async () => {
    const { doc, text } = await refused({ src: 'javascript:alert(1)', lang: 'es' });
    expect(doc.documentElement.lang).to.equal('es');
    expect(text).to.include('no es una dirección web completa');
    expect(text).to.include('Pida a la persona');
  });

  it('an unknown element, a bad lang (said in both languages), theme, variant: every mistake listed', async () => {
    const { doc, text } = await refused({ element: 'marquee', src: SOURCES.card, lang: 'fr', theme: 'neon' });
    expect(text).to.include('The element “marquee” does not exist');
    expect(text).to.include('El elemento “marquee” no existe');
    expect(text).to.include('The language “fr” is not available');
    expect(text).to.include('The theme “neon” does not exist');
    const sections = [...doc.querySelectorAll('.problem')].map((s) => s.getAttribute('lang'));
    expect(sections).to.deep.equal(['en', 'es']);
    expect(await axeViolations(doc)).to.deep.equal([]);
  });

  it('a missing src, an unknown parameter (with what the element takes), a repeated one, a bad option', async () => {
    const missing = await refused({ element: 'card' });
    expect(missing.text).to.include('There is no src');
    const unknown = await refused({ element: 'catalog', src: SOURCES.catalog, varient: 'compact' });
    expect(unknown.text).to.include('does not take the parameter “varient”');
    expect(unknown.text).to.include('mc-q');
    const variant = await refused({ element: 'catalog', src: SOURCES.catalog, variant: 'compact' });
    expect(variant.text).to.include('does not take the parameter “variant”');
    const repeated = await refused(
      `src=${encodeURIComponent(SOURCES.card)}&src=${encodeURIComponent(SOURCES.card)}`,
    );
    expect(repeated.text).to.include('“src” is given more than once');
    const records = await refused({
      element: 'tracker',
      src: SOURCES.tracker,
      'records-src': 'javascript:alert(1)',
    });
    expect(records.text).to.include('is not allowed for records-src');
    const size = await refused({ element: 'catalog', src: SOURCES.catalog, 'page-size': '1e9' });
    expect(size.text).to.include('“1e9” is not allowed for page-size');
    const badVariant = await refused({ src: SOURCES.card, variant: '<b>x</b>' });
    expect(badVariant.text).to.include('The variant “<b>x</b>” does not exist');
    expect(badVariant.doc.querySelector('main b')).to.equal(null);
  });

  it('readFrameParams/frameQuery: a spec survives the round trip; regional languages are accepted', () => {
    const spec: FrameSpec = {
      element: 'catalog',
      src: 'https://district.example/catalog.json',
      lang: 'es',
      theme: 'dark',
      options: { 'mc-q': ['lectura'], 'mc-subject': ['Literacy', 'Math'] },
    };
    expect(readFrameParams(frameQuery(spec))).to.deep.equal(spec);
    expect((readFrameParams('src=https://x.example/a.json&lang=es-MX') as FrameSpec).lang).to.equal('es');
    expect(readFrameParams('src=https://x.example/a.json&lang=es-<script>')).to.deep.include({
      code: 'bad-lang',
      param: 'lang',
      value: 'es-<script>',
    });
  });
});

describe('frame.html: the height protocol (built)', () => {
  /** The last height the frame reported in `kind` form. */
  const lastHeight = (seen: unknown[]): number | undefined => {
    const sizes = seen.filter(
      (m): m is { type: string; height: number } => (m as { type?: string })?.type === 'mc-frame-size',
    );
    return sizes.at(-1)?.height;
  };

  it('reports its content, not its viewport: it grows when narrowed and shrinks when widened', async () => {
    const frame = await openPage(q({ src: SOURCES.card }), { width: 900, height: 2000 });
    const seen = messagesFrom(frame);
    const card = await reached(frame, 'mc-credential-card', 'loaded');
    // The full card's sections are a lazy chunk: measure once they are there.
    await until(() => card.shadowRoot!.querySelector('[part=description]'), 'the card’s details');
    // … and their Markdown rendered (it replaces the plain text, which can change the height).
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const main = inFrame(frame).querySelector('main')!;
    const wide = await until(() => {
      const h = lastHeight(seen);
      return h && Math.abs(h - Math.ceil(main.getBoundingClientRect().height)) <= 1 ? h : undefined;
    }, 'the wide height');
    expect(wide, 'less than the 2000 px viewport').to.be.lessThan(1900);
    // A resize may report heights on the way (layout settles over a few frames): wait for the one
    // that matches the content as laid out now.
    const settled = (ok: (h: number) => boolean) => (): number | undefined => {
      const h = lastHeight(seen);
      return h && ok(h) && Math.abs(h - Math.ceil(main.getBoundingClientRect().height)) <= 1 ? h : undefined;
    };
    frame.style.width = '320px';
    const narrow = await until(
      settled((h) => h > wide),
      'a taller height',
    );
    expect(narrow).to.be.closeTo(Math.ceil(main.getBoundingClientRect().height), 1);
    frame.style.width = '900px';
    const back = await until(
      settled((h) => h < narrow),
      'a shorter height',
    );
    expect(back).to.be.closeTo(wide, 1);
  });

  it('shrinks when its content does: a catalog search that matches less', async () => {
    const frame = await openPage(q({ element: 'catalog', src: SOURCES.catalog }), {
      width: 700,
      height: 3000,
    });
    const seen = messagesFrom(frame);
    const catalog = await reached(frame, 'mc-catalog', 'loaded');
    const main = inFrame(frame).querySelector('main')!;
    const full = await until(() => {
      const h = lastHeight(seen);
      return h && Math.abs(h - Math.ceil(main.getBoundingClientRect().height)) <= 1 ? h : undefined;
    }, 'the full height');
    const search = catalog.shadowRoot!.querySelector<HTMLInputElement>('[part=search]')!;
    search.value = 'no such micro-credential anywhere';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const less = await until(() => {
      const h = lastHeight(seen);
      return h && h < full ? h : undefined;
    }, 'a smaller height');
    expect(less).to.equal(Math.ceil(main.getBoundingClientRect().height));
  });

  it('a dialog opened in a short frame asks for its whole height, and the frame shrinks back when it closes', async () => {
    const frame = await openPage(q({ element: 'catalog', src: SOURCES.catalog, 'mc-q': 'reading' }), {
      width: 600,
      height: 200,
    });
    const seen = messagesFrom(frame);
    const catalog = await reached(frame, 'mc-catalog', 'loaded');
    const main = inFrame(frame).querySelector('main')!;
    const closed = await until(() => {
      const h = lastHeight(seen);
      return h && h === Math.ceil(main.getBoundingClientRect().height) ? h : undefined;
    }, 'the height of the results');
    catalog.shadowRoot!.querySelector<HTMLButtonElement>('.details-button')!.click();
    const dialog = await until(() => {
      const d = catalog.shadowRoot!.querySelector('dialog');
      return d?.open ? d : undefined;
    }, 'the open dialog');
    // The card in the dialog renders its details from a lazy chunk: until then the dialog is short
    // and the height asked for is still the results'. Wait for the one the whole dialog asks for.
    const open = await until(() => {
      const h = lastHeight(seen);
      return h && h > closed && h >= dialog.scrollHeight ? h : undefined;
    }, 'a height for the dialog');
    // Grown to the dialog's content: the host that follows the message shows the dialog whole.
    frame.style.height = `${open}px`;
    await until(() => dialog.clientHeight >= dialog.scrollHeight - 1, 'the dialog shown whole');
    // Usable in the short frame as well: it scrolls inside the viewport, its close button reachable.
    expect(dialog.querySelector('button')).to.exist;
    (catalog as unknown as { close(): void }).close();
    const after = await until(() => {
      const h = lastHeight(seen);
      return h && h < open ? h : undefined;
    }, 'the height after closing');
    expect(after).to.equal(Math.ceil(main.getBoundingClientRect().height));
    expect(after).to.be.lessThan(open);
    expect(closed).to.be.lessThan(open);
  });

  it('also speaks WordPress’s embed protocol (#?secret=…, and again on “ready”) and the iframe.resize string', async () => {
    const frame = await openPage(`${q({ src: SOURCES.card })}#?secret=Ab12Cd34`, { width: 600 });
    const seen = messagesFrom(frame);
    await reached(frame, 'mc-credential-card', 'loaded');
    const main = inFrame(frame).querySelector('main')!;
    const wp = await until(
      () =>
        seen.findLast(
          (m) =>
            (m as { message?: string }).message === 'height' &&
            (m as { value: number }).value === Math.ceil(main.getBoundingClientRect().height),
        ) as { value: number; secret: string } | undefined,
      'the WordPress message of the loaded card',
    );
    expect(wp.secret).to.equal('Ab12Cd34');
    expect(wp.value).to.be.greaterThan(100);
    const resize = await until(
      () => seen.find((m) => typeof m === 'string' && m.includes('iframe.resize')) as string | undefined,
      'the iframe.resize string',
    );
    const parsed = JSON.parse(resize) as { context: string; src: string; height: number };
    expect(parsed.context).to.equal('iframe.resize');
    expect(parsed.src).to.equal(frame.contentWindow!.location.href);
    const before = seen.length;
    frame.contentWindow!.postMessage({ message: 'ready', secret: 'Ab12Cd34' }, '*');
    // The frame answers "ready" from its parent only: this window is its parent.
    await until(
      () => seen.slice(before).some((m) => (m as { message?: string }).message === 'height'),
      'an answer',
    );
  });

  it('with no listening parent it scrolls inside its own height (nothing hidden)', async () => {
    const frame = await openPage(q({ element: 'catalog', src: SOURCES.catalog }), {
      width: 600,
      height: 300,
    });
    await reached(frame, 'mc-catalog', 'loaded');
    const doc = inFrame(frame);
    const root = doc.scrollingElement!;
    expect(root.scrollHeight).to.be.greaterThan(root.clientHeight);
    const overflow = frame.contentWindow!.getComputedStyle(doc.documentElement).overflowY;
    expect(overflow).to.not.equal('hidden');
    expect(abs('/')).to.include(location.host);
  });
});

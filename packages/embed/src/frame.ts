/**
 * `frame.html`'s script: for CMSes that strip `<script>` but allow `<iframe>`. Renders one element
 * from URL parameters, loading only that element's code, and tells the parent page its height.
 *
 * `frame.html?element=catalog|wallet|tracker|card|verify&src=<https URL>&lang=es&variant=compact&theme=dark`
 * plus each element's own options (frame/params.ts, and the package README). A parameter that is
 * unknown, unsafe (a `javascript:`, `data:` or relative `src`) or malformed shows a translated
 * message instead, naming each mistake. The height protocol is in frame/size.ts.
 * @packageDocumentation
 */
import {
  FRAME_OPTIONS,
  frameLang,
  readFrameParams,
  type FrameLang,
  type FrameProblem,
} from './frame/params.js';
import { createFrameElement, loadElement } from './frame/render.js';
import { reportHeight } from './frame/size.js';
import { FRAME_STRINGS, type FrameStrings } from './frame/strings.js';
import { FRAME_STRINGS_MORE } from './frame/strings-more.js';

const main = document.querySelector('main')!;
const params = new URLSearchParams(location.search);
const spec = readFrameParams(params);

/** An element with text (and optional attributes). */
function el(tag: string, content: string | Node[], attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (typeof content === 'string') node.textContent = content;
  else node.append(...content);
  return node;
}

/** The message shown instead of an element: every problem, in `lang`. */
function problemsIn(lang: FrameLang, problems: FrameProblem[]): HTMLElement {
  const t = FRAME_STRINGS[lang];
  const element = params.get('element') ?? 'card';
  const options = FRAME_OPTIONS[element as keyof typeof FRAME_OPTIONS];
  const items = problems.map((p) => {
    let line = t.problem[p.code](p);
    if (p.code === 'unknown-parameter' && options) {
      const names = [
        'src',
        'lang',
        'theme',
        ...(['card', 'verify', 'tracker'].includes(element) ? ['variant'] : []),
      ];
      line += ` ${t.allowed([...names, ...Object.keys(options)].join(', '))}`;
    }
    return el('li', line);
  });
  return el(
    'section',
    [el('h1', t.problemHeading), el('p', t.problemLead), el('ul', items), el('p', t.problemHelp)],
    { class: 'problem', lang },
  );
}

if (Array.isArray(spec)) {
  // A bad `lang` cannot choose the language of the message: say it in both.
  const lang = frameLang(params.get('lang') ?? 'en');
  // Arabic, Chinese, Vietnamese: the webmaster's message is in English.
  const langs: FrameLang[] = lang ? [lang === 'es' ? 'es' : 'en'] : ['en', 'es'];
  document.documentElement.lang = langs[0]!;
  document.title = langs.map((l) => FRAME_STRINGS[l].problemHeading).join(' / ');
  main.replaceChildren(...langs.map((l) => problemsIn(l, spec)));
} else {
  const t: FrameStrings =
    spec.lang === 'en' || spec.lang === 'es'
      ? FRAME_STRINGS[spec.lang]
      : { ...FRAME_STRINGS.en, ...FRAME_STRINGS_MORE[spec.lang] };
  document.documentElement.lang = spec.lang;
  // The elements take their direction from the page: Arabic is right to left.
  document.documentElement.dir = spec.lang === 'ar' ? 'rtl' : 'ltr';
  document.documentElement.dataset.theme = spec.theme;
  document.title = t.title[spec.element];
  const status = el('p', t.loading, { role: 'status', class: 'loading' });
  const heading =
    spec.element === 'catalog' || spec.element === 'wallet'
      ? [el('h1', t.title[spec.element], { class: 'visually-hidden' })]
      : [];
  main.replaceChildren(...heading, status);
  const element = createFrameElement(spec);
  if (spec.element === 'card' || spec.element === 'verify') {
    // The page's title names the credential once it is read.
    element.addEventListener('mc-load', (e) => {
      const name = (e as Event & { view?: { name?: string } }).view?.name;
      if (name) document.title = `${name} — ${t.title[spec.element]}`;
    });
  }
  loadElement(spec.element).then(
    () => status.replaceWith(element),
    (error: unknown) => {
      console.error('Microcred: could not load the element.', error);
      status.textContent = t.loadFailed;
    },
  );
}

if (window.parent !== window) reportHeight(main, window.parent);

/**
 * The embed builder (builder.html): a form (element, address, language, size, color scheme, accent
 * and corners), a check of the address in words (check-source.ts), a live preview with the element
 * itself, and the two snippets to copy (snippets.ts). Each choice is checked by frame.html's own
 * parameter rules (frame/params.ts), so the builder never offers a frame address the frame refuses.
 */
import {
  FRAME_ELEMENTS,
  httpUrl,
  readFrameParams,
  type FrameElement,
  type FrameLang,
  type FrameSpec,
} from '../frame/params.js';
import { loadElement } from '../frame/render.js';
import { FRAME_STRINGS } from '../frame/strings.js';
import { checkSource, type SourceCheck } from './check-source.js';
import { hostElement, iframeSnippet, scriptSnippet, type ThemeTokens } from './snippets.js';
import { BUILDER_STRINGS, type BuilderStrings } from './strings.js';
import { make } from '../tool-page/make.js';

/** Options of {@link mountBuilder}. */
export interface BuilderOptions {
  /** The page's language (default English). */
  lang?: FrameLang;
  /** The folder the snippets load Microcred from (default: this page's folder). */
  base?: string;
  /** The first choice (e.g. from the page's address): element, source, records source. */
  initial?: { element?: string | null; src?: string | null; recordsSrc?: string | null };
}

/** The mounted builder. */
export interface Builder {
  /** Changes the page's words (the preview keeps the language chosen for the element). */
  setLang(lang: FrameLang): void;
  /** Resolves when the latest address check and preview are done. */
  settled(): Promise<void>;
}

/** The accent color the elements use by default (light scheme): left out of the snippet. */
const DEFAULT_ACCENT = '#1f5fa6';
const VARIANT_ELEMENTS = new Set<FrameElement>(['card', 'verify', 'tracker']);

/**
 * Builds the builder into `root` (its content is replaced).
 * @example mountBuilder(document.querySelector('#builder')!, { lang: 'es' })
 */
export function mountBuilder(root: HTMLElement, options: BuilderOptions = {}): Builder {
  let t: BuilderStrings = BUILDER_STRINGS[options.lang ?? 'en'];
  const base = options.base ?? new URL('./', location.href).href;
  let check: SourceCheck | undefined;
  let checkedUrl = '';
  let checking = false;
  let pending: Promise<void> = Promise.resolve();

  /** An element whose text is the string at `path` (re-set on a language change). */
  const text = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    path: string,
    attrs: Record<string, string> = {},
  ) => make(tag, { ...attrs, 'data-k': path });
  const radios = (name: string, values: readonly string[], path: string, checked: string): HTMLElement =>
    make(
      'div',
      { class: 'eb-choices' },
      ...values.map((v) =>
        make(
          'label',
          {},
          make('input', { type: 'radio', name, value: v, ...(v === checked ? { checked: '' } : {}) }),
          text('span', `${path}.${v}`),
        ),
      ),
    );

  const initialElement = (FRAME_ELEMENTS as readonly string[]).includes(options.initial?.element ?? '')
    ? (options.initial!.element as FrameElement)
    : 'card';
  const form = make('form', { class: 'eb-form', novalidate: '' });
  const elementSet = make(
    'fieldset',
    { class: 'eb-field' },
    text('legend', 'elementLegend'),
    radios('element', FRAME_ELEMENTS, 'elements', initialElement),
  );
  const srcInput = make('input', {
    type: 'url',
    id: 'eb-src',
    name: 'src',
    inputmode: 'url',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'eb-src-hint eb-check',
  });
  srcInput.value = options.initial?.src ?? '';
  const checkLine = make('p', { id: 'eb-check', class: 'eb-check', role: 'status' });
  const srcField = make(
    'div',
    { class: 'eb-field' },
    make('label', { for: 'eb-src', id: 'eb-src-label' }),
    make('p', { id: 'eb-src-hint', class: 'eb-hint' }),
    make('div', { class: 'eb-row' }, srcInput, text('button', 'check', { type: 'submit' })),
    checkLine,
  );
  const recordsInput = make('input', {
    type: 'url',
    id: 'eb-records',
    name: 'records-src',
    inputmode: 'url',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'eb-records-hint',
  });
  recordsInput.value = options.initial?.recordsSrc ?? '';
  const recordsField = make(
    'div',
    { class: 'eb-field' },
    text('label', 'recordsLabel', { for: 'eb-records' }),
    text('p', 'recordsHint', { id: 'eb-records-hint', class: 'eb-hint' }),
    recordsInput,
  );
  const langSelect = make(
    'select',
    { id: 'eb-lang', name: 'lang' },
    text('option', 'langs.en', { value: 'en' }),
    text('option', 'langs.es', { value: 'es' }),
  );
  langSelect.value = options.lang ?? 'en';
  const langField = make(
    'div',
    { class: 'eb-field' },
    text('label', 'langLabel', { for: 'eb-lang' }),
    langSelect,
  );
  const variantSet = make(
    'fieldset',
    { class: 'eb-field' },
    text('legend', 'variantLegend'),
    radios('variant', ['full', 'compact'], 'variants', 'full'),
  );
  const themeSet = make(
    'fieldset',
    { class: 'eb-field' },
    text('legend', 'themeLegend'),
    radios('theme', ['auto', 'light', 'dark'], 'themes', 'auto'),
  );
  const accentInput = make('input', {
    type: 'color',
    id: 'eb-accent',
    name: 'accent',
    value: DEFAULT_ACCENT,
    'aria-describedby': 'eb-accent-hint',
  });
  const accentField = make(
    'div',
    { class: 'eb-field' },
    text('label', 'accentLabel', { for: 'eb-accent' }),
    text('p', 'accentHint', { id: 'eb-accent-hint', class: 'eb-hint' }),
    accentInput,
  );
  const radiusSelect = make(
    'select',
    { id: 'eb-radius', name: 'radius' },
    text('option', 'radii.default', { value: '' }),
    text('option', 'radii.0px', { value: '0px' }),
    text('option', 'radii.1rem', { value: '1rem' }),
  );
  const radiusField = make(
    'div',
    { class: 'eb-field' },
    text('label', 'radiusLabel', { for: 'eb-radius' }),
    radiusSelect,
  );
  form.append(elementSet, srcField, recordsField, langField, variantSet, themeSet, accentField, radiusField);

  // A scrolling region: focusable, so a keyboard can scroll it, and named by its heading.
  const preview = make('div', {
    class: 'eb-preview',
    id: 'eb-preview',
    tabindex: '0',
    role: 'region',
    'aria-labelledby': 'eb-preview-h',
  });
  const snippetBlock = (kind: 'script' | 'iframe') => {
    const area = make('textarea', {
      id: `eb-${kind}`,
      class: 'eb-code',
      readonly: '',
      rows: '5',
      spellcheck: 'false',
      'aria-labelledby': `eb-${kind}-h`,
      'aria-describedby': `eb-${kind}-hint`,
    });
    const copied = make('p', { class: 'eb-copied', role: 'status' });
    const button = text('button', 'copy', { type: 'button', class: 'secondary', 'data-copy': kind });
    button.addEventListener('click', () => {
      const done = (ok: boolean): void => {
        copied.textContent = ok ? t.copied : t.copyFailed;
        if (!ok) area.select();
      };
      if (!navigator.clipboard) return done(false);
      navigator.clipboard.writeText(area.value).then(
        () => done(true),
        () => done(false),
      );
    });
    const section = make(
      'section',
      { class: 'eb-snippet', 'aria-labelledby': `eb-${kind}-h` },
      text('h2', `${kind}Heading`, { id: `eb-${kind}-h` }),
      make('p', { id: `eb-${kind}-hint`, class: 'eb-hint' }, text('span', `${kind}Hint`)),
      area,
      make('div', { class: 'eb-row' }, button),
      copied,
    );
    return { section, area, copied, button };
  };
  const script = snippetBlock('script');
  const iframe = snippetBlock('iframe');
  const tokensNote = text('span', 'iframeTokens');
  iframe.section.querySelector('.eb-hint')!.append(' ', tokensNote);

  root.classList.add('mc-tool');
  root.replaceChildren(
    make(
      'div',
      { class: 'eb-layout' },
      make(
        'section',
        { class: 'eb-choose', 'aria-labelledby': 'eb-choose-h' },
        text('h2', 'chooseHeading', { id: 'eb-choose-h' }),
        form,
      ),
      make(
        'div',
        { class: 'eb-out' },
        make('div', {}, text('h2', 'previewHeading', { id: 'eb-preview-h' }), preview),
        script.section,
        iframe.section,
      ),
    ),
  );

  const value = (name: string): string =>
    form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
  const element = (): FrameElement => value('element') as FrameElement;
  const tokens = (): ThemeTokens => ({
    ...(accentInput.value.toLowerCase() !== DEFAULT_ACCENT ? { accent: accentInput.value } : {}),
    ...(radiusSelect.value ? { radius: radiusSelect.value } : {}),
  });

  /** The choice as frame.html would read it, or undefined when the address is not usable. */
  function spec(): FrameSpec | undefined {
    const el = element();
    const params = new URLSearchParams({ element: el, src: srcInput.value.trim(), lang: langSelect.value });
    if (VARIANT_ELEMENTS.has(el)) params.set('variant', value('variant'));
    params.set('theme', value('theme'));
    if (el === 'tracker' && recordsInput.value.trim()) params.set('records-src', recordsInput.value.trim());
    const read = readFrameParams(params);
    return Array.isArray(read) ? undefined : read;
  }

  /** The frame's title: the thing's own name when the check found one, then what it is. */
  function frameTitle(s: FrameSpec): string {
    const what = FRAME_STRINGS[s.lang === 'es' ? 'es' : 'en'].title[s.element];
    return check?.ok && check.name && checkedUrl === s.src ? `${check.name} — ${what}` : what;
  }

  function renderWords(): void {
    for (const el of root.querySelectorAll<HTMLElement>('[data-k]')) {
      const found = el.dataset
        .k!.split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], t);
      if (typeof found === 'string') el.textContent = found;
    }
    const el = element();
    srcField.querySelector('label')!.textContent = t.srcLabel[el];
    srcField.querySelector('.eb-hint')!.textContent = t.srcHint[el];
    script.button.setAttribute('aria-label', t.copyScriptLabel);
    iframe.button.setAttribute('aria-label', t.copyIframeLabel);
    recordsField.hidden = el !== 'tracker';
    variantSet.hidden = !VARIANT_ELEMENTS.has(el);
    const src = srcInput.value.trim();
    if (checking) {
      checkLine.dataset.state = 'checking';
      checkLine.textContent = t.checking;
    } else if (src && !httpUrl(src)) {
      checkLine.dataset.state = 'bad';
      checkLine.textContent = t.badUrl;
    } else if (check && checkedUrl === src) {
      checkLine.dataset.state = check.ok ? 'good' : 'bad';
      checkLine.textContent = check.ok ? t.good(check) : t.problem(check, src, el);
    } else {
      checkLine.dataset.state = '';
      checkLine.textContent = '';
    }
  }

  /** Preview and snippets for the current choice. */
  async function renderOutput(): Promise<void> {
    const s = spec();
    script.copied.textContent = '';
    iframe.copied.textContent = '';
    if (!s) {
      preview.replaceChildren(text('p', 'previewEmpty', { class: 'eb-hint' }));
      preview.querySelector('p')!.textContent = t.previewEmpty;
      script.area.value = '';
      iframe.area.value = '';
      return;
    }
    script.area.value = scriptSnippet(s, tokens(), base);
    iframe.area.value = iframeSnippet(s, frameTitle(s), base);
    const el = hostElement(s, tokens());
    el.setAttribute('heading-level', '3');
    preview.replaceChildren(el);
    await loadElement(s.element);
  }

  /** Checks the address (when it changed) and shows the result, then the preview. */
  function update(recheck: boolean): Promise<void> {
    const src = srcInput.value.trim();
    const usable = httpUrl(src) !== undefined;
    const el = element();
    if (recheck && usable) {
      checking = true;
      check = undefined;
    }
    renderWords();
    const output = renderOutput();
    if (!(recheck && usable)) return (pending = output);
    pending = Promise.all([
      output,
      checkSource(el, src).then(
        (result) => {
          // The address or the element changed meanwhile: a newer check answers instead.
          if (srcInput.value.trim() !== src || element() !== el) return;
          check = result;
          checkedUrl = src;
          checking = false;
          renderWords();
          const s = spec();
          if (s) iframe.area.value = iframeSnippet(s, frameTitle(s), base);
        },
        () => {
          checking = false;
          renderWords();
        },
      ),
    ]).then(() => undefined);
    return pending;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void update(true);
  });
  form.addEventListener('change', (e) => {
    const target = e.target as HTMLElement;
    // A new address or another element: the address is checked again for what is now wanted.
    const recheck = target === srcInput || (target as HTMLInputElement).name === 'element';
    void update(recheck);
  });

  void update(Boolean(srcInput.value.trim()));
  return {
    setLang(lang) {
      t = BUILDER_STRINGS[lang];
      renderWords();
      if (!spec()) void renderOutput();
    },
    settled: () => pending,
  };
}

/**
 * The "verify anything" tool of verify.html (and of the demo's verify page): a drop zone and file
 * picker, a web-address field and a paste box; each input is read (read-input.ts) into one card per
 * credential, each with a verify button that starts at once and opens its list of checks. A web
 * address becomes the page's `?src=`, so the check can be shared as a link.
 */
import '@microcred/elements/credential-card/mc-credential-card.js';
import '@microcred/elements/verify-button/mc-verify-button.js';
import { ReadError, readFile, readText, type ReadResult } from './read-input.js';
import { VERIFY_PAGE_STRINGS, type VerifyPageLang, type VerifyPageStrings } from './strings.js';
import { make } from '../tool-page/make.js';

/** Options of {@link mountVerifyTool}. */
export interface VerifyToolOptions {
  /** The language to start in (default English). */
  lang?: VerifyPageLang;
  /** Carries every request of the verifications (default: the browser's `fetch`). */
  fetch?: typeof globalThis.fetch;
  /** Level of the tool's section headings (default 2); the cards' names are one below. */
  headingLevel?: number;
  /** Keep a web address in the page's `?src=` (default true). */
  shareInUrl?: boolean;
  /**
   * Put the result before the inputs (default false): for a page opened from a shared link
   * (`?src=`), whose reader came for that result.
   */
  resultFirst?: boolean;
}

/** What a person gave. */
export type VerifyInput =
  { kind: 'file'; file: Blob } | { kind: 'text'; text: string } | { kind: 'url'; url: string };

/** The mounted tool. */
export interface VerifyTool {
  /** Reads and verifies `input` (what the controls do). Resolves once every card is verified or failed. */
  check(input: VerifyInput): Promise<void>;
  /** Changes the tool's language (the elements follow the page's `lang` on their own). */
  setLang(lang: VerifyPageLang): void;
}

const FILE_TYPES =
  '.png,.svg,.json,.jsonld,.jws,.jwt,.txt,.cose,.cbor,image/png,image/svg+xml,application/json';

type Status =
  | { key: 'nothingYet' | 'reading' }
  | { key: 'shown'; n: number }
  | { key: 'presentation'; n: number; shown: number };

/**
 * Builds the tool into `root` (its content is replaced) and returns it.
 * @example mountVerifyTool(document.querySelector('#verify')!, { lang: 'es' })
 */
export function mountVerifyTool(root: HTMLElement, options: VerifyToolOptions = {}): VerifyTool {
  let lang: VerifyPageLang = options.lang ?? 'en';
  let t: VerifyPageStrings = VERIFY_PAGE_STRINGS[lang];
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 2));
  let status: Status = { key: 'nothingYet' };
  let problem: ReadError['code'] | undefined;
  let shared: string | undefined;
  let generation = 0;

  /** An element whose text is the string `key` (re-set on a language change). */
  const text = <K extends keyof HTMLElementTagNameMap>(tag: K, key: keyof VerifyPageStrings, attrs = {}) =>
    make(tag, { ...attrs, 'data-k': key });

  // The browser's own file control speaks the browser's language, not the page's: it is hidden
  // (still focusable and labelled) behind a label that looks like a button.
  const fileInput = make('input', {
    type: 'file',
    id: 'vp-file',
    class: 'visually-hidden',
    accept: FILE_TYPES,
    'aria-describedby': 'vp-drop-text vp-file-hint',
  });
  const drop = make(
    'div',
    { class: 'vp-drop' },
    text('p', 'dropLabel', { id: 'vp-drop-text', class: 'vp-drop-label' }),
    text('p', 'dropHint', { id: 'vp-file-hint', class: 'vp-hint' }),
    fileInput,
    text('label', 'chooseFile', { for: 'vp-file', class: 'vp-file-button' }),
  );
  const urlInput = make('input', {
    type: 'url',
    id: 'vp-url',
    inputmode: 'url',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'vp-url-hint',
  });
  const urlForm = make(
    'form',
    { class: 'vp-form', 'data-form': 'url' },
    text('label', 'urlLabel', { for: 'vp-url' }),
    text('p', 'urlHint', { id: 'vp-url-hint', class: 'vp-hint' }),
    make('div', { class: 'vp-row' }, urlInput, text('button', 'check', { type: 'submit' })),
  );
  const pasteInput = make('textarea', {
    id: 'vp-paste',
    rows: '4',
    spellcheck: 'false',
    'aria-describedby': 'vp-paste-hint',
  });
  const pasteForm = make(
    'form',
    { class: 'vp-form', 'data-form': 'paste' },
    text('label', 'pasteLabel', { for: 'vp-paste' }),
    text('p', 'pasteHint', { id: 'vp-paste-hint', class: 'vp-hint' }),
    pasteInput,
    make('div', { class: 'vp-row' }, text('button', 'check', { type: 'submit' })),
  );
  const statusLine = make('p', { class: 'vp-status', role: 'status' });
  const problemLine = make('p', { class: 'vp-problem', role: 'alert' });
  const shareInput = make('input', { id: 'vp-share-url', readonly: '', 'aria-describedby': 'vp-share-hint' });
  const copyButton = text('button', 'copy', { type: 'button' });
  const copiedLine = make('p', { class: 'vp-copied', role: 'status' });
  const share = make(
    'div',
    { class: 'vp-share' },
    text('label', 'shareLabel', { for: 'vp-share-url' }),
    make('div', { class: 'vp-row' }, shareInput, copyButton),
    text('p', 'shareHint', { id: 'vp-share-hint', class: 'vp-hint' }),
    copiedLine,
  );
  const noShare = text('p', 'noShare', { class: 'vp-hint vp-noshare' });
  const cards = make('ol', { class: 'vp-cards' });
  const h = (key: keyof VerifyPageStrings, id: string) => text(`h${level}` as 'h2', key, { id });
  const give = make(
    'section',
    { class: 'vp-give', 'aria-labelledby': 'vp-give-h' },
    h(options.resultFirst ? 'giveAnotherHeading' : 'giveHeading', 'vp-give-h'),
    drop,
    urlForm,
    pasteForm,
  );
  const result = make(
    'section',
    { class: 'vp-result', 'aria-labelledby': 'vp-result-h' },
    h('resultHeading', 'vp-result-h'),
    statusLine,
    problemLine,
    share,
    noShare,
    cards,
  );
  root.classList.add('mc-tool');
  root.replaceChildren(...(options.resultFirst ? [result, give] : [give, result]));

  function render(): void {
    for (const el of root.querySelectorAll<HTMLElement>('[data-k]')) {
      const value = t[el.dataset.k as keyof VerifyPageStrings];
      if (typeof value === 'string') el.textContent = value;
    }
    statusLine.textContent =
      status.key === 'shown'
        ? t.shown(status.n)
        : status.key === 'presentation'
          ? t.presentation(status.n, status.shown)
          : t[status.key];
    problemLine.textContent = problem ? t.problem[problem] : '';
    problemLine.hidden = !problem;
    share.hidden = !shared;
    shareInput.value = shared ?? '';
    noShare.hidden = shared !== undefined || (status.key !== 'shown' && status.key !== 'presentation');
  }

  function showCards(result: ReadResult, fetchOption: typeof fetch | undefined): Promise<void>[] {
    return result.targets.map(async (target) => {
      const card = document.createElement('mc-credential-card');
      card.setAttribute('heading-level', String(level + 1));
      if (target.kind === 'url') card.setAttribute('src', target.url);
      else card.credential = target.text;
      const button = document.createElement('mc-verify-button');
      button.slot = 'status';
      if (fetchOption) button.fetch = fetchOption;
      card.append(button);
      cards.append(make('li', { class: 'vp-item' }, card));
      await button.updateComplete;
      await button.verify();
      await button.updateComplete;
      // The full verification: every check, not only the summary (the button's `checks` part).
      button.shadowRoot?.querySelector('details[part~="checks"]')?.setAttribute('open', '');
    });
  }

  async function check(input: VerifyInput): Promise<void> {
    const mine = ++generation;
    cards.replaceChildren();
    problem = undefined;
    shared = undefined;
    status = { key: 'reading' };
    render();
    if (input.kind === 'url') urlInput.value = input.url;
    let result: ReadResult;
    try {
      result =
        input.kind === 'file'
          ? await readFile(input.file)
          : readText(input.kind === 'url' ? input.url.trim() : input.text);
    } catch (e) {
      if (mine !== generation) return;
      problem = e instanceof ReadError ? e.code : 'not-a-credential';
      status = { key: 'nothingYet' };
      render();
      return;
    }
    if (mine !== generation) return;
    const [only] = result.targets;
    if (result.targets.length === 1 && only?.kind === 'url' && input.kind !== 'file') {
      const link = new URL(location.href);
      link.searchParams.set('src', only.url);
      shared = link.href;
      if (options.shareInUrl !== false) history.replaceState(history.state, '', link);
    } else if (options.shareInUrl !== false && new URL(location.href).searchParams.has('src')) {
      const link = new URL(location.href);
      link.searchParams.delete('src');
      history.replaceState(history.state, '', link);
    }
    status = result.presentation
      ? { key: 'presentation', n: result.presentation, shown: result.targets.length }
      : { key: 'shown', n: result.targets.length };
    render();
    await Promise.all(showCards(result, options.fetch));
  }

  const handleFiles = (files: FileList | null | undefined): void => {
    const file = files?.[0];
    if (file) void check({ kind: 'file', file });
  };
  fileInput.addEventListener('change', () => handleFiles(fileInput.files));
  // The whole tool takes a drop, so a file dropped beside the zone does not open in the tab instead.
  root.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    drop.classList.add('is-over');
  });
  root.addEventListener('dragleave', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) drop.classList.remove('is-over');
  });
  root.addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    drop.classList.remove('is-over');
    handleFiles(e.dataTransfer.files);
  });
  urlForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void check({ kind: 'url', url: urlInput.value });
  });
  pasteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void check({ kind: 'text', text: pasteInput.value });
  });
  copyButton.addEventListener('click', () => {
    const done = (ok: boolean): void => {
      copiedLine.textContent = ok ? t.copied : t.copyFailed;
      if (!ok) shareInput.select();
    };
    if (!navigator.clipboard) return done(false);
    navigator.clipboard.writeText(shareInput.value).then(
      () => done(true),
      () => done(false),
    );
  });

  render();
  return {
    check,
    setLang(next) {
      lang = next;
      t = VERIFY_PAGE_STRINGS[lang];
      copiedLine.textContent = '';
      render();
    },
  };
}

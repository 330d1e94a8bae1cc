/**
 * `builder.html`'s script: the embed builder, for a webmaster or an educator who cannot write code.
 * Pick an element, give its address, pick language, size and look, see the preview, copy the script
 * snippet or the frame snippet. `?element=…&src=…` opens it with that choice; `?lang=es` in Spanish.
 * The builder itself is builder/app.ts.
 * @packageDocumentation
 */
import { mountBuilder } from './builder/app.js';
import { BUILDER_STRINGS } from './builder/strings.js';
import { langSwitch, startLang } from './tool-page/lang.js';

const params = new URLSearchParams(location.search);
const lang = startLang();
const builder = mountBuilder(document.querySelector<HTMLElement>('#builder')!, {
  lang,
  initial: { element: params.get('element'), src: params.get('src'), recordsSrc: params.get('records-src') },
});

langSwitch(document.querySelector<HTMLButtonElement>('#lang-switch')!, lang, (next) => {
  const t = BUILDER_STRINGS[next];
  document.title = t.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-page-k]'))
    el.textContent = t[el.dataset.pageK as 'heading' | 'lede'];
  builder.setLang(next);
});

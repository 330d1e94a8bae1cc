/**
 * The frame's height protocol. The frame measures its content (the `main` element, not the
 * viewport, so the height shrinks as well as grows) and tells the parent page, in three forms:
 *
 * - `{ type: 'mc-frame-size', height }` — Microcred's own message (an object).
 * - `{ message: 'height', value: height, secret }` — WordPress's embed protocol (`wp-embed.js`), sent
 *   when the frame's address ends in `#?secret=<letters and digits>` as WordPress adds to the
 *   iframes of its embeds (`iframe.wp-embedded-content[data-secret]`); sent again when the host says
 *   `{ message: 'ready', secret }`.
 * - `'{"context":"iframe.resize","src":…,"height":…}'` — the JSON string Embedly-style
 *   iframe resizers read (they match the iframe by `src`, the frame's own address).
 *
 * While a `<dialog>` inside an element is open, the height asked for is at least the dialog's
 * whole content, so a details dialog opened in a short frame can be read whole once the host grows
 * the frame; when it closes the frame asks for its content's height again.
 * @packageDocumentation
 */

/** Room around an open dialog: its margins and border, so it is not cut at the frame's edge (px). */
const DIALOG_ROOM = 40;

/** The WordPress embed secret in the frame's address (`#?secret=abc123`), if any. */
export function embedSecret(hash: string): string | undefined {
  return /[#?&]secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(hash)?.[1];
}

/** Every `<dialog>` in `root` and in the open shadow roots below it. */
function dialogsIn(root: ParentNode, out: HTMLDialogElement[] = []): HTMLDialogElement[] {
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLDialogElement) out.push(el);
    if (el.shadowRoot) dialogsIn(el.shadowRoot, out);
  }
  return out;
}

/** The height the frame needs: its content, or an open dialog's whole content when taller. */
export function neededHeight(content: Element): number {
  let height = content.getBoundingClientRect().height;
  for (const dialog of dialogsIn(content)) {
    if (!dialog.open) continue;
    const border = dialog.offsetHeight - dialog.clientHeight;
    height = Math.max(height, dialog.scrollHeight + border + DIALOG_ROOM);
  }
  return Math.ceil(height);
}

/**
 * Starts reporting `content`'s height to `target` (the parent window) whenever it changes: the
 * content resizing, a dialog opening, closing or resizing, or an element rendering new markup.
 * Returns a function that stops it.
 */
export function reportHeight(content: HTMLElement, target: Window, href = location.href): () => void {
  const secret = embedSecret(new URL(href).hash);
  let last = -1;
  const send = (force = false): void => {
    const height = neededHeight(content);
    if (height === last && !force) return;
    last = height;
    target.postMessage({ type: 'mc-frame-size', height }, '*');
    if (secret) target.postMessage({ message: 'height', value: height, secret }, '*');
    target.postMessage(JSON.stringify({ context: 'iframe.resize', src: href, height }), '*');
  };
  const sizes = new ResizeObserver(() => send());
  sizes.observe(content);
  const watchedBoxes = new WeakSet<Element>();
  const watchedRoots = new WeakSet<Node>();
  // A dialog opening or closing changes no layout size of the content: watch its `open` attribute,
  // and its own size, in every shadow root an element renders.
  const mutations = new MutationObserver(() => {
    watch(content);
    send();
  });
  const watch = (root: ParentNode): void => {
    for (const el of root.querySelectorAll('*')) {
      // A dialog's own box stops at the viewport (max-block-size): its children's sizes say when
      // its content grows.
      if (el instanceof HTMLDialogElement)
        for (const box of [el, ...el.children])
          if (!watchedBoxes.has(box)) {
            watchedBoxes.add(box);
            sizes.observe(box);
          }
      if (!el.shadowRoot) continue;
      if (!watchedRoots.has(el.shadowRoot)) {
        watchedRoots.add(el.shadowRoot);
        mutations.observe(el.shadowRoot, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['open'],
        });
      }
      // Walked every time: a watched root may have rendered a dialog's content since.
      watch(el.shadowRoot);
    }
  };
  mutations.observe(content, { childList: true, subtree: true, attributes: true, attributeFilter: ['open'] });
  watch(content);
  const onMessage = (e: MessageEvent): void => {
    const data = e.data as { message?: unknown; secret?: unknown } | null;
    if (secret && e.source === target && data?.message === 'ready' && data.secret === secret) send(true);
  };
  window.addEventListener('message', onMessage);
  send();
  return () => {
    sizes.disconnect();
    mutations.disconnect();
    window.removeEventListener('message', onMessage);
  };
}

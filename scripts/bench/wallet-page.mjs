/* global document, requestAnimationFrame, wallet */
// The Chromium half of the wallet benchmark (bundled by esbuild from scripts/bench/wallet.mjs):
// <mc-badge-wallet> in display mode with many credentials, imported the way an app imports it.
import '../../packages/elements/src/badge-wallet/mc-badge-wallet.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Waits until the wallet and every card it rendered have finished updating. */
async function settled(el) {
  await el.updateComplete;
  for (let i = 0; i < 50; i++) {
    const cards = [...el.shadowRoot.querySelectorAll('mc-credential-card')];
    if (cards.length) {
      await Promise.all(cards.map((c) => c.updateComplete));
      return cards.length;
    }
    await nextFrame();
  }
  return 0;
}

globalThis.mcWalletBench = {
  /** `n` distinct credentials made from a template (a new id and name each). */
  make(template, n) {
    return Array.from({ length: n }, (_, i) => ({
      ...template,
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `${['Robotics', 'Literacy', 'Algebra', 'Science', 'Coaching'][i % 5]} credential ${i + 1}`,
    }));
  },
  /** ms from setting `credentials` on a new wallet to its first cards rendered; cards rendered. */
  async firstRender(credentials) {
    document.body.replaceChildren();
    await nextFrame();
    const t = performance.now();
    const el = document.createElement('mc-badge-wallet');
    el.now = NOW;
    el.credentials = credentials;
    document.body.append(el);
    await el.updateComplete;
    const wallet = performance.now() - t;
    const cards = await settled(el);
    const ms = performance.now() - t;
    globalThis.wallet = el;
    return { ms, cards, wallet };
  },
  /** ms until every credential is summarised (background indexing, done before filtering). */
  async indexAll() {
    const t = performance.now();
    const input = wallet.shadowRoot.querySelector('input[type=search]');
    input.value = ' ';
    input.dispatchEvent(new Event('input'));
    await wallet.updateComplete;
    const ms = performance.now() - t;
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await settled(wallet);
    return ms;
  },
  /** ms of each keystroke typing `text` into the search box (filter + render of the first rows). */
  async type(text) {
    const input = wallet.shadowRoot.querySelector('input[type=search]');
    const times = [];
    for (let i = 1; i <= text.length; i++) {
      await nextFrame();
      const t = performance.now();
      input.value = text.slice(0, i);
      input.dispatchEvent(new Event('input'));
      await settled(wallet);
      times.push(performance.now() - t);
    }
    return { times, shown: wallet.shownCount };
  },
  heap() {
    return performance.memory?.usedJSHeapSize ?? 0;
  },
};

import { expect, oneEvent } from '@open-wc/testing';

// The built embed bundle (npm run build runs before the browser tests in `npm test`).
const dist = '/packages/embed/dist';

describe('embed bundle (built)', () => {
  it('microcred.js registers <mc-credential-card> and renders a real credential', async () => {
    await import(/* @vite-ignore */ `${dist}/microcred.js`);
    const ctor = customElements.get('mc-credential-card');
    expect(ctor, 'mc-credential-card is registered').to.not.equal(undefined);
    const el = document.createElement('mc-credential-card') as HTMLElement & { state: string };
    el.setAttribute('src', '/vectors/obv3-examples/ref/full_ex.json');
    const loaded = oneEvent(el, 'mc-load');
    document.body.append(el);
    await loaded;
    expect(el.state).to.equal('loaded');
    expect(el.shadowRoot!.textContent).to.include('1EdTech University Degree for Example Student');
    el.remove();
  });

  it('frame.html renders the card from URL parameters under its strict CSP and reports its height', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'Credential';
    frame.style.width = '600px';
    // frame.html takes only absolute http(s) sources (test/embed/frame.test.ts).
    const src = encodeURIComponent(new URL('/vectors/obv3-examples/ref/full_ex.json', location.origin).href);
    frame.src = `${dist}/frame.html?src=${src}&lang=es`;
    const sized = new Promise<number>((resolve) => {
      const handle = (e: MessageEvent) => {
        const data = e.data as { type?: string; height?: number };
        if (e.source === frame.contentWindow && data.type === 'mc-frame-size' && (data.height ?? 0) > 200) {
          window.removeEventListener('message', handle);
          resolve(data.height!);
        }
      };
      window.addEventListener('message', handle);
    });
    document.body.append(frame);
    const height = await sized;
    expect(height).to.be.greaterThan(200);
    const doc = frame.contentDocument!;
    expect(doc.documentElement.lang).to.equal('es');
    const card = doc.querySelector('mc-credential-card') as HTMLElement & { state: string };
    expect(card.state).to.equal('loaded');
    frame.remove();
  });
});

// <mc-badge-wallet> curation and sharing in Chromium: reordering by pointer (drag and drop) and by
// keyboard (focus stays on the moved credential), the expired chip said once, filter menus filled
// from every credential, the QR code, rendered and decoded back to the credential's address, and export:
// JSON/JWS as given, baked into the credential's own PNG or SVG image (2.0 assertions the 2.0 way).
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { unbake } from '@microcred/core';
import type { McBadgeWallet } from '@microcred/elements/badge-wallet/badge-wallet.js';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, V } from './helpers/card.js';
import {
  deleteWallets,
  filledWallet,
  json,
  manyCredentials,
  ownerWallet,
  root,
  statusText,
  until,
} from './helpers/wallet.js';
import { focusLands } from './helpers/focus.js';
import { WalletHarness } from './harness/wallet.js';
import { CardHarness } from './harness/card.js';

afterEach(async () => {
  unmountAll();
  await deleteWallets();
});

const names = (el: McBadgeWallet): (string | undefined)[] =>
  new WalletHarness(el).items.map((t) => t.querySelector('mc-credential-card')!.view?.name);
const tile = (el: McBadgeWallet, name: string): HTMLElement =>
  new WalletHarness(el).items.find((t) => t.querySelector('mc-credential-card')!.view?.name === name)!;
/** A point near the top middle of `e`, in viewport pixels. */
const point = (e: Element): { x: number; y: number } => {
  const r = e.getBoundingClientRect();
  return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + 20) };
};

describe('<mc-badge-wallet> reordering', () => {
  it('reorders by pointer: dragging a credential onto another puts it before that one, and keeps it', async () => {
    const el = await filledWallet(3);
    expect(names(el)).to.deep.equal(['Credential 1', 'Credential 2', 'Credential 3']);
    const from = tile(el, 'Credential 3').querySelector('mc-credential-card')!;
    const to = tile(el, 'Credential 1').querySelector('mc-credential-card')!;
    await executeServerCommand('mc-drag', { from: point(from), to: point(to) });
    await until(el, () => names(el)[0] === 'Credential 3');
    expect(names(el)).to.deep.equal(['Credential 3', 'Credential 1', 'Credential 2']);
    expect(statusText(el)).to.equal('Credential 3 moved to position 1.');
    const key = el.getAttribute('storage-key')!;
    unmountAll();
    const again = await ownerWallet(key);
    expect(again.records.map((r) => r.summary.name)).to.deep.equal([
      'Credential 3',
      'Credential 1',
      'Credential 2',
    ]);
  });
});

describe('<mc-badge-wallet> keyboard reordering', () => {
  it('keeps focus on the moved credential, and on its other move button at an end', async () => {
    const el = await filledWallet(3);
    const h = new WalletHarness(el);
    const later = (name: string) => h.moveButtons(tile(el, name))[1]!;
    later('Credential 1').focus();
    later('Credential 1').click();
    // Focus comes back once the moved tile has rendered in its new place.
    await until(el, () => names(el)[1] === 'Credential 1');
    await focusLands(root(el), () => later('Credential 1'));
    later('Credential 1').click();
    await until(el, () => names(el)[2] === 'Credential 1');
    // Last now: "Move later" is disabled, so focus goes to its "Move earlier".
    expect(later('Credential 1').disabled).to.be.true;
    await focusLands(root(el), () => h.moveButtons(tile(el, 'Credential 1'))[0]!);
    expect(statusText(el)).to.equal('Credential 1 moved to position 3.');
  });

  it('keeps focus on the moved credential in a virtualised wallet (more than 60)', async () => {
    const el = await filledWallet(70);
    const h = new WalletHarness(el);
    const key = el.records.find((r) => r.summary.name === 'Credential 2')!.key;
    await until(el, () => !!h.grids[0]?.classList.contains('virtual') && !!h.item(key));
    const later = () => h.moveButtons(h.item(key)!)[1]!;
    later().focus();
    later().click();
    const third = () => h.items[2]!;
    await until(el, () => third().dataset['key'] === key);
    await focusLands(root(el), later);
    expect(third().contains(later())).to.be.true;
  });
});

describe('<mc-badge-wallet> status and filters', () => {
  it('says "Expired" once on an expired credential (the chip, not also the card flag)', async () => {
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${[await json(V.expired)]} .now=${NOW}></mc-badge-wallet>`,
    );
    await until(el, () => !!root(el).querySelector('mc-credential-card')?.view);
    const h = new WalletHarness(el);
    const card = h.items[0]!.querySelector('mc-credential-card')!;
    await card.updateComplete;
    expect(h.chips).to.deep.equal(['Expired']);
    const flag = CardHarness.of(card).expiredFlag!;
    expect(flag, 'the card still marks it (for cards outside a wallet)').to.exist;
    expect(getComputedStyle(flag).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('fills the issuer, type and year menus from every credential once they are summarised', async () => {
    const creds = [
      ...(await manyCredentials(2)),
      await json(
        '/vectors/digital-credentials-public-validator/inspector-vc/src/test/resources/ob30/simple.json',
      ),
    ];
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${creds} .now=${NOW}></mc-badge-wallet>`,
    );
    const options = (label: string) =>
      [...root(el).querySelectorAll('label.field')]
        .find((l) => l.querySelector('span')!.textContent === label)!
        .querySelectorAll('option');
    await until(el, () => options('Issuer').length > 1);
    const issuers = [...options('Issuer')].map((o) => o.value);
    expect(issuers[0]).to.equal('');
    expect(issuers.length).to.equal(3); // "All" and two distinct issuers
    expect(options('Year').length).to.be.above(1);
    expect(options('Type').length).to.be.above(1);
  });
});

/** jsQR (a UMD script) loaded as a classic script: `window.jsQR`. */
async function loadJsQr(): Promise<
  (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null
> {
  const w = window as unknown as {
    jsQR?: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
  };
  if (!w.jsQR) {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
  }
  return w.jsQR!;
}

/** Draws an inline SVG onto a canvas (8 px a module) and returns its pixels. */
async function rasterize(svg: SVGSVGElement): Promise<ImageData> {
  const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(w * 8));
  copy.setAttribute('height', String(h * 8));
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }),
  );
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * 8;
  canvas.height = h * 8;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  URL.revokeObjectURL(url);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

describe('<mc-badge-wallet> sharing and export', () => {
  it("shows a QR code that a scanner reads back as the credential's address", async () => {
    const address = 'https://badges.example.edu/credentials/3732?lang=es&v=1';
    const credential = { ...(await json(V.full)), id: address };
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${[credential]} .now=${NOW}></mc-badge-wallet>`,
    );
    new WalletHarness(el).openDetailsButton.click();
    await until(el, () => !!root(el).querySelector('dialog svg.qr'));
    const svg = root(el).querySelector<SVGSVGElement>('dialog svg.qr')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(
      'QR code of the address where this credential can be verified',
    );
    const pixels = await rasterize(svg);
    const decoded = (await loadJsQr())(pixels.data, pixels.width, pixels.height);
    expect(decoded?.data).to.equal(address);
    await expect(el).to.be.accessible();
  });

  it('shows no QR code for a credential without a public address, and says why', async () => {
    const credential = { ...(await json(V.full)), id: 'urn:uuid:7f0b6a1e-0000-4000-8000-000000000001' };
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${[credential]} .now=${NOW}></mc-badge-wallet>`,
    );
    new WalletHarness(el).openDetailsButton.click();
    await until(el, () => !!root(el).querySelector('dialog .details'));
    expect(root(el).querySelector('dialog svg.qr')).to.equal(null);
    expect(root(el).querySelector('dialog .share')!.textContent).to.contain('has no public address');
  });
  /** Clicks a Download button in the dialog and returns the file it offers (the save itself is prevented). */
  async function downloaded(el: McBadgeWallet, label: string): Promise<{ name: string; bytes: Uint8Array }> {
    const file = new Promise<{ name: string; href: string }>((resolve) => {
      const take = (e: Event) => {
        const a = e.target as HTMLAnchorElement;
        if (!(a instanceof HTMLAnchorElement) || !a.download) return;
        e.preventDefault();
        document.removeEventListener('click', take, true);
        resolve({ name: a.download, href: a.href });
      };
      document.addEventListener('click', take, true);
    });
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('dialog .export button')].find(
      (b) => b.textContent?.trim() === label,
    )!;
    button.click();
    const { name, href } = await file;
    return { name, bytes: new Uint8Array(await (await fetch(href)).arrayBuffer()) };
  }

  async function openFirst(credentials: unknown[], fetcher: typeof fetch = fetch): Promise<McBadgeWallet> {
    const el = await mount<McBadgeWallet>(
      html`<mc-badge-wallet .credentials=${credentials} .now=${NOW} .fetch=${fetcher}></mc-badge-wallet>`,
    );
    new WalletHarness(el).openDetailsButton.click();
    await until(el, () => !!root(el).querySelector('dialog .export'));
    return el;
  }

  it('bakes a credential into its own badge image (PNG), which unbakes to the same credential', async () => {
    const image = new URL('/vectors/openbadges-bakery/test/unbaked.png', location.href).href;
    const source = new Uint8Array(await (await fetch(image)).arrayBuffer());
    const credential = { ...(await json(V.full)), image: { id: image, type: 'Image' } };
    const el = await openFirst([credential]);
    const { name, bytes } = await downloaded(el, 'Baked PNG');
    expect(name).to.match(/\.png$/);
    const baked = await unbake(bytes);
    expect(baked?.source).to.equal('openbadgecredential');
    expect(JSON.parse(baked!.text)).to.deep.equal(credential);
    // The issuer's image itself, chunk for chunk, with the credential added before its end.
    const end = source.length - 12; // IEND
    expect([...bytes.subarray(0, end)]).to.deep.equal([...source.subarray(0, end)]);
  });

  it('bakes into its own SVG image, and into a plain badge when the image cannot be read', async () => {
    const image = new URL('/vectors/openbadges-bakery/test/unbaked.svg', location.href).href;
    const svgText = await (await fetch(image)).text();
    const credential = { ...(await json(V.full)), image: { id: image, type: 'Image' } };
    const own = await downloaded(await openFirst([credential]), 'Baked SVG');
    expect(own.name).to.match(/\.svg$/);
    const text = new TextDecoder().decode(own.bytes);
    const baked = await unbake(text);
    expect(baked?.source).to.equal('openbadges:credential');
    expect(JSON.parse(baked!.text)).to.deep.equal(credential);
    // Everything of the issuer's drawing is still there.
    const shapes = (s: string) => s.match(/<(path|circle|rect|polygon|text|g)\b/g)?.length ?? 0;
    expect(shapes(svgText)).to.be.above(0);
    expect(shapes(text)).to.equal(shapes(svgText));
    unmountAll();

    const offline = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
    const plain = await downloaded(await openFirst([credential], offline), 'Baked PNG');
    expect(JSON.parse((await unbake(plain.bytes))!.text)).to.deep.equal(credential);
  });

  it('bakes an Open Badges 2.0 assertion the 2.0 way, and downloads JSON and JWS as they are', async () => {
    const assertion = await json(V.ob2);
    const el = await openFirst([assertion], (() => Promise.reject(new TypeError('offline'))) as typeof fetch);
    const png = await downloaded(el, 'Baked PNG');
    expect((await unbake(png.bytes))?.source).to.equal('openbadges');
    const svg = await downloaded(el, 'Baked SVG');
    expect((await unbake(new TextDecoder().decode(svg.bytes)))?.source).to.equal('openbadges:assertion');
    const file = await downloaded(el, 'JSON');
    expect(file.name).to.match(/\.json$/);
    expect(JSON.parse(new TextDecoder().decode(file.bytes))).to.deep.equal(assertion);
    unmountAll();

    const jws = ((await (await fetch(V.ob2Jws)).text()) as string).trim();
    const signed = await downloaded(await openFirst([jws]), 'JSON');
    expect(signed.name).to.match(/\.jws$/);
    expect(new TextDecoder().decode(signed.bytes)).to.equal(jws);
  });
});

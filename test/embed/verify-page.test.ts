/**
 * verify.html, BUILT (packages/embed/dist): the "verify anything" page. A baked PNG and a baked SVG
 * (real bakery images, baked with core's own baking code) dropped or picked, pasted JSON and JWS, a
 * `?src=` link, tampered input, an unreachable address ("could not check", never Verified), inputs
 * that are not credentials, English and Spanish (the switch), 320 px, and axe.
 */
import { expect } from '@open-wc/testing';
import { bakePng } from '../../packages/core/src/bake/png.js';
import { bakeSvg } from '../../packages/core/src/bake/svg.js';
import { abs, axeViolations, closePages, deepText, openPage, until } from './frame-helpers.js';

type Button = HTMLElement & {
  state: string;
  report?: { verified: boolean; checks: { id: string; outcome: string; code: string }[] };
};

/** did:key, no status, no expiry: verifies with no network beyond the test server. */
const VALID = abs(
  '/vectors/vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json',
);
/** A CLR 2.0 as a VC-JWT (RS256, its key in the header): its signature is valid (SOURCES.md). */
const CLR_JWS =
  '/vectors/digital-credentials-public-validator/inspector-clr/src/test/resources/clr20/simple.jwt';
const BAKERY = '/vectors/openbadges-bakery/test';
/** Nothing listens on port 9 (discard): the connection is refused. */
const UNREACHABLE = 'http://127.0.0.1:9/credentials/1.json';

const FINAL = ['verified', 'expired', 'revoked', 'invalid', 'unknown', 'error'];

const get = async (path: string): Promise<Response> => {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res;
};

/** Every verify button of the page once each has an answer. */
function answers(frame: HTMLIFrameElement, count = 1): Promise<Button[]> {
  return until(() => {
    const buttons = [...frame.contentDocument!.querySelectorAll<Button>('.vp-cards mc-verify-button')];
    return buttons.length === count && buttons.every((b) => FINAL.includes(b.state)) ? buttons : undefined;
  }, `${count} verification(s) finished`);
}

/** The page's one verify button once it is not `previous` (a new check replaced the cards) and has an answer. */
function nextAnswer(frame: HTMLIFrameElement, previous: Button): Promise<Button> {
  return until(() => {
    const b = frame.contentDocument!.querySelector<Button>('.vp-cards mc-verify-button');
    return b && b !== previous && FINAL.includes(b.state) ? b : undefined;
  }, 'the next verification');
}

/** The checks of a button's report, as `id → outcome:code`. */
const checksOf = (b: Button): Record<string, string> =>
  Object.fromEntries((b.report?.checks ?? []).map((c) => [c.id, `${c.outcome}:${c.code}`]));

/** A File made in the frame's realm (the page reads it as its own). */
function fileIn(frame: HTMLIFrameElement, bytes: BlobPart, name: string, type: string): File {
  const win = frame.contentWindow as Window & typeof globalThis;
  return new win.File([bytes], name, { type });
}

/** Drops `file` on the page's drop zone, as a person dragging it from their desktop. */
function drop(frame: HTMLIFrameElement, file: File): void {
  const win = frame.contentWindow as Window & typeof globalThis;
  const data = new win.DataTransfer();
  data.items.add(file);
  const zone = frame.contentDocument!.querySelector('.vp-drop')!;
  zone.dispatchEvent(new win.DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new win.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

/** Picks `file` with the page's file control. */
function pick(frame: HTMLIFrameElement, file: File): void {
  const win = frame.contentWindow as Window & typeof globalThis;
  const data = new win.DataTransfer();
  data.items.add(file);
  const input = frame.contentDocument!.querySelector<HTMLInputElement>('#vp-file')!;
  input.files = data.files;
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/** Pastes `text` into the paste box and presses its Verify button. */
function paste(frame: HTMLIFrameElement, text: string): void {
  const doc = frame.contentDocument!;
  doc.querySelector<HTMLTextAreaElement>('#vp-paste')!.value = text;
  doc.querySelector<HTMLButtonElement>('[data-form="paste"] button[type="submit"]')!.click();
}

const statusText = (frame: HTMLIFrameElement): string =>
  frame.contentDocument!.querySelector('.vp-status')!.textContent ?? '';
const problemText = (frame: HTMLIFrameElement): string =>
  frame.contentDocument!.querySelector<HTMLElement>('.vp-problem')!.textContent ?? '';

afterEach(closePages);

describe('verify.html: a file dropped or picked (built)', () => {
  it('a baked PNG dropped on the page verifies: card shown, Verified, every check listed and open', async () => {
    const png = new Uint8Array(await (await get(`${BAKERY}/unbaked.png`)).arrayBuffer());
    const baked = bakePng(png, await (await get(VALID)).text());
    const frame = await openPage('verify.html');
    drop(frame, fileIn(frame, new Uint8Array(baked), 'badge.png', 'image/png'));
    const [button] = await answers(frame);
    expect(button!.state).to.equal('verified');
    expect(checksOf(button!)['proof']).to.equal('passed:proof-valid');
    const card = frame.contentDocument!.querySelector('mc-credential-card')!;
    expect(deepText(card)).to.contain('Teamwork Badge');
    // The full verification: the list of checks is open, not only the summary.
    const details = button!.shadowRoot!.querySelector<HTMLDetailsElement>('details[part~="checks"]');
    expect(details?.open).to.equal(true);
    expect(statusText(frame)).to.equal('One credential, verified below.');
    // A file stays on this computer: no share link, and the page says why.
    expect(frame.contentDocument!.querySelector<HTMLElement>('.vp-share')!.hidden).to.equal(true);
    expect(frame.contentDocument!.querySelector<HTMLElement>('.vp-noshare')!.hidden).to.equal(false);
  });

  it('a baked SVG picked with the file control verifies', async () => {
    const svg = await (await get(`${BAKERY}/unbaked.svg`)).text();
    const baked = bakeSvg(svg, await (await get(VALID)).text());
    const frame = await openPage('verify.html');
    pick(frame, fileIn(frame, baked, 'badge.svg', 'image/svg+xml'));
    const [button] = await answers(frame);
    expect(button!.state).to.equal('verified');
  });

  it('an image with nothing baked in, a damaged PNG and an empty file each say what is wrong, with no card', async () => {
    const frame = await openPage('verify.html');
    const unbaked = await (await get(`${BAKERY}/unbaked.png`)).arrayBuffer();
    drop(frame, fileIn(frame, unbaked, 'plain.png', 'image/png'));
    await until(() => problemText(frame), 'a problem');
    expect(problemText(frame)).to.contain('no credential baked into it');
    expect(frame.contentDocument!.querySelector('.vp-problem')!.getAttribute('role')).to.equal('alert');
    const damaged = new Uint8Array(unbaked).slice(0, 60);
    drop(frame, fileIn(frame, damaged, 'damaged.png', 'image/png'));
    await until(() => /damaged/.test(problemText(frame)), 'the damaged-image problem');
    drop(frame, fileIn(frame, '', 'empty.json', 'application/json'));
    await until(() => /empty/.test(problemText(frame)), 'the empty-file problem');
    expect(frame.contentDocument!.querySelectorAll('mc-credential-card')).to.have.length(0);
  });

  it("the bakery's own baked SVG (an Open Badges 1.0 verify link, not a credential) is never Verified", async () => {
    const frame = await openPage('verify.html');
    const svg = await (await get(`${BAKERY}/baked.svg`)).text();
    drop(frame, fileIn(frame, svg, 'baked.svg', 'image/svg+xml'));
    const [button] = await answers(frame);
    expect(button!.state).to.not.equal('verified');
    expect(button!.report?.verified ?? false).to.equal(false);
  });
});

describe('verify.html: pasted text (built)', () => {
  it('pasted JSON verifies; the same JSON with its name edited fails its signature (Failed verification)', async () => {
    const json = await (await get(VALID)).text();
    const frame = await openPage('verify.html');
    paste(frame, json);
    const [good] = await answers(frame);
    expect(good!.state).to.equal('verified');

    const edited = JSON.stringify({ ...(JSON.parse(json) as object), name: 'Edited after signing' });
    paste(frame, edited);
    const bad = await nextAnswer(frame, good!);
    expect(bad.state).to.equal('invalid');
    expect(checksOf(bad)['proof']).to.match(/^failed:/);
    expect(deepText(bad)).to.contain('Failed verification');
  });

  it('a pasted JWS: its signature is checked (valid); an issuer it cannot tie to the key is "could not verify", never Verified; an edited JWS fails', async () => {
    const jws = (await (await get(CLR_JWS)).text()).trim();
    const frame = await openPage('verify.html');
    paste(frame, jws);
    const [button] = await answers(frame);
    expect(checksOf(button!)['proof']).to.equal('passed:proof-valid');
    expect(button!.state).to.equal('unknown');
    expect(deepText(button!)).to.contain('Could not verify');

    // The payload's name edited and encoded again: the signature no longer matches it.
    const [h, p, s] = jws.split('.');
    const b64 = p!.replace(/-/g, '+').replace(/_/g, '/');
    const payload = JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))) as Record<string, unknown>;
    const vc = (payload['vc'] ?? payload) as Record<string, unknown>;
    vc['name'] = 'Edited after signing';
    const encoded = btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    paste(frame, `${h}.${encoded}.${s}`);
    const edited = await nextAnswer(frame, button!);
    expect(edited.state).to.equal('invalid');
    expect(String(checksOf(edited)['proof'])).to.match(/^failed:/);
  });

  it('a presentation is opened into its credentials, each verified on its own, and the page says the holder’s signature is not checked', async () => {
    const credential = await (await get(VALID)).json();
    const vp = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [credential, credential],
    };
    const frame = await openPage('verify.html');
    paste(frame, JSON.stringify(vp));
    const buttons = await answers(frame, 2);
    expect(buttons.map((b) => b.state)).to.deep.equal(['verified', 'verified']);
    expect(statusText(frame)).to.contain('presentation of 2 credentials');
    expect(statusText(frame)).to.contain('is not checked');
  });

  it('text that is not a credential, broken JSON and a javascript: address are refused in words', async () => {
    const frame = await openPage('verify.html');
    paste(frame, 'hello');
    await until(() => /not a credential/.test(problemText(frame)), 'not-a-credential');
    paste(frame, '{"name": ');
    await until(() => /not valid JSON/.test(problemText(frame)), 'bad-json');
    paste(frame, 'javascript:alert(1)');
    await until(() => /https:\/\//.test(problemText(frame)), 'unsafe-url');
    expect(frame.contentDocument!.querySelectorAll('mc-credential-card')).to.have.length(0);
  });
});

describe('verify.html: a web address and ?src= (built)', () => {
  it('?src= verifies that address at once, fills the address field and offers the same link to share', async () => {
    const frame = await openPage(`verify.html?src=${encodeURIComponent(VALID)}`);
    const [button] = await answers(frame);
    expect(button!.state).to.equal('verified');
    const doc = frame.contentDocument!;
    expect(doc.querySelector<HTMLInputElement>('#vp-url')!.value).to.equal(VALID);
    const share = doc.querySelector<HTMLInputElement>('#vp-share-url')!.value;
    expect(new URL(share).searchParams.get('src')).to.equal(VALID);
    expect(new URL(share).pathname).to.match(/\/verify\.html$/);
  });

  it('an address typed in becomes the page’s ?src= (a link that checks it again)', async () => {
    const frame = await openPage('verify.html');
    const doc = frame.contentDocument!;
    doc.querySelector<HTMLInputElement>('#vp-url')!.value = VALID;
    doc.querySelector<HTMLButtonElement>('[data-form="url"] button[type="submit"]')!.click();
    const [button] = await answers(frame);
    expect(button!.state).to.equal('verified');
    expect(new URL(frame.contentWindow!.location.href).searchParams.get('src')).to.equal(VALID);
  });

  it('an address that cannot be reached: the card says so and the verification is "could not check", never Verified', async () => {
    const frame = await openPage(`verify.html?src=${encodeURIComponent(UNREACHABLE)}`);
    const [button] = await answers(frame);
    expect(button!.state).to.be.oneOf(['error', 'unknown']);
    expect(button!.report?.verified ?? false).to.equal(false);
    expect(deepText(button!)).to.not.match(/^Verified/);
    expect(deepText(button!)).to.match(/could not|Could not/);
    // The card fetches the address on its own; it may still be waiting when the button has answered.
    const card = frame.contentDocument!.querySelector<HTMLElement & { state: string }>('mc-credential-card')!;
    await until(() => card.state !== 'loading', 'the card to finish loading');
    expect(card.state).to.equal('error');
  });
});

describe('verify.html: languages and access (built)', () => {
  it('?lang=es starts in formal Spanish; the switch goes to English and back, keeping ?lang= in the address', async () => {
    const frame = await openPage(`verify.html?lang=es&src=${encodeURIComponent(VALID)}`);
    const doc = frame.contentDocument!;
    const [button] = await answers(frame);
    expect(doc.documentElement.lang).to.equal('es');
    expect(doc.title).to.equal('Verificar una microcredencial');
    expect(doc.querySelector('h1')!.textContent).to.equal('Verificar una microcredencial');
    // Opened from a shared link: the result first, then the inputs to check another one.
    const sections = [...doc.querySelectorAll('#verify-tool > section h2')].map((h) => h.textContent);
    expect(sections).to.deep.equal(['Resultado', 'Comprobar otra credencial']);
    expect(deepText(button!)).to.contain('Verificada');
    const toggle = doc.querySelector<HTMLButtonElement>('#lang-switch')!;
    expect(toggle.textContent).to.equal('English');
    expect(toggle.lang).to.equal('en');
    toggle.click();
    expect(doc.documentElement.lang).to.equal('en');
    expect(doc.querySelector('h1')!.textContent).to.equal('Verify a micro-credential');
    expect(statusText(frame)).to.equal('One credential, verified below.');
    expect(new URL(frame.contentWindow!.location.href).searchParams.get('lang')).to.equal('en');
    await until(() => deepText(button!).includes('Verified'), 'the button in English');
    toggle.click();
    expect(doc.documentElement.lang).to.equal('es');
    expect(statusText(frame)).to.equal('Una credencial, verificada abajo.');
  });

  it('landmarks, labels and live regions; axe finds nothing, before and after a check, in both languages', async () => {
    for (const lang of ['en', 'es']) {
      const frame = await openPage(`verify.html?lang=${lang}`);
      const doc = frame.contentDocument!;
      expect(doc.querySelectorAll('main')).to.have.length(1);
      expect(doc.querySelectorAll('header')).to.have.length(1);
      expect(doc.querySelectorAll('h1')).to.have.length(1);
      // Without ?src=: the inputs first, then the result.
      const sections = [...doc.querySelectorAll('#verify-tool > section h2')].map((h) => h.textContent);
      expect(sections).to.deep.equal(
        lang === 'en' ? ['Give the credential', 'Result'] : ['Proporcione la credencial', 'Resultado'],
      );
      for (const id of ['vp-file', 'vp-url', 'vp-paste'])
        expect(doc.querySelector(`label[for="${id}"]`), id).to.exist;
      expect(doc.querySelector('.vp-status')!.getAttribute('role')).to.equal('status');
      expect(await axeViolations(doc)).to.deep.equal([]);
      paste(frame, await (await get(VALID)).text());
      await answers(frame);
      expect(await axeViolations(doc)).to.deep.equal([]);
    }
  });

  it('at 320 px nothing is wider than the screen, with a verified card shown', async () => {
    const frame = await openPage(`verify.html?src=${encodeURIComponent(VALID)}`, { width: 320, height: 700 });
    await answers(frame);
    const doc = frame.contentDocument!;
    expect(doc.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('the file control is reachable by keyboard and its focus is visible on its button-like label', async () => {
    const frame = await openPage('verify.html');
    const doc = frame.contentDocument!;
    const input = doc.querySelector<HTMLInputElement>('#vp-file')!;
    expect(input.tabIndex).to.equal(0);
    expect(input.labels?.[0]?.textContent).to.equal('Choose a file');
    expect(input.getAttribute('aria-describedby')).to.contain('vp-drop-text');
  });
});

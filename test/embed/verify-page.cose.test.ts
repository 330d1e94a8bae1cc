/**
 * verify.html, BUILT (packages/embed/dist), given a credential secured with COSE (VC-JOSE-COSE §3.3,
 * `application/vc+cose`; issue 14 §2): a COSE_Sign1 file (bytes `d2 84 …`) dropped on the page, and
 * the same bytes pasted as base64 and as hex (as the specification prints its examples). The card
 * says in words what it holds (a COSE-secured credential, not "not valid JSON"), the verify button
 * checks its signature; the same file with one payload byte changed fails. Signed here with a fresh
 * Ed25519 key (did:jwk issuer, no network needed).
 */
import { expect } from '@open-wc/testing';
import { closePages, deepText, openPage, until } from './frame-helpers.js';
import { coseIssuer, credential } from './cose-sign.js';

type Button = HTMLElement & {
  state: string;
  report?: { checks: { id: string; outcome: string; code: string }[] };
};

const FINAL = ['verified', 'expired', 'revoked', 'invalid', 'unknown', 'error'];

/** The page's one verify button once it is not `previous` and has an answer. */
function answer(frame: HTMLIFrameElement, previous?: Button): Promise<Button> {
  return until(() => {
    const b = frame.contentDocument!.querySelector<Button>('.vp-cards mc-verify-button');
    return b && b !== previous && FINAL.includes(b.state) ? b : undefined;
  }, 'a verification finished');
}

/** Drops `bytes` as a file on the page's drop zone. */
function drop(frame: HTMLIFrameElement, bytes: Uint8Array, name: string): void {
  const win = frame.contentWindow as Window & typeof globalThis;
  const data = new win.DataTransfer();
  data.items.add(new win.File([bytes as BlobPart], name, { type: 'application/cose' }));
  const zone = frame.contentDocument!.querySelector('.vp-drop')!;
  zone.dispatchEvent(new win.DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new win.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

function paste(frame: HTMLIFrameElement, text: string): void {
  const doc = frame.contentDocument!;
  doc.querySelector<HTMLTextAreaElement>('#vp-paste')!.value = text;
  doc.querySelector<HTMLButtonElement>('[data-form="paste"] button[type="submit"]')!.click();
}

const proof = (b: Button): string => {
  const c = b.report?.checks.find((x) => x.id === 'proof');
  return `${c?.outcome}:${c?.code}`;
};

afterEach(closePages);

describe('verify.html: a COSE-secured credential (built)', () => {
  it('a COSE file dropped on the page: the card names it in words, the button verifies it; one byte changed fails', async () => {
    const { did, sign } = await coseIssuer();
    const cose = await sign(credential(did));
    expect([cose[0], cose[1]]).to.deep.equal([0xd2, 0x84]);
    const frame = await openPage('verify.html');
    drop(frame, cose, 'badge.cose');
    const button = await answer(frame);
    expect(button.state, JSON.stringify(button.report?.checks)).to.equal('verified');
    expect(proof(button)).to.equal('passed:proof-valid');
    const card = frame.contentDocument!.querySelector('mc-credential-card')!;
    expect(deepText(card)).to.contain('COSE');
    expect(deepText(card)).not.to.contain('not valid JSON');

    // A byte of the payload (the credential's name, inside the signed bytes) changed after signing.
    const tampered = cose.slice();
    const at = tampered.findIndex((_, i) => String.fromCharCode(...tampered.subarray(i, i + 5)) === 'Laser');
    tampered[at] = 'M'.charCodeAt(0);
    drop(frame, tampered, 'badge.cose');
    const bad = await answer(frame, button);
    expect(bad.state).to.equal('invalid');
    expect(proof(bad)).to.match(/^failed:/);
  });

  it('the same COSE pasted as base64 and as hex is verified', async () => {
    const { did, sign } = await coseIssuer();
    const cose = await sign(credential(did));
    const frame = await openPage('verify.html');
    paste(frame, btoa(String.fromCharCode(...cose)));
    const first = await answer(frame);
    expect(first.state, JSON.stringify(first.report?.checks)).to.equal('verified');
    expect(deepText(frame.contentDocument!.querySelector('mc-credential-card')!)).to.contain('COSE');

    paste(frame, [...cose].map((b) => b.toString(16).padStart(2, '0')).join(''));
    const second = await answer(frame, first);
    expect(second.state, JSON.stringify(second.report?.checks)).to.equal('verified');
  });
});

/**
 * The wallet's downloads are bounded in size while they are read (issue 11 items 11 and 12: "cap
 * sizes while reading a response"): a server that streams more than the 64 MB a wallet file may
 * hold (`src`), or more than the 5 MB a badge image may be ("Download as PNG/SVG"), is cut off at
 * the cap, not read whole first. The hostile server is a `fetch` answering with a stream made as it
 * is read (pull), without a content-length, which counts what was pulled.
 */
import { expect } from '@open-wc/testing';
import { McError } from '@microcred/core';
import { loadSource } from '@microcred/elements/badge-wallet/badge-wallet-source.js';
import { exportCredential } from '@microcred/elements/badge-wallet/badge-wallet-export.js';
import type { WalletEntry } from '@microcred/elements/badge-wallet/types.js';

const MB = 1024 * 1024;

/** A `fetch` whose answer is `total` bytes of JSON whitespace, made as it is read; counts the bytes pulled. */
function streaming(total: number): { fetch: typeof fetch; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(256 * 1024).fill(0x20);
  const f = (async () =>
    new Response(
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (pulled >= total) return controller.close();
            pulled += chunk.length;
            controller.enqueue(chunk.slice());
          },
        },
        { highWaterMark: 0 },
      ),
      { headers: { 'content-type': 'application/json' } },
    )) as typeof fetch;
  return { fetch: f, pulled: () => pulled };
}

describe('<mc-badge-wallet> src: the download is capped while it is read (issue 11 items 11, 12)', () => {
  it('a 200 MB answer is cut off just past the 64 MB cap with a too-large error', async () => {
    const server = streaming(200 * MB);
    const error = await loadSource(
      document.createElement('div'),
      'https://example.org/wallet.json',
      server.fetch,
      new AbortController().signal,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(McError);
    expect((error as McError).code).to.equal('too-large');
    expect(server.pulled(), `${server.pulled()} bytes pulled`).to.be.at.most(65 * MB);
  });

  it('control: an answer under the cap is read whole', async () => {
    const list = JSON.stringify([{ name: 'A' }, { name: 'B' }]);
    const items = await loadSource(
      document.createElement('div'),
      'https://example.org/list.json',
      (async () => new Response(`${list}${' '.repeat(MB)}`)) as typeof fetch,
      new AbortController().signal,
    );
    expect(items.map((i) => i.input)).to.deep.equal([{ name: 'A' }, { name: 'B' }]);
  });
});

describe('<mc-badge-wallet> export: the badge image download is capped while it is read (issue 11 item 11)', () => {
  it('a 200 MB image is cut off just past the 5 MB cap and the plain badge is baked instead', async () => {
    const server = streaming(200 * MB);
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://issuer.example', type: ['Profile'], name: 'Issuer' },
      name: 'Huge image',
      image: { id: 'https://issuer.example/huge.png', type: 'Image' },
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: { id: 'urn:uuid:1', type: ['Achievement'], name: 'A' },
      },
    };
    const file = new Promise<string>((resolve) => {
      const take = (e: Event): void => {
        const a = e.target as HTMLAnchorElement;
        if (!(a instanceof HTMLAnchorElement) || !a.download) return;
        e.preventDefault();
        document.removeEventListener('click', take, true);
        resolve(a.href);
      };
      document.addEventListener('click', take, true);
    });
    await exportCredential(
      { input: credential } as unknown as WalletEntry,
      'Huge image',
      'svg',
      server.fetch,
    );
    const text = await (await fetch(await file)).text();
    expect(text).to.match(/^<svg/);
    expect(text).to.contain('Huge image');
    expect(server.pulled(), `${server.pulled()} bytes pulled`).to.be.at.most(6 * MB);
  });
});

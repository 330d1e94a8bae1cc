/**
 * "Download as SVG" (issue 11 item 8): the baked SVG the wallet writes holds no active content,
 * whatever the credential's own SVG image held — no script, event handlers, foreignObject, SMIL
 * animate/set, javascript: or other non-http(s)/data-image links — while the drawing and the baked
 * credential stay. The hostile SVG is built here (no public source).
 */
import { expect } from '@open-wc/testing';
import { unbake } from '@microcred/core';
import { exportCredential } from '@microcred/elements/badge-wallet/badge-wallet-export.js';
import type { WalletEntry } from '@microcred/elements/badge-wallet/types.js';

const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100" onload="alert(1)">
  <script>alert(2)</script>
  <script xlink:href="https://evil.example/x.js"/>
  <circle cx="50" cy="50" r="40" fill="#1b6e3a" onclick="alert(3)" onmouseover="alert(4)"/>
  <a href="javascript:alert(5)"><rect width="10" height="10"/></a>
  <a xlink:href=" jAvAsCrIpT:alert(6)"><rect x="20" width="10" height="10"/></a>
  <a href="data:text/html,&lt;script&gt;alert(7)&lt;/script&gt;"><rect x="40" width="10" height="10"/></a>
  <image href="vbscript:msgbox(8)" width="5" height="5"/>
  <foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(9)"></iframe></body></foreignObject>
  <set attributeName="onload" to="alert(10)"/>
  <animate attributeName="href" values="javascript:alert(11)"/>
  <animateTransform attributeName="transform" type="rotate" from="0" to="360" dur="1s"/>
  <use href="data:image/svg+xml,&lt;svg onload='alert(12)'/&gt;"/>
  <path d="M10 80h80" stroke="#000" style="background:url(javascript:alert(13))"/>
  <text x="50" y="95">Badge</text>
</svg>`;

/** Downloads one credential as a baked SVG, its image answered with `svg`; returns the file text. */
async function bakedSvg(svg: string): Promise<{ text: string; credential: unknown }> {
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://issuer.example', type: ['Profile'], name: 'Issuer' },
    name: 'Hostile image',
    image: { id: 'https://issuer.example/badge.svg', type: 'Image' },
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: { id: 'urn:uuid:1', type: ['Achievement'], name: 'A' },
    },
  };
  const fetcher = (async () =>
    new Response(svg, { headers: { 'content-type': 'image/svg+xml' } })) as typeof fetch;
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
  await exportCredential({ input: credential } as unknown as WalletEntry, 'Hostile image', 'svg', fetcher);
  const text = await (await fetch(await file)).text();
  return { text, credential };
}

describe('wallet export: baked SVG without active content (issue 11 item 8)', () => {
  it('drops script, handlers, foreignObject, SMIL and unsafe links, keeps the drawing and the credential', async () => {
    const { text, credential } = await bakedSvg(HOSTILE_SVG);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror'), text).to.equal(null);
    const all = [...doc.querySelectorAll('*')];
    const names = all.map((e) => e.localName.toLowerCase());
    for (const bad of [
      'script',
      'foreignobject',
      'iframe',
      'set',
      'animate',
      'animatetransform',
      'animatemotion',
      'body',
    ])
      expect(names, bad).to.not.include(bad);
    for (const e of all)
      for (const a of e.attributes) {
        expect(a.name.toLowerCase(), `${e.localName} ${a.name}`).to.not.match(/^on/);
        expect(a.value, `${e.localName} ${a.name}`).to.not.match(/script:|data:text|url\(/i);
        if (/(^|:)href$/i.test(a.name))
          expect(a.value, `${e.localName} ${a.name}`).to.match(
            /^(https?:|data:image\/(png|jpeg|gif|webp);|#)/i,
          );
      }
    expect(text).to.not.match(/alert\(/);
    // The drawing stays, and the credential is baked in it.
    expect(names).to.include.members(['circle', 'path', 'text', 'rect']);
    const baked = await unbake(text);
    expect(baked?.source).to.equal('openbadges:credential');
    expect(JSON.parse(baked!.text)).to.deep.equal(credential);
  });
});

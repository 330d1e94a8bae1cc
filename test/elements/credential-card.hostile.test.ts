import { expect, html, oneEvent } from '@open-wc/testing';
import type { McCredentialCard } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, shadow } from './helpers/card.js';
import { CardHarness } from './harness/card.js';

const X =
  '<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = \'img\'"><b>bold</b>';
const JS = 'javascript:window.__pwned="link"';
const DATA_HTML = 'data:text/html,<script>window.__pwned="data"</script>';
const MD =
  '# <img src=x onerror="window.__pwned=\'md\'">\n\n[click](javascript:window.__pwned="md-link") ![i](javascript:alert(1)) <iframe src="javascript:alert(1)"></iframe>\n\n<script>window.__pwned="md-script"</script>';

/** An OB 3.0 credential with HTML in every text field and unsafe URLs in every link field. */
function hostileOb3(): Record<string, unknown> {
  const profile = (name: string) => ({ id: JS, type: ['Profile'], name: `${name} ${X}`, url: JS, email: X });
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: JS,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Name ${X}`,
    description: `Description ${X}`,
    image: { id: JS, type: 'Image', caption: `Caption ${X}` },
    issuer: profile('Issuer'),
    validFrom: '2024-01-01T00:00:00Z',
    validUntil: `2020-01-01 ${X}`,
    inLanguage: `en"><script>window.__pwned="lang"</script>`,
    credentialSubject: {
      id: JS,
      type: ['AchievementSubject'],
      name: `Recipient ${X}`,
      achievement: {
        id: DATA_HTML,
        type: ['Achievement'],
        achievementType: `ext:${X}`,
        name: `Achievement ${X}`,
        description: `Achievement description ${X}`,
        image: { id: DATA_HTML, type: 'Image' },
        criteria: { id: JS, narrative: MD },
        creator: profile('Creator'),
        alignment: [
          {
            type: ['Alignment'],
            targetName: `Skill ${X}`,
            targetUrl: JS,
            targetCode: X,
            targetFramework: X,
            targetDescription: X,
          },
          { type: ['Alignment'], targetName: 'Data skill', targetUrl: DATA_HTML },
        ],
        resultDescription: [
          {
            id: 'urn:uuid:1',
            type: ['ResultDescription'],
            name: `Rubric ${X}`,
            resultType: 'RubricCriterionLevel',
            rubricCriterionLevel: [
              { id: 'urn:uuid:2', type: ['RubricCriterionLevel'], name: X, description: X },
            ],
          },
        ],
        registration: { url: JS, cost: X, opens: X },
        endorsement: [
          {
            '@context': [
              'https://www.w3.org/ns/credentials/v2',
              'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
            ],
            id: JS,
            type: ['VerifiableCredential', 'EndorsementCredential'],
            name: X,
            issuer: profile('Endorser'),
            validFrom: '2024-01-01T00:00:00Z',
            credentialSubject: { id: JS, type: ['EndorsementSubject'], endorsementComment: MD },
          },
        ],
      },
    },
    evidence: [
      {
        id: JS,
        type: ['Evidence'],
        name: `Evidence ${X}`,
        description: X,
        narrative: MD,
        genre: X,
        audience: X,
      },
      { id: DATA_HTML, type: ['Evidence'], name: 'Data evidence' },
    ],
  };
}

/** Asserts nothing active reached the card's shadow DOM. */
function expectInert(el: McCredentialCard): void {
  const root = shadow(el);
  expect(
    root.querySelector('script, iframe, object, embed, b, form, input, style:not(:first-child)'),
  ).to.equal(null);
  const all = [...root.querySelectorAll('*')];
  for (const node of all) {
    for (const attr of node.getAttributeNames()) {
      expect(attr.startsWith('on'), `${node.tagName} has ${attr}`).to.equal(false);
    }
  }
  for (const a of root.querySelectorAll('[href]')) {
    expect(a.getAttribute('href'), a.outerHTML).to.match(/^https?:\/\//);
  }
  for (const img of root.querySelectorAll('img')) {
    expect(img.getAttribute('src'), img.outerHTML).to.match(
      /^(https?:\/\/|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,])/,
    );
  }
  // A valid tag, or "" (unknown: HTML §3.2.6.2), never the hostile text.
  for (const node of root.querySelectorAll('[lang]')) {
    expect(node.getAttribute('lang')).to.match(/^([A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)?$/);
  }
  expect((window as unknown as { __pwned?: string }).__pwned).to.equal(undefined);
}

describe('<mc-credential-card> hostile input', () => {
  afterEach(unmountAll);

  for (const variant of ['full', 'compact'] as const) {
    it(`renders HTML as text and drops unsafe links in every field (${variant})`, async () => {
      const el = await mount<McCredentialCard>(
        html`<mc-credential-card .now=${NOW} variant=${variant}></mc-credential-card>`,
      );
      el.credential = hostileOb3();
      await el.updateComplete;
      expect(el.state).to.equal('loaded');
      expectInert(el);
      const text = shadow(el).textContent!;
      expect(text).to.contain('<script>window.__pwned = "script"</script>');
      expect(text).to.contain('onerror=');
      if (variant === 'full') {
        expect(text).to.contain('Skill <script>');
        expect(CardHarness.of(el).criteriaHeading?.textContent).to.contain('<img');
      }
      await expect(el).to.be.accessible();
    });
  }

  it('stays inert for the same data as JSON text, inline JSON and after a language switch', async () => {
    const wrapper = await mount(
      html`<div lang="en"><mc-credential-card .now=${NOW}></mc-credential-card></div>`,
    );
    const el = wrapper.querySelector('mc-credential-card')!;
    el.credential = JSON.stringify(hostileOb3());
    await el.updateComplete;
    expectInert(el);
    wrapper.lang = 'es';
    await new Promise<void>((r) => queueMicrotask(r));
    await el.updateComplete;
    expectInert(el);

    el.credential = undefined;
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(hostileOb3());
    const loaded = oneEvent(el, 'mc-load');
    el.append(script);
    await loaded;
    await el.updateComplete;
    expectInert(el);
  });

  it('rejects prototype-polluting and oversized input without throwing', async () => {
    const el = await mount<McCredentialCard>(html`<mc-credential-card .now=${NOW}></mc-credential-card>`);
    el.credential = '{"__proto__": {"polluted": true}, "type": ["VerifiableCredential"]}';
    await el.updateComplete;
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    el.credential = 'x'.repeat(3_000_000);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    for (const input of [null, 42, true, [], '', '   ', 'a.b.c', Symbol('x'), () => 1]) {
      el.credential = input;
      await el.updateComplete;
      expect(['error', 'empty']).to.include(el.state);
    }
  });
});

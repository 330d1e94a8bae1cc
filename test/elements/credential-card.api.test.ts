import { expect, html, oneEvent } from '@open-wc/testing';
import { McError, type CredentialView } from '@microcred/core';
import { McCredentialCard, McErrorEvent, McLoadEvent, McVerifiedEvent } from '@microcred/elements';
import { mount, settled, unmountAll } from './helpers/dom.js';
import type { McTestHeldCard } from './helpers/card.js';
import { catalogEntry, NOW, shadow, V, vector } from './helpers/card.js';
import { CardHarness } from './harness/card.js';

async function card(
  template = html`<mc-credential-card .now=${NOW}></mc-credential-card>`,
): Promise<McCredentialCard> {
  return mount<McCredentialCard>(template);
}

describe('<mc-credential-card> properties and attributes', () => {
  afterEach(unmountAll);

  it('is registered, and has its defaults: empty, full, heading level 3', async () => {
    const el = await card();
    expect(el).to.be.instanceOf(McCredentialCard);
    expect(customElements.get('mc-credential-card')).to.equal(McCredentialCard);
    expect(el.state).to.equal('empty');
    expect(el.view).to.equal(undefined);
    expect(el.error).to.equal(undefined);
    expect(el.variant).to.equal('full');
    expect(el.getAttribute('variant')).to.equal('full');
    expect(el.headingLevel).to.equal(3);
    expect(el.src).to.equal('');
  });

  it('shows a credential object given as the credential property', async () => {
    const el = await card();
    el.credential = await vector(V.full);
    await el.updateComplete;
    expect(el.state).to.equal('loaded');
    expect(el.view!.name).to.equal('1EdTech University Degree for Example Student');
    expect(CardHarness.of(el).name).to.equal('1EdTech University Degree for Example Student');
    expect(CardHarness.of(el).type).to.equal('Degree');
    expect(CardHarness.of(el).issuer).to.equal('1EdTech University');
    expect(CardHarness.of(el).issuerLink!.href).to.equal('https://1edtech.edu/');
    expect(CardHarness.of(el).recipient).to.equal('did:example:ebfeb1f712ebc6f1c276e12ec21');
    expect(CardHarness.of(el).description).to.equal('1EdTech University Degree Description');
    expect(CardHarness.of(el).image).to.exist;
  });

  it('accepts JSON text and compact JWS (OB 2.0 and CLR 2.0) as the credential', async () => {
    const el = await card();
    el.credential = JSON.stringify(await vector(V.v1));
    await el.updateComplete;
    expect(el.view!.format).to.equal('ob3-vc1');
    expect(CardHarness.of(el).type).to.equal('Diploma');

    el.credential = await vector(V.ob2Jws);
    await el.updateComplete;
    expect(el.state).to.equal('loaded');
    expect(el.view!.format).to.equal('ob2');
    expect(el.view!.jws).to.be.a('string');
    expect(CardHarness.of(el).name).to.equal('Untitled credential');

    el.credential = await vector(V.clrJws);
    await el.updateComplete;
    expect(el.view!.format).to.equal('clr2');
    expect(CardHarness.of(el).type).to.equal('Learner record');
  });

  it('loads src from a URL (resolved against the page), showing the loading state first', async () => {
    const el = await card();
    const loaded = oneEvent(el, 'mc-load');
    el.src = V.full;
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(CardHarness.of(el).base!.getAttribute('aria-busy')).to.equal('true');
    await loaded;
    await el.updateComplete;
    expect(el.state).to.equal('loaded');
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.view!.id).to.equal('http://1edtech.edu/credentials/3732');
  });

  it('loads a JWS served as text from src', async () => {
    const el = await card();
    const loaded = oneEvent(el, 'mc-load');
    el.setAttribute('src', V.clrJws);
    await loaded;
    expect(el.view!.format).to.equal('clr2');
  });

  it('shows a translated error when src answers 404', async () => {
    const el = await card();
    const failed = oneEvent<McErrorEvent>(el, 'mc-error');
    el.src = '/vectors/no-such-credential.json';
    await failed;
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(el.error).to.be.instanceOf(McError);
    expect(el.error!.code).to.equal('http');
    expect((el.error as McError & { status: number }).status).to.equal(404);
    expect(CardHarness.of(el).error).to.contain('No credential was found at this address (HTTP 404).');
    expect(el.view).to.equal(undefined);
  });

  it('shows a translated error when src is not a credential', async () => {
    const el = await card();
    const failed = oneEvent<McErrorEvent>(el, 'mc-error');
    el.src = '/vectors/SOURCES.md';
    await failed;
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(['invalid-json', 'not-a-credential', 'unsupported-format']).to.include(el.error!.code);
    expect(CardHarness.of(el).error).to.match(/can’t be shown/);
  });

  it('shows a translated error for JSON that is no credential', async () => {
    const el = await card();
    el.credential = { hello: 'world' };
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(el.error!.code).to.equal('not-a-credential');
    expect(CardHarness.of(el).error).to.contain('This is not a credential or badge that can be displayed.');
  });

  it('prefers the credential property over src, and falls back to src when it is cleared', async () => {
    const el = await card(html`<mc-credential-card .now=${NOW} src=${V.v1}></mc-credential-card>`);
    await oneEvent(el, 'mc-load');
    expect(el.view!.format).to.equal('ob3-vc1');
    el.credential = await vector(V.full);
    await el.updateComplete;
    expect(el.view!.format).to.equal('ob3-vc2');
    const reloaded = oneEvent(el, 'mc-load');
    el.credential = undefined;
    await reloaded;
    expect(el.view!.format).to.equal('ob3-vc1');
  });

  it('reads inline JSON from a child <script type="application/json"> when nothing else is set', async () => {
    const json = JSON.stringify(await vector(V.expired));
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<mc-credential-card><a href="https://example.com/"><img alt="Teamwork Badge" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a><script type="application/json">${json}</script></mc-credential-card>`;
    document.body.append(wrapper);
    try {
      const el = wrapper.querySelector('mc-credential-card')!;
      el.now = NOW;
      await el.updateComplete;
      expect(el.state).to.equal('loaded');
      expect(el.view!.name).to.equal('Teamwork Badge');
      expect(shadow(el).querySelector('slot:not([name])'), 'light-DOM fallback is not slotted').to.equal(
        null,
      );
    } finally {
      wrapper.remove();
    }
  });

  it('picks up inline JSON added after the element was upgraded, and reports bad inline JSON', async () => {
    const el = await card();
    expect(el.state).to.equal('empty');
    const script = document.createElement('script');
    script.type = 'application/json';
    const loaded = oneEvent(el, 'mc-load');
    script.textContent = JSON.stringify(catalogEntry);
    el.append(script);
    await loaded;
    expect(el.view!.kind).to.equal('achievement');
    const failed = oneEvent<McErrorEvent>(el, 'mc-error');
    script.textContent = '{ not json';
    const event = await failed;
    expect(event.error.code).to.equal('invalid-json');
  });

  it('keeps following inline JSON after being moved, without reloading on the move', async () => {
    const el = await card();
    const other = await mount(html`<div></div>`);
    let loads = 0;
    el.addEventListener('mc-load', () => loads++);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(catalogEntry);
    const first = oneEvent(el, 'mc-load');
    el.append(script);
    await first;
    other.append(el);
    await el.updateComplete;
    expect(loads).to.equal(1);
    const second = oneEvent(el, 'mc-load');
    script.textContent = JSON.stringify({ ...catalogEntry, name: 'Classroom Robotics II' });
    await second;
    expect(el.view!.name).to.equal('Classroom Robotics II');
    expect(loads).to.equal(2);
  });

  it('reflects variant; compact shows a tile without the detail sections', async () => {
    const el = await card();
    el.credential = await vector(V.full);
    el.variant = 'compact';
    await el.updateComplete;
    expect(el.getAttribute('variant')).to.equal('compact');
    expect(CardHarness.of(el).heading).to.exist;
    for (const part of ['skills', 'criteria', 'evidence', 'endorsements', 'description', 'recipient']) {
      expect(CardHarness.of(el).part(part), part).to.equal(null);
    }
    el.setAttribute('variant', 'full');
    await el.updateComplete;
    expect(el.variant).to.equal('full');
    expect(CardHarness.of(el).section('skills')).to.exist;
  });

  it('renders the name at heading-level, sections one level below, clamped to 1–6', async () => {
    const el = await card(html`<mc-credential-card heading-level="2" .now=${NOW}></mc-credential-card>`);
    el.credential = await vector(V.full);
    await el.updateComplete;
    expect(el.headingLevel).to.equal(2);
    expect(CardHarness.of(el).heading!.tagName).to.equal('H2');
    expect(CardHarness.of(el).sectionHeadingElement('skills', 'h3')).to.exist;
    el.headingLevel = 9;
    await el.updateComplete;
    expect(CardHarness.of(el).heading!.tagName).to.equal('H6');
    el.headingLevel = 0;
    await el.updateComplete;
    expect(CardHarness.of(el).heading!.tagName).to.equal('H1');
    el.setAttribute('heading-level', 'x');
    await el.updateComplete;
    expect(CardHarness.of(el).heading!.tagName, 'invalid → default 3').to.equal('H3');
    expect(CardHarness.of(el).sectionHeadingElement('skills', 'h4')).to.exist;
  });

  it('judges expiry at `now`: expired in words and icon, with the expired custom state', async () => {
    const el = await card(
      html`<mc-credential-card .now=${new Date('2010-06-01T00:00:00Z')}></mc-credential-card>`,
    );
    el.credential = await vector(V.expired);
    await el.updateComplete;
    expect(el.matches(':state(expired)')).to.equal(false);
    expect(CardHarness.of(el).expiredFlag).to.equal(null);
    expect(CardHarness.of(el).lastDateLabel).to.equal('Expires');
    el.now = NOW;
    await el.updateComplete;
    expect(el.matches(':state(expired)')).to.equal(true);
    const flag = CardHarness.of(el).expiredFlag!;
    expect(flag.textContent!.trim()).to.equal('Expired');
    expect(flag.querySelector('svg[aria-hidden=true]')).to.exist;
    expect(CardHarness.of(el).lastDate).to.equal('Expired January 1, 2011');
    expect(shadow(el).querySelector('time[datetime="2011-01-01T00:00:00.000Z"]')).to.exist;
  });

  it('shows an achievement in catalog mode: no recipient, "Offered by", How to register', async () => {
    const el = await card();
    el.credential = catalogEntry;
    await el.updateComplete;
    expect(el.matches(':state(achievement)')).to.equal(true);
    expect(CardHarness.of(el).type).to.equal('Micro-credential');
    expect(CardHarness.of(el).issuerLabel).to.equal('Offered by');
    expect(CardHarness.of(el).section('recipient')).to.equal(null);
    const reg = CardHarness.of(el).section('registration')!;
    expect(reg.querySelector('h4')!.textContent).to.equal('How to register');
    expect(reg.querySelector('a')!.getAttribute('href')).to.equal(
      'https://district.example/register/robotics-1',
    );
    expect(reg.querySelector('a')!.textContent).to.equal('Register for Classroom Robotics I');
    expect(reg.textContent).to.contain('Free').and.contain('30').and.contain('December 15, 2026');
  });

  it('renders criteria Markdown safely once the renderer has loaded (plain text before)', async () => {
    const el = await card();
    let plainFirst = false;
    el.addEventListener('mc-load', () => {
      plainFirst = CardHarness.of(el).criteriaPlain !== null;
    });
    el.credential = catalogEntry;
    await el.updateComplete;
    expect(plainFirst, 'plain text shown until the Markdown chunk loads').to.equal(true);
    const criteria = CardHarness.of(el).section('criteria')!;
    expect(criteria.querySelector('.plain')).to.equal(null);
    expect(criteria.querySelector('h5')!.textContent).to.equal('Requirements');
    expect(criteria.querySelector('ol li strong')!.textContent).to.equal('online module');
  });

  it('swaps a broken image for a monogram', async () => {
    const cred = structuredClone(catalogEntry) as Record<string, unknown>;
    // A valid 1×1 PNG: the browser never fails it by itself (an undecodable one raced the first
    // assertion, its real error event arriving while the card loaded a lazy part), so the swap
    // below is caused by the error event this test sends.
    cred['image'] = {
      id: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      type: 'Image',
      caption: 'Robot badge',
    };
    const el = await card();
    el.credential = cred;
    await el.updateComplete;
    const img = CardHarness.of(el).image!;
    expect(img.tagName).to.equal('IMG');
    expect(img.getAttribute('alt')).to.equal('Robot badge');
    // What the browser fires for an image it cannot decode (lazy images may never load in a hidden test page).
    img.dispatchEvent(new Event('error'));
    await el.updateComplete;
    const mono = CardHarness.of(el).image!;
    expect(mono.tagName).to.equal('DIV');
    expect(mono.textContent!.trim()).to.equal('CR');
    expect(mono.getAttribute('aria-hidden')).to.equal('true');
  });

  it('aborts a stale download when src changes, and shows only the latest', async () => {
    const el = await mount<McTestHeldCard>(html`<mc-test-held-card src="/first.json"></mc-test-held-card>`);
    expect(el.requests).to.have.length(1);
    el.src = '/second.json';
    await el.updateComplete;
    expect(el.requests).to.have.length(2);
    expect(el.requests[0]!.signal.aborted).to.equal(true);
    expect(el.requests[1]!.url).to.equal(new URL('/second.json', location.href).href);
    let loads = 0;
    el.addEventListener('mc-load', () => loads++);
    el.requests[0]!.resolve(await vector(V.v1));
    const loaded = oneEvent(el, 'mc-load');
    el.requests[1]!.resolve(await vector(V.full));
    await loaded;
    expect(loads).to.equal(1);
    expect(el.view!.format).to.equal('ob3-vc2');
  });

  it('aborts the download when removed, and loads again when re-inserted', async () => {
    const el = await mount<McTestHeldCard>(html`<mc-test-held-card src="/held.json"></mc-test-held-card>`);
    const parent = el.parentElement!;
    el.remove();
    expect(el.requests[0]!.signal.aborted).to.equal(true);
    parent.append(el);
    await el.updateComplete;
    expect(el.requests).to.have.length(2);
    expect(el.state).to.equal('loading');
    el.requests[1]!.resolve(await vector(V.v1));
    await oneEvent(el, 'mc-load');
    expect(el.state).to.equal('loaded');
  });
});

describe('<mc-credential-card> events', () => {
  afterEach(unmountAll);

  it('fires mc-load (bubbling, composed) with the normalised view', async () => {
    const wrapper = await mount(html`<div><mc-credential-card></mc-credential-card></div>`);
    const el = wrapper.querySelector('mc-credential-card')!;
    const heard = oneEvent<McLoadEvent>(wrapper, 'mc-load');
    el.credential = await vector(V.v1);
    const event = await heard;
    expect(event).to.be.instanceOf(McLoadEvent);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.view).to.equal(el.view);
    expect((event.view as CredentialView).recipient!.name).to.equal('Jane Doe');
  });

  it('fires mc-error (bubbling, composed) with a typed McError', async () => {
    const wrapper = await mount(html`<div><mc-credential-card></mc-credential-card></div>`);
    const el = wrapper.querySelector('mc-credential-card')!;
    const heard = oneEvent<McErrorEvent>(wrapper, 'mc-error');
    el.credential = '{"broken": ';
    const event = await heard;
    expect(event).to.be.instanceOf(McErrorEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.error).to.be.instanceOf(McError);
    expect(event.error.code).to.equal('invalid-json');
    expect(el.error).to.equal(event.error);
  });

  it('fires once per input, and not for unrelated property changes', async () => {
    const el = await card();
    let count = 0;
    el.addEventListener('mc-load', () => count++);
    el.credential = await vector(V.v1);
    await el.updateComplete;
    el.variant = 'compact';
    el.headingLevel = 2;
    el.now = new Date('2030-01-01T00:00:00Z');
    await el.updateComplete;
    expect(count).to.equal(1);
  });
});

describe('<mc-credential-card> slots and parts', () => {
  afterEach(unmountAll);

  it('keeps the status slot in every state', async () => {
    const el = await mount<McTestHeldCard>(
      html`<mc-test-held-card src="/held.json"><span slot="status">Verified</span></mc-test-held-card>`,
    );
    const slotted = () => CardHarness.of(el).statusSlotted.map((e) => e.textContent);
    expect(el.state).to.equal('loading');
    expect(slotted()).to.deep.equal(['Verified']);
    el.requests[0]!.resolve(await vector(V.full));
    await oneEvent(el, 'mc-load');
    expect(slotted()).to.deep.equal(['Verified']);
    el.credential = 'not json';
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(slotted()).to.deep.equal(['Verified']);
  });

  it('exposes the documented parts', async () => {
    const el = await card();
    el.credential = await vector(V.full);
    await el.updateComplete;
    await settled(el);
    for (const part of [
      'base',
      'image',
      'name',
      'type',
      'issuer',
      'recipient',
      'dates',
      'description',
      'skills',
      'criteria',
      'evidence',
      'endorsements',
    ]) {
      expect(CardHarness.of(el).part(part), part).to.exist;
    }
    el.credential = catalogEntry;
    await el.updateComplete;
    expect(CardHarness.of(el).section('registration')).to.exist;
    el.credential = await vector(V.expired);
    await el.updateComplete;
    expect(CardHarness.of(el).expiredFlag).to.exist;
    el.credential = [];
    await el.updateComplete;
    expect(CardHarness.of(el).section('error')).to.exist;
  });

  it('lists skills as links, evidence and the endorsement count', async () => {
    const el = await card();
    el.credential = await vector(V.full);
    await el.updateComplete;
    const skills = CardHarness.of(el).skillLinks;
    expect(skills.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://1edtech.edu/catalog/degree',
      'https://credentialengineregistry.org/resources/ce-98cb027b-95ef-4494-908d-6f7790ec6b6b',
    ]);
    for (const a of skills) expect(a.rel).to.equal('noopener noreferrer nofollow');
    expect(CardHarness.of(el).evidenceItems).to.have.length(2);
    expect(CardHarness.of(el).endorsements).to.match(/^\d+ endorsements? \(/);
  });
});

describe('<mc-credential-card> shows what was verified', () => {
  afterEach(unmountAll);

  // Open Badges 2.0 §Hosted verification: the assertion is fetched from its id, and the issuer's
  // hosted copy is what is judged (issue 11 item 2), so the card shows that copy's facts.
  it('takes the verified copy of the same credential from mc-verified; ignores another credential', async () => {
    const el = await card();
    el.credential = await vector(V.full);
    await el.updateComplete;
    const given = el.view!;
    const hosted: CredentialView = { ...given, name: 'The issuer’s own name for it' };
    el.dispatchEvent(
      new McVerifiedEvent(
        { verified: true, format: given.format, checks: [], credential: hosted },
        'verified',
      ),
    );
    await el.updateComplete;
    expect(CardHarness.of(el).name).to.equal('The issuer’s own name for it');
    const other: CredentialView = { ...given, id: 'https://elsewhere.example/1', name: 'Another badge' };
    el.dispatchEvent(
      new McVerifiedEvent(
        { verified: true, format: given.format, checks: [], credential: other },
        'verified',
      ),
    );
    await el.updateComplete;
    expect(CardHarness.of(el).name).to.equal('The issuer’s own name for it');
  });
});

import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CheckCode } from '@microcred/core';
import type { McErrorEvent, McVerifiedEvent, McVerifyButton } from '@microcred/elements';
import { mount, unmountAll } from './helpers/dom.js';
import { NOW, VV, text, vectorFetch, vectorJson } from './verify-button.helpers.js';
import { VerifyButtonHarness } from './harness/verify-button.js';
import { CardHarness } from './harness/card.js';

/** The button's harness: its shadow DOM by meaning (harness/verify-button.ts). */
const h = (el: McVerifyButton): VerifyButtonHarness => new VerifyButtonHarness(el);

const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The next `name` event on `el`, typed. */
const next = <T extends Event>(el: Element, name: string): Promise<T> =>
  new Promise((resolve) => el.addEventListener(name, (e) => resolve(e as T), { once: true }));

describe('<mc-verify-button> outcomes on real vectors', () => {
  afterEach(unmountAll);

  for (const [name, expected] of [
    ['valid', 'verified'],
    ['validOffline', 'verified'],
    ['expired', 'expired'],
    ['revoked', 'revoked'],
    ['tampered', 'invalid'],
    ['badStatusUrl', 'unknown'],
  ] as const) {
    it(`${name} → ${expected}`, async () => {
      const credential = await vectorJson(VV[name]);
      const el = await mount<McVerifyButton>(
        html`<mc-verify-button
          .credential=${credential}
          .now=${NOW}
          .fetch=${vectorFetch()}
        ></mc-verify-button>`,
      );
      await el.verify();
      await el.updateComplete;
      expect(el.state, JSON.stringify(el.report?.checks)).to.equal(expected);
      expect(el.report?.verified).to.equal(expected === 'verified');
    });
  }

  it('never shows green for unknown: an unreachable status list is "Could not verify", not "Verified"', async () => {
    // A valid credential whose status list the fetch cannot reach at all (every request fails).
    const credential = await vectorJson(VV.valid);
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${credential} .now=${NOW} .fetch=${offline}></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.report!.checks.find((c) => c.id === 'proof')!.outcome).to.equal('passed');
    expect(el.report!.checks.find((c) => c.id === 'status')!.outcome).to.equal('unknown');
    expect(el.state).to.equal('unknown');
    expect(el.matches(':state(verified)')).to.equal(false);
    expect(h(el).summary).to.equal('Could not verify');
    const status = h(el).check('unknown')!;
    expect(status.textContent).to.contain('Could not check');
    expect(status.textContent).to.contain('revocation list could not be downloaded');
    // The unknown check's colour token is the warning one, never the success one.
    const fill = getComputedStyle(status.querySelector('.icon')!).fill;
    const success = getComputedStyle(shadow(el).querySelector('.summary')!).getPropertyValue('--_success');
    expect(fill).to.not.equal(success);
  });
});

describe('<mc-verify-button> what it verifies (properties and attributes)', () => {
  afterEach(unmountAll);

  it('verifies the credential of the card whose status slot it sits in', async () => {
    const credential = await vectorJson(VV.revoked);
    const card = await mount(
      html`<mc-credential-card .credential=${credential} .now=${NOW}>
        <mc-verify-button slot="status" .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
      </mc-credential-card>`,
    );
    const el = card.querySelector('mc-verify-button')!;
    shadow(el).querySelector('button')!.click();
    await el.updateComplete;
    expect(el.state).to.equal('revoked');
  });

  it("verifies a card's inline JSON, and a card's src (downloaded through the button's fetch)", async () => {
    const credential = await vectorJson(VV.expired);
    const inline = await mount(
      html`<mc-credential-card .now=${NOW}>
        <script type="application/json">
          ${JSON.stringify(credential)}
        </script>
        <mc-verify-button slot="status" .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
      </mc-credential-card>`,
    );
    const a = inline.querySelector('mc-verify-button')!;
    await a.verify();
    expect(a.state).to.equal('expired');

    const requests: string[] = [];
    const logging: typeof fetch = (input, init) => {
      requests.push(String(input));
      return fetch(input, init);
    };
    const bySrc = await mount(
      html`<mc-credential-card src=${VV.tampered} .now=${NOW}>
        <mc-verify-button slot="status" .now=${NOW} .fetch=${logging}></mc-verify-button>
      </mc-credential-card>`,
    );
    const b = bySrc.querySelector('mc-verify-button')!;
    await b.verify();
    expect(b.state).to.equal('invalid');
    expect(requests.some((r) => r.endsWith(VV.tampered))).to.equal(true);
  });

  it('verifies the element named by `for`', async () => {
    const credential = await vectorJson(VV.expired);
    const wrapper = await mount(
      html`<div>
        <mc-credential-card id="c1" .credential=${credential} .now=${NOW}></mc-credential-card>
        <mc-verify-button for="c1" .now=${NOW}></mc-verify-button>
      </div>`,
    );
    const el = wrapper.querySelector('mc-verify-button')!;
    expect(el.htmlFor).to.equal('c1');
    await el.verify();
    expect(el.state).to.equal('expired');
  });

  it('its own credential and src win over for and the card', async () => {
    const [revoked, expired] = await Promise.all([vectorJson(VV.revoked), vectorJson(VV.expired)]);
    const card = await mount(
      html`<mc-credential-card .credential=${revoked} .now=${NOW}>
        <mc-verify-button slot="status" .credential=${expired} .now=${NOW}></mc-verify-button>
      </mc-credential-card>`,
    );
    const el = card.querySelector('mc-verify-button')!;
    await el.verify();
    expect(el.state).to.equal('expired');
    el.credential = undefined;
    el.src = VV.tampered;
    await el.updateComplete;
    expect(el.state, 'a new source resets the result').to.equal('idle');
    await el.verify();
    expect(el.state).to.equal('invalid');
  });

  it('shows the last-checked time (the pinned now) and re-checks', async () => {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${await vectorJson(VV.validOffline)}
        .now=${NOW}
      ></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    expect(el.lastChecked?.toISOString()).to.equal(NOW.toISOString());
    expect(h(el).checkedTime!.getAttribute('datetime')).to.equal(NOW.toISOString());
    expect(text(el, 'button')).to.equal('Check again');
    const first = el.report;
    shadow(el).querySelector('button')!.click();
    await el.updateComplete;
    expect(el.report).to.not.equal(first);
    expect(el.state).to.equal('verified');
  });

  it('lists every check of the report, each with an icon and words', async () => {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${await vectorJson(VV.valid)}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    const items = h(el).checks;
    expect(items.length).to.equal(el.report!.checks.length);
    for (const item of items) {
      expect(item.querySelector('svg[aria-hidden=true]')).to.exist;
      expect(item.querySelector('.outcome')!.textContent!.trim()).to.match(
        /^(Passed|Failed|Could not check|Does not apply)\.$/,
      );
    }
    expect(items.map((i) => i.querySelector('strong')!.textContent!.trim())).to.include.members([
      'Signature:',
      'Issuer:',
      'Dates:',
      'Revocation:',
    ]);
  });
});

describe('<mc-verify-button> events', () => {
  afterEach(unmountAll);

  it('mc-verify is cancelable: preventDefault stops the verification', async () => {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${await vectorJson(VV.validOffline)}
        .now=${NOW}
      ></mc-verify-button>`,
    );
    let verified = 0;
    el.addEventListener('mc-verified', () => verified++);
    el.addEventListener('mc-verify', (e) => e.preventDefault(), { once: true });
    const event = oneEvent(el, 'mc-verify');
    shadow(el).querySelector('button')!.click();
    const e = await event;
    expect(e.cancelable && e.bubbles && e.composed).to.equal(true);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(await el.verify()).to.exist; // the listener was once: now it verifies
    expect(verified).to.equal(1);
  });

  it('mc-verified carries the report and the outcome, bubbling and composed', async () => {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${await vectorJson(VV.expired)} .now=${NOW}></mc-verify-button>`,
    );
    const event = next<McVerifiedEvent>(el, 'mc-verified');
    void el.verify();
    const e = await event;
    expect(e.outcome).to.equal('expired');
    expect(e.report).to.equal(el.report);
    expect(e.report.checks.find((c) => c.id === 'validity')!.code).to.equal('expired');
    expect(e.bubbles && e.composed).to.equal(true);
  });

  it('mc-error when there is nothing to verify, or the download fails', async () => {
    const el = await mount<McVerifyButton>(html`<mc-verify-button></mc-verify-button>`);
    let event = next<McErrorEvent>(el, 'mc-error');
    void el.verify();
    expect((await event).error.code).to.equal('empty-input');
    el.src = '/vectors/no-such-credential.json';
    await el.updateComplete;
    event = next<McErrorEvent>(el, 'mc-error');
    void el.verify();
    expect((await event).error.code).to.equal('http');
    await el.updateComplete;
    expect(el.state).to.equal('error');
  });
});

describe('<mc-verify-button> keyboard and live region', () => {
  afterEach(unmountAll);

  it('Enter and Space verify; the checks open and close from the keyboard', async () => {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${await vectorJson(VV.validOffline)}
        .now=${NOW}
      ></mc-verify-button>`,
    );
    el.focus();
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('button'));
    let event = oneEvent(el, 'mc-verified');
    await sendKeys({ press: 'Enter' });
    await event;
    await el.updateComplete;
    expect(el.state).to.equal('verified');
    event = oneEvent(el, 'mc-verified');
    await sendKeys({ press: 'Space' });
    await event;
    await el.updateComplete;
    const details = shadow(el).querySelector('details')!;
    expect(details.open).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(details.querySelector('summary'));
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    await sendKeys({ press: 'Space' });
    expect(details.open).to.equal(false);
  });

  it('announces progress, then the result, in one role=status region that is always present', async () => {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${await vectorJson(VV.revoked)}
        .now=${NOW}
        .fetch=${vectorFetch()}
      ></mc-verify-button>`,
    );
    const region = shadow(el).querySelector('[role=status]')!;
    expect(region.textContent!.trim()).to.equal('');
    const started = oneEvent(el, 'mc-verify');
    const done = el.verify();
    await started;
    await new Promise<void>((r) => queueMicrotask(r));
    expect(shadow(el).querySelector('[role=status]')).to.equal(region);
    await done;
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=status]')).to.equal(region);
    expect(region.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Revoked Revoked by its issuer: it no longer counts. It is authentic.',
    );
    // the list of checks is outside the live region (not read out in full)
    expect(h(el).checks.filter((c) => region.contains(c))).to.deep.equal([]);
  });
});

describe('<mc-verify-button> translations', () => {
  afterEach(unmountAll);

  it('follows the nearest lang live, check explanations included', async () => {
    const wrapper = await mount(
      html`<div lang="en">
        <mc-verify-button .credential=${await vectorJson(VV.expired)} .now=${NOW}></mc-verify-button>
      </div>`,
    );
    const el = wrapper.querySelector('mc-verify-button')!;
    await el.verify();
    await el.updateComplete;
    expect(h(el).summary).to.equal('Expired');
    expect(h(el).checkText('failed')).to.contain('It expired on January 1, 2011.');
    wrapper.setAttribute('lang', 'es');
    await new Promise<void>((r) => queueMicrotask(r));
    await el.updateComplete;
    expect(h(el).summary).to.equal('Vencida');
    expect(text(el, 'button')).to.equal('Comprobar de nuevo');
    expect(h(el).checkText('failed')).to.contain('Fechas: Falló. Venció el 1 de enero de 2011.');
    expect(h(el).checked).to.match(/^Última comprobación: /);
  });

  it('falls back to the verifier’s English message for a code it does not know', async () => {
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button
        .credential=${await vectorJson(VV.validOffline)}
        .now=${NOW}
      ></mc-verify-button>`,
    );
    await el.verify();
    el.report!.checks.push({
      id: 'refresh',
      outcome: 'skipped',
      // a newer core's code this element does not know yet (the type check forbids it in one build)
      code: 'brand-new-code' as CheckCode,
      message: 'A new English message.',
    });
    el.requestUpdate();
    await el.updateComplete;
    expect(h(el).lastCheck).to.contain('A new English message.');
  });
});

describe('<mc-verify-button> bad input', () => {
  afterEach(unmountAll);

  for (const [name, input] of [
    ['garbage text', 'not a credential {'],
    ['a number', 42],
    ['an empty object', {}],
    ['garbage bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])],
  ] as const) {
    it(`${name}: a failed check, a clear message, nothing thrown`, async () => {
      const el = await mount<McVerifyButton>(
        html`<mc-verify-button .credential=${input} .now=${NOW}></mc-verify-button>`,
      );
      await el.verify();
      await el.updateComplete;
      expect(['invalid', 'error']).to.include(el.state);
      expect(h(el).summary).to.not.equal('Verified');
      expect(h(el).reason).to.not.equal('');
    });
  }

  it('hostile strings in a credential are never rendered as HTML', async () => {
    const credential = await vectorJson(VV.validOffline);
    credential.issuer = '<img src=x onerror="window.__mcHostile=1">';
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${credential} .now=${NOW}></mc-verify-button>`,
    );
    await el.verify();
    await el.updateComplete;
    shadow(el).querySelector('details')!.open = true;
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { __mcHostile?: number }).__mcHostile).to.equal(undefined);
  });

  it('aborts the verification under way when removed, and ignores a stale result', async () => {
    const credential = await vectorJson(VV.valid);
    let signal: AbortSignal | undefined;
    let called!: () => void;
    const asked = new Promise<void>((r) => (called = r));
    // Like the real fetch: never answers, but rejects when aborted.
    const slow: typeof fetch = (_input, init) => {
      signal = init?.signal ?? undefined;
      called();
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    };
    const el = await mount<McVerifyButton>(
      html`<mc-verify-button .credential=${credential} .now=${NOW} .fetch=${slow}></mc-verify-button>`,
    );
    let verified = 0;
    el.addEventListener('mc-verified', () => verified++);
    const job = el.verify();
    await asked;
    el.remove();
    expect(signal?.aborted).to.equal(true);
    expect(await job).to.equal(undefined);
    expect(el.state).to.equal('idle');
    expect(verified).to.equal(0);
  });
});

describe('<mc-credential-card> reflects the outcome of the verify button inside it', () => {
  afterEach(unmountAll);

  for (const [vector, state, flag] of [
    ['valid', 'verified', 'Verified'],
    ['revoked', 'revoked', 'Revoked'],
    ['expired', 'expired', ''],
  ] as const) {
    // A status is said once (issue 13 item 6): the card's flag appears once the button that says it
    // has left the card's status slot (test/elements/card-status.test.ts).
    it(`${vector}: :state(${state})${flag ? `, and a "${flag}" flag in words and icon once the button is gone` : ''}`, async () => {
      const credential = await vectorJson(VV[vector]);
      const card = await mount(
        html`<mc-credential-card .credential=${credential} .now=${NOW}>
          <mc-verify-button slot="status" .now=${NOW} .fetch=${vectorFetch()}></mc-verify-button>
        </mc-credential-card>`,
      );
      const el = card.querySelector('mc-verify-button')!;
      await el.verify();
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(card.matches(`:state(${state})`)).to.equal(true);
      expect(CardHarness.of(card).verdict, 'the button says it').to.equal(null);
      const moved = new Promise((r) =>
        card
          .shadowRoot!.querySelector('slot[name=status]')!
          .addEventListener('slotchange', r, { once: true }),
      );
      el.slot = '';
      await moved;
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const shown = CardHarness.of(card).verdict;
      if (flag) {
        expect(shown!.textContent!.trim()).to.equal(flag);
        expect(shown!.querySelector('svg[aria-hidden=true]')).to.exist;
      } else expect(shown).to.equal(null);
      await expect(card).to.be.accessible();
      (card as HTMLElement & { credential: unknown }).credential = await vectorJson(VV.tampered);
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(card.matches(`:state(${state === 'expired' ? 'verified' : state})`)).to.equal(false);
    });
  }
});

type Card = HTMLElement & {
  credential: unknown;
  src: string;
  state: string;
  error: unknown;
  updateComplete: Promise<unknown>;
};

/** The button's initial state, and the card's verdict cleared (no result is left behind). */
async function expectReset(el: McVerifyButton, card: Card): Promise<void> {
  await card.updateComplete;
  await el.updateComplete;
  expect(el.state).to.equal('idle');
  expect(el.report === undefined, 'no report').to.equal(true);
  expect(el.lastChecked).to.equal(undefined);
  expect(el.matches(':state(idle)')).to.equal(true);
  for (const s of ['verified', 'expired', 'revoked', 'invalid', 'unknown', 'error'])
    expect(el.matches(`:state(${s})`), `:state(${s})`).to.equal(false);
  expect(h(el).resultShown, 'no result shown').to.equal(false);
  expect(text(el, 'button')).to.equal('Verify');
  expect(
    card.matches(':state(verified)') || card.matches(':state(revoked)'),
    "the card's verdict state",
  ).to.equal(false);
  expect(CardHarness.of(card).verdict === null, "the card's verdict flag").to.equal(true);
}

describe('<mc-verify-button> follows the card it verifies', () => {
  afterEach(unmountAll);

  for (const where of ['in the status slot', 'named by for'] as const) {
    it(`card ${where}: a new credential on the card resets the button and the card's verdict`, async () => {
      const [valid, tampered] = await Promise.all([vectorJson(VV.validOffline), vectorJson(VV.tampered)]);
      const wrapper = await mount(
        where === 'in the status slot'
          ? html`<div>
              <mc-credential-card id="c" .credential=${valid} .now=${NOW}>
                <mc-verify-button slot="status" .now=${NOW}></mc-verify-button>
              </mc-credential-card>
            </div>`
          : html`<div>
              <mc-credential-card id="c" .credential=${valid} .now=${NOW}></mc-credential-card>
              <mc-verify-button for="c" .now=${NOW}></mc-verify-button>
            </div>`,
      );
      const card = wrapper.querySelector<Card>('mc-credential-card')!;
      const el = wrapper.querySelector('mc-verify-button')!;
      await el.verify();
      await card.updateComplete;
      expect(el.state).to.equal('verified');
      // Only a button inside the card reports its verdict to it (mc-verified bubbles to the card).
      expect(card.matches(':state(verified)')).to.equal(where === 'in the status slot');
      card.credential = tampered;
      await expectReset(el, card);
      await el.verify();
      expect(el.state, 'then it verifies the new credential').to.equal('invalid');
    });
  }

  it('a new src on the card resets the button at once, while the card is still loading it', async () => {
    const card = await mount<Card>(
      html`<mc-credential-card src=${VV.validOffline} .now=${NOW}>
        <mc-verify-button slot="status" .now=${NOW}></mc-verify-button>
      </mc-credential-card>`,
    );
    await oneEvent(card, 'mc-load');
    const el = card.querySelector('mc-verify-button')!;
    await el.verify();
    expect(el.state).to.equal('verified');
    card.src = VV.expired;
    await card.updateComplete;
    expect(card.state).to.equal('loading');
    await expectReset(el, card);
  });

  it("new inline JSON in the card resets the button and the card's verdict", async () => {
    const [valid, tampered] = await Promise.all([vectorJson(VV.validOffline), vectorJson(VV.tampered)]);
    const card = await mount<Card>(
      html`<mc-credential-card .now=${NOW}>
        <script type="application/json">
          ${JSON.stringify(valid)}
        </script>
        <mc-verify-button slot="status" .now=${NOW}></mc-verify-button>
      </mc-credential-card>`,
    );
    const el = card.querySelector('mc-verify-button')!;
    await el.verify();
    await card.updateComplete;
    expect(card.matches(':state(verified)')).to.equal(true);
    const changed = oneEvent(card, 'mc-load');
    card.querySelector('script')!.textContent = JSON.stringify(tampered);
    await changed;
    await expectReset(el, card);
  });

  it('a verification under way is aborted when the card gets a new credential, and never lands on it', async () => {
    const [valid, tampered] = await Promise.all([vectorJson(VV.valid), vectorJson(VV.tampered)]);
    let signal: AbortSignal | undefined;
    let called!: () => void;
    const asked = new Promise<void>((r) => (called = r));
    // The status list download: never answers, but rejects when aborted (like the real fetch).
    const slow: typeof fetch = (_input, init) => {
      signal = init?.signal ?? undefined;
      called();
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    };
    const card = await mount<Card>(
      html`<mc-credential-card .credential=${valid} .now=${NOW}>
        <mc-verify-button slot="status" .now=${NOW} .fetch=${slow}></mc-verify-button>
      </mc-credential-card>`,
    );
    const el = card.querySelector('mc-verify-button')!;
    let events = 0;
    card.addEventListener('mc-verified', () => events++);
    card.addEventListener('mc-error', () => events++);
    const job = el.verify();
    await asked;
    expect(el.state).to.equal('verifying');
    card.credential = tampered;
    await card.updateComplete;
    expect(signal?.aborted).to.equal(true);
    expect(await job).to.equal(undefined);
    expect(events, 'no mc-verified or mc-error for the old credential').to.equal(0);
    await expectReset(el, card);
  });

  it('a result for a credential the `for` element no longer holds is dropped (a plain element, not a card)', async () => {
    const [valid, tampered] = await Promise.all([vectorJson(VV.valid), vectorJson(VV.tampered)]);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let called!: () => void;
    const asked = new Promise<void>((r) => (called = r));
    // Answers only when released, and ignores the abort signal.
    const held: typeof fetch = async (input) => {
      called();
      await gate;
      return vectorFetch()(input);
    };
    const wrapper = await mount(
      html`<div>
        <div id="source" .credential=${valid}></div>
        <mc-verify-button for="source" .now=${NOW} .fetch=${held}></mc-verify-button>
      </div>`,
    );
    const source = wrapper.querySelector('#source') as HTMLElement & { credential: unknown };
    const el = wrapper.querySelector('mc-verify-button')!;
    let verified = 0;
    el.addEventListener('mc-verified', () => verified++);
    const job = el.verify();
    await asked;
    source.credential = tampered;
    release();
    expect(await job).to.equal(undefined);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(el.report === undefined, 'no report').to.equal(true);
    expect(verified).to.equal(0);
  });

  it('moved into another card it drops its result; put back into the same card it keeps it', async () => {
    const [valid, expired] = await Promise.all([vectorJson(VV.validOffline), vectorJson(VV.expired)]);
    const wrapper = await mount(
      html`<div>
        <mc-credential-card id="a" .credential=${valid} .now=${NOW}>
          <mc-verify-button slot="status" .now=${NOW}></mc-verify-button>
        </mc-credential-card>
        <mc-credential-card id="b" .credential=${expired} .now=${NOW}></mc-credential-card>
      </div>`,
    );
    const [a, b] = [...wrapper.querySelectorAll<Card>('mc-credential-card')] as [Card, Card];
    const el = a.querySelector('mc-verify-button')!;
    await el.verify();
    a.append(el);
    await el.updateComplete;
    expect(el.state, 'put back into the same card').to.equal('verified');
    b.append(el);
    await expectReset(el, b);
  });

  it('keeps its result while the card re-renders the same credential (e.g. a new lang)', async () => {
    const card = await mount<Card>(
      html`<mc-credential-card .credential=${await vectorJson(VV.expired)} .now=${NOW}>
        <mc-verify-button slot="status" .now=${NOW}></mc-verify-button>
      </mc-credential-card>`,
    );
    const el = card.querySelector('mc-verify-button')!;
    await el.verify();
    card.setAttribute('lang', 'es');
    await new Promise<void>((r) => queueMicrotask(r));
    await card.updateComplete;
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    expect(h(el).summary).to.equal('Vencida');
  });
});

describe('<mc-verify-button> mc-error inside a card', () => {
  afterEach(unmountAll);

  it("bubbles through the card with the button as target; the card's own mc-error has the card as target", async () => {
    const card = await mount<Card>(
      html`<mc-credential-card>
        <mc-verify-button slot="status"></mc-verify-button>
      </mc-credential-card>`,
    );
    const el = card.querySelector('mc-verify-button')!;
    // What a listener on the card sees (composedPath() is only filled in during dispatch).
    const heard: { target: EventTarget | null; first: EventTarget | undefined; code: string }[] = [];
    card.addEventListener('mc-error', (e) =>
      heard.push({ target: e.target, first: e.composedPath()[0], code: e.error.code }),
    );
    await el.verify();
    expect(heard.length).to.equal(1);
    expect(heard[0]!.target === el, 'event.target is the button').to.equal(true);
    expect(heard[0]!.first === el, 'composedPath()[0] is the button').to.equal(true);
    expect(heard[0]!.code).to.equal('empty-input');
    expect(card.state, "the card's own state is untouched").to.equal('empty');
    expect(card.error).to.equal(undefined);

    card.src = '/vectors/no-such-credential.json';
    const own = await next<McErrorEvent>(card, 'mc-error');
    expect(own.target === card, 'event.target is the card').to.equal(true);
    expect(own.error.code).to.equal('http');
  });
});

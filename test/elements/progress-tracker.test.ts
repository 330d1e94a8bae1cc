import { expect, html, oneEvent } from '@open-wc/testing';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/provider/mc-provider.js';
import type { McProgressTracker } from '@microcred/elements/progress-tracker/progress-tracker.js';
import type {
  McNextStepEvent,
  McRequirementSelectEvent,
} from '@microcred/elements/progress-tracker/progress-tracker-events.js';
import { afterLangChange, mount, settled, unmountAll } from './helpers/dom.js';
import { TrackerHarness } from './harness/tracker.js';
import { heldFetch } from './helpers/held-fetch.js';
import {
  digitalPathway,
  generatePathway,
  generateRecords,
  inclusivePathway,
  literacyPathway,
  mayaCredential,
  mayaCredentials,
  mayaRecords,
} from '../../stories/fixtures/progress.js';
import { lakesideCatalogFeed } from '../../stories/fixtures/catalog.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const $ = <T extends Element = HTMLElement>(el: Element, sel: string): T =>
  el.shadowRoot!.querySelector<T>(sel)!;
const $$ = (el: Element, sel: string): HTMLElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(sel),
];
/** The tracker's harness: its shadow DOM by meaning (harness/tracker.ts). */
const h = (el: McProgressTracker): TrackerHarness => new TrackerHarness(el);
const text = (el: Element): string => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function tracker(
  pathway: unknown,
  {
    lang = 'en',
    credentials = mayaCredentials as unknown[],
    records = mayaRecords as unknown,
    variant = 'full',
  } = {},
): Promise<McProgressTracker> {
  const wrapper = await mount(
    html`<div lang=${lang}>
      <mc-progress-tracker
        .pathway=${pathway}
        .credentials=${credentials}
        .records=${records}
        .now=${NOW}
        variant=${variant}
      ></mc-progress-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('mc-progress-tracker')!;
  await settled(wrapper);
  return el;
}

for (const lang of ['en', 'es']) {
  describe(`<mc-progress-tracker> accessibility (${lang})`, () => {
    afterEach(unmountAll);
    it('is accessible in every state: returned with feedback, in review, in progress, expired, locked, complete, compact, empty, error', async () => {
      for (const p of [literacyPathway, digitalPathway, inclusivePathway]) {
        await expect(await tracker(p, { lang })).to.be.accessible();
        await expect(await tracker(p, { lang, variant: 'compact' })).to.be.accessible();
      }
      const done = await tracker(inclusivePathway, {
        lang,
        credentials: [
          mayaCredential('culturally-responsive-teaching', '2025-01-01T00:00:00Z'),
          mayaCredential('educacion-bilingue', '2025-01-01T00:00:00Z'),
          mayaCredential('co-teaching', '2025-01-01T00:00:00Z'),
        ],
      });
      expect(done.matches(':state(complete)')).to.equal(true);
      await expect(done).to.be.accessible();
      await expect(
        await tracker(generatePathway(50), { lang, credentials: [], records: generateRecords(50) }),
      ).to.be.accessible();
      await expect(await tracker(undefined, { lang })).to.be.accessible();
      const err = await tracker({ nope: 1 }, { lang });
      expect(err.state).to.equal('error');
      await expect(err).to.be.accessible();
    });
  });
}

describe('<mc-progress-tracker> behaviour', () => {
  afterEach(unmountAll);

  it('shows k of n in text and as a progressbar, and every state in words', async () => {
    const el = await tracker(literacyPathway);
    expect(h(el).summary).to.equal('1 of 3 complete');
    const bar = $(el, '[role=progressbar]');
    expect(bar.getAttribute('aria-valuenow')).to.equal('1');
    expect(bar.getAttribute('aria-valuemax')).to.equal('3');
    expect(bar.getAttribute('aria-valuetext')).to.equal('1 of 3 complete');
    const states = h(el).states;
    expect(states).to.deep.equal(['Earned', 'Returned with feedback', 'In review', 'Not started']);
    expect(text(el)).to.contain('Optional');
    expect(text(el)).to.contain('Review expected by March 29, 2026');
  });

  it('renders reviewer feedback as safe Markdown, with rubric levels', async () => {
    const el = await tracker(literacyPathway);
    const feedback = h(el).part('feedback')!;
    expect(feedback.querySelector('strong')!.textContent).to.equal('two more');
    expect(feedback.querySelectorAll('li')).to.have.length(2);
    expect(feedback.textContent).to.contain('Feedback from Rosa Díaz');
    expect(feedback.querySelector('dd')!.textContent).to.equal('Developing');
  });

  it('puts the most urgent next step first, with a call to action that fires a cancelable event', async () => {
    const el = await tracker(literacyPathway);
    const action = h(el).nextAction as HTMLAnchorElement;
    expect(action.textContent!.trim()).to.equal('Revise and resubmit Writing Workshop');
    expect(action.href).to.equal('https://learn.lakeside-usd.example/submissions/writing-workshop');
    el.addEventListener('mc-next-step', (e) => e.preventDefault(), { once: true });
    const fired = oneEvent(el, 'mc-next-step');
    action.click();
    const e = (await fired) as unknown as McNextStepEvent;
    expect(e.progress.state).to.equal('returned');
    expect(e.defaultPrevented).to.equal(true);
  });

  it('fires mc-requirement-select when a requirement is picked (keyboard: a real button)', async () => {
    const el = await tracker(digitalPathway);
    // The host handles the event (issue 13 item 2: without `actionable`, a name is a link or text).
    el.actionable = true;
    await el.updateComplete;
    const button = $$(el, '.requirement-name')[0]!;
    expect(button.tagName).to.equal('BUTTON');
    const fired = oneEvent(el, 'mc-requirement-select');
    button.click();
    expect(((await fired) as unknown as McRequirementSelectEvent).progress.requirement.name).to.equal(
      'Digital Citizenship',
    );
  });

  it('n-of groups: "k of n" per group; expired credentials do not count', async () => {
    const el = await tracker(digitalPathway);
    expect(h(el).summary).to.equal('1 of 2 complete');
    expect(text(el)).to.contain('0 of 2 done');
    const expired = h(el)
      .parts('step')
      .filter((s) => s.textContent!.includes('Accessible Digital Materials'))
      .pop()!;
    expect(expired.dataset['state']).to.equal('expired');
    expect(expired.textContent).to.contain('Expired January 10, 2026');
    expect(text(el)).to.contain('40% done');
  });

  it('prerequisites: locked requirements say what comes first', async () => {
    const el = await tracker(inclusivePathway);
    const co = h(el).step('Co-Teaching')!;
    expect(co.dataset['state']).to.equal('locked');
    expect(co.textContent).to.contain('After: Educación bilingüe en el aula');
    expect(text(el)).to.contain('Nothing to do right now');
  });

  it('complete: shows the stack complete panel and the stack credential', async () => {
    const el = await tracker(literacyPathway, {
      credentials: [
        {
          ...mayaCredential('foundations-of-reading', '2025-01-01T00:00:00Z'),
          credentialSubject: {
            type: ['AchievementSubject'],
            achievement: {
              id: 'https://credentials.lakeside-usd.example/achievements/literacy-leader',
              type: ['Achievement'],
              name: 'Literacy Leader',
              criteria: { narrative: 'x' },
            },
          },
          name: 'Literacy Leader',
        },
      ],
    });
    expect(h(el).part('complete')!.textContent).to.contain('Stack complete');
    expect(h(el).part('complete')!.textContent).to.contain('Literacy Leader');
    expect(h(el).summary).to.equal('3 of 3 complete');
  });

  it('compact variant: one progress line and the next step', async () => {
    const el = await tracker(literacyPathway, { variant: 'compact' });
    expect(h(el).steps).to.have.length(0);
    expect(h(el).summary).to.equal('1 of 3 complete');
    expect(h(el).part('action')!.textContent!.trim()).to.equal('Revise and resubmit Writing Workshop');
  });

  it('switches language live, dates included', async () => {
    const el = await tracker(literacyPathway);
    el.parentElement!.setAttribute('lang', 'es');
    await afterLangChange(el);
    await el.updateComplete;
    expect(h(el).summary).to.equal('1 de 3 completados');
    expect(text(el)).to.contain('Devuelto con comentarios');
    expect(text(el)).to.contain('29 de marzo de 2026');
  });

  it('reads a catalog feed as the pathway (first stack), raw records and a 50-requirement pathway', async () => {
    const feed = await tracker(lakesideCatalogFeed);
    expect(h(el(feed)).part('name')!.textContent).to.equal('Literacy Leader');
    const big = await tracker(generatePathway(50), { credentials: [], records: generateRecords(50) });
    expect(h(big).steps.length).to.equal(55);
    function el(x: McProgressTracker): McProgressTracker {
      return x;
    }
  });

  it('downloads src (a catalog feed; #stack picks the stack) and records-src, through a provider fetch', async () => {
    const fetch = async (url: RequestInfo | URL): Promise<Response> =>
      new Response(JSON.stringify(String(url).includes('progress') ? mayaRecords : lakesideCatalogFeed));
    const stack = encodeURIComponent(
      'https://credentials.lakeside-usd.example/stacks/digital-learning-coach',
    );
    const wrapper = await mount(
      html`<mc-provider .fetch=${fetch}
        ><mc-progress-tracker
          src=${`https://district.example/catalog.json#${stack}`}
          records-src="https://district.example/progress.json"
          .credentials=${mayaCredentials}
          .now=${NOW}
        ></mc-progress-tracker
      ></mc-provider>`,
    );
    const el = wrapper.querySelector('mc-progress-tracker')!;
    await el.updateComplete;
    expect(h(el).part('name')!.textContent).to.equal('Digital Learning Coach');
    expect(text(el)).to.contain('40% done');
  });

  it('a new src aborts the download under way; only the latest pathway is shown', async () => {
    const f = heldFetch((url) => (url.includes('progress') ? mayaRecords : lakesideCatalogFeed));
    const wrapper = await mount(
      html`<mc-provider .fetch=${f.fetch}
        ><mc-progress-tracker .now=${NOW}></mc-progress-tracker
      ></mc-provider>`,
    );
    const el = wrapper.querySelector('mc-progress-tracker')!;
    let errors = 0;
    el.addEventListener('mc-error', () => errors++);
    const held = f.nextHeld();
    el.src = 'https://district.example/held.json';
    const stale = await held;
    expect(el.state).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    el.src = 'https://district.example/catalog.json';
    await el.updateComplete;
    expect(stale.aborted).to.equal(true);
    expect(el.state).to.equal('loaded');
    expect(el.progress?.pathway.name).to.equal(literacyPathway.name);
    expect(errors).to.equal(0);
  });

  it('follows a wallet element named by `wallet`', async () => {
    const wrapper = await mount(
      html`<div>
        <div id="w"></div>
        <mc-progress-tracker wallet="w" .pathway=${literacyPathway} .now=${NOW}></mc-progress-tracker>
      </div>`,
    );
    const wallet = wrapper.querySelector('#w') as HTMLElement & { records?: unknown[] };
    const el = wrapper.querySelector('mc-progress-tracker')!;
    expect(h(el).summary).to.equal('0 of 3 complete');
    wallet.records = [{ raw: JSON.stringify(mayaCredentials[0]) }];
    wallet.dispatchEvent(new Event('mc-wallet-change'));
    await el.updateComplete;
    expect(h(el).summary).to.equal('1 of 3 complete');
  });

  it('bad input: junk credentials and records are ignored; an unreadable pathway shows a translated error', async () => {
    const el = await tracker(literacyPathway, {
      credentials: [null, 42, 'not a jws', {}],
      records: { nope: true },
    });
    expect(h(el).summary).to.equal('0 of 3 complete');
    const errorEvent = oneEvent(document.body, 'mc-error');
    const err = await tracker('not a pathway', { lang: 'es' });
    await errorEvent;
    expect(h(err).part('error')!.textContent).to.contain('No se puede mostrar el progreso');
  });

  it('never renders HTML from feedback or names', async () => {
    const el = await tracker(
      {
        id: 'p',
        name: '<img src=x onerror=alert(1)>',
        requirement: [{ achievement: 'urn:x:1', name: '<b>x</b>' }],
      },
      {
        credentials: [],
        records: [
          {
            achievementId: 'urn:x:1',
            state: 'returned',
            feedback: { comment: '<img src=y onerror=alert(1)> [link](javascript:alert(1))', criteria: [] },
          },
        ],
      },
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('a[href^=javascript]')).to.equal(null);
    expect(text(el)).to.contain('<b>x</b>');
  });
});

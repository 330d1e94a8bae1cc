/**
 * <mc-progress-tracker> with hostile record URLs (issue 11 item 9): records given as the
 * documented JSON, as `ProgressRecord` objects that merely look parsed, from `records-src`, or from
 * a provider client's `fetchProgress`, all pass the same check, so no address that is not http(s)
 * reaches the next step's `href` or the `mc-next-step` event. Hostile vectors are built here.
 */
import { expect, html } from '@open-wc/testing';
import '@microcred/elements/progress-tracker/mc-progress-tracker.js';
import '@microcred/elements/provider/mc-provider.js';
import type { McProgressTracker } from '@microcred/elements/progress-tracker/progress-tracker.js';
import type { McNextStepEvent } from '@microcred/elements/progress-tracker/progress-tracker-events.js';
import type { ProgressRecord } from '@microcred/core';
import { mount, settled, unmountAll } from './helpers/dom.js';
import { TrackerHarness } from './harness/tracker.js';
import { literacyPathway, mayaCredentials, mayaRecords } from '../../stories/fixtures/progress.js';
import { HOSTILE_URLS } from './helpers/hostile-urls.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const GOOD = 'https://learn.lakeside-usd.example/submissions/writing-workshop';
const safe = (s: unknown): boolean => s === undefined || (typeof s === 'string' && /^https?:\/\//.test(s));

/** The documented JSON with the first record's `url` replaced. */
function recordsJson(url: string): { learner: string; records: Record<string, unknown>[] } {
  const doc = structuredClone(mayaRecords) as { learner: string; records: Record<string, unknown>[] };
  doc.records[0]!['url'] = url;
  return doc;
}

/** The same records as `ProgressRecord` objects built by hand (they pass the "already parsed" test). */
function recordObjects(url: string): ProgressRecord[] {
  return recordsJson(url).records.map((r) => ({
    achievementId: r['achievement'] as string,
    state: r['state'] as ProgressRecord['state'],
    ...(r['submitted'] ? { submitted: new Date(r['submitted'] as string) } : {}),
    ...(r['updated'] ? { updated: new Date(r['updated'] as string) } : {}),
    ...(r['url'] ? { url: r['url'] as string } : {}),
  }));
}

async function mountTracker(
  records: unknown,
  attrs: { src?: string; fetch?: typeof fetch; client?: unknown } = {},
) {
  const wrapper = await mount(
    html`<mc-provider .fetch=${attrs.fetch} .client=${attrs.client} lang="en">
      <mc-progress-tracker
        actionable
        .pathway=${literacyPathway}
        .credentials=${mayaCredentials}
        .records=${records}
        records-src=${attrs.src ?? ''}
        .now=${NOW}
      ></mc-progress-tracker>
    </mc-provider>`,
  );
  const el = wrapper.querySelector<McProgressTracker>('mc-progress-tracker')!;
  await settled(wrapper);
  await el.updateComplete;
  return el;
}

/** Activates the first next step; returns its element and the record url the event carried. */
function act(el: McProgressTracker): { action: HTMLElement; url: unknown } {
  const action = new TrackerHarness(el).nextAction!;
  let url: unknown = 'not fired';
  el.addEventListener(
    'mc-next-step',
    (e) => {
      url = (e as McNextStepEvent).progress.record?.url;
      e.preventDefault();
    },
    { once: true },
  );
  action.click();
  return { action, url };
}

function expectSafe(el: McProgressTracker, what: string): void {
  expect(new TrackerHarness(el).nextAction, what).to.not.equal(null);
  for (const a of el.shadowRoot!.querySelectorAll('a[href]'))
    expect(safe(a.getAttribute('href')), `${what}: href ${a.getAttribute('href')}`).to.equal(true);
  const { action, url } = act(el);
  expect(action.tagName, what).to.equal('BUTTON');
  expect(url, what).to.equal(undefined);
}

describe('<mc-progress-tracker> hostile record URLs (issue 11 item 9)', () => {
  afterEach(unmountAll);

  it('drops every non-http(s) url of records given as ProgressRecord objects', async () => {
    for (const url of HOSTILE_URLS) expectSafe(await mountTracker(recordObjects(url)), JSON.stringify(url));
  });

  it('drops every non-http(s) url of records given as the documented JSON', async () => {
    for (const url of HOSTILE_URLS) expectSafe(await mountTracker(recordsJson(url)), JSON.stringify(url));
  });

  it('drops them from records-src and from a provider client that answers with ProgressRecord objects', async () => {
    for (const url of HOSTILE_URLS.slice(0, 3)) {
      const fetch = async (): Promise<Response> => new Response(JSON.stringify(recordsJson(url)));
      expectSafe(await mountTracker(undefined, { src: '/progress.json', fetch }), `records-src ${url}`);
      const client = { fetchProgress: async () => recordObjects(url) };
      expectSafe(await mountTracker(undefined, { src: '/progress.json', client }), `client ${url}`);
    }
  });

  it('keeps an http(s) url: a link, and the same url in mc-next-step', async () => {
    for (const records of [recordObjects(GOOD), recordsJson(GOOD)]) {
      const el = await mountTracker(records);
      const { action, url } = act(el);
      expect(action.tagName).to.equal('A');
      expect(action.getAttribute('href')).to.equal(GOOD);
      expect(url).to.equal(GOOD);
    }
  });
});

/**
 * The educator page's stack trackers: one `<mc-progress-tracker>` per stack of the demo issuer's
 * catalog, computed from Ana Rivera's real signed credentials (from the issuer's OB 3.0 API, each
 * verified so revoked ones never count) and her progress records (`GET /educators/ana-rivera/progress`,
 * mapped to the documented progress-record JSON).
 */
import { readPathway, verifyCredential, type HeldCredential, type CredentialView } from '@microcred/core';
import type { McProgressTracker } from '@microcred/elements';
import { TOKENS, credentialsOf, issuerJson, issuerVerifyFetch } from './issuer.js';
import { currentLang } from './shell.js';

interface IssuerProgress {
  stacks: {
    stack: { id: string };
    steps: { achievement: string; state: string; feedback?: unknown; credential?: string }[];
  }[];
}
interface IssuerFeed {
  stacks: { id: string; name: string }[];
}

const RECORD_STATES = new Set([
  'not-started',
  'in-progress',
  'submitted',
  'in-review',
  'returned',
  'earned',
  'expired',
]);

/** The issuer's progress steps as documented progress records (revoked comes from verification instead). */
function toRecords(progress: IssuerProgress): Record<string, unknown>[] {
  return progress.stacks.flatMap((s) =>
    s.steps
      .filter((step) => RECORD_STATES.has(step.state))
      .map((step) => ({
        achievement: step.achievement,
        state: step.state,
        ...(step.credential ? { credential: step.credential } : {}),
        ...(typeof step.feedback === 'string'
          ? { feedback: { comment: step.feedback } }
          : step.feedback && typeof step.feedback === 'object'
            ? { feedback: step.feedback }
            : {}),
      })),
  );
}

/** Ana's credentials, verified: revoked ones are marked so they never count. */
async function held(): Promise<HeldCredential[]> {
  const raw = await credentialsOf(TOKENS.ana);
  const out: HeldCredential[] = [];
  for (const credential of raw) {
    const report = await verifyCredential(credential, { fetch: issuerVerifyFetch }).catch(() => undefined);
    const view: CredentialView | undefined = report?.credential;
    if (!report || !view) continue;
    out.push({ view, revoked: report.checks.some((c) => c.outcome === 'failed' && c.code === 'revoked') });
  }
  return out;
}

/** Opens the district catalog searched for a requirement (by its name), in the page's language. */
function openInCatalog(p: { requirement: { name?: string; id: string } }): void {
  const url = new URL('district.html', location.href);
  url.searchParams.set('mc-q', p.requirement.name ?? p.requirement.id);
  if (currentLang() === 'es') url.searchParams.set('lang', 'es');
  location.assign(url);
}

/** Fills `#stack-trackers` with one tracker per stack, in the page's language. */
export async function mountTrackers(): Promise<void> {
  const host = document.querySelector('#stack-trackers');
  if (!host) return;
  const suffix = (): string => (currentLang() === 'es' ? '?lang=es' : '');
  const [credentials, progress] = await Promise.all([
    held(),
    issuerJson<IssuerProgress>('/educators/ana-rivera/progress'),
  ]);
  const records = { learner: 'ana-rivera', records: toRecords(progress) };
  const render = async (): Promise<void> => {
    const feed = await issuerJson<IssuerFeed>(`/achievements${suffix()}`);
    const trackers = feed.stacks.map((stack) => {
      const li = document.createElement('li');
      const tracker = document.createElement('mc-progress-tracker') as McProgressTracker;
      tracker.headingLevel = 3;
      // The page handles the trackers' events (so a step without an address is a working button):
      // a requirement or a next step opens the district catalog searched for it, to register there.
      tracker.actionable = true;
      tracker.addEventListener('mc-requirement-select', (e) => openInCatalog(e.progress));
      tracker.addEventListener('mc-next-step', (e) => {
        if (!e.progress.record?.url) openInCatalog(e.progress);
      });
      tracker.pathway = readPathway(feed, stack.id);
      tracker.credentials = credentials;
      tracker.records = records;
      li.append(tracker);
      return li;
    });
    host.replaceChildren(...trackers);
  };
  await render();
  let shown = currentLang();
  new MutationObserver(() => {
    if (currentLang() !== shown) void render().then(() => (shown = currentLang()));
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

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

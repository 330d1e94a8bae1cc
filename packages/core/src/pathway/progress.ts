/**
 * `computeProgress(pathway, credentials, records, { now })`: which requirements a learner has met,
 * what is under way, and what to do next.
 *
 * Matching: a credential satisfies a single requirement when its achievement id (OB 3.0
 * achievement id, or OB 2.0 BadgeClass id) is the requirement's `achievementId` or one of its
 * `alsoMatches`; when the pathway sets `matchAlignments`, also when one of its alignments has the
 * same `targetUrl` or `targetCode` as one of the requirement's. CLR 2.0 records are opened and their
 * credentials matched one by one. Revoked credentials never count; expired ones count only when
 * the requirement (or else the pathway) accepts them; not-yet-valid ones do not count.
 */
import { isExpired, isNotYetValid, type CredentialView } from '../model/credential-view.js';
import type {
  AchievementRequirement,
  HeldCredential,
  Pathway,
  PathwayProgress,
  PathwayRequirement,
  ProgressRecord,
  RecordState,
  RequirementProgress,
  RequirementState,
} from './types.js';

/** Options of {@link computeProgress}. */
export interface ComputeProgressOptions {
  /** The instant expiry is judged at (default: now). Pin it in tests. */
  now?: Date;
  /** Records saying `earned` count only with a matching valid credential (default false: the host's records are trusted). */
  requireCredential?: boolean;
}

/** Whether a credential (or its source document) is marked revoked. */
function revokedFlag(c: HeldCredential): boolean {
  if (c.revoked) return true;
  const src = c.view.source as Record<string, unknown> | undefined;
  return !!src && typeof src === 'object' && src['revoked'] === true;
}

/** CLR 2.0 records hold credentials: every credential the learner has, flattened. */
function flatten(list: readonly (CredentialView | HeldCredential)[]): HeldCredential[] {
  const out: HeldCredential[] = [];
  const add = (c: HeldCredential): void => {
    out.push(c);
    // the record's flags (revoked, suspended) hold for each credential inside it
    for (const inner of c.view.credentials ?? []) add({ ...c, view: inner });
  };
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    add(
      'view' in item && item.view && typeof item.view === 'object'
        ? (item as HeldCredential)
        : { view: item as CredentialView },
    );
  }
  return out;
}

const RANK: Record<RecordState, number> = {
  'not-started': 0,
  expired: 1,
  'in-progress': 2,
  returned: 3,
  submitted: 4,
  'in-review': 5,
  earned: 6,
};

/** The newest record per achievement id (by `updated`, then by how far it got). */
function latestRecords(records: readonly ProgressRecord[]): Map<string, ProgressRecord> {
  const map = new Map<string, ProgressRecord>();
  for (const r of records) {
    if (!r || typeof r.achievementId !== 'string') continue;
    const prev = map.get(r.achievementId);
    const newer =
      !prev ||
      (r.updated?.getTime() ?? -Infinity) > (prev.updated?.getTime() ?? -Infinity) ||
      ((r.updated?.getTime() ?? -Infinity) === (prev.updated?.getTime() ?? -Infinity) &&
        RANK[r.state] > RANK[prev.state]);
    if (newer) map.set(r.achievementId, r);
  }
  return map;
}

interface Held {
  c: HeldCredential;
  /** Revoked or suspended by its issuer: it does not count, and says so. */
  off: 'revoked' | 'suspended' | undefined;
  expired: boolean;
  future: boolean;
}

/**
 * Computes a learner's progress through `pathway` from the credentials they hold (normalised views,
 * or `{ view, revoked }` / `{ view, suspended }` when a verification found one revoked or suspended)
 * and the host's progress records.
 * Total: bad entries in `credentials` or `records` are ignored.
 */
export function computeProgress(
  pathway: Pathway,
  credentials: readonly (CredentialView | HeldCredential)[] = [],
  records: readonly ProgressRecord[] = [],
  options: ComputeProgressOptions = {},
): PathwayProgress {
  const now = options.now ?? new Date();
  const held: Held[] = flatten(credentials).map((c) => ({
    c,
    off: revokedFlag(c) ? 'revoked' : c.suspended ? 'suspended' : undefined,
    expired: isExpired(c.view, now),
    future: isNotYetValid(c.view, now),
  }));
  const byAchievement = new Map<string, Held[]>();
  for (const h of held) {
    const id = h.c.view.achievementId;
    if (id) byAchievement.set(id, [...(byAchievement.get(id) ?? []), h]);
  }
  const latest = latestRecords(records);
  const byId = new Map<string, RequirementProgress>();

  const matches = (ids: string[], req?: AchievementRequirement): Held[] => {
    const found = ids.flatMap((id) => byAchievement.get(id) ?? []);
    if (req && pathway.matchAlignments && req.alignments.length) {
      for (const h of held) {
        if (found.includes(h)) continue;
        const hit = h.c.view.alignments.some((a) =>
          req.alignments.some(
            (r) => (r.url && a.url === r.url) || (r.code && a.code !== undefined && a.code === r.code),
          ),
        );
        if (hit) found.push(h);
      }
    }
    return found;
  };

  /** The best credential among `found`: valid, else accepted-expired; with the revoked/suspended/expired ones seen. */
  const best = (found: Held[], acceptExpired: boolean) => {
    const usable = found.filter((h) => !h.off && !h.future);
    const valid = usable.find((h) => !h.expired);
    const expired = usable.find((h) => h.expired);
    return {
      valid: valid ?? (acceptExpired ? expired : undefined),
      expiredAccepted: !valid && acceptExpired && !!expired,
      expired,
      // revoked (final) before suspended
      off: found.find((h) => h.off === 'revoked') ?? found.find((h) => h.off),
      // authentic, but its validity period has not begun: it counts from then
      future: found.find((h) => !h.off && h.future),
    };
  };

  const evalLeaf = (req: AchievementRequirement): RequirementProgress => {
    const ids = [req.achievementId, ...req.alsoMatches];
    const acceptExpired = req.acceptExpired ?? pathway.acceptExpired;
    const b = best(matches(ids, req), acceptExpired);
    const record = ids.map((id) => latest.get(id)).find(Boolean);
    const p: RequirementProgress = {
      requirement: req,
      state: 'not-started',
      satisfied: false,
      optional: req.optional,
      done: 0,
      required: 1,
      children: [],
      blockedBy: [],
    };
    if (record) p.record = record;
    if (b.valid) {
      p.state = 'earned';
      p.satisfied = true;
      p.credential = b.valid.c.view;
      if (b.expiredAccepted) p.expiredAccepted = true;
    } else {
      const recordState = record?.state;
      const active =
        recordState && recordState !== 'not-started' && recordState !== 'earned' && recordState !== 'expired';
      if (active) p.state = recordState;
      else if (b.off) {
        p.state = b.off.off!;
        p.credential = b.off.c.view;
      } else if (b.future) {
        p.state = 'not-yet-valid';
        p.credential = b.future.c.view;
      } else if (b.expired || recordState === 'expired') {
        p.state = 'expired';
        if (b.expired) p.credential = b.expired.c.view;
      } else if (recordState === 'earned' && !options.requireCredential) {
        p.state = 'earned';
        p.satisfied = true;
      }
    }
    p.done = p.satisfied ? 1 : 0;
    return p;
  };

  const evaluate = (req: PathwayRequirement): RequirementProgress => {
    if (req.kind === 'achievement') {
      const p = evalLeaf(req);
      byId.set(req.id, p);
      return p;
    }
    const children = req.children.map(evaluate);
    const counted = req.kind === 'all' ? children.filter((c) => !c.optional) : children;
    const required = req.kind === 'all' ? counted.length : Math.min(req.n, children.length);
    const satisfiedCount = counted.filter((c) => c.satisfied).length;
    const p: RequirementProgress = {
      requirement: req,
      state: 'not-started',
      satisfied: satisfiedCount >= required,
      optional: req.optional,
      done: Math.min(satisfiedCount, required),
      required,
      children,
      blockedBy: [],
    };
    if (!p.satisfied && req.achievementId) {
      const b = best(byAchievement.get(req.achievementId) ?? [], pathway.acceptExpired);
      if (b.valid) {
        p.satisfied = true;
        p.done = required;
        p.credential = b.valid.c.view;
        if (b.expiredAccepted) p.expiredAccepted = true;
      }
    }
    p.state = p.satisfied
      ? 'earned'
      : children.some(
            (c) => !['not-started', 'revoked', 'suspended', 'not-yet-valid', 'expired'].includes(c.state),
          ) || satisfiedCount > 0
        ? 'in-progress'
        : 'not-started';
    byId.set(req.id, p);
    return p;
  };

  const root = evaluate(pathway.root);

  // Prerequisites: requirement ids in the tree, or outside achievement ids met by a valid credential.
  const met = (id: string): boolean => {
    const inTree = byId.get(id);
    if (inTree) return inTree.satisfied;
    return !!best(byAchievement.get(id) ?? [], pathway.acceptExpired).valid;
  };
  for (const p of byId.values()) p.blockedBy = p.requirement.prerequisites.filter((id) => !met(id));

  const stack = pathway.achievement
    ? best(byAchievement.get(pathway.achievement.id) ?? [], pathway.acceptExpired).valid
    : undefined;
  const complete = root.satisfied || !!stack;

  // Next steps: unmet, unblocked single requirements inside unmet groups, most urgent first.
  const steps: RequirementProgress[] = [];
  const waiting: RequirementProgress[] = [];
  const collect = (p: RequirementProgress, inherited: boolean): void => {
    if (p.satisfied) return;
    const blocked = inherited || p.blockedBy.length > 0;
    if (p.requirement.kind !== 'achievement') {
      for (const c of p.children) if (!(p.requirement.kind === 'all' && c.optional)) collect(c, blocked);
      return;
    }
    if (p.state === 'submitted' || p.state === 'in-review') waiting.push(p);
    // suspended or not yet valid: nothing for the learner to do (it counts once its issuer lifts
    // the suspension, or once its validity period begins)
    else if (!blocked && p.state !== 'suspended' && p.state !== 'not-yet-valid' && !steps.includes(p))
      steps.push(p);
  };
  if (!complete) collect(root, false);
  const URGENCY: Partial<Record<RequirementState, number>> = {
    returned: 0,
    'in-progress': 1,
    expired: 2,
    revoked: 3,
  };
  const nextSteps = steps
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (URGENCY[a.p.state] ?? 4) - (URGENCY[b.p.state] ?? 4) || a.i - b.i)
    .map((x) => x.p);

  const progress: PathwayProgress = {
    pathway,
    root,
    complete,
    done: complete ? root.required : root.done,
    required: root.required,
    percent: complete ? 100 : root.required ? Math.round((root.done / root.required) * 100) : 0,
    nextSteps,
    waiting,
    byId,
  };
  if (stack) progress.stackCredential = stack.c.view;
  return progress;
}

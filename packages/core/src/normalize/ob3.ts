/** Open Badges 3.0: credentials (VCDM 2.0 and 1.1), endorsements and bare Achievements. */
import type {
  CredentialView,
  RecipientView,
  RegistrationView,
  ResultDescriptionView,
  ResultView,
  RubricLevelView,
} from '../model/credential-view.js';
import {
  alignments,
  assign,
  criteria,
  endorsements,
  evidence,
  image,
  profile,
  translations,
} from './common.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import { arr, date, idUrl, isObj, num, obj, str, strs, text, url } from './fields.js';
import type { Obj, Warn } from './fields.js';

function levels(v: unknown): RubricLevelView[] {
  const out: RubricLevelView[] = [];
  for (const l of arr(v)) {
    if (!isObj(l)) continue;
    const name = str(l['name']);
    if (!name) continue;
    out.push(
      assign({ name } as RubricLevelView, {
        id: str(l['id']),
        description: text(l['description']),
        points: str(l['points']),
      }),
    );
  }
  return out;
}

function resultDescriptions(v: unknown): ResultDescriptionView[] {
  const out: ResultDescriptionView[] = [];
  for (const r of arr(v)) {
    if (!isObj(r)) continue;
    const name = str(r['name']);
    if (!name) continue;
    const lv = levels(r['rubricCriterionLevel']);
    const req = str(r['requiredLevel']);
    out.push(
      assign({ name, allowedValue: strs(r['allowedValue']), levels: lv } as ResultDescriptionView, {
        id: str(r['id']),
        resultType: str(r['resultType']),
        requiredLevel: lv.find((l) => l.id === req)?.name ?? req,
        requiredValue: str(r['requiredValue']),
      }),
    );
  }
  return out;
}

function results(v: unknown, rds: ResultDescriptionView[], warn: Warn): ResultView[] {
  const out: ResultView[] = [];
  for (const r of arr(v)) {
    if (!isObj(r)) continue;
    const rdId = str(r['resultDescription']);
    const rd = rdId === undefined ? undefined : rds.find((d) => d.id === rdId);
    const lvId = str(r['achievedLevel']);
    const find = (ds: ResultDescriptionView[]): RubricLevelView | undefined =>
      ds.flatMap((d) => d.levels).find((l) => l.id === lvId);
    // Look in the result's own description first, then anywhere (the spec's own example needs that).
    const level = lvId === undefined ? undefined : ((rd && find([rd])) ?? find(rds));
    if (lvId && !level)
      warn(`result: achieved level "${lvId.slice(0, 60)}" is not described in the achievement.`);
    const res = assign({} as ResultView, {
      status: str(r['status']),
      value: str(r['value']),
      achievedLevel: level?.name,
      description: rd?.name,
    });
    if (Object.keys(res).length > 0) out.push(res);
  }
  return out;
}

/** Decodes `endorsementJwt` entries (compact JWS) into their credentials; undecodable ones are skipped. */
function jwts(v: unknown, warn: Warn): Obj[] {
  const out: Obj[] = [];
  for (const j of arr(v)) {
    try {
      out.push(parseCredentialInput(j).document);
    } catch {
      warn('endorsementJwt: an endorsement could not be decoded.');
    }
  }
  return out;
}

/** Recipient from an AchievementSubject: public id, unhashed identifiers, or only hashed ones. */
function recipient(subj: Obj): RecipientView | undefined {
  const r: RecipientView = { hashed: false };
  const id = str(subj['id']);
  if (id && (idUrl(id) || /^did:/i.test(id))) r.id = id;
  else if (id && /^mailto:/i.test(id)) r.id = id.slice(7);
  const name = str(subj['name']);
  if (name) r.name = name;
  let hashed = false;
  for (const i of arr(subj['identifier'])) {
    if (!isObj(i)) continue;
    const value = str(i['identityHash']);
    if (!value) continue;
    if (i['hashed'] !== false || /^(sha256|md5)\$/i.test(value)) {
      hashed = true;
      continue;
    }
    const t = str(i['identityType']);
    if (t === 'name') r.name ??= value;
    else if (t === 'emailAddress' || t === 'url' || idUrl(value)) r.id ??= value;
  }
  r.hashed = hashed && r.id === undefined && r.name === undefined;
  return r.id || r.name || r.hashed ? r : undefined;
}

/** The catalog-feed extension `registration: {url, opens, closes, cost, seats}`. */
function registration(v: unknown, warn: Warn): RegistrationView | undefined {
  if (!isObj(v)) return undefined;
  const r = assign({} as RegistrationView, {
    url: url(v['url'], warn, 'registration.url'),
    opens: date(v['opens'], warn, 'registration.opens'),
    closes: date(v['closes'], warn, 'registration.closes'),
    cost: str(v['cost']),
    seats: num(v['seats']),
  });
  return Object.keys(r).length > 0 ? r : undefined;
}

/** Fills `view` with the fields of an OB 3.0 Achievement (used by credentials and catalog entries). */
export function readAchievement(view: CredentialView, ach: Obj, warn: Warn): void {
  const rds = resultDescriptions(ach['resultDescription']);
  const name = str(ach['name']);
  assign(view, {
    achievementId: str(ach['id']),
    achievementName: name,
    achievementType: str(ach['achievementType']),
    description: view.description ?? text(ach['description']),
    criteria: criteria(ach['criteria'], warn),
    creditsAvailable: num(ach['creditsAvailable']),
    fieldOfStudy: str(ach['fieldOfStudy']),
    specialization: str(ach['specialization']),
    humanCode: str(ach['humanCode']),
    version: str(ach['version']),
    language: view.language ?? str(ach['inLanguage']),
    registration: registration(ach['registration'], warn),
  });
  view.alignments = alignments(ach['alignment'], warn, 'alignment');
  view.tags = strs(ach['tag']);
  view.resultDescriptions = rds;
  view.translations = translations(ach['related']);
  view.endorsements.push(
    ...endorsements([...arr(ach['endorsement']), ...jwts(ach['endorsementJwt'], warn)], warn),
  );
  view.image ??= image(ach['image'], name ?? view.name, warn, 'achievement.image');
}

/** A bare OB 3.0 Achievement (catalog entry). */
export function ob3Achievement(view: CredentialView, ach: Obj, warn: Warn): CredentialView {
  const name = str(ach['name']);
  if (name) view.name = name;
  view.id = str(ach['id']);
  readAchievement(view, ach, warn);
  const creator = profile(ach['creator'], warn, 'creator');
  if (creator) view.issuer = creator;
  return view;
}

/** An OB 3.0 credential (OpenBadge/Achievement/Endorsement credential or a generic VC). */
export function ob3Credential(view: CredentialView, doc: Obj, warn: Warn): CredentialView {
  const subj = obj(doc['credentialSubject']);
  // A CLR subject's `achievement[]` lists achievements; it does not describe the CLR itself.
  const ach = view.format === 'clr2' ? {} : obj(subj['achievement']);
  const name = str(doc['name']) ?? str(ach['name']);
  if (name) view.name = name;
  const issued = date(doc['validFrom'] ?? doc['issuanceDate'], warn, 'validFrom');
  assign(view, {
    id: str(doc['id']),
    description: text(doc['description']),
    image:
      image(doc['image'], view.name, warn, 'image') ??
      image(subj['image'], view.name, warn, 'credentialSubject.image'),
    issuer: profile(doc['issuer'], warn, 'issuer'),
    recipient: recipient(subj),
    issued,
    validFrom: issued,
    awarded: date(doc['awardedDate'], warn, 'awardedDate'),
    validUntil: date(doc['validUntil'] ?? doc['expirationDate'], warn, 'validUntil'),
    creditsEarned: num(subj['creditsEarned']),
    language: str(doc['inLanguage']),
  });
  view.evidence = evidence(doc['evidence'], warn);
  view.endorsements = endorsements([...arr(doc['endorsement']), ...jwts(doc['endorsementJwt'], warn)], warn);
  readAchievement(view, ach, warn);
  view.results = results(subj['result'], view.resultDescriptions, warn);
  const creator = profile(ach['creator'], warn, 'achievement.creator');
  if (creator && creator.id !== view.issuer?.id) view.creator = creator;
  if (view.format === 'endorsement') view.description ??= text(subj['endorsementComment']);
  return view;
}

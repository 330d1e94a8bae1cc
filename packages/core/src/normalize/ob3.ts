/** Open Badges 3.0: credentials (VCDM 2.0 and 1.1), endorsements and bare Achievements. */
import type {
  CredentialView,
  RecipientView,
  RegistrationView,
  ResultDescriptionView,
  ResultView,
  RubricLevelView,
} from '../model/credential-view.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import {
  alignments,
  assign,
  criteria,
  each,
  endorsements,
  evidence,
  image,
  profile,
  translations,
} from './common.js';
import { arr, date, idUrl, num, obj, str, strs, text, url } from './fields.js';
import type { Obj, Warn } from './fields.js';

const levels = (v: unknown): RubricLevelView[] =>
  each(v, (l) => {
    const name = str(l['name']);
    return name
      ? assign<RubricLevelView>(
          { name },
          { id: str(l['id']), description: text(l['description']), points: str(l['points']) },
        )
      : undefined;
  });

const resultDescriptions = (v: unknown): ResultDescriptionView[] =>
  each(v, (r) => {
    const name = str(r['name']);
    const lv = levels(r['rubricCriterionLevel']);
    const req = str(r['requiredLevel']);
    return name
      ? assign<ResultDescriptionView>(
          { name, allowedValue: strs(r['allowedValue']), levels: lv },
          {
            id: str(r['id']),
            resultType: str(r['resultType']),
            requiredLevel: lv.find((l) => l.id === req)?.name ?? req,
            requiredValue: str(r['requiredValue']),
          },
        )
      : undefined;
  });

function results(v: unknown, rds: ResultDescriptionView[], warn: Warn): ResultView[] {
  return each(v, (r) => {
    const rdId = str(r['resultDescription']);
    const rd = rds.find((d) => d.id === rdId);
    const lvId = str(r['achievedLevel']);
    const find = (ds: ResultDescriptionView[]): RubricLevelView | undefined =>
      ds.flatMap((d) => d.levels).find((l) => l.id === lvId);
    // Look in the result's own description first, then anywhere (the spec's own example needs that).
    const level = lvId === undefined ? undefined : ((rd && find([rd])) ?? find(rds));
    if (lvId && !level) warn('result: achieved level not described in the achievement');
    const res = assign<ResultView>(
      {},
      { status: str(r['status']), value: str(r['value']), achievedLevel: level?.name, description: rd?.name },
    );
    return Object.keys(res).length ? res : undefined;
  });
}

/** Decodes `endorsementJwt` entries (compact JWS) into their credentials; undecodable ones are skipped. */
const jwts = (v: unknown, warn: Warn): Obj[] =>
  arr(v).flatMap((j) => {
    try {
      return [parseCredentialInput(j).document];
    } catch {
      warn('endorsementJwt: undecodable endorsement skipped');
      return [];
    }
  });

/** Recipient from an AchievementSubject: public id, unhashed identifiers, or only hashed ones. */
function recipient(subj: Obj): RecipientView | undefined {
  const id = str(subj['id']);
  const r = assign<RecipientView>(
    { hashed: false },
    {
      id: id && (idUrl(id) ?? (/^did:/i.test(id) ? id : /^mailto:/i.test(id) ? id.slice(7) : undefined)),
      name: str(subj['name']),
    },
  );
  let hashed = false;
  for (const i of arr(subj['identifier'])) {
    const o = obj(i);
    const value = str(o['identityHash']);
    if (!value) continue;
    if (o['hashed'] !== false || /^(sha256|md5)\$/i.test(value)) hashed = true;
    else if (o['identityType'] === 'name') r.name ??= value;
    else if (o['identityType'] === 'emailAddress' || idUrl(value)) r.id ??= value;
  }
  r.hashed = hashed && !r.id && !r.name;
  return r.id || r.name || r.hashed ? r : undefined;
}

/** The catalog-feed extension `registration: {url, opens, closes, cost, seats}`. */
function registration(v: unknown, warn: Warn): RegistrationView | undefined {
  const o = obj(v);
  const r = assign<RegistrationView>(
    {},
    {
      url: url(o['url'], warn, 'registration'),
      opens: date(o['opens'], warn, 'registration.opens'),
      closes: date(o['closes'], warn, 'registration.closes'),
      cost: str(o['cost']),
      seats: num(o['seats']),
    },
  );
  return Object.keys(r).length ? r : undefined;
}

/** Fills `view` with the fields of an OB 3.0 Achievement (used by credentials and catalog entries). */
export function readAchievement(view: CredentialView, ach: Obj, warn: Warn): void {
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
    image: view.image ?? image(ach['image'], name ?? view.name, warn, 'achievement.image'),
    alignments: alignments(ach['alignment'], warn),
    tags: strs(ach['tag']),
    resultDescriptions: resultDescriptions(ach['resultDescription']),
    translations: translations(ach['related']),
  });
  view.endorsements.push(
    ...endorsements([...arr(ach['endorsement']), ...jwts(ach['endorsementJwt'], warn)], warn),
  );
}

/** A bare OB 3.0 Achievement (catalog entry); its creator is shown as the issuer. */
export function ob3Achievement(view: CredentialView, ach: Obj, warn: Warn): CredentialView {
  assign(view, {
    name: str(ach['name']),
    id: str(ach['id']),
    issuer: profile(ach['creator'], warn, 'creator'),
  });
  readAchievement(view, ach, warn);
  return view;
}

/** An OB 3.0 credential (OpenBadge/Achievement/Endorsement/CLR credential or a generic VC). */
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
    evidence: evidence(doc['evidence'], warn),
    endorsements: endorsements([...arr(doc['endorsement']), ...jwts(doc['endorsementJwt'], warn)], warn),
  });
  readAchievement(view, ach, warn);
  view.results = results(subj['result'], view.resultDescriptions, warn);
  const creator = profile(ach['creator'], warn, 'creator');
  if (creator && creator.id !== view.issuer?.id) view.creator = creator;
  if (view.format === 'endorsement') view.description ??= text(subj['endorsementComment']);
  return view;
}

/** Open Badges 3.0: credentials (VCDM 2.0 and 1.1), endorsements and bare Achievements. */
import type {
  CredentialView,
  RecipientView,
  ResultDescriptionView,
  ResultView,
  RubricLevelView,
} from '../model/credential-view.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import { alignments, criteria, endorsements, evidence, image, profile, translations } from './common.js';
import { arr, date, idUrl, isHash, list, num, obj, pick, str, strs, text, url, warn } from './fields.js';
import type { Obj } from './fields.js';

const levels = (v: unknown): RubricLevelView[] =>
  list(v, (l) => {
    const name = str(l['name']);
    return name && { name, ...pick(l, 'id points'), description: text(l['description']) };
  });

const resultDescriptions = (v: unknown): ResultDescriptionView[] =>
  list(v, (r) => {
    const name = str(r['name']);
    const lv = levels(r['rubricCriterionLevel']);
    const req = str(r['requiredLevel']);
    return (
      name && {
        name,
        allowedValue: strs(r['allowedValue']),
        levels: lv,
        ...pick(r, 'id resultType requiredValue'),
        requiredLevel: lv.find((l) => l.id === req)?.name ?? req,
      }
    );
  });

/** Results, with their description and achieved level resolved to names. */
const results = (v: unknown, rds: ResultDescriptionView[]): ResultView[] =>
  list(v, (r) => {
    const rdId = str(r['resultDescription']);
    const rd = rds.find((d) => d.id === rdId);
    const lvId = str(r['achievedLevel']);
    const find = (ls: RubricLevelView[]): RubricLevelView | undefined => ls.find((l) => l.id === lvId);
    // Look in the result's own description first, then anywhere (the spec's own example needs that).
    const level = lvId ? ((rd && find(rd.levels)) ?? find(rds.flatMap((d) => d.levels))) : undefined;
    if (lvId && !level) warn('result: unknown achievedLevel');
    return { ...pick(r, 'status value'), achievedLevel: level?.name, description: rd?.name };
  });

/** `endorsement` plus the decoded `endorsementJwt` entries (compact JWS); undecodable ones are skipped. */
function allEndorsements(o: Obj) {
  const decoded = arr(o['endorsementJwt']).flatMap((j) => {
    try {
      return [parseCredentialInput(j).document];
    } catch {
      warn('endorsementJwt: one is undecodable');
      return [];
    }
  });
  return endorsements([...arr(o['endorsement']), ...decoded]);
}

/** Recipient from an AchievementSubject: public id, unhashed identifiers, or only hashed ones. */
function recipient(subj: Obj): RecipientView | undefined {
  const id = str(subj['id']);
  const r: RecipientView = {
    hashed: false,
    id: id && (idUrl(id) ?? (/^did:/i.test(id) ? id : /^mailto:/i.test(id) ? id.slice(7) : undefined)),
    name: str(subj['name']),
  };
  let hashed = false;
  for (const i of arr(subj['identifier'])) {
    const o = obj(i);
    const value = str(o['identityHash']);
    if (!value) continue;
    if (o['hashed'] !== false || isHash(value)) hashed = true;
    else if (o['identityType'] === 'name') r.name ??= value;
    else if (o['identityType'] === 'emailAddress' || idUrl(value)) r.id ??= value;
  }
  r.hashed = hashed && !r.id && !r.name;
  return r.id || r.name || r.hashed ? r : undefined;
}

/** Fills `view` with the fields of an OB 3.0 Achievement (used by credentials and catalog entries). */
function readAchievement(view: CredentialView, ach: Obj): void {
  const name = str(ach['name']);
  const reg = obj(ach['registration']);
  Object.assign(view, {
    achievementId: str(ach['id']),
    achievementName: name,
    achievementType: str(ach['achievementType']),
    description: view.description ?? text(ach['description']),
    criteria: criteria(ach['criteria']),
    creditsAvailable: num(ach['creditsAvailable']),
    ...pick(ach, 'fieldOfStudy specialization humanCode version'),
    language: view.language ?? str(ach['inLanguage']),
    // The catalog-feed extension `registration: {url, opens, closes, cost, seats}`.
    registration: {
      url: url(reg['url'], 'registration'),
      opens: date(reg['opens'], 'registration.opens'),
      closes: date(reg['closes'], 'registration.closes'),
      cost: str(reg['cost']),
      seats: num(reg['seats']),
    },
    image: view.image ?? image(ach['image'], name ?? view.name, 'achievement.image'),
    alignments: alignments(ach['alignment']),
    tags: strs(ach['tag']),
    resultDescriptions: resultDescriptions(ach['resultDescription']),
    translations: translations(ach['related']),
  });
  view.endorsements.push(...allEndorsements(ach));
}

/** A bare OB 3.0 Achievement (catalog entry); its creator is shown as the issuer. */
export function ob3Achievement(view: CredentialView, ach: Obj): void {
  view.kind = 'achievement';
  view.name = str(ach['name']) ?? view.name;
  view.id = str(ach['id']);
  view.issuer = profile(ach['creator'], 'creator');
  readAchievement(view, ach);
}

/** An OB 3.0 credential (OpenBadge/Achievement/Endorsement/CLR credential or a generic VC). */
export function ob3Credential(view: CredentialView, doc: Obj): void {
  const subj = obj(doc['credentialSubject']);
  // A CLR subject's `achievement[]` lists achievements; it does not describe the CLR itself.
  const ach = view.format === 'clr2' ? {} : obj(subj['achievement']);
  const name = (view.name = str(doc['name']) ?? str(ach['name']) ?? view.name);
  const issued = date(doc['validFrom'] ?? doc['issuanceDate'], 'validFrom');
  Object.assign(view, {
    id: str(doc['id']),
    description: text(doc['description']),
    image: image(doc['image'], name, 'image') ?? image(subj['image'], name, 'credentialSubject.image'),
    issuer: profile(doc['issuer'], 'issuer'),
    recipient: recipient(subj),
    issued,
    validFrom: issued,
    awarded: date(doc['awardedDate'], 'awardedDate'),
    validUntil: date(doc['validUntil'] ?? doc['expirationDate'], 'validUntil'),
    creditsEarned: num(subj['creditsEarned']),
    language: str(doc['inLanguage']),
    evidence: evidence(doc['evidence']),
    endorsements: allEndorsements(doc),
  });
  readAchievement(view, ach);
  view.results = results(subj['result'], view.resultDescriptions);
  const creator = profile(ach['creator'], 'creator');
  if (creator.id !== view.issuer?.id) view.creator = creator;
  if (view.format === 'endorsement') view.description ??= text(subj['endorsementComment']);
}

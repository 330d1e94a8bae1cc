/**
 * The parts of a credential, for every format: images, profiles, recipients, alignments, evidence,
 * endorsements, translations, criteria, results and rubrics. Empty fields are left `undefined` for `prune` (see fields.ts).
 */
import type {
  AlignmentView,
  CredentialView,
  EndorsementView,
  EvidenceView,
  ImageView,
  ProfileView,
  RecipientView,
  ResultDescriptionView,
  ResultView,
  RubricLevelView,
  TranslationView,
} from '../model/credential-view.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import { arr, date, idUrl, isHash, isObj, list, obj, pick, str, strs, text, url, warn } from './fields.js';
import type { Obj } from './fields.js';

/** An image given as a URL string or an `{id, caption}` object; alt = caption, else `name`. */
export function image(v: unknown, name: string, where: string): ImageView | undefined {
  const u = url(v, where, true);
  return u ? { url: u, alt: str(obj(v)['caption']) ?? name } : undefined;
}

/** An issuer, creator or endorser given as an id string or a profile object. */
export function profile(v: unknown, where: string): ProfileView {
  const first = arr(v)[0];
  const p = obj(first);
  const name = str(p['name']);
  return {
    id: str(isObj(first) ? p['id'] : first),
    name,
    url: url(p['url'], where),
    email: str(p['email'])?.replace(/^mailto:/i, ''),
    image: image(p['image'], name ?? '', where),
    description: text(p['description']),
  };
}

/** OB 3.0 or OB 2.0 alignments; entries without any name are skipped. */
export const alignments = (v: unknown): AlignmentView[] =>
  list(v, (a) => {
    const name = str(a['targetName']) ?? str(a['targetCode']);
    return (
      name && {
        name,
        url: url(a['targetUrl'], 'alignment'),
        code: str(a['targetCode']),
        framework: str(a['targetFramework']),
        description: text(a['targetDescription']),
        type: str(a['targetType']),
      }
    );
  });

/** Evidence: URL strings or objects (OB 3.0 and OB 2.0 share the field names). */
export const evidence = (v: unknown): EvidenceView[] =>
  arr(v).map((e) => ({
    url: url(isObj(e) ? e['id'] : e, 'evidence'),
    ...pick(obj(e), 'name genre audience'),
    ...pick(obj(e), 'description narrative', text),
  }));

/**
 * The endorsements of `o`: OB 3.0 `EndorsementCredential`s (comment in
 * `credentialSubject.endorsementComment`), OB 2.0 `Endorsement`s (comment in `claim.endorsementComment`)
 * and decoded `endorsementJwt` entries (undecodable ones are skipped). Link-only entries keep their id.
 */
export function endorsements(o: Obj): EndorsementView[] {
  const decoded = arr(o['endorsementJwt']).flatMap((j) => {
    try {
      return [parseCredentialInput(j).document];
    } catch {
      warn('endorsementJwt: one is undecodable');
      return [];
    }
  });
  return [...arr(o['endorsement']), ...decoded].map((e) => {
    const o = obj(e);
    return {
      id: str(isObj(e) ? o['id'] : e),
      endorser: profile(o['issuer'], 'endorser'),
      comment: text(obj(o['credentialSubject'] ?? o['claim'])['endorsementComment']),
      issued: date(o['validFrom'] ?? o['issuanceDate'] ?? o['issuedOn'], 'endorsement'),
    };
  });
}

/** Translations: OB 3.0 `related[]` with `inLanguage`, OB 2.0 `related` with `@language`. */
export const translations = (v: unknown): TranslationView[] =>
  list(v, (r) => {
    const lang = str(r['inLanguage'] ?? r['@language']);
    const id = str(r['id']);
    return lang && { lang, id, url: idUrl(id) };
  });

/** `{narrative, url}` from an OB 3.0/2.0 `criteria` object or an OB 2.0 criteria URL. */
export const criteria = (v: unknown): CredentialView['criteria'] => ({
  narrative: text(obj(v)['narrative']),
  url: url(v, 'criteria'),
});

const levels = (v: unknown): RubricLevelView[] =>
  list(v, (l) => {
    const name = str(l['name']);
    return name && { name, ...pick(l, 'id points'), description: text(l['description']) };
  });

/** OB 3.0 result descriptions (rubric criteria), with the required level resolved to its name. */
export const resultDescriptions = (v: unknown): ResultDescriptionView[] =>
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

/** OB 3.0 results, with their description and achieved level resolved to names. */
export const results = (v: unknown, rds: ResultDescriptionView[]): ResultView[] =>
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

/** Recipient from an OB 3.0 AchievementSubject: public id, unhashed identifiers, or only hashed ones. */
export function recipient(subj: Obj): RecipientView | undefined {
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

/** Recipient of an OB 2.0 Assertion: its identity is shown only when it is not hashed. */
export function ob2Recipient(v: unknown): RecipientView | undefined {
  const r = obj(v);
  const identity = str(r['identity']);
  const hashed = (r['hashed'] !== false && r['hashed'] !== 'false') || isHash(identity);
  return identity ? { hashed, id: hashed ? undefined : identity.replace(/^mailto:/i, '') } : undefined;
}

/**
 * Pieces shared by every format: images, profiles, alignments, evidence, endorsements,
 * translations and criteria. Empty fields are left `undefined` for `prune` (see fields.ts).
 */
import type {
  AlignmentView,
  CredentialView,
  EndorsementView,
  EvidenceView,
  ImageView,
  ProfileView,
  TranslationView,
} from '../model/credential-view.js';
import { arr, date, idUrl, isObj, list, obj, pick, str, text, url } from './fields.js';

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
 * Endorsements: OB 3.0 `EndorsementCredential`s (comment in `credentialSubject.endorsementComment`)
 * and OB 2.0 `Endorsement`s (comment in `claim.endorsementComment`). Link-only entries keep their id.
 */
export const endorsements = (v: unknown): EndorsementView[] =>
  arr(v).map((e) => {
    const o = obj(e);
    return {
      id: str(isObj(e) ? o['id'] : e),
      endorser: profile(o['issuer'], 'endorser'),
      comment: text(obj(o['credentialSubject'] ?? o['claim'])['endorsementComment']),
      issued: date(o['validFrom'] ?? o['issuanceDate'] ?? o['issuedOn'], 'endorsement'),
    };
  });

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

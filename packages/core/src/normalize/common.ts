/**
 * Pieces shared by every format: images, profiles, alignments, evidence, endorsements and the
 * empty view every reader starts from.
 */
import type {
  AlignmentView,
  CredentialFormat,
  CredentialView,
  EndorsementView,
  EvidenceView,
  ImageView,
  ProfileView,
  TranslationView,
} from '../model/credential-view.js';
import { UNTITLED_NAME, arr, date, idUrl, isObj, obj, str, text, url } from './fields.js';
import type { Obj, Warn } from './fields.js';

/** An empty view of the given format and kind. */
export const emptyView = (
  format: CredentialFormat,
  kind: CredentialView['kind'],
  source: unknown,
  warnings: string[],
): CredentialView => ({
  kind,
  format,
  name: UNTITLED_NAME,
  alignments: [],
  tags: [],
  evidence: [],
  results: [],
  resultDescriptions: [],
  endorsements: [],
  translations: [],
  credentials: [],
  associations: [],
  hasProof: false,
  warnings,
  source,
});

/** Copies the defined entries of `from` onto `to` (skipping `undefined`). */
export function assign<T extends object>(to: T, from: Partial<T>): T {
  for (const [k, v] of Object.entries(from)) if (v !== undefined) (to as Obj)[k] = v;
  return to;
}

/** `assign` onto a fresh object; `undefined` when nothing was defined. */
const some = <T extends object>(from: Partial<T>): T | undefined => {
  const o = assign({} as T, from);
  return Object.keys(o).length > 0 ? o : undefined;
};

/** Maps the objects of an array-or-single value, dropping `undefined` results. */
export const each = <T>(v: unknown, f: (o: Obj) => T | undefined): T[] =>
  arr(v).flatMap((x) => {
    const r = isObj(x) ? f(x) : undefined;
    return r === undefined ? [] : [r];
  });

/** An image given as a URL string or an `{id, caption}` object; alt = caption, else `name`. */
export function image(v: unknown, name: string, warn: Warn, where: string): ImageView | undefined {
  const u = url(v, warn, where, true);
  return u === undefined ? undefined : { url: u, alt: (isObj(v) ? str(v['caption']) : undefined) ?? name };
}

/** An issuer, creator or endorser given as an id string or a profile object. */
export function profile(v: unknown, warn: Warn, where: string): ProfileView | undefined {
  const first = arr(v)[0];
  const p = obj(first);
  const id = str(isObj(first) ? p['id'] : first);
  const name = str(p['name']);
  return some<ProfileView>({
    id,
    name,
    url: url(p['url'], warn, where),
    email: str(p['email'])?.replace(/^mailto:/i, ''),
    image: image(p['image'], name ?? '', warn, where),
    description: text(p['description']),
  });
}

/** OB 3.0 or OB 2.0 alignments; entries without any name are skipped. */
export const alignments = (v: unknown, warn: Warn): AlignmentView[] =>
  each(v, (a) => {
    const name = str(a['targetName']) ?? str(a['targetCode']);
    return name === undefined
      ? undefined
      : assign<AlignmentView>(
          { name },
          {
            url: url(a['targetUrl'], warn, 'alignment'),
            code: str(a['targetCode']),
            framework: str(a['targetFramework']),
            description: text(a['targetDescription']),
            type: str(a['targetType']),
          },
        );
  });

/** Evidence: URL strings or objects (OB 3.0 and OB 2.0 share the field names). */
export const evidence = (v: unknown, warn: Warn): EvidenceView[] =>
  arr(v).flatMap((e) => {
    const o = obj(e);
    const ev = some<EvidenceView>({
      url: url(isObj(e) ? e['id'] : e, warn, 'evidence'),
      name: str(o['name']),
      description: text(o['description']),
      narrative: text(o['narrative']),
      genre: str(o['genre']),
      audience: str(o['audience']),
    });
    return ev ? [ev] : [];
  });

/**
 * Endorsements: OB 3.0 `EndorsementCredential`s (comment in `credentialSubject.endorsementComment`)
 * and OB 2.0 `Endorsement`s (comment in `claim.endorsementComment`). Link-only entries keep their id.
 */
export const endorsements = (v: unknown, warn: Warn): EndorsementView[] =>
  arr(v).flatMap((e) => {
    const o = obj(e);
    const en = some<EndorsementView>({
      id: str(isObj(e) ? o['id'] : e),
      endorser: profile(o['issuer'], warn, 'endorser'),
      comment: text(obj(o['credentialSubject'] ?? o['claim'])['endorsementComment']),
      issued: date(o['validFrom'] ?? o['issuanceDate'] ?? o['issuedOn'], warn, 'endorsement'),
    });
    return en ? [en] : [];
  });

/** Translations: OB 3.0 `related[]` with `inLanguage`, OB 2.0 `related` with `@language`. */
export const translations = (v: unknown): TranslationView[] =>
  each(v, (r) => {
    const lang = str(r['inLanguage'] ?? r['@language']);
    const id = str(r['id']);
    return lang ? assign<TranslationView>({ lang }, { id, url: idUrl(id) }) : undefined;
  });

/** `{narrative, url}` from an OB 3.0/2.0 `criteria` object or an OB 2.0 criteria URL. */
export const criteria = (v: unknown, warn: Warn): CredentialView['criteria'] =>
  some({ narrative: text(obj(v)['narrative']), url: url(v, warn, 'criteria') });

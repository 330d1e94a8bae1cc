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
import { UNTITLED_NAME, arr, date, isObj, obj, str, text, url, idUrl } from './fields.js';
import type { Obj, Warn } from './fields.js';

/** An empty view of the given format and kind. */
export function emptyView(
  format: CredentialFormat,
  kind: CredentialView['kind'],
  source: unknown,
  warnings: string[],
): CredentialView {
  return {
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
  };
}

/** An image given as a URL string or an `{id, caption}` object; alt = caption, else `name`. */
export function image(v: unknown, name: string, warn: Warn, where: string): ImageView | undefined {
  const u = url(v, warn, where, true);
  if (u === undefined) return undefined;
  return { url: u, alt: (isObj(v) ? str(v['caption']) : undefined) ?? name };
}

/** An issuer, creator or endorser given as an id string or a profile object. */
export function profile(v: unknown, warn: Warn, where: string): ProfileView | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  if (!isObj(first)) {
    const id = str(first);
    return id === undefined ? undefined : { id };
  }
  const p: ProfileView = {};
  const id = str(first['id']);
  const name = str(first['name']);
  const home = url(first['url'], warn, `${where}.url`);
  const email = str(first['email']);
  const img = image(first['image'], name ?? '', warn, `${where}.image`);
  const description = text(first['description']);
  if (id) p.id = id;
  if (name) p.name = name;
  if (home) p.url = home;
  if (email) p.email = email.replace(/^mailto:/i, '');
  if (img) p.image = img;
  if (description) p.description = description;
  return p;
}

/** OB 3.0 or OB 2.0 alignments; entries without any name are skipped. */
export function alignments(v: unknown, warn: Warn, where: string): AlignmentView[] {
  const out: AlignmentView[] = [];
  for (const a of arr(v)) {
    if (!isObj(a)) continue;
    const name = str(a['targetName']) ?? str(a['targetCode']);
    if (name === undefined) continue;
    const al: AlignmentView = { name };
    const u = url(a['targetUrl'], warn, `${where}.targetUrl`);
    const code = str(a['targetCode']);
    const framework = str(a['targetFramework']);
    const description = text(a['targetDescription']);
    const type = str(a['targetType']);
    if (u) al.url = u;
    if (code) al.code = code;
    if (framework) al.framework = framework;
    if (description) al.description = description;
    if (type) al.type = type;
    out.push(al);
  }
  return out;
}

/** Evidence: URL strings or objects (OB 3.0 and OB 2.0 share the field names). */
export function evidence(v: unknown, warn: Warn): EvidenceView[] {
  const out: EvidenceView[] = [];
  for (const e of arr(v)) {
    const ev: EvidenceView = {};
    const o = isObj(e) ? e : {};
    const u = url(isObj(e) ? e['id'] : e, warn, 'evidence');
    if (u) ev.url = u;
    for (const k of ['name', 'genre', 'audience'] as const) {
      const s = str(o[k]);
      if (s) ev[k] = s;
    }
    for (const k of ['description', 'narrative'] as const) {
      const s = text(o[k]);
      if (s) ev[k] = s;
    }
    if (Object.keys(ev).length > 0) out.push(ev);
  }
  return out;
}

/**
 * Endorsements: OB 3.0 `EndorsementCredential`s (comment in `credentialSubject.endorsementComment`)
 * and OB 2.0 `Endorsement`s (comment in `claim.endorsementComment`). Link-only entries keep their id.
 */
export function endorsements(v: unknown, warn: Warn): EndorsementView[] {
  const out: EndorsementView[] = [];
  for (const e of arr(v)) {
    if (!isObj(e)) {
      const id = str(e);
      if (id) out.push({ id });
      continue;
    }
    const en: EndorsementView = {};
    const id = str(e['id']);
    const endorser = profile(e['issuer'], warn, 'endorsement.issuer');
    const subj = obj(e['credentialSubject'] ?? e['claim']);
    const comment = text(subj['endorsementComment']);
    const issued = date(e['validFrom'] ?? e['issuanceDate'] ?? e['issuedOn'], warn, 'endorsement date');
    if (id) en.id = id;
    if (endorser) en.endorser = endorser;
    if (comment) en.comment = comment;
    if (issued) en.issued = issued;
    out.push(en);
  }
  return out;
}

/** Translations: OB 3.0 `related[]` with `inLanguage`, OB 2.0 `related` with `@language`. */
export function translations(v: unknown): TranslationView[] {
  const out: TranslationView[] = [];
  for (const r of arr(v)) {
    if (!isObj(r)) continue;
    const lang = str(r['inLanguage'] ?? r['@language']);
    if (!lang) continue;
    const t: TranslationView = { lang };
    const id = str(r['id']);
    if (id) t.id = id;
    const u = idUrl(id);
    if (u) t.url = u;
    out.push(t);
  }
  return out;
}

/** `{narrative, url}` from an OB 3.0/2.0 `criteria` object or an OB 2.0 criteria URL. */
export function criteria(v: unknown, warn: Warn): CredentialView['criteria'] {
  const c: NonNullable<CredentialView['criteria']> = {};
  const u = url(v, warn, 'criteria');
  const narrative = isObj(v) ? text(v['narrative']) : undefined;
  if (narrative) c.narrative = narrative;
  if (u) c.url = u;
  return c.narrative || c.url ? c : undefined;
}

/** Copies the defined entries of `from` onto `to` (skipping `undefined`). */
export function assign<T extends object>(to: T, from: Partial<T>): T {
  for (const [k, v] of Object.entries(from)) if (v !== undefined) (to as Obj)[k] = v;
  return to;
}

/**
 * Tiny defensive readers used by the normaliser. Each takes `unknown` and returns a clean value or
 * `undefined`; problems worth knowing about go to the warnings of the view being built.
 *
 * Readers build plain object literals whose optional fields may be `undefined`; {@link prune} then
 * removes those fields and empty objects once, when the view is complete.
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
import { isObj, parseCredentialInput } from '../parse/parse-input.js';
import type { Obj } from '../parse/parse-input.js';

export { isObj };
export type { Obj };

/** The name used when a credential has none; elements may translate it. */
export const UNTITLED_NAME = 'Untitled credential';

/** The object itself, the first object of an array, or `{}`. */
export function obj(v: unknown): Obj {
  const first = Array.isArray(v) ? v.find(isObj) : v;
  return isObj(first) ? first : {};
}

/** Always an array: `undefined`/`null` → `[]`, a single value → `[value]`. */
export function arr(v: unknown): unknown[] {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

let warnings: string[] = [];

/** Adds a warning to the view being built (no repeats, at most 50). */
export function warn(message: string): void {
  if (warnings.length < 50 && !warnings.includes(message)) warnings.push(message);
}

/** Sends warnings to `list` from now on; returns the previous list, to restore afterwards. */
export function warnInto(list: string[]): string[] {
  const previous = warnings;
  warnings = list;
  return previous;
}

/**
 * A string without control characters (C0, C1, DEL, line/paragraph separators, byte-order mark),
 * trimmed, `undefined` when empty. Numbers become strings; JSON-LD `{"@value": "…"}` is unwrapped.
 * Single-line text has its whitespace collapsed; multi-line text (Markdown) keeps line feeds and tabs.
 */
function clean(v: unknown, multiline: boolean): string | undefined {
  if (typeof v === 'number' && isFinite(v)) v = String(v);
  if (isObj(v)) v = v['@value'];
  if (typeof v !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const s = v.replace(/\r\n?/g, '\n').replace(/[\0-\b\v-\x1f\x7f-\x9f\u2028\u2029\ufeff]/g, '');
  return (multiline ? s.replace(/(?<![ \t])[ \t]+\n/g, '\n') : s.replace(/\s+/g, ' ')).trim() || undefined;
}

/** A single-line string: controls removed, whitespace collapsed, trimmed; numbers become strings. */
export function str(v: unknown): string | undefined {
  return clean(v, false);
}

/** Multi-line text (plain or Markdown): controls removed except line feeds and tabs, trimmed. */
export function text(v: unknown): string | undefined {
  return clean(v, true);
}

/** The strings of an array-or-single value (for `type`, `tag`, `allowedValue`…). */
export function strs(v: unknown): string[] {
  return arr(v)
    .map(str)
    .filter((s): s is string => !!s);
}

/** `{key: read(o[key])}` for each of the space-separated `keys` (whose names the view shares). */
export function pick(o: Obj, keys: string, read = str): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k of keys.split(' ')) out[k] = read(o[k]);
  return out;
}

/** The non-empty results of `f` for each object of an array-or-single value. */
export function list<T>(v: unknown, f: (o: Obj) => T | undefined | ''): T[] {
  const out: T[] = [];
  for (const x of arr(v)) {
    const r = isObj(x) && f(x);
    if (r) out.push(r);
  }
  return out;
}

/** A finite number (numeric strings accepted). */
export function num(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && isFinite(n) ? n : undefined;
}

/**
 * An absolute http(s) URL given as a string or an object's `id` (or, when `image` is set, also a
 * raster/SVG `data:image` URL). Anything else given is dropped with a warning naming `where`.
 */
export function url(v: unknown, where: string, image?: boolean): string | undefined {
  const s = str(isObj(v) ? v['id'] : v);
  if (!s) return undefined;
  if (image && /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(s)) return s;
  try {
    // A host of letter and digit labels ending in a letter label (no IP address, no `xn--`), then
    // nothing or a path, query or fragment: `new URL` always parses that, so most links skip it
    // (issue 14). Otherwise the scheme test makes `new URL` either throw or yield http(s); it
    // rejects what browsers would not parse.
    if (/^https?:\/\/([a-z\d]+\.)*[a-z]+([/?#]|$)/i.test(s) || (/^https?:\/\//i.test(s) && new URL(s)))
      return s;
  } catch {
    // fall through to the warning
  }
  warn(`${where}: dropped a link that is not http(s)`);
  return undefined;
}

/** Like {@link url} but silent: for ids that may legitimately be URNs or DIDs. */
export function idUrl(v: unknown): string | undefined {
  const s = str(v);
  return s && /^https?:\/\/\S+$/i.test(s) ? s : undefined;
}

/** True for a hashed identity such as `sha256$…`. */
export function isHash(s = ''): boolean {
  return /^(sha256|md5)\$/i.test(s);
}

/**
 * A date: ISO 8601 text (date or date-time) or a Unix timestamp in seconds (OB 2.0 allows both).
 * Anything else is omitted with a warning naming `where`.
 */
export function date(v: unknown, where: string): Date | undefined {
  if (v == null || v === '') return undefined;
  const s = str(v) ?? '';
  const d = new Date(
    typeof v === 'number'
      ? v * 1000
      : /^\d{9,11}$/.test(s)
        ? Number(s) * 1000
        : /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/i.test(s)
          ? Date.parse(s.replace(' ', 'T'))
          : NaN,
  );
  if (!isNaN(+d)) return d;
  warn(`${where}: "${s.slice(0, 40)}" is not a date`);
  return undefined;
}

/** An email address without its `mailto:` prefix. */
function email(v: unknown): string | undefined {
  return str(str(v)?.replace(/^mailto:/i, ''));
}

/**
 * Removes `undefined` fields and empty objects, depth first, in place (never inside `source`, the
 * caller's document); `undefined` when nothing is left. Arrays stay arrays.
 */
export function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune).filter((x) => x !== undefined);
  if (!isObj(v) || v instanceof Date) return v;
  let kept;
  for (const k of Object.keys(v)) {
    const x = k === 'source' ? v[k] : (v[k] = prune(v[k]));
    if (x === undefined) delete v[k];
    else kept = 1;
  }
  return kept && v;
}

// The parts of a credential, for every format: images, profiles, recipients, alignments, evidence,
// endorsements, translations, criteria, results and rubrics.

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
    email: email(p['email']),
    image: image(p['image'], name ?? '', where),
    description: text(p['description']),
  };
}

/** OB 3.0 or OB 2.0 alignments; entries without any name are skipped. */
export function alignments(v: unknown): AlignmentView[] {
  return list(v, (a) => {
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
}

/** Evidence: URL strings or objects (OB 3.0 and OB 2.0 share the field names). */
export function evidence(v: unknown): EvidenceView[] {
  return arr(v).map((e) => ({
    url: url(isObj(e) ? e['id'] : e, 'evidence'),
    ...pick(obj(e), 'name genre audience'),
    ...pick(obj(e), 'description narrative', text),
  }));
}

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
export function translations(v: unknown): TranslationView[] {
  return list(v, (r) => {
    const lang = str(r['inLanguage'] ?? r['@language']);
    const id = str(r['id']);
    return lang && { lang, id, url: idUrl(id) };
  });
}

/** `{narrative, url}` from an OB 3.0/2.0 `criteria` object or an OB 2.0 criteria URL. */
export function criteria(v: unknown): CredentialView['criteria'] {
  return {
    narrative: text(obj(v)['narrative']),
    url: url(v, 'criteria'),
  };
}

function levels(v: unknown): RubricLevelView[] {
  return list(v, (l) => {
    const name = str(l['name']);
    return name && { name, ...pick(l, 'id points'), description: text(l['description']) };
  });
}

/** OB 3.0 result descriptions (rubric criteria), with the required level resolved to its name. */
export function resultDescriptions(v: unknown): ResultDescriptionView[] {
  return list(v, (r) => {
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
}

/** OB 3.0 results, with their description and achieved level resolved to names. */
export function results(v: unknown, rds: ResultDescriptionView[]): ResultView[] {
  return list(v, (r) => {
    const rdId = str(r['resultDescription']);
    const rd = rds.find((d) => d.id === rdId);
    const lvId = str(r['achievedLevel']);
    const find = (ls: RubricLevelView[]): RubricLevelView | undefined => ls.find((l) => l.id === lvId);
    // Look in the result's own description first, then anywhere (the spec's own example needs that).
    const level = lvId ? ((rd && find(rd.levels)) ?? find(rds.flatMap((d) => d.levels))) : undefined;
    if (lvId && !level) warn('result: unknown achievedLevel');
    return { ...pick(r, 'status value'), achievedLevel: level?.name, description: rd?.name };
  });
}

/** Recipient from an OB 3.0 AchievementSubject: public id, unhashed identifiers, or only hashed ones. */
export function recipient(subj: Obj): RecipientView | undefined {
  const id = str(subj['id']);
  const r: RecipientView = {
    hashed: false,
    id: id && (idUrl(id) ?? (/^did:/i.test(id) ? id : /^mailto:/i.test(id) ? email(id) : undefined)),
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
  return identity ? { hashed, id: hashed ? undefined : email(identity) } : undefined;
}

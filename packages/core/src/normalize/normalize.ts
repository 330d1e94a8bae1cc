/**
 * `normalizeCredential()`: any supported credential → the {@link CredentialView} display model.
 * Hand-written and dependency-free (no zod) so that it fits inside `<mc-credential-card>`.
 */
import type { CredentialView } from '../model/credential-view.js';
import { McError, McFormatError } from '../model/errors.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import { detectFormat } from './detect.js';
import {
  alignments,
  criteria,
  endorsements,
  evidence,
  image,
  ob2Recipient,
  profile,
  recipient,
  resultDescriptions,
  results,
  translations,
} from './fields.js';
import {
  UNTITLED_NAME,
  arr,
  date,
  isObj,
  list,
  num,
  obj,
  pick,
  prune,
  str,
  strs,
  text,
  url,
  warn,
  warnInto,
} from './fields.js';
import type { Obj } from './fields.js';

/** How deep CLRs may nest inside CLRs. */
const MAX_NESTING = 4;

function build(document: Obj, jws: string | undefined, depth: number): CredentialView {
  const format = detectFormat(document);
  const view: CredentialView = {
    kind: 'credential',
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
    hasProof:
      !!jws ||
      arr(document['proof']).length > 0 ||
      (format.startsWith('ob2') && document['verification'] != null),
    warnings: [],
    source: document,
    jws,
  };
  const outer = warnInto(view.warnings);
  try {
    const badge = document['badge'];
    if (format === 'ob2-badgeclass' || format === 'ob3-achievement') {
      // A catalog entry: the achievement itself, its creator shown as the issuer.
      read(view, { issuer: document['creator'] }, document);
      view.kind = 'achievement';
      view.id = view.achievementId;
    } else if (format === 'ob2') {
      read(view, document, isObj(badge) ? badge : {});
      if (!isObj(badge) && (view.achievementId = str(badge)))
        warn('badge: only linked; fetch it for details');
    } else {
      // A CLR subject's `achievement[]` lists achievements; it does not describe the CLR itself.
      // Generic VCs name what they award in a `degree` (the VC Data Model's example) or schema.org's
      // `hasCredential`: read like an achievement, for display only.
      const subj = obj(document['credentialSubject']);
      read(
        view,
        document,
        format === 'clr2' ? {} : obj(subj['achievement'] ?? subj['degree'] ?? subj['hasCredential']),
      );
      if (format === 'clr2') clr(view, subj, depth);
    }
    if (view.name === UNTITLED_NAME) warn('name: missing');
  } finally {
    warnInto(outer);
  }
  return prune(view) as CredentialView;
}

/**
 * Fills `view` from a credential `doc` and its achievement `ach` (OB 3.0 `credentialSubject.achievement`
 * or OB 2.0 `badge`); both formats share most field names, and the credential's own values win.
 */
function read(view: CredentialView, doc: Obj, ach: Obj): void {
  const subj = obj(doc['credentialSubject']);
  const achName = str(ach['name']);
  const name = (view.name = str(doc['name']) ?? achName ?? view.name);
  const issued = date(doc['validFrom'] ?? doc['issuanceDate'] ?? doc['issuedOn'], 'issued');
  const issuer = profile(doc['issuer'] ?? ach['issuer'], 'issuer');
  const creator = profile(ach['creator'], 'creator');
  const rds = resultDescriptions(ach['resultDescription']);
  const reg = obj(ach['registration']);
  Object.assign(view, {
    id: str(doc['id']),
    description:
      text(doc['description']) ??
      text(ach['description']) ??
      (view.format === 'endorsement' ? text(subj['endorsementComment']) : undefined),
    image:
      image(doc['image'], name, 'image') ??
      image(subj['image'], name, 'image') ??
      image(ach['image'], achName ?? name, 'image'),
    issuer,
    creator: creator.id !== issuer.id ? creator : undefined,
    recipient: view.format === 'ob2' ? ob2Recipient(doc['recipient']) : recipient(subj),
    issued,
    validFrom: issued,
    awarded: date(doc['awardedDate'], 'awarded'),
    validUntil: date(doc['validUntil'] ?? doc['expirationDate'] ?? doc['expires'], 'validUntil'),
    creditsEarned: num(subj['creditsEarned']),
    language: str(doc['inLanguage'] ?? doc['@language'] ?? ach['inLanguage'] ?? ach['@language']),
    evidence: evidence(doc['evidence']),
    endorsements: [...endorsements(doc), ...endorsements(ach)],
    achievementId: str(ach['id']),
    achievementName: achName,
    achievementType: str(ach['achievementType']),
    criteria: criteria(ach['criteria']),
    creditsAvailable: num(ach['creditsAvailable']),
    ...pick(ach, 'fieldOfStudy specialization humanCode version'),
    // The catalog-feed extension `registration: {url, opens, closes, cost, seats}`.
    registration: {
      url: url(reg['url'], 'registration'),
      opens: date(reg['opens'], 'registration.opens'),
      closes: date(reg['closes'], 'registration.closes'),
      cost: str(reg['cost']),
      seats: num(reg['seats']),
    },
    alignments: alignments(ach['alignment']),
    tags: strs(ach['tag'] ?? ach['tags']),
    resultDescriptions: rds,
    results: results(subj['result'], rds),
    translations: translations(ach['related']),
  });
}

/** CLR 2.0: each bundled credential normalised on its own, and the associations between achievements. */
function clr(view: CredentialView, subj: Obj, depth: number): void {
  for (const c of arr(subj['verifiableCredential'])) {
    if (depth >= MAX_NESTING) break;
    try {
      const inner = parseCredentialInput(c);
      view.credentials.push(build(inner.document, inner.jws, depth + 1));
    } catch (e) {
      warn(`verifiableCredential: one is unreadable (${e instanceof McError ? e.code : 'error'})`);
    }
  }
  view.associations = list(subj['association'], (a) => {
    const [type, sourceId, targetId] = [a['associationType'], a['sourceId'], a['targetId']].map(str);
    if (type && sourceId && targetId) return { type, sourceId, targetId };
    warn('association: type, source or target missing');
  });
}

/**
 * Normalises a credential or achievement (object, JSON text, compact JWS or UTF-8 bytes) into the
 * display model. Never throws anything but an `McError`.
 *
 * @throws {McParseError} when the input cannot be parsed (see `parseCredentialInput`).
 * @throws {McFormatError} `not-a-credential` for JSON that is no credential or achievement,
 *   `unsupported-format` for recognisable but unsupported data such as Open Badges 1.0.
 */
export function normalizeCredential(input: unknown): CredentialView {
  const { document, jws } = parseCredentialInput(input);
  try {
    return build(document, jws, 0);
  } catch (e) {
    if (e instanceof McError) throw e;
    throw new McFormatError('not-a-credential', 'This credential has fields of unexpected shapes.', {
      cause: e,
    });
  }
}

/** Open Badges 2.0: Assertions (badge and issuer embedded or linked) and BadgeClasses. */
import type { CredentialView, RecipientView } from '../model/credential-view.js';
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
import { date, isObj, obj, str, strs, text } from './fields.js';
import type { Obj, Warn } from './fields.js';

/** Fills `view` from an OB 2.0 BadgeClass (embedded object) or just its id (a URL string). */
function readBadge(view: CredentialView, badge: unknown, warn: Warn): void {
  if (!isObj(badge)) {
    view.achievementId = str(badge);
    if (view.achievementId) warn('badge: the BadgeClass is only linked; fetch it to show its details');
    return;
  }
  const name = str(badge['name']);
  assign(view, {
    name,
    achievementName: name,
    achievementId: str(badge['id']),
    description: text(badge['description']),
    criteria: criteria(badge['criteria'], warn),
    version: str(badge['version']),
    language: view.language ?? str(badge['@language']),
    image: view.image ?? image(badge['image'], name ?? view.name, warn, 'badge.image'),
    issuer: profile(badge['issuer'], warn, 'issuer'),
    alignments: alignments(badge['alignment'], warn),
    tags: strs(badge['tags']),
    translations: translations(badge['related']),
  });
  view.endorsements.push(...endorsements(badge['endorsement'], warn));
}

/** An OB 2.0 BadgeClass shown as a catalog entry. */
export function ob2BadgeClass(view: CredentialView, doc: Obj, warn: Warn): CredentialView {
  readBadge(view, doc, warn);
  view.id = view.achievementId;
  return view;
}

/** An OB 2.0 Assertion. The recipient's identity is shown only when it is not hashed. */
export function ob2Assertion(view: CredentialView, doc: Obj, warn: Warn): CredentialView {
  const issued = date(doc['issuedOn'], warn, 'issuedOn');
  const r = obj(doc['recipient']);
  const identity = str(r['identity']);
  const hashed =
    (r['hashed'] !== false && r['hashed'] !== 'false') || /^(sha256|md5)\$/i.test(identity ?? '');
  assign(view, {
    id: str(doc['id']),
    language: str(doc['@language']),
    issued,
    validFrom: issued,
    validUntil: date(doc['expires'], warn, 'expires'),
    endorsements: endorsements(doc['endorsement'], warn),
    evidence: evidence(doc['evidence'], warn),
    recipient: identity
      ? assign<RecipientView>({ hashed }, { id: hashed ? undefined : identity.replace(/^mailto:/i, '') })
      : undefined,
  });
  readBadge(view, doc['badge'], warn);
  // The assertion's own image wins; its alt text is the badge name found above.
  const img = image(doc['image'], view.name, warn, 'image');
  if (img) view.image = img;
  return view;
}

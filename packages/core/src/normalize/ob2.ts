/** Open Badges 2.0: Assertions (badge and issuer embedded or linked) and BadgeClasses. */
import type { CredentialView } from '../model/credential-view.js';
import { alignments, criteria, endorsements, evidence, image, profile, translations } from './common.js';
import { date, isHash, isObj, obj, str, strs, text, warn } from './fields.js';
import type { Obj } from './fields.js';

/** Fills `view` from an OB 2.0 BadgeClass (embedded object) or just its id (a URL string). */
function readBadge(view: CredentialView, badge: unknown): void {
  if (!isObj(badge)) {
    view.achievementId = str(badge);
    if (view.achievementId) warn('badge: only linked; fetch it for details');
    return;
  }
  const name = str(badge['name']);
  Object.assign(view, {
    name: name ?? view.name,
    achievementName: name,
    achievementId: str(badge['id']),
    description: text(badge['description']),
    criteria: criteria(badge['criteria']),
    version: str(badge['version']),
    language: view.language ?? str(badge['@language']),
    image: image(badge['image'], name ?? view.name, 'badge.image'),
    issuer: profile(badge['issuer'], 'issuer'),
    alignments: alignments(badge['alignment']),
    tags: strs(badge['tags']),
    translations: translations(badge['related']),
  });
  view.endorsements.push(...endorsements(badge['endorsement']));
}

/** An OB 2.0 BadgeClass shown as a catalog entry. */
export function ob2BadgeClass(view: CredentialView, doc: Obj): void {
  view.kind = 'achievement';
  readBadge(view, doc);
  view.id = view.achievementId;
}

/** An OB 2.0 Assertion. The recipient's identity is shown only when it is not hashed. */
export function ob2Assertion(view: CredentialView, doc: Obj): void {
  const issued = date(doc['issuedOn'], 'issuedOn');
  const r = obj(doc['recipient']);
  const identity = str(r['identity']);
  const hashed = (r['hashed'] !== false && r['hashed'] !== 'false') || isHash(identity);
  Object.assign(view, {
    id: str(doc['id']),
    language: str(doc['@language']),
    issued,
    validFrom: issued,
    validUntil: date(doc['expires'], 'expires'),
    endorsements: endorsements(doc['endorsement']),
    evidence: evidence(doc['evidence']),
    recipient: identity && { hashed, id: hashed ? undefined : identity.replace(/^mailto:/i, '') },
  });
  readBadge(view, doc['badge']);
  // The assertion's own image wins; its alt text is the badge name found above.
  view.image = image(doc['image'], view.name, 'image') ?? view.image;
}

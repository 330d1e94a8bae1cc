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
import { date, isObj, str, strs, text } from './fields.js';
import type { Obj, Warn } from './fields.js';

/** Fills `view` from an OB 2.0 BadgeClass (embedded object) or just its id (a URL string). */
function readBadge(view: CredentialView, badge: unknown, warn: Warn): void {
  if (!isObj(badge)) {
    view.achievementId = str(badge);
    if (view.achievementId) warn('badge: the BadgeClass is only linked; fetch it to show its details.');
    return;
  }
  const name = str(badge['name']);
  if (name) view.name = view.achievementName = name;
  assign(view, {
    achievementId: str(badge['id']),
    description: text(badge['description']),
    criteria: criteria(badge['criteria'], warn),
    version: str(badge['version']),
    language: view.language ?? str(badge['@language']),
  });
  view.image ??= image(badge['image'], view.name, warn, 'badge.image');
  view.issuer = profile(badge['issuer'], warn, 'badge.issuer');
  view.alignments = alignments(badge['alignment'], warn, 'badge.alignment');
  view.tags = strs(badge['tags']);
  view.translations = translations(badge['related']);
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
  assign(view, {
    id: str(doc['id']),
    language: str(doc['@language']),
    issued,
    validFrom: issued,
    validUntil: date(doc['expires'], warn, 'expires'),
  });
  view.image = image(doc['image'], view.name, warn, 'image');
  readBadge(view, doc['badge'], warn);
  if (view.image && !isObj(doc['image'])) view.image.alt = view.name;
  view.evidence = evidence(doc['evidence'], warn);
  view.endorsements.unshift(...endorsements(doc['endorsement'], warn));
  const r = isObj(doc['recipient']) ? doc['recipient'] : {};
  const identity = str(r['identity']);
  if (identity) {
    const hashed = (r['hashed'] !== false && r['hashed'] !== 'false') || /^(sha256|md5)\$/i.test(identity);
    const rec: RecipientView = { hashed };
    if (!hashed) rec.id = identity.replace(/^mailto:/i, '');
    view.recipient = rec;
  }
  return view;
}

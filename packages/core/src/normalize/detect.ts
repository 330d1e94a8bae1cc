/** Recognises which credential format a parsed JSON document is. */
import type { CredentialFormat } from '../model/credential-view.js';
import { McFormatError } from '../model/errors.js';
import { arr, isObj, obj, strs } from './fields.js';
import type { Obj } from './fields.js';

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';

function unsupported(what: string): McFormatError {
  return new McFormatError('unsupported-format', `Microcred cannot show ${what}.`);
}

/**
 * The format of `doc`.
 * @throws {McFormatError} `unsupported-format` for recognisable but unsupported data (OB 1.0, an issuer profile…),
 *   `not-a-credential` for anything else.
 */
export function detectFormat(doc: Obj): CredentialFormat {
  const types = strs([doc['type'], doc['@type']].flat());
  const has = (t: string): boolean => types.includes(t);
  const contexts = arr(doc['@context']);
  // The first string context tells the data model version.
  const ctx = contexts.filter((c) => typeof c === 'string');
  const v1 = ctx[0] === VC1;
  const v2 = ctx[0] === VC2;
  if (
    has('VerifiableCredential') ||
    doc['credentialSubject'] != null ||
    ((v1 || v2) && types.some((t) => /^(OpenBadge|Achievement|Clr|Endorsement)Credential$/.test(t)))
  ) {
    if (has('ClrCredential')) return 'clr2';
    if (has('EndorsementCredential')) return 'endorsement';
    if (
      !has('OpenBadgeCredential') &&
      !has('AchievementCredential') &&
      !isObj(obj(doc['credentialSubject'])['achievement'])
    )
      return 'vc';
    return v1 || (!v2 && doc['validFrom'] === undefined && doc['issuanceDate'] !== undefined)
      ? 'ob3-vc1'
      : 'ob3-vc2';
  }
  if (
    /openbadges\/v1|openbadges\.org|w3id\.org\/openbadges\/v0/.test(ctx.join(' ')) ||
    ['verify', 'uid', 'issued_on'].some((k) => doc[k] !== undefined)
  )
    throw unsupported('Open Badges 1.0 badges');
  if (has('Assertion') || (doc['recipient'] !== undefined && doc['badge'] !== undefined)) return 'ob2';
  if (has('BadgeClass')) return 'ob2-badgeclass';
  if (has('Achievement') || (!types.length && doc['achievementType'] !== undefined)) return 'ob3-achievement';
  if (has('Issuer') || has('Profile')) throw unsupported('issuer profiles');
  if (has('VerifiablePresentation')) throw unsupported('presentations; open each credential alone');
  if (contexts.length && types.length) throw unsupported(`"${types[0]!.slice(0, 40)}" documents`);
  throw new McFormatError('not-a-credential', 'This has no Open Badge or Verifiable Credential fields.');
}

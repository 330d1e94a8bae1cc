/**
 * English explanations of each verification check, by check `id` (`id.<id>`) and by the `code`
 * of `@microcred/core`'s verifier, in words a hiring principal understands. A lazy chunk, loaded
 * with the verifier on the first click (never with the card). A code without an entry falls back to
 * the verifier's own English message. Placeholders are written `{name}`. Typed by core's `CheckCode`:
 * a code the verifier can give without an entry here fails the type check.
 */
import type { CheckCode, CheckId, PresentationCheckId } from '@microcred/core';

/**
 * A key of the check explanations: a check's name (`id.<id>`, a credential's or a presentation's),
 * `format` (every `format-…` code), or any other code of the verifier; `vp.…` words the
 * `credentials` check of a presentation (its credentials are a presentation's, not a record's);
 * `:` and `.` are the language's colon after a check's name and full stop after its outcome in a
 * line of the list, with the space that follows them ("Format: Passed. Why", "格式：通过。Why").
 */
export type CheckKey =
  | `id.${CheckId | PresentationCheckId}`
  | ':'
  | '.'
  | 'format'
  | Exclude<CheckCode, `format-${string}`>
  | `vp.${'id.credentials' | Extract<CheckCode, `credentials-${string}`>}`;

export const checksEn: Record<CheckKey, string> = {
  'id.format': 'Format',
  'id.schema': 'Required information',
  'id.proof': 'Signature',
  'id.issuer': 'Issuer',
  'id.validity': 'Dates',
  'id.status': 'Revocation',
  'id.recipient': 'Recipient',
  'id.credentials': 'Credentials in this record',
  'id.endorsements': 'Endorsements',
  'id.refresh': 'Update',
  'id.holder': 'Holder',
  'id.challenge': 'Request code',
  'id.domain': 'Website',
  'id.subject': 'About the holder',
  ':': ': ',
  '.': '. ',
  format: 'It is a credential in a standard format.',
  'not-an-award':
    'This describes an achievement; it was not awarded to anyone, so there is nothing to verify.',
  'invalid-json': 'The data is not valid JSON.',
  'empty-input': 'There is no credential data.',
  'not-a-credential': 'This is not a credential or a badge.',
  'unsupported-format': 'This credential format is not supported.',
  'too-large': 'It is too large to check.',
  'too-deep': 'It is nested too deeply to check.',
  'invalid-jws': 'The signed credential (JWS) is damaged.',
  unbake: 'No credential was found inside this image.',
  presentation:
    'This is a presentation of credentials, not one credential. Open each credential on its own to see it.',
  'sd-jwt': 'This is an SD-JWT credential (selective disclosure). It can be verified, but not shown here.',
  cose: 'This is a COSE-secured credential. It can be verified, but not shown here.',
  http: 'It could not be downloaded.',
  network: 'It could not be downloaded.',
  timeout: 'It took too long to download.',
  'schema-valid': 'It has all the information a credential must have.',
  'schema-invalid': 'It is missing information every credential must have.',
  'proof-valid': 'The issuer’s digital signature is valid: nothing has changed since it was signed.',
  'hosted-valid': 'The issuer still publishes this badge at its web address.',
  'hosted-gone': 'The issuer has removed this badge from its web address.',
  'proof-missing': 'It has no digital signature, so its origin cannot be confirmed.',
  'proof-bad-signature':
    'The signature does not match: the credential was changed after it was signed, or signed by someone else.',
  'proof-malformed': 'The digital signature is damaged.',
  'proof-unsupported': 'It is signed in a way this checker does not support.',
  'proof-wrong-purpose': 'The signature was not made for issuing credentials.',
  'proof-undefined-term':
    'It uses terms no published vocabulary defines, so the signature cannot be checked safely.',
  'proof-context-unavailable':
    'It refers to a vocabulary this checker does not know, so the signature could not be checked.',
  'proof-invalid-jsonld': 'Its data is malformed, so the signature cannot be checked.',
  'proof-too-complex': 'It is too complex to check.',
  'proof-chain-broken': 'One signature depends on another that is missing.',
  'proof-context-mismatch': 'The signature covers different data from what is shown.',
  'key-missing': 'The signature does not say which key made it.',
  'key-invalid': 'The signing key is not valid.',
  'key-wrong-type': 'The signing key is of the wrong kind for this signature.',
  'key-not-found': 'The signing key is not among the issuer’s published keys.',
  'key-unavailable': 'The issuer’s keys could not be downloaded.',
  'key-controller-mismatch': 'The signing key is published by someone other than the issuer.',
  'key-unsupported-method': 'The signing key is published in a way this checker does not support.',
  'jwt-alg-none': 'The token is not signed.',
  'jwt-alg-unsupported':
    'The token is signed with a method this checker does not support, or one that is never accepted.',
  'jwt-alg-key-mismatch': 'The token’s signing method does not fit its key.',
  'jwt-crit-unsupported': 'The token needs features this checker does not support.',
  'jwt-claims-mismatch': 'The token and the credential inside it disagree.',
  'hosted-no-url': 'The badge has no web address to check it against.',
  'hosted-unavailable': 'The badge could not be downloaded from the issuer.',
  'hosted-mismatch': 'The issuer publishes a different badge at this address.',
  'hosted-out-of-scope': 'The badge is hosted on a site that does not belong to the issuer.',
  'hosted-copy-differs':
    'The issuer still publishes this badge, but the copy given here differs from it (for example its name or dates). Only the issuer’s copy was checked: rely on its details.',
  'issuer-id-mismatch':
    'The issuer’s details claim to belong to another website, so the issuer cannot be confirmed.',
  'issuer-bound': 'The signing key belongs to the issuer named on the credential.',
  'issuer-missing': 'It does not name its issuer.',
  'issuer-mismatch': 'It was signed by someone other than the issuer it names.',
  'issuer-key-not-authorized': 'The issuer has not authorized this key to sign credentials.',
  'issuer-not-checked': 'The issuer could not be checked.',
  'issuer-unavailable': 'The issuer’s details could not be downloaded.',
  'issuer-key-unpublished':
    'The issuer does not publish the key that signed it, so anyone could have signed it.',
  'issuer-key-unavailable': 'The issuer’s keys could not be downloaded to confirm who signed it.',
  valid: 'It is within its validity dates.',
  expired: 'It expired on {date}.',
  'not-yet-valid': 'It is not valid until {date}.',
  'validity-bad-date': 'One of its dates is not a valid date.',
  'validity-bad-window': 'It expires before it becomes valid.',
  'not-revoked': 'The issuer has not revoked it.',
  'not-suspended': 'The issuer has not suspended it.',
  revoked: 'The issuer has revoked it.',
  suspended: 'The issuer has suspended it.',
  'status-message': 'The issuer has published a status for it.',
  'no-status': 'The issuer does not publish a revocation list for it.',
  'status-unavailable': 'The issuer’s revocation list could not be downloaded, so revocation is unknown.',
  'status-list-invalid': 'The issuer’s revocation list is damaged, so revocation is unknown.',
  'status-list-unverified': 'The issuer’s revocation list could not be verified, so revocation is unknown.',
  'status-entry-invalid': 'Its revocation entry is malformed, so revocation is unknown.',
  'status-unsupported': 'It uses a kind of revocation list this checker does not support.',
  'status-purpose-mismatch': 'The revocation list is for a different purpose, so revocation is unknown.',
  'status-index-out-of-range': 'Its place in the revocation list does not exist, so revocation is unknown.',
  'recipient-match': 'It was awarded to this person.',
  'recipient-mismatch': 'It was not awarded to this person.',
  'recipient-none': 'It does not name its recipient.',
  'recipient-not-checked': 'The recipient was not checked.',
  'recipient-unreadable': 'The recipient could not be read.',
  'credentials-verified': 'Every credential in this record is verified.',
  'credentials-failed': 'Some credentials in this record failed verification.',
  'credentials-unknown': 'Some credentials in this record could not be fully checked.',
  'credentials-none': 'This record holds no credentials.',
  'vp.id.credentials': 'Credentials in this presentation',
  'vp.credentials-verified': 'Every credential in this presentation is verified.',
  'vp.credentials-failed': 'Some credentials in this presentation failed verification.',
  'vp.credentials-unknown': 'Some credentials in this presentation could not be fully checked.',
  'vp.credentials-none': 'This presentation holds no credentials.',
  'endorsements-verified': 'Every endorsement is verified.',
  'endorsements-failed': 'Some endorsements failed verification.',
  'endorsements-unknown': 'Some endorsements could not be fully checked.',
  'fetch-redirected':
    'The issuer’s address sent us to another website, so its answer is not the issuer’s and this could not be checked.',
  'deadline-passed': 'Checking took too long and was stopped, so this could not be checked.',
  'budget-exhausted':
    'This credential needed more downloads than a check is allowed, so this could not be checked.',
  'proof-bad-date': 'The date on its digital signature is not a valid date.',
  'proof-created-in-future': 'Its digital signature says it was made in the future, so it is not accepted.',
  'proof-expired': 'Its digital signature has expired, so it is no longer accepted.',
  'proof-not-derived':
    'This is the issuer’s original signature, which is meant for the holder: only a proof the holder derives from it (revealing the details they choose) can be checked.',
  'jwt-crit-invalid': 'The signed token is malformed (its list of required features is broken).',
  'jwt-expired': 'The signed token it comes in has expired, so it is no longer accepted.',
  'jwt-not-yet-valid': 'The signed token it comes in may not be used yet.',
  'status-list-wrong-issuer':
    'The revocation list it points to was not published by its issuer, so revocation is unknown.',
  'status-list-expired': 'The issuer’s revocation list is out of date, so revocation is unknown.',
  'status-list-revoked': 'The issuer has withdrawn its revocation list, so revocation is unknown.',
  'status-list-unchecked':
    'The issuer’s revocation list could not be fully checked, so revocation is unknown.',
  refreshed: 'The issuer provided an updated copy, which was checked and is shown.',
  'refresh-rejected': 'The issuer’s updated copy did not pass the checks; the original is shown.',
  'refresh-other-credential':
    'The update service answered with a different credential, so it was ignored; the original is shown.',
  'refresh-other-issuer':
    'The update service answered with a credential from another issuer, so it was ignored; the original is shown.',
  'refresh-other-subject':
    'The update service answered with a credential for someone else, so it was ignored; the original is shown.',
  'refresh-unavailable': 'An updated copy could not be downloaded; the original is shown.',
  'refresh-invalid': 'Its update service has no valid web address.',
  'refresh-disabled': 'It offers updated copies; looking for one was turned off.',
  'refresh-not-attempted': 'No updated copy was looked for, because its signature did not check out.',
  schema: 'It is missing information every credential must have.',
  'not-checked': 'Not checked.',
  'invalid-option': 'The checker was called with an invalid setting.',
  'related-resource-mismatch':
    'A file it refers to has changed since it was issued (its fingerprint does not match).',
  'related-resource-unavailable':
    'A file it refers to could not be downloaded, so it could not be confirmed unchanged.',
  'not-a-presentation': 'This is not a presentation of credentials.',
  'holder-bound': 'The person presenting it signed the presentation with their own key.',
  'holder-missing': 'The presentation does not say who presents it.',
  'holder-mismatch': 'The presentation was signed by someone other than the person it names.',
  'holder-not-checked': 'Who signed the presentation could not be checked.',
  'challenge-match': 'The presentation was made for this request.',
  'challenge-mismatch': 'The presentation was made for another request, so it may be replayed.',
  'challenge-missing': 'The presentation does not answer this request, so it may be replayed.',
  'challenge-not-requested': 'Not checked: no request code was asked for.',
  'domain-match': 'The presentation was made for this website.',
  'domain-mismatch': 'The presentation was made for another website.',
  'domain-missing': 'The presentation does not say which website it was made for.',
  'domain-not-requested': 'Not checked: no website was asked for.',
  'subject-is-holder': 'Each credential is about the person presenting it.',
  'subject-not-holder':
    'At least one credential is about someone other than the person presenting it, or does not say whom it is about.',
  aborted: 'The check was cancelled.',
  'verifier-error': 'The checker stopped unexpectedly.',
  'sd-jwt-malformed': 'This selective-disclosure credential (SD-JWT) is damaged and cannot be read.',
  'cose-unsupported':
    'This is a presentation or another object secured with COSE (CBOR); only credentials secured with COSE can be checked.',
  'cose-malformed': 'This credential secured with COSE (CBOR) is damaged and cannot be read.',
  'cose-alg-unsupported':
    'The COSE signature uses a method this checker does not support or never accepts, or does not protect the name of its method.',
  'cose-crit-unsupported': 'The COSE signature needs features this checker does not support.',
  'cose-typ-unsupported': 'The COSE envelope says it holds something other than a credential.',
  'envelope-unsupported': 'This credential comes in an envelope of a kind that cannot be checked yet.',
  'sd-jwt-disclosure-invalid': 'A piece of information shown does not match what the issuer signed.',
  'sd-jwt-key-binding-invalid': 'The person presenting this credential did not prove it was issued to them.',
  'sd-jwt-key-binding-valid': 'The person presenting this credential proved it was issued to them.',
  'jwt-typ-unsupported': 'The signed token is not of a kind that carries a credential.',
};

/**
 * Whose badge is this? A lazy chunk, loaded by an import only when the wallet has an `owner`: each
 * imported credential is checked with core's `verifyRecipient` (plain and hashed OB 2.0 recipients,
 * OB 3.0 `credentialSubject.id` and `identifier`s) and marked when it was awarded to someone else.
 */
import { verifyRecipient, type RecipientClaim } from '@microcred/core';
import { isObj, parseCredentialInput } from '@microcred/core/parse/parse-input.js';
import type { WalletImportResult } from './types.js';

/**
 * What `owner` is, as core's recipient claim: an email (with or without `mailto:`), else a web
 * address (compared as a URL and as an id), else an id (a DID, a URN).
 */
export function ownerClaim(owner: string): RecipientClaim {
  const value = owner.trim().replace(/^mailto:/i, '');
  if (/^[^\s@/:]+@[^\s@/]+$/.test(value)) return { email: value };
  return /^https?:\/\//i.test(value) ? { url: value, id: value } : { id: value };
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

/**
 * Whether `raw` names its recipient in a way `claim` can be compared with: an email (or an untyped
 * identity) for an email; an id, DID, URL or sourcedId for a web address or an id. A badge that
 * names its recipient only by a DID says nothing about an email: it could not be checked.
 */
function comparable(raw: unknown, claim: RecipientClaim): boolean {
  const types: unknown[] = [];
  try {
    const doc = parseCredentialInput(raw).document;
    for (const s of list(doc['credentialSubject']).filter(isObj)) {
      if (typeof s['id'] == 'string') types.push('id');
      for (const i of list(s['identifier']).filter(isObj)) types.push(i['identityType'] ?? '');
    }
    if (isObj(doc['recipient'])) types.push(doc['recipient']['type'] ?? '');
  } catch {
    return false;
  }
  const kinds = claim.email ? ['', 'email', 'emailAddress'] : ['', 'id', 'did', 'url', 'sourcedId'];
  return types.some((t) => kinds.includes(String(t)));
}

/**
 * Marks each imported result whose credential names a recipient that is not `owner` with
 * `otherRecipient: true`. A credential that names no recipient (or none of the owner's kind: an email
 * owner and a badge naming only a DID), or that cannot be read, is not marked: it could not be
 * checked, which says nothing about whose it is. Never rejects.
 */
export async function markOtherRecipients(results: WalletImportResult[], owner: string): Promise<void> {
  const claim = ownerClaim(owner);
  for (const r of results) {
    if (r.status !== 'imported' || !r.record) continue;
    try {
      const check = await verifyRecipient(r.record.raw, claim);
      if (check.code === 'recipient-mismatch' && comparable(r.record.raw, claim)) r.otherRecipient = true;
    } catch {
      // could not check: not marked
    }
  }
}

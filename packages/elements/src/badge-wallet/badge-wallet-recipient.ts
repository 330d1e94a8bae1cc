/**
 * Whose badge is this? A lazy chunk, loaded by an import only when the wallet has an `owner`: each
 * imported credential is checked with core's `verifyRecipient` (plain and hashed OB 2.0 recipients,
 * OB 3.0 `credentialSubject.id` and `identifier`s) and marked when it was awarded to someone else.
 */
import { verifyRecipient, type RecipientClaim } from '@microcred/core';
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

/**
 * Marks each imported result whose credential names a recipient that is not `owner` with
 * `otherRecipient: true`. A credential that names no recipient, or that cannot be read, is not
 * marked: it could not be checked, which says nothing about whose it is. Never rejects.
 */
export async function markOtherRecipients(results: WalletImportResult[], owner: string): Promise<void> {
  const claim = ownerClaim(owner);
  for (const r of results) {
    if (r.status !== 'imported' || !r.record) continue;
    try {
      const check = await verifyRecipient(r.record.raw, claim);
      if (check.code === 'recipient-mismatch') r.otherRecipient = true;
    } catch {
      // could not check: not marked
    }
  }
}

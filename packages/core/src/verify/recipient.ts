/**
 * `verifyRecipient()`: does a credential belong to a known email, URL or id? Compares with OB 3.0
 * `credentialSubject.id` / `identifier[]` (IdentityObject) and the OB 2.0 `recipient`, including
 * hashed identities `sha256$<hex>` and `md5$<hex>` of value ‖ salt.
 */
import { parseCredentialInput } from '../parse/parse-input.js';
import { sha256, toHex } from './encoding.js';
import { md5Hex } from './md5.js';
import type { Check } from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** Who the caller believes the recipient is. */
export interface RecipientClaim {
  email?: string;
  url?: string;
  id?: string;
}

async function matches(identity: string, hashed: boolean, salt: string, value: string): Promise<boolean> {
  if (!hashed) return identity.trim().toLowerCase() === value.toLowerCase();
  const m = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(identity.trim());
  if (!m) return false;
  const hex = m[2]!.toLowerCase();
  const digest = m[1]!.toLowerCase() === 'md5' ? md5Hex(value + salt) : toHex(await sha256(value + salt));
  return digest === hex;
}

/**
 * Checks a credential's recipient against a known email, URL or id (hashed or not).
 * @returns a `recipient` check: passed when one identity matches, failed when none does, skipped when
 *   nothing was given or the credential names no recipient.
 */
export async function verifyRecipient(credential: unknown, claim: RecipientClaim): Promise<Check> {
  let doc: Obj;
  try {
    doc = parseCredentialInput(credential).document;
  } catch {
    return {
      id: 'recipient',
      outcome: 'failed',
      code: 'recipient-unreadable',
      message: 'The credential could not be read.',
    };
  }
  const values: [string, string][] = [];
  if (claim.email) values.push(['email', claim.email.trim()], ['emailAddress', claim.email.trim()]);
  if (claim.url) values.push(['url', claim.url.trim()]);
  if (claim.id) values.push(['id', claim.id.trim()], ['did', claim.id.trim()]);
  if (values.length === 0)
    return {
      id: 'recipient',
      outcome: 'skipped',
      code: 'recipient-not-checked',
      message: 'No recipient was given to compare.',
    };
  const identities: { type: string; identity: string; hashed: boolean; salt: string }[] = [];
  for (const subject of arr(doc['credentialSubject']).filter(isObj)) {
    if (typeof subject['id'] === 'string')
      identities.push({ type: 'id', identity: subject['id'], hashed: false, salt: '' });
    for (const o of arr(subject['identifier']).filter(isObj)) {
      const identity = o['identityHash'];
      if (typeof identity !== 'string') continue;
      identities.push({
        type: String(o['identityType'] ?? ''),
        identity,
        hashed: o['hashed'] === true,
        salt: typeof o['salt'] === 'string' ? o['salt'] : '',
      });
    }
  }
  const r = doc['recipient'];
  if (isObj(r) && typeof r['identity'] === 'string') {
    identities.push({
      type: String(r['type'] ?? ''),
      identity: r['identity'],
      hashed: r['hashed'] === true,
      salt: typeof r['salt'] === 'string' ? r['salt'] : '',
    });
  }
  if (identities.length === 0)
    return {
      id: 'recipient',
      outcome: 'skipped',
      code: 'recipient-none',
      message: 'The credential does not name its recipient.',
    };
  for (const i of identities) {
    for (const [type, value] of values) {
      const typeOk =
        i.type === '' ||
        i.type === type ||
        (type === 'id' && ['id', 'did', 'url', 'sourcedId'].includes(i.type));
      if (typeOk && (await matches(i.identity, i.hashed, i.salt, value))) {
        return {
          id: 'recipient',
          outcome: 'passed',
          code: 'recipient-match',
          message: `The credential was awarded to this ${type === 'emailAddress' ? 'email' : type}.`,
        };
      }
    }
  }
  return {
    id: 'recipient',
    outcome: 'failed',
    code: 'recipient-mismatch',
    message: 'The credential was not awarded to the person given.',
  };
}

/** CLR 2.0: a ClrCredential bundling credentials, with associations between achievements. */
import type { AssociationView, CredentialView } from '../model/credential-view.js';
import { arr, isObj, obj, str } from './fields.js';
import type { Obj, Warn } from './fields.js';
import { ob3Credential } from './ob3.js';

/**
 * Reads the outer CLR like an OB 3.0 credential, then each inner credential with `inner`
 * (which normalises any supported format), and the associations.
 */
export function clr2(
  view: CredentialView,
  doc: Obj,
  warn: Warn,
  inner: (input: unknown) => CredentialView | undefined,
): CredentialView {
  ob3Credential(view, doc, warn);
  const subj = obj(doc['credentialSubject']);
  for (const c of arr(subj['verifiableCredential'])) {
    const v = inner(c);
    if (v) view.credentials.push(v);
  }
  const assoc: AssociationView[] = [];
  for (const a of arr(subj['association'])) {
    if (!isObj(a)) continue;
    const type = str(a['associationType']);
    const sourceId = str(a['sourceId']);
    const targetId = str(a['targetId']);
    if (type && sourceId && targetId) assoc.push({ type, sourceId, targetId });
    else warn('association: an entry lacks its type, source or target and was left out.');
  }
  view.associations = assoc;
  return view;
}

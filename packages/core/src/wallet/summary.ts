/** The short summary a wallet searches, filters, groups and sorts by. */
import type { CredentialView } from '../model/credential-view.js';
import type { WalletSummary } from './types.js';

/** The type label of a credential: its OB 3.0 `achievementType`, else one derived from its format. */
export function typeOf(view: CredentialView): string {
  if (view.achievementType) return view.achievementType;
  if (view.format === 'clr2') return 'Record';
  if (view.format === 'endorsement') return 'Endorsement';
  if (view.format.startsWith('ob2')) return 'Badge';
  return 'Credential';
}

/** Summarises a normalised credential (`stack`: the record or stack it came in, when known). */
export function summarize(view: CredentialView, stack?: string): WalletSummary {
  const summary: WalletSummary = { name: view.name, type: typeOf(view), text: '' };
  if (view.language) summary.language = view.language;
  if (view.issuer?.name) summary.issuer = view.issuer.name;
  if (view.issuer?.id) summary.issuerId = view.issuer.id;
  if (view.issued) {
    summary.issued = view.issued.toISOString();
    summary.year = view.issued.getUTCFullYear();
  }
  if (view.validUntil) summary.validUntil = view.validUntil.toISOString();
  if (stack) summary.stack = stack;
  summary.text = [view.name, view.achievementName, summary.issuer, summary.type, stack, ...view.tags]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return summary;
}

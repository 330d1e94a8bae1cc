/**
 * LinkedIn "Add to profile" links for a credential (the certification form, prefilled). Every value
 * is percent-encoded with `encodeURIComponent`, so names with `&`, `#`, `+`, `%` or accents arrive
 * intact — the most common reason such links break.
 */
import type { CredentialView } from '../model/credential-view.js';

/** The fields of LinkedIn's certification form. Months are 1–12. */
export interface LinkedInCertification {
  name: string;
  /** The issuer's name (used when there is no `organizationId`). */
  organizationName?: string;
  /** The issuer's LinkedIn company id, when known (preferred by LinkedIn over the name). */
  organizationId?: string;
  issueYear?: number;
  issueMonth?: number;
  expirationYear?: number;
  expirationMonth?: number;
  /** A public address where the credential can be seen or verified. */
  certUrl?: string;
  /** The credential's id. */
  certId?: string;
}

/** The Add-to-Profile endpoint. */
export const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';

const ORDER: (keyof LinkedInCertification)[] = [
  'name',
  'organizationId',
  'organizationName',
  'issueYear',
  'issueMonth',
  'expirationYear',
  'expirationMonth',
  'certUrl',
  'certId',
];

/** Builds the Add-to-Profile URL; fields that are missing (or months outside 1–12) are left out. */
export function linkedInAddToProfileUrl(fields: LinkedInCertification): string {
  const parts = ['startTask=CERTIFICATION_NAME'];
  for (const key of ORDER) {
    const value = fields[key];
    if (value === undefined || value === '') continue;
    if (typeof value === 'number' && (!Number.isInteger(value) || value < 1)) continue;
    if (key.endsWith('Month') && (value as number) > 12) continue;
    parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return `${LINKEDIN_ADD_TO_PROFILE}?${parts.join('&')}`;
}

const httpUrl = (s: string | undefined): string | undefined =>
  s && /^https?:\/\/\S+$/i.test(s) ? s : undefined;

/**
 * LinkedIn's fields for a credential: its name, the issuer's name, issue and expiry year/month (UTC),
 * its public address (`certUrl`: the option, else the credential's id when that is an http(s)
 * address) and its id.
 */
export function linkedInFields(
  view: CredentialView,
  options: { certUrl?: string; organizationId?: string } = {},
): LinkedInCertification {
  const fields: LinkedInCertification = { name: view.name };
  if (options.organizationId) fields.organizationId = options.organizationId;
  if (view.issuer?.name) fields.organizationName = view.issuer.name;
  if (view.issued) {
    fields.issueYear = view.issued.getUTCFullYear();
    fields.issueMonth = view.issued.getUTCMonth() + 1;
  }
  if (view.validUntil) {
    fields.expirationYear = view.validUntil.getUTCFullYear();
    fields.expirationMonth = view.validUntil.getUTCMonth() + 1;
  }
  const certUrl = httpUrl(options.certUrl) ?? httpUrl(view.id);
  if (certUrl) fields.certUrl = certUrl;
  if (view.id) fields.certId = view.id;
  return fields;
}

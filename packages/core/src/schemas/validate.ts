/**
 * `validateCredential()`: conformance check of a credential against the schema of its format,
 * with plain-language issues and JSON paths. For trust boundaries (verifier, API client, imports).
 */
import type * as z from 'zod/mini';
import type { CredentialFormat } from '../model/credential-view.js';
import { McError } from '../model/errors.js';
import { McSchemaError } from '../model/errors-remote.js';
import { detectFormat } from '../normalize/detect.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import { ClrCredentialSchema, ClrCredentialV1Schema } from './clr.js';
import type { SchemaIssue } from './common.js';
import { VC1_CONTEXT } from './common.js';
import { Ob2AssertionSchema, Ob2BadgeClassSchema } from './ob2.js';
import {
  AchievementCredentialSchema,
  AchievementCredentialV1Schema,
  AchievementSchema,
  EndorsementCredentialSchema,
} from './ob3.js';
import { VerifiableCredentialSchema, VerifiableCredentialV1Schema } from './vc.js';

/** The result of {@link validateCredential}. */
export type ValidationResult =
  | { ok: true; format: CredentialFormat; value: Record<string, unknown> }
  | { ok: false; format?: CredentialFormat; issues: SchemaIssue[] };

/** The schema used for each format (VCDM 1.1 variants picked by the first `@context`). */
function schemaFor(format: CredentialFormat, doc: Record<string, unknown>): z.ZodMiniType {
  const v1 = Array.isArray(doc['@context']) && doc['@context'][0] === VC1_CONTEXT;
  switch (format) {
    case 'ob3-vc2':
      return AchievementCredentialSchema;
    case 'ob3-vc1':
      return AchievementCredentialV1Schema;
    case 'clr2':
      return v1 ? ClrCredentialV1Schema : ClrCredentialSchema;
    case 'endorsement':
      return EndorsementCredentialSchema;
    case 'ob2':
      return Ob2AssertionSchema;
    case 'ob2-badgeclass':
      return Ob2BadgeClassSchema;
    case 'ob3-achievement':
      return AchievementSchema;
    case 'vc':
      return v1 ? VerifiableCredentialV1Schema : VerifiableCredentialSchema;
  }
}

const at = (root: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined),
    root,
  );

const pathText = (path: PropertyKey[]): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');

type RawIssue = z.core.$ZodIssue;

/** Turns zod issues into plain-language ones; a failed union reports the branch that came closest. */
function flatten(issues: readonly RawIssue[], root: unknown, prefix: PropertyKey[] = []): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const value = at(root, path);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((errs) => flatten(errs, root, path));
      // Prefer the branch that got furthest (deepest paths), then the one with fewest issues.
      const depth = (b: SchemaIssue[]): number => Math.max(0, ...b.map((i) => i.path.split(/[.[]/).length));
      branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length);
      const best = branches[0] ?? [];
      if (typeof value === 'object' && value !== null && depth(best) > path.length) {
        out.push(...best);
        continue;
      }
    }
    let message: string;
    if (value === undefined) message = 'is required';
    else if (issue.code === 'invalid_type')
      message = `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    else if (issue.code === 'invalid_value')
      message = `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    else if (issue.code === 'too_small') message = 'must not be empty';
    else if (issue.code === 'unrecognized_keys')
      message = `has unexpected field(s): ${issue.keys.join(', ')}`;
    else if (issue.code === 'invalid_union') message = 'has an unexpected shape';
    else message = issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid';
    const p = pathText(path);
    if (!out.some((o) => o.path === p && o.message === message)) out.push({ path: p, message });
  }
  return out;
}

/**
 * Validates a credential (object, JSON, JWS or bytes) against the schema of its format — or of
 * `expected` when given (e.g. to insist on an OB 3.0 credential).
 * Never throws: parse and format problems are reported as issues too.
 */
export function validateCredential(input: unknown, expected?: CredentialFormat): ValidationResult {
  let doc: Record<string, unknown>;
  let format: CredentialFormat;
  try {
    doc = parseCredentialInput(input).document;
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: '', message: e instanceof Error ? e.message : 'could not be read' }],
    };
  }
  try {
    format = expected ?? detectFormat(doc);
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: '', message: e instanceof McError ? e.message : 'is not a credential' }],
    };
  }
  const r = schemaFor(format, doc).safeParse(doc);
  if (r.success) return { ok: true, format, value: r.data as Record<string, unknown> };
  return { ok: false, format, issues: flatten(r.error.issues, doc) };
}

/**
 * Like {@link validateCredential}, but returns the validated document or throws.
 * @throws {McSchemaError} listing every issue with its path.
 */
export function assertValidCredential(input: unknown, expected?: CredentialFormat): Record<string, unknown> {
  const r = validateCredential(input, expected);
  if (r.ok) return r.value;
  const first = r.issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path} ${i.message}` : i.message))
    .join('; ');
  throw new McSchemaError(
    `This credential does not follow the ${r.format ?? 'credential'} standard: ${first}${r.issues.length > 3 ? '; …' : ''}.`,
    r.issues,
  );
}

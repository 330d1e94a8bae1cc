/**
 * `normalizeCredential()`: any supported credential → the {@link CredentialView} display model.
 * Hand-written and dependency-free (no zod) so that it fits inside `<mc-credential-card>`.
 */
import type { CredentialView } from '../model/credential-view.js';
import { McError, McFormatError } from '../model/errors.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import { clr2 } from './clr.js';
import { emptyView } from './common.js';
import { detectFormat } from './detect.js';
import { UNTITLED_NAME, arr } from './fields.js';
import type { Obj } from './fields.js';
import { ob2Assertion, ob2BadgeClass } from './ob2.js';
import { ob3Achievement, ob3Credential } from './ob3.js';

const MAX_NESTING = 4;

function build(document: Obj, jws: string | undefined, depth: number): CredentialView {
  const format = detectFormat(document);
  const warnings: string[] = [];
  const warn = (m: string): void => {
    if (warnings.length < 50 && !warnings.includes(m)) warnings.push(m);
  };
  const kind = format === 'ob2-badgeclass' || format === 'ob3-achievement' ? 'achievement' : 'credential';
  const view = emptyView(format, kind, document, warnings);
  if (jws) view.jws = jws;
  if (format === 'ob2') ob2Assertion(view, document, warn);
  else if (format === 'ob2-badgeclass') ob2BadgeClass(view, document, warn);
  else if (format === 'ob3-achievement') ob3Achievement(view, document, warn);
  else if (format === 'clr2') {
    clr2(view, document, warn, (c) => {
      if (depth >= MAX_NESTING) return undefined;
      try {
        const inner = parseCredentialInput(c);
        return build(inner.document, inner.jws, depth + 1);
      } catch (e) {
        warn(
          `verifiableCredential: one credential could not be read (${e instanceof McError ? e.code : 'error'}).`,
        );
        return undefined;
      }
    });
  } else ob3Credential(view, document, warn);
  view.hasProof =
    jws !== undefined ||
    arr(document['proof']).length > 0 ||
    (format.startsWith('ob2') && document['verification'] != null);
  if (view.name === UNTITLED_NAME) warn('name: the credential has no name.');
  for (const k of Object.keys(view) as (keyof CredentialView)[]) if (view[k] === undefined) delete view[k];
  return view;
}

/**
 * Normalises a credential or achievement (object, JSON text, compact JWS or UTF-8 bytes) into the
 * display model. Never throws anything but an `McError`.
 *
 * @throws {McParseError} when the input cannot be parsed (see `parseCredentialInput`).
 * @throws {McFormatError} `not-a-credential` for JSON that is no credential or achievement,
 *   `unsupported-format` for recognisable but unsupported data such as Open Badges 1.0.
 */
export function normalizeCredential(input: unknown): CredentialView {
  const { document, jws } = parseCredentialInput(input);
  try {
    return build(document, jws, 0);
  } catch (e) {
    if (e instanceof McError) throw e;
    throw new McFormatError(
      'not-a-credential',
      'This credential could not be read: its fields have unexpected shapes.',
      {
        cause: e,
      },
    );
  }
}

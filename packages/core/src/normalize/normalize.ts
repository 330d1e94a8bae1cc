/**
 * `normalizeCredential()`: any supported credential → the {@link CredentialView} display model.
 * Hand-written and dependency-free (no zod) so that it fits inside `<mc-credential-card>`.
 */
import type { CredentialView } from '../model/credential-view.js';
import { McError, McFormatError } from '../model/errors.js';
import { parseCredentialInput } from '../parse/parse-input.js';
import { detectFormat } from './detect.js';
import { UNTITLED_NAME, arr, list, obj, prune, str, warn, warnInto } from './fields.js';
import type { Obj } from './fields.js';
import { ob2Assertion, ob2BadgeClass } from './ob2.js';
import { ob3Achievement, ob3Credential } from './ob3.js';

/** How deep CLRs may nest inside CLRs. */
const MAX_NESTING = 4;

function build(document: Obj, jws: string | undefined, depth: number): CredentialView {
  const format = detectFormat(document);
  const view: CredentialView = {
    kind: 'credential',
    format,
    name: UNTITLED_NAME,
    alignments: [],
    tags: [],
    evidence: [],
    results: [],
    resultDescriptions: [],
    endorsements: [],
    translations: [],
    credentials: [],
    associations: [],
    hasProof:
      jws !== undefined ||
      arr(document['proof']).length > 0 ||
      (format.startsWith('ob2') && document['verification'] != null),
    warnings: [],
    source: document,
    jws,
  };
  const outer = warnInto(view.warnings);
  try {
    if (format === 'ob2') ob2Assertion(view, document);
    else if (format === 'ob2-badgeclass') ob2BadgeClass(view, document);
    else if (format === 'ob3-achievement') ob3Achievement(view, document);
    else ob3Credential(view, document);
    if (format === 'clr2') clr(view, obj(document['credentialSubject']), depth);
    if (view.name === UNTITLED_NAME) warn('name: missing');
  } finally {
    warnInto(outer);
  }
  return prune(view) as CredentialView;
}

/** CLR 2.0: each bundled credential normalised on its own, and the associations between achievements. */
function clr(view: CredentialView, subj: Obj, depth: number): void {
  for (const c of arr(subj['verifiableCredential'])) {
    if (depth >= MAX_NESTING) break;
    try {
      const inner = parseCredentialInput(c);
      view.credentials.push(build(inner.document, inner.jws, depth + 1));
    } catch (e) {
      warn(`verifiableCredential: one is unreadable (${e instanceof McError ? e.code : 'error'})`);
    }
  }
  view.associations = list(subj['association'], (a) => {
    const [type, sourceId, targetId] = [a['associationType'], a['sourceId'], a['targetId']].map(str);
    if (type && sourceId && targetId) return { type, sourceId, targetId };
    warn('association: type, source or target missing');
  });
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
    throw new McFormatError('not-a-credential', 'This credential has fields of unexpected shapes.', {
      cause: e,
    });
  }
}

/**
 * The `schema` check of VC-shaped documents with the digests of their related resources checked
 * against the fetched bytes (through the one guarded fetch; issue 14 §1). VCDM 2.0, "Integrity of
 * Related Resources": if the digest does not match, "the conforming verifier implementation MUST
 * produce an error".
 */
import type { Kit } from './kit.js';
import type { VerifyContext } from './context.js';
import type { Check } from './types.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ./kit.ts)
let conformanceCheck: Kit['conformanceCheck'],
  base64UrlEncode: Kit['base64UrlEncode'],
  multibaseDecode: Kit['multibaseDecode'],
  toHex: Kit['toHex'],
  describeFailure: Kit['describeFailure'],
  failureCode: Kit['failureCode'],
  fetchText: Kit['fetchText'],
  isObj: Kit['isObj'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({
    conformanceCheck,
    base64UrlEncode,
    multibaseDecode,
    toHex,
    describeFailure,
    failureCode,
    fetchText,
    isObj,
  } = kit);
}

type Obj = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Most related resources fetched for one credential. */
const MAX_RESOURCES = 10;

/** WebCrypto names of the SRI algorithms and of the multihash codes (sha2-256, sha2-384, sha2-512). */
const SRI: Record<string, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
const MULTIHASH: Record<number, [string, number]> = {
  0x12: ['SHA-256', 32],
  0x20: ['SHA-384', 48],
  0x13: ['SHA-512', 64],
};

const digest = async (alg: string, bytes: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest(alg, bytes as BufferSource));
const unpad = (b64: string): string => b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Does `bytes` match the entry's digests? `undefined` when no digest is of a kind this verifier
 * can compute (then it could not be checked). Every digest given must match. SRI (Subresource
 * Integrity §3.3.4): of several hashes, only those of the strongest algorithm count, and one match
 * is enough.
 */
async function matches(entry: Obj, bytes: Uint8Array): Promise<boolean | undefined> {
  let checked = false;
  for (const d of list(entry['digestMultibase'])) {
    const mh = typeof d === 'string' ? multibaseDecode(d) : undefined;
    const [alg, len] = (mh && MULTIHASH[mh[0]!]) || [];
    if (!mh || !alg || !len || mh[1] !== len || mh.length !== len + 2) return undefined;
    if (toHex(await digest(alg, bytes)) !== toHex(mh.subarray(2))) return false;
    checked = true;
  }
  const sri = list(entry['digestSRI'])
    .flatMap((s) => (typeof s === 'string' ? s.trim().split(/\s+/) : []))
    .map((token) => /^(sha256|sha384|sha512)-([A-Za-z\d+/_-]+={0,2})(\?.*)?$/.exec(token))
    .filter((m): m is RegExpExecArray => !!m);
  if (sri.length > 0) {
    const strongest = ['sha512', 'sha384', 'sha256'].find((a) => sri.some((m) => m[1] === a))!;
    const mine = base64UrlEncode(await digest(SRI[strongest]!, bytes));
    if (!sri.some((m) => m[1] === strongest && unpad(m[2]!) === mine)) return false;
    checked = true;
  } else if (entry['digestSRI'] !== undefined) return undefined;
  return checked ? true : undefined;
}

/**
 * The `schema` check of a VC-shaped document: the data model's MUSTs, then — when those hold — the
 * digests of its related resources against their fetched bytes. A digest that does not match fails
 * (`related-resource-mismatch`); a resource that cannot be fetched, or a digest of a kind that
 * cannot be computed, is unknown (`related-resource-unavailable`), never passed.
 */
export async function conformance(ctx: VerifyContext, doc: Obj): Promise<Check> {
  const base = conformanceCheck(doc);
  const related = list(doc['relatedResource']).filter(isObj);
  if (base.outcome !== 'passed' || related.length === 0) return base;
  const unknown = (code: Check['code'], why: string): Check => ({
    id: 'schema',
    outcome: 'unknown',
    code,
    message: `A resource the credential refers to could not be checked against its digest: ${why}.`,
  });
  if (related.length > MAX_RESOURCES)
    return unknown('related-resource-unavailable', `it lists more than ${MAX_RESOURCES} of them`);
  for (const entry of related) {
    const id = entry['id'] as string;
    const media = typeof entry['mediaType'] === 'string' ? entry['mediaType'] : '*/*';
    const r = await fetchText(ctx, id, media);
    if (!r.ok) return unknown(failureCode(r, 'related-resource-unavailable'), `${id}: ${describeFailure(r)}`);
    const ok = await matches(entry, r.bytes);
    if (ok === undefined)
      return unknown(
        'related-resource-unavailable',
        `${id}: its digest is of a kind Microcred cannot compute`,
      );
    if (!ok)
      return {
        id: 'schema',
        outcome: 'failed',
        code: 'related-resource-mismatch',
        message: `The resource ${id} has changed since the credential was issued: its digest does not match.`,
      };
  }
  return {
    ...base,
    message: `${base.message} ${related.length === 1 ? 'The resource it refers to matches its digest' : `The ${related.length} resources it refers to match their digests`}.`,
  };
}

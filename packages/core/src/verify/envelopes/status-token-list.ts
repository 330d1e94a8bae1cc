/**
 * Token Status List (IETF draft-ietf-oauth-status-list), the status mechanism of SD-JWT VCs: the
 * credential's `status: { status_list: { idx, uri } }` names an entry of a list its issuer
 * publishes as a signed Status List Token (`statuslist+jwt`), whose `status_list: { bits, lst }`
 * holds `bits` per entry, DEFLATE/ZLIB-compressed, base64url. The token is verified by the
 * credential's own issuer rules (handed in by ./sd-jwt.ts) and must be the credential issuer's; a
 * list that cannot be fetched, verified or read leaves the status unknown, never "not revoked".
 * Lazy chunk (`status-token-list`), loaded only for a credential that names such a list.
 */
import type { Kit } from '../kit.js';
import type { VerifyContext } from '../context.js';
import type { Check } from '../types.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let cached: Kit['cached'],
  DEFAULT_TTL_MS: Kit['DEFAULT_TTL_MS'],
  base64UrlDecode: Kit['base64UrlDecode'],
  describeFailure: Kit['describeFailure'],
  failureCode: Kit['failureCode'],
  fetchText: Kit['fetchText'],
  decodeJwsPart: Kit['decodeJwsPart'],
  isObj: Kit['isObj'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({
    cached,
    DEFAULT_TTL_MS,
    base64UrlDecode,
    describeFailure,
    failureCode,
    fetchText,
    decodeJwsPart,
    isObj,
  } = kit);
}

type Obj = Record<string, unknown>;

/**
 * The `proof` and `issuer` checks of a JWT that says it comes from `iss`, by the rules the
 * credential's own signature is checked with (./sd-jwt.ts).
 */
export type IssuerJwtVerifier = (
  ctx: VerifyContext,
  jwt: string,
  header: Obj,
  iss: string,
) => Promise<[Check, Check]>;

/** Largest decompressed list accepted (16 Mbit, as for Bitstring lists). */
const MAX_LIST_BYTES = 2 * 1024 * 1024;

type Result = Omit<Check, 'id'>;
const unknown = (code: Check['code'], message: string): Result => ({ outcome: 'unknown', code, message });

/** ZLIB inflate (RFC 1950) through DecompressionStream('deflate'), capped at {@link MAX_LIST_BYTES}. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const reader = new Blob([bytes as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('deflate'))
      .getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_LIST_BYTES) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    total = 0;
    for (const c of chunks) {
      out.set(c, total);
      total += c.length;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** A verified, decoded list, or why there is none. */
type List = { ok: true; bits: number; bytes: Uint8Array; expires: number } | ({ ok: false } & Result);

/** Fetches, verifies and decodes the Status List Token at `uri` for the credential issuer `iss`. */
async function loadList(
  ctx: VerifyContext,
  uri: string,
  iss: string,
  verify: IssuerJwtVerifier,
): Promise<List> {
  const r = await fetchText(ctx, uri, 'application/statuslist+jwt');
  if (!r.ok)
    return {
      ok: false,
      ...unknown(
        failureCode(r, 'status-unavailable'),
        `The status list could not be fetched: ${describeFailure(r)}.`,
      ),
    };
  const jwt = r.text.trim();
  const [h, p] = jwt.split('.');
  const header = decodeJwsPart(h);
  const payload = decodeJwsPart(p);
  const invalid = (why: string): List => ({
    ok: false,
    ...unknown('status-list-invalid', `The status list cannot be used: ${why}.`),
  });
  // "The JWT type MUST be statuslist+jwt"
  if (
    !header ||
    !payload ||
    `${header['typ']}`.replace(/^application\//i, '').toLowerCase() !== 'statuslist+jwt'
  )
    return invalid('it is not a statuslist+jwt token');
  // the list must be the credential issuer's: named so, and signed with a key bound to that issuer
  const listIss = payload['iss'];
  if (listIss !== undefined && listIss !== iss)
    return {
      ok: false,
      ...unknown(
        'status-list-wrong-issuer',
        `The status list was issued by ${String(listIss).slice(0, 120)}, not by the credential's issuer.`,
      ),
    };
  const [proof, issuer] = await verify(ctx, jwt, header, iss);
  if (proof.outcome !== 'passed')
    return {
      ok: false,
      ...unknown(
        proof.outcome === 'failed' ? 'status-list-unverified' : 'status-list-unchecked',
        `The status list could not be trusted: ${proof.message}`,
      ),
    };
  if (issuer.outcome !== 'passed')
    return {
      ok: false,
      ...unknown(
        'status-list-wrong-issuer',
        `The status list is not signed by the credential's issuer: ${issuer.message}`,
      ),
    };
  // sub "MUST specify the URI of the Status List Token. The value MUST be equal to that of the uri
  // claim contained in the status_list claim of the Referenced Token"
  if (payload['sub'] !== uri)
    return invalid(`it is the list ${String(payload['sub']).slice(0, 120)}, not ${uri}`);
  const now = ctx.now.getTime();
  const exp = payload['exp'];
  if (exp !== undefined && (typeof exp !== 'number' || exp * 1000 < now - ctx.skewMs))
    return { ok: false, ...unknown('status-list-expired', 'The status list has expired.') };
  const list = payload['status_list'];
  const bits = isObj(list) ? list['bits'] : undefined;
  const lst = isObj(list) ? list['lst'] : undefined;
  // bits: "The allowed values for bits are 1,2,4 and 8"
  if (
    (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) ||
    typeof lst !== 'string' ||
    lst.length > 4 * MAX_LIST_BYTES
  )
    return invalid('its status_list is malformed');
  const compressed = base64UrlDecode(lst);
  const bytes = compressed && (await inflate(compressed));
  if (!bytes) return invalid('its list could not be decompressed');
  const ttl = payload['ttl'];
  return {
    ok: true,
    bits,
    bytes,
    expires: Math.min(
      typeof exp === 'number' ? exp * 1000 : Infinity,
      now + (typeof ttl === 'number' && ttl > 0 ? ttl * 1000 : DEFAULT_TTL_MS),
    ),
  };
}

/**
 * The status value at `idx`: entry i is the `bits` bits of the byte array starting at bit i × bits,
 * counted from the least significant bit of each byte; undefined when the list is shorter.
 */
export function statusAt(bytes: Uint8Array, bits: number, idx: number): number | undefined {
  const at = idx * bits;
  const byte = bytes[Math.floor(at / 8)];
  return byte === undefined ? undefined : (byte >> (at % 8)) & ((1 << bits) - 1);
}

/**
 * The `status` check of an SD-JWT VC whose `status` claim holds `status_list` (`ref`), issued by
 * `iss`. 0 VALID → passed; 1 INVALID → revoked; 2 SUSPENDED → suspended; other values → unknown.
 */
export async function tokenStatus(
  ctx: VerifyContext,
  ref: unknown,
  iss: unknown,
  verify: IssuerJwtVerifier,
): Promise<Check> {
  const idx = isObj(ref) ? ref['idx'] : undefined;
  const uri = isObj(ref) ? ref['uri'] : undefined;
  const check = (r: Result): Check => ({ id: 'status', ...r });
  if (!Number.isSafeInteger(idx) || (idx as number) < 0 || typeof uri !== 'string' || typeof iss !== 'string')
    return check(
      unknown('status-entry-invalid', 'The credential status entry has no list address or index.'),
    );
  const list = await cached(
    ctx.fetch,
    `status:token:${ctx.depth}:${iss}:${uri}`,
    ctx.now.getTime(),
    () => loadList(ctx, uri, iss, verify),
    (l) => (l.ok ? l.expires - ctx.now.getTime() : 0),
    (l) => l.ok,
  );
  if (!list.ok) {
    const { ok: _ok, ...r } = list;
    return check(r);
  }
  const value = statusAt(list.bytes, list.bits, idx as number);
  if (value === undefined)
    return check(unknown('status-index-out-of-range', `The status list has no entry ${idx as number}.`));
  if (value === 0)
    return check({
      outcome: 'passed',
      code: 'not-revoked',
      message: "The issuer's status list says the credential is valid (not revoked or suspended).",
    });
  if (value === 1)
    return check({ outcome: 'failed', code: 'revoked', message: 'The issuer has revoked this credential.' });
  if (value === 2)
    return check({
      outcome: 'failed',
      code: 'suspended',
      message: 'The issuer has suspended this credential.',
    });
  return check(
    unknown(
      'status-message',
      `The issuer's status list gives the status ${value}, whose meaning is its own.`,
    ),
  );
}

/**
 * Revocation and suspension: Bitstring Status List (`BitstringStatusListEntry`), StatusList2021
 * (`StatusList2021Entry`) and the 1EdTech revocation list (`1EdTechRevocationList`). The status list
 * credential is itself verified — signature, issuer binding, validity window and its own status —
 * and must be issued by the credential's issuer; otherwise the status is `unknown`, never `passed`.
 * Lists are cached (per `fetch` and nesting depth) for their lifetime, with the issuer they were
 * verified for.
 */
import { cached, DEFAULT_TTL_MS } from './cache.js';
import type { VerifyContext } from './context.js';
import { deeper } from './context.js';
import { issuerIdOf } from './checks.js';
import { base64UrlDecode } from './encoding.js';
import { describeFailure, failureCode, fetchJson, fetchText } from './http.js';
import type { Check } from './types.js';
import { isObj } from '../parse/parse-input.js';

type Obj = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const types = (v: unknown): string[] => arr(v).filter((t): t is string => typeof t === 'string');

/** Verifies a nested credential (the status list) — injected to avoid an import cycle. */
export type NestedVerifier = (
  ctx: VerifyContext,
  input: unknown,
) => Promise<{ checks: Check[]; document?: Obj; issuerId?: string }>;

/** Largest decompressed status list accepted (16 Mbit). */
const MAX_LIST_BYTES = 2 * 1024 * 1024;
/** The spec's minimum number of entries (§3.2 minimumNumberOfEntries); shorter lists exist in the wild and only warn. */
const MIN_BITS = 131_072;

/** Gunzips through DecompressionStream (Node 20 and browsers), capped at {@link MAX_LIST_BYTES}. */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    const reader = stream.getReader();
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
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Decodes `encodedList`: multibase `u` base64url (Bitstring) or bare base64url (StatusList2021), then gzip. */
export async function decodeStatusList(encoded: string): Promise<Uint8Array | undefined> {
  const candidates = encoded.startsWith('u') ? [encoded.slice(1), encoded] : [encoded];
  for (const c of candidates) {
    const bytes = base64UrlDecode(c);
    if (bytes && bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzip(bytes);
  }
  return undefined;
}

/** The bit at `index`, most significant bit of the first byte = index 0; undefined when out of range. */
export function bitAt(list: Uint8Array, index: number): boolean | undefined {
  const byte = list[index >> 3];
  if (byte === undefined) return undefined;
  return ((byte >> (7 - (index & 7))) & 1) === 1;
}

/** The `size`-bit status at entry `index` (bits `index × size` on, first bit most significant); undefined when out of range. */
function statusAt(list: Uint8Array, index: number, size: number): number | undefined {
  let value = 0;
  for (let i = index * size; i < (index + 1) * size; i++) {
    const bit = bitAt(list, i);
    if (bit === undefined) return undefined;
    value = value * 2 + (bit ? 1 : 0);
  }
  return value;
}

type EntryResult = { outcome: 'passed' | 'failed' | 'unknown'; code: Check['code']; message: string };

interface LoadedList {
  ok: boolean;
  code: Check['code'] | 'ok';
  message: string;
  bits?: Uint8Array;
  purposes?: string[];
  expires?: number;
  /** The list credential's issuer, bound to its signing key by the list's own verification. */
  issuerId?: string;
}

/**
 * True when `a` and `b` name the same issuer: equal ids, and for DIDs the same DID whatever the
 * fragment (`did:key:z6Mk…` and `did:key:z6Mk…#z6Mk…`). Missing ids are never the same.
 */
export function sameIssuer(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const bare = (id: string): string => (id.startsWith('did:') ? id.split('#')[0]! : id);
  return bare(a) === bare(b);
}

/** Why a list credential whose own verification gave `checks` cannot be trusted, if it cannot. */
function untrusted(checks: Check[]): { code: Check['code']; message: string } | undefined {
  const get = (id: Check['id']): Check | undefined => checks.find((c) => c.id === id);
  const core = (['format', 'schema', 'proof', 'issuer'] as const).map(get);
  const failed = core.find((c) => c?.outcome === 'failed');
  if (failed)
    return {
      code: 'status-list-unverified',
      message: `The status list could not be trusted: ${failed.message}`,
    };
  // format, proof and issuer must have passed (unknown, skipped or absent: not checked)
  const unchecked = (['format', 'proof', 'issuer'] as const).find((id) => get(id)?.outcome !== 'passed');
  if (unchecked)
    return {
      code: 'status-list-unchecked',
      message: `The status list could not be checked: ${get(unchecked)?.message ?? unchecked}`,
    };
  const validity = get('validity');
  if (validity?.outcome !== 'passed')
    return {
      code: 'status-list-expired',
      message: `The status list is not valid now: ${validity?.message ?? ''}`,
    };
  const status = get('status');
  if (status?.outcome === 'failed')
    return {
      code: 'status-list-revoked',
      message: `The status list is withdrawn: ${status.message}`,
    };
  if (status?.outcome === 'unknown')
    return {
      code: 'status-list-unchecked',
      message: `The status list could not be checked: ${status.message}`,
    };
  return undefined;
}

async function loadList(
  ctx: VerifyContext,
  url: string,
  kind: 'bitstring' | 'sl2021',
  nested: NestedVerifier,
): Promise<LoadedList> {
  const r = await fetchText(ctx, url, 'application/vc+ld+json, application/vc+jwt, application/json');
  if (!r.ok) {
    return {
      ok: false,
      code: failureCode(r, 'status-unavailable'),
      message: `The status list could not be fetched: ${describeFailure(r)}.`,
    };
  }
  const text = r.text.trim();
  let input: unknown = text;
  if (text.startsWith('{')) {
    try {
      input = JSON.parse(text) as unknown;
    } catch {
      return { ok: false, code: 'status-list-invalid', message: 'The status list is not valid JSON.' };
    }
  }
  const result = await nested(deeper(ctx), input);
  const doc = result.document;
  if (!doc)
    return {
      ok: false,
      code: 'status-list-invalid',
      message: 'The status list could not be read as a credential.',
    };
  const problem = untrusted(result.checks);
  if (problem) return { ok: false, ...problem };
  const wantType = kind === 'bitstring' ? 'BitstringStatusListCredential' : 'StatusList2021Credential';
  const subject = doc['credentialSubject'];
  if (
    !types(doc['type']).includes(wantType) ||
    !isObj(subject) ||
    (kind === 'bitstring' && !types(subject['type']).includes('BitstringStatusList'))
  ) {
    return { ok: false, code: 'status-list-invalid', message: `The status list is not a ${wantType}.` };
  }
  const encoded = subject['encodedList'];
  const bits =
    typeof encoded === 'string' && encoded.length < 4 * MAX_LIST_BYTES
      ? await decodeStatusList(encoded)
      : undefined;
  if (!bits)
    return { ok: false, code: 'status-list-invalid', message: 'The status list could not be decoded.' };
  const until = doc['validUntil'] ?? doc['expirationDate'];
  const untilMs = typeof until === 'string' ? Date.parse(until) : NaN;
  const ttl = Number(subject['ttl']);
  const expires = Math.min(
    Number.isFinite(untilMs) ? untilMs : Infinity,
    ctx.now.getTime() + (Number.isFinite(ttl) && ttl > 0 ? ttl : DEFAULT_TTL_MS),
  );
  return {
    ok: true,
    code: 'ok',
    message: '',
    bits,
    purposes: types(subject['statusPurpose']),
    expires,
    ...(result.issuerId ? { issuerId: result.issuerId } : {}),
  };
}

async function checkListEntry(
  ctx: VerifyContext,
  entry: Obj,
  kind: 'bitstring' | 'sl2021',
  nested: NestedVerifier,
  issuerId: string | undefined,
): Promise<EntryResult> {
  const url = entry['statusListCredential'];
  const rawIndex = entry['statusListIndex'];
  const index =
    typeof rawIndex === 'number'
      ? rawIndex
      : typeof rawIndex === 'string' && /^\d+$/.test(rawIndex)
        ? Number(rawIndex)
        : NaN;
  const purpose = typeof entry['statusPurpose'] === 'string' ? entry['statusPurpose'] : '';
  // §2.1: statusListCredential "MUST be a URL"
  if (
    typeof url !== 'string' ||
    !/^[a-z][\w+.-]*:/i.test(url) ||
    !Number.isSafeInteger(index) ||
    index < 0 ||
    !purpose
  ) {
    return {
      outcome: 'unknown',
      code: 'status-entry-invalid',
      message:
        'The credential status entry is incomplete (list address, index or purpose missing or malformed).',
    };
  }
  // §2.1: "If statusSize is not present … MUST be processed as 1. If present, statusSize MUST be an
  // integer greater than zero. If statusSize is provided and is greater than 1, then the property
  // credentialStatus.statusMessage MUST be present, and the number of status messages MUST equal
  // the number of possible values."
  const rawSize = entry['statusSize'] ?? 1;
  const size = typeof rawSize === 'string' && /^\d{1,2}$/.test(rawSize) ? Number(rawSize) : rawSize;
  const messages = entry['statusMessage'];
  if (
    typeof size !== 'number' ||
    !Number.isInteger(size) ||
    size < 1 ||
    size > 16 ||
    (size > 1 && (!Array.isArray(messages) || messages.length !== 2 ** size))
  ) {
    return {
      outcome: 'unknown',
      code: 'status-entry-invalid',
      message: 'The credential status entry has an invalid statusSize or statusMessage.',
    };
  }
  // keyed by depth too: a list verified deeper down had its own status left unchecked, and a list
  // that lists itself must not wait for its own (unfinished) load
  const list = await cached(
    ctx.fetch,
    `status:${kind}:${ctx.depth}:${url}`,
    ctx.now.getTime(),
    () => loadList(ctx, url, kind, nested),
    (l) => (l.expires ?? 0) - ctx.now.getTime(),
    (l) => l.ok,
  );
  if (!list.ok || !list.bits)
    return {
      outcome: 'unknown',
      code: list.code === 'ok' ? 'status-list-invalid' : list.code,
      message: list.message,
    };
  if (!sameIssuer(issuerId, list.issuerId)) {
    return {
      outcome: 'unknown',
      code: 'status-list-wrong-issuer',
      message: `The status list was issued by ${String(list.issuerId).slice(0, 120)}, not by the credential's issuer.`,
    };
  }
  // §3.2: "Verify that the status purpose is equal to a statusPurpose value in the
  // statusListCredential … If the values are not equal, raise a STATUS_VERIFICATION_ERROR." (a
  // StatusList2021 list without a purpose is older practice and still read)
  const purposes = list.purposes ?? [];
  if ((kind === 'bitstring' || purposes.length > 0) && !purposes.includes(purpose)) {
    return {
      outcome: 'unknown',
      code: 'status-purpose-mismatch',
      message: `The status list is for "${purposes.join(', ').slice(0, 120)}", not "${purpose.slice(0, 60)}".`,
    };
  }
  const value = statusAt(list.bits, index, size);
  if (value === undefined) {
    return {
      outcome: 'unknown',
      code: 'status-index-out-of-range',
      message: `The status list has no entry ${index}.`,
    };
  }
  const entries = (list.bits.length * 8) / size;
  const short =
    entries < MIN_BITS
      ? ` (note: the list has only ${entries} entries, fewer than the 131,072 the specification requires)`
      : '';
  // §3.2: "If the length of the revocation bitstring divided by statusSize is less than
  // minimumNumberOfEntries, raise a STATUS_LIST_LENGTH_ERROR." Shorter lists are common in the wild
  // (Digital Credentials Consortium: 100,000 entries), so, as STANDARDS.md decides, the list is read
  // and the message says it is short (issue 14 report: not enforced)
  if (value && purpose === 'revocation')
    return { outcome: 'failed', code: 'revoked', message: `The issuer has revoked this credential${short}.` };
  if (value && purpose === 'suspension')
    return {
      outcome: 'failed',
      code: 'suspended',
      message: `The issuer has suspended this credential${short}.`,
    };
  if (purpose === 'revocation' || purpose === 'suspension')
    return {
      outcome: 'passed',
      code: purpose === 'suspension' ? 'not-suspended' : 'not-revoked',
      message: `The issuer's status list says the credential is not ${purpose === 'suspension' ? 'suspended' : 'revoked'}${short}.`,
    };
  // other purposes (message, refresh…) do not stop verification; §2.1: without statusMessage, "the
  // message values associated with the status bit values of 1 and 0 are "set" and "unset""
  const hex = `0x${value.toString(16)}`;
  const said = Array.isArray(messages)
    ? messages.find(
        (m) =>
          isObj(m) &&
          /^0x[\da-f]+$/i.test(String(m['status'])) &&
          parseInt(String(m['status']), 16) === value,
      )
    : undefined;
  const text = isObj(said) && typeof said['message'] === 'string' ? said['message'] : value ? 'set' : 'unset';
  return {
    outcome: 'passed',
    code: 'status-message',
    message: `The issuer's status list gives this credential the "${purpose.slice(0, 60)}" status ${hex} ("${text.slice(0, 120)}")${short}.`,
  };
}

async function check1EdTech(ctx: VerifyContext, entry: Obj, credentialId: unknown): Promise<EntryResult> {
  const url = entry['id'];
  if (typeof url !== 'string') {
    return {
      outcome: 'unknown',
      code: 'status-entry-invalid',
      message: 'The revocation list address is missing.',
    };
  }
  const r = await cached(
    ctx.fetch,
    `rl:${url}`,
    ctx.now.getTime(),
    () => fetchJson(ctx, url),
    undefined,
    (v) => v.ok,
  );
  if (!r.ok)
    return {
      outcome: 'unknown',
      code: failureCode(r, 'status-unavailable'),
      message: `The revocation list could not be fetched: ${describeFailure(r)}.`,
    };
  const revoked = arr(r.json['revokedCredential'] ?? r.json['revokedCredentials']);
  const hit = revoked.find((c) => (isObj(c) ? c['id'] : c) === credentialId);
  if (typeof credentialId !== 'string') {
    return {
      outcome: 'unknown',
      code: 'status-entry-invalid',
      message: 'The credential has no id to look up in the revocation list.',
    };
  }
  if (hit !== undefined) {
    const reason =
      isObj(hit) && typeof hit['revocationReason'] === 'string'
        ? ` Reason: ${hit['revocationReason'].slice(0, 200)}`
        : '';
    return {
      outcome: 'failed',
      code: 'revoked',
      message: `The issuer has revoked this credential.${reason}`,
    };
  }
  return {
    outcome: 'passed',
    code: 'not-revoked',
    message: "The issuer's revocation list does not list this credential.",
  };
}

/** The `status` check of a VC-shaped document. */
export async function checkStatus(ctx: VerifyContext, doc: Obj, nested: NestedVerifier): Promise<Check> {
  const entries = arr(doc['credentialStatus']);
  if (entries.length === 0) {
    return {
      id: 'status',
      outcome: 'skipped',
      code: 'no-status',
      message: 'The issuer does not publish a revocation status for this credential.',
    };
  }
  const results: EntryResult[] = [];
  for (const entry of entries.slice(0, 4)) {
    if (!isObj(entry)) {
      results.push({
        outcome: 'unknown',
        code: 'status-entry-invalid',
        message: 'A credential status entry is not an object.',
      });
      continue;
    }
    const t = types(entry['type']);
    if (t.includes('BitstringStatusListEntry'))
      results.push(await checkListEntry(ctx, entry, 'bitstring', nested, issuerIdOf(doc)));
    else if (t.includes('StatusList2021Entry'))
      results.push(await checkListEntry(ctx, entry, 'sl2021', nested, issuerIdOf(doc)));
    else if (t.includes('1EdTechRevocationList')) results.push(await check1EdTech(ctx, entry, doc['id']));
    else {
      results.push({
        outcome: 'unknown',
        code: 'status-unsupported',
        message: `The status method "${(t[0] ?? '?').slice(0, 60)}" is not supported.`,
      });
    }
  }
  // Each entry is validated on its own (Bitstring Status List §3.2 returns one result per entry);
  // revoked says most — a revocation "is not reversible", a suspension is — so it wins over
  // suspended, then any other failure, then could not check. The message says every failed entry.
  const failed = results.filter((r) => r.outcome === 'failed');
  const pick =
    failed.find((r) => r.code === 'revoked') ??
    failed[0] ??
    results.find((r) => r.outcome === 'unknown') ??
    results[0]!;
  const others = failed.filter((r) => r !== pick).map((r) => ` ${r.message}`);
  return { id: 'status', ...pick, message: pick.message + others.join('') };
}

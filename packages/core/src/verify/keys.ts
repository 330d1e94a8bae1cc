/**
 * Resolving a verification method (a DID URL or an https URL) to its public key and controller, from
 * `did:key` (offline), `did:jwk` (offline), `did:web` and https controller documents (through
 * `ctx.fetch`). A key is never taken from the look of a URL fragment: only did:key and did:jwk encode
 * their key in the identifier by definition.
 */
import { cached } from './cache.js';
import type { VerifyContext } from './context.js';
import type { CheckCode } from './codes.js';
import { base58Decode, base64UrlDecode, multibaseDecode } from './encoding.js';
import { describeFailure, failureCode, fetchJson } from './http.js';
import { isObj } from '../parse/parse-input.js';

/** Public key material found in a verification method. */
export type PublicKey =
  | { kind: 'ed25519'; raw: Uint8Array }
  | { kind: 'jwk'; jwk: JsonWebKey }
  /** A P-256 or P-384 public key as a compressed point (Multikey `zDn…` / `z82…`). */
  | { kind: 'ec'; crv: 'P-256' | 'P-384'; raw: Uint8Array }
  /** A BLS12-381 G2 public key as a 96-byte compressed point (Multikey `zUC7…`), for bbs-2023. */
  | { kind: 'bls12-381-g2'; raw: Uint8Array };

/** A resolved verification method. */
export interface ResolvedMethod {
  ok: true;
  /** Absolute id of the verification method. */
  id: string;
  /** The controller document's id (the DID, or the https URL). */
  controller: string;
  /**
   * True when the controller document lists the method under `assertionMethod` (or, verifying a
   * presentation, `authentication`: the context's `purpose`).
   */
  assertion: boolean;
  key: PublicKey;
}

/** Why a verification method could not be resolved: `failed` = it is wrong, `unknown` = could not check. */
export interface MethodFailure {
  ok: false;
  outcome: 'failed' | 'unknown';
  code: CheckCode;
  message: string;
}

type Obj = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

const fail = (outcome: 'failed' | 'unknown', code: CheckCode, message: string): MethodFailure => ({
  ok: false,
  outcome,
  code,
  message,
});

/** Decodes an Ed25519 multikey (`z6Mk…`: multicodec 0xed01 + 32 bytes). */
export function ed25519FromMultikey(multibase: string): Uint8Array | undefined {
  const bytes = multibaseDecode(multibase);
  if (!bytes || bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return undefined;
  return bytes.slice(2);
}

/**
 * The key of a multikey: Ed25519 (`z6Mk…`, multicodec 0xed01 + 32 bytes), P-256 (`zDn…`, 0x1200 +
 * a 33-byte compressed point), P-384 (`z82…`, 0x1201 + 49 bytes) or BLS12-381 G2 (`zUC7…`, 0xeb +
 * 96 bytes).
 */
export function fromMultikey(multibase: string): PublicKey | undefined {
  const raw = ed25519FromMultikey(multibase);
  if (raw) return { kind: 'ed25519', raw };
  const b = multibaseDecode(multibase);
  if (b?.[0] === 0xeb && b[1] === 1 && b.length === 98) return { kind: 'bls12-381-g2', raw: b.slice(2) };
  if (b?.[1] !== 0x24) return undefined;
  if (b[0] === 0x80 && b.length === 35) return { kind: 'ec', crv: 'P-256', raw: b.slice(2) };
  if (b[0] === 0x81 && b.length === 51) return { kind: 'ec', crv: 'P-384', raw: b.slice(2) };
  return undefined;
}

/** Key material of a verification method object. */
function keyOf(vm: Obj): PublicKey | undefined {
  const mb = vm['publicKeyMultibase'];
  if (typeof mb === 'string') {
    const key = fromMultikey(mb);
    if (key) return key;
    // Ed25519VerificationKey2020 written without the multicodec header (seen in the wild)
    const plain = multibaseDecode(mb);
    if (plain?.length === 32 && vm['type'] === 'Ed25519VerificationKey2020')
      return { kind: 'ed25519', raw: plain };
    return undefined;
  }
  const b58 = vm['publicKeyBase58'];
  if (typeof b58 === 'string') {
    const raw = base58Decode(b58);
    return raw?.length === 32 ? { kind: 'ed25519', raw } : undefined;
  }
  const jwk = vm['publicKeyJwk'];
  if (isObj(jwk) && typeof jwk['kty'] === 'string') {
    if ('d' in jwk) return undefined; // a private key published by mistake is not accepted
    return { kind: 'jwk', jwk: jwk as JsonWebKey };
  }
  return undefined;
}

/** An Ed25519 raw key from a JWK (OKP/Ed25519), for Data Integrity proofs. */
export function ed25519FromJwk(jwk: JsonWebKey): Uint8Array | undefined {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return undefined;
  const raw = base64UrlDecode(jwk.x);
  return raw?.length === 32 ? raw : undefined;
}

function splitFragment(id: string): [string, string | undefined] {
  const i = id.indexOf('#');
  return i < 0 ? [id, undefined] : [id.slice(0, i), id.slice(i + 1)];
}

/** `did:web:host%3Aport:path:to` → `https://host:port/path/to/did.json` (or `/.well-known/did.json`). */
export function didWebUrl(did: string): string | undefined {
  const parts = did.slice('did:web:'.length).split(':');
  const host = decodeURIComponent(parts[0] ?? '');
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host) || host.length === 0) return undefined;
  const path = parts.slice(1).map((p) => decodeURIComponent(p));
  if (path.some((p) => p === '' || p === '.' || p === '..' || p.includes('/'))) return undefined;
  return path.length ? `https://${host}/${path.join('/')}/did.json` : `https://${host}/.well-known/did.json`;
}

/** Finds method `id` in a controller document and checks it belongs to `controllerId`. */
function findInDocument(
  doc: Obj,
  controllerId: string,
  id: string,
  relationship = 'assertionMethod',
): ResolvedMethod | MethodFailure {
  if (doc['id'] !== controllerId) {
    return fail(
      'failed',
      'key-controller-mismatch',
      `The key document at ${controllerId} names itself "${String(doc['id'])}".`,
    );
  }
  const abs = (ref: string): string => (ref.startsWith('#') ? controllerId + ref : ref);
  const candidates = [
    ...arr(doc['verificationMethod']),
    ...arr(doc['assertionMethod']),
    ...arr(doc['publicKey']),
    ...arr(doc['authentication']),
  ].filter(isObj);
  const vm = candidates.find((m) => typeof m['id'] === 'string' && abs(m['id']) === id);
  if (!vm)
    return fail('failed', 'key-not-found', `The issuer's key document does not contain the key ${id}.`);
  const controller = typeof vm['controller'] === 'string' ? abs(vm['controller']) : controllerId;
  if (controller !== controllerId) {
    return fail(
      'failed',
      'key-controller-mismatch',
      `The key ${id} is controlled by ${controller}, not by ${controllerId}.`,
    );
  }
  const key = keyOf(vm);
  if (!key) return fail('failed', 'key-invalid', `The key ${id} is not a public key Microcred can use.`);
  const assertion = arr(doc[relationship]).some(
    (m) =>
      (typeof m === 'string' && abs(m) === id) ||
      (isObj(m) && typeof m['id'] === 'string' && abs(m['id']) === id),
  );
  return { ok: true, id, controller, assertion, key };
}

async function resolveDocument(ctx: VerifyContext, url: string, controllerId: string, id: string) {
  const r = await cached(
    ctx.fetch,
    `doc:${url}`,
    ctx.now.getTime(),
    () => fetchJson(ctx, url),
    undefined,
    (v) => v.ok,
  );
  if (!r.ok) {
    return fail(
      'unknown',
      failureCode(r, 'key-unavailable'),
      `The issuer's key document (${url}) could not be fetched: ${describeFailure(r)}.`,
    );
  }
  return findInDocument(r.json, controllerId, id, ctx.purpose);
}

/** The public JWKs of did:jwk identifiers already read, frozen (bounded; by the DID, without fragment). */
const didJwks = new Map<string, Readonly<JsonWebKey> | null>();
const utf8Text = new TextDecoder();

/**
 * The public key a `did:jwk` identifier encodes (its method-specific id is the base64url of the
 * JWK's UTF-8 JSON), read once per identifier: null when it is not a JWK object with a `kty`, or
 * holds a private key (`d`).
 */
function didJwkKey(did: string): Readonly<JsonWebKey> | null {
  let jwk = didJwks.get(did);
  if (jwk !== undefined) return jwk;
  const bytes = base64UrlDecode(did.slice('did:jwk:'.length));
  let v: unknown;
  try {
    v = bytes ? JSON.parse(utf8Text.decode(bytes)) : undefined;
  } catch {
    v = undefined;
  }
  jwk = isObj(v) && typeof v['kty'] === 'string' && !('d' in v) ? Object.freeze(v as JsonWebKey) : null;
  if (didJwks.size > 100) didJwks.clear();
  didJwks.set(did, jwk);
  return jwk;
}

/**
 * Resolves a verification method id to its key, controller, and whether it may make assertions.
 */
export async function resolveMethod(
  ctx: VerifyContext,
  methodId: unknown,
): Promise<ResolvedMethod | MethodFailure> {
  const id = isObj(methodId) ? methodId['id'] : methodId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 2048) {
    return fail('failed', 'key-missing', 'The proof does not say which key made it.');
  }
  const [base, fragment] = splitFragment(id);
  if (base.startsWith('did:key:')) {
    const mb = base.slice('did:key:'.length);
    const key = fromMultikey(mb);
    if (!key) return fail('failed', 'key-invalid', 'The did:key in the proof is not a valid key.');
    if (fragment !== undefined && fragment !== mb)
      return fail('failed', 'key-not-found', `${id} is not the key of ${base}.`);
    return {
      ok: true,
      id: `${base}#${mb}`,
      controller: base,
      assertion: true,
      key,
    };
  }
  if (base.startsWith('did:jwk:')) {
    const jwk = didJwkKey(base);
    if (!jwk) return fail('failed', 'key-invalid', 'The did:jwk in the proof is not a valid public key.');
    if (fragment !== undefined && fragment !== '0')
      return fail('failed', 'key-not-found', `${id} is not the key of ${base}.`);
    const assertion = jwk['use'] !== 'enc';
    return {
      ok: true,
      id: `${base}#0`,
      controller: base,
      assertion,
      key: { kind: 'jwk', jwk },
    };
  }
  if (base.startsWith('did:web:')) {
    const url = didWebUrl(base);
    if (!url) return fail('failed', 'key-invalid', `${base} is not a valid did:web identifier.`);
    return resolveDocument(ctx, url, base, id);
  }
  if (/^https:\/\//i.test(base)) return resolveDocument(ctx, base, base, id);
  if (base.startsWith('did:')) {
    return fail(
      'unknown',
      'key-unsupported-method',
      `Keys of the DID method "${base.split(':')[1] ?? ''}" cannot be resolved.`,
    );
  }
  return fail(
    'failed',
    'key-invalid',
    `The key identifier "${id.slice(0, 80)}" is not a DID or an https address.`,
  );
}

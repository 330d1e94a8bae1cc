/**
 * Independent COSE signers for the COSE tests (credentials and presentations): fresh did:jwk
 * parties with WebCrypto keys, COSE_Sign1 by cose-js (ES256 / ES384), and COSE_Sign1 built with
 * node-cbor and signed with node:crypto (any algorithm here, any protected header: `typ`, content
 * type, `crit`, CWT claims, which cose-js cannot write). None of it is the production decoder
 * (@levischuck/tiny-cbor) or our verifier.
 */
import { createPrivateKey, sign as nodeSign, webcrypto } from 'node:crypto';
import cbor from 'cbor';
import cose from 'cose-js';

type Obj = Record<string, unknown>;
export type Alg = 'ES256' | 'ES384' | 'EdDSA';

/** COSE algorithm identifiers (RFC 9053). */
export const COSE_ALG: Record<Alg, number> = { ES256: -7, ES384: -35, EdDSA: -8 };
const KEYGEN = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  ES384: { name: 'ECDSA', namedCurve: 'P-384' },
  EdDSA: { name: 'Ed25519' },
} as const;

const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url');

/** A did:jwk party (issuer or holder) with a fresh WebCrypto key of `alg`. */
export async function party(alg: Alg) {
  const pair = (await webcrypto.subtle.generateKey(KEYGEN[alg], true, ['sign', 'verify'])) as CryptoKeyPair;
  const priv = await webcrypto.subtle.exportKey('jwk', pair.privateKey);
  const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const did = `did:jwk:${b64u(JSON.stringify(y ? { kty, crv, x, y } : { kty, crv, x }))}`;
  return { alg, did, kid: `${did}#0`, priv };
}
export type Party = Awaited<ReturnType<typeof party>>;

const bytesOf = (payload: Obj | Uint8Array): Buffer =>
  payload instanceof Uint8Array ? Buffer.from(payload) : Buffer.from(JSON.stringify(payload));

/** COSE_Sign1 by cose-js (ES256 / ES384): `alg` and `kid` protected, tagged unless `untagged`. */
export async function coseJs(
  signer: Party,
  payload: Obj | Uint8Array,
  untagged = false,
): Promise<Uint8Array> {
  const out = await cose.sign.create(
    { p: { alg: signer.alg, kid: signer.kid }, u: {} },
    bytesOf(payload),
    { key: { d: Buffer.from(signer.priv.d!, 'base64url') } },
    untagged ? { excludetag: true } : {},
  );
  return new Uint8Array(out);
}

/**
 * COSE_Sign1 built with node-cbor and signed with node:crypto over the Sig_structure node-cbor
 * encodes (RFC 9052 §4.4), for any protected header (a Map) and any algorithm here.
 */
export function nodeCose(
  signer: Party,
  protectedHeader: Map<number, unknown>,
  payload: Obj | Uint8Array,
): Uint8Array {
  const p = cbor.encode(protectedHeader);
  const body = bytesOf(payload);
  const toBeSigned = cbor.encode(['Signature1', p, Buffer.alloc(0), body]);
  const key = createPrivateKey({ key: signer.priv as never, format: 'jwk' });
  const hash = signer.alg === 'EdDSA' ? null : signer.alg === 'ES384' ? 'sha384' : 'sha256';
  const sig = nodeSign(hash, toBeSigned, signer.alg === 'EdDSA' ? key : { key, dsaEncoding: 'ieee-p1363' });
  return new Uint8Array(cbor.encode(new cbor.Tagged(18, [p, new Map(), body, sig])));
}

/**
 * The protected header VC-JOSE-COSE §3.3 describes: alg, kid (bstr), typ and content type — for a
 * credential (`vc`) or a presentation (`vp`) — then `extra`.
 */
export const coseHeader = (
  signer: Party,
  kind: 'vc' | 'vp',
  extra: [number, unknown][] = [],
): Map<number, unknown> =>
  new Map<number, unknown>([
    [1, COSE_ALG[signer.alg]],
    [4, Buffer.from(signer.kid)],
    [16, `application/${kind}+cose`],
    [3, `application/${kind}`],
    ...extra,
  ]);

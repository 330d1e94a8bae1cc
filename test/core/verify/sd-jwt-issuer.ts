/**
 * A test SD-JWT VC issuer with a fresh P-256 key: credentials issued by @sd-jwt/core (an independent
 * implementation), its JWT VC Issuer Metadata (`/.well-known/jwt-vc-issuer`) and Token Status List
 * tokens (`statuslist+jwt`) signed by `jose` with the same key. Holders are fresh `jose` key pairs.
 */
import { webcrypto } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { SDJwtInstance } from '@sd-jwt/core';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { NOW } from './harness.js';

type Obj = Record<string, unknown>;
const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url');
export const nowS = Math.floor(NOW.getTime() / 1000);

/** A fresh ES256 key pair and its public JWK (without `kid`, `alg`, `use`). */
export async function freshEcKey(): Promise<{ privateKey: CryptoKey; jwk: JsonWebKey }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  return { privateKey: privateKey as CryptoKey, jwk: { kty, crv, x, y } };
}

export interface SdJwtIssuer {
  /** The issuer identifier (`iss`), an https URL. */
  iss: string;
  /** The JWT VC Issuer Metadata document (served at `<origin>/.well-known/jwt-vc-issuer<path>`). */
  metadata: Obj;
  /** The metadata's address. */
  metadataUrl: string;
  /**
   * Issues an SD-JWT VC with `claims` (iss, iat, exp, vct filled in), the claims named in `disclosable`
   * (default `given_name`) selectively disclosable, all disclosed.
   */
  issue: (claims?: Obj, disclosable?: string[]) => Promise<string>;
  /** A Token Status List token (`statuslist+jwt`) signed with the issuer's key. */
  statusList: (payload: Obj, header?: Obj) => Promise<string>;
}

/** A new issuer at `iss` (default `https://registrar.eastside.example`), key id `k1`. */
export async function sdJwtIssuer(iss = 'https://registrar.eastside.example'): Promise<SdJwtIssuer> {
  const key = await freshEcKey();
  const subtle = webcrypto.subtle;
  const sd = new SDJwtInstance<Obj>({
    signer: async (data: string) =>
      b64u(
        new Uint8Array(
          await subtle.sign(
            { name: 'ECDSA', hash: 'SHA-256' },
            key.privateKey,
            new TextEncoder().encode(data),
          ),
        ),
      ),
    signAlg: 'ES256',
    hasher: async (data: string | ArrayBuffer, alg: string) =>
      new Uint8Array(
        await subtle.digest(
          alg.toUpperCase(),
          typeof data === 'string' ? new TextEncoder().encode(data) : data,
        ),
      ),
    hashAlg: 'sha-256',
    saltGenerator: () => b64u(webcrypto.getRandomValues(new Uint8Array(16))),
  });
  const url = new URL(iss);
  const metadataUrl = `${url.origin}/.well-known/jwt-vc-issuer${url.pathname === '/' ? '' : url.pathname}`;
  return {
    iss,
    metadata: { issuer: iss, jwks: { keys: [{ ...key.jwk, kid: 'k1' }] } },
    metadataUrl,
    issue: (claims = {}, disclosable = ['given_name']) =>
      sd.issue(
        {
          iss,
          iat: nowS - 86400,
          exp: nowS + 365 * 86400,
          vct: 'https://credentials.eastside.example/robotics',
          name: 'Robotics Club',
          given_name: 'Ana',
          ...claims,
        },
        // the frame's type lists the literal claim names; `disclosable` names them at run time
        { _sd: disclosable } as never,
        { header: { kid: 'k1', typ: 'dc+sd-jwt' } },
      ),
    statusList: (payload, header = {}) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'statuslist+jwt', ...header })
        .sign(key.privateKey),
  };
}

/**
 * `lst` of a Token Status List: `bits` per entry, entry i in the bits `i*bits … i*bits+bits-1` counted
 * from the least significant bit of byte 0 (as the draft's examples show), DEFLATE with the ZLIB
 * data format, base64url.
 */
export function statusLst(values: Record<number, number>, bits: 1 | 2 | 4 | 8, length = 1024): string {
  const bytes = new Uint8Array((length * bits) / 8);
  for (const [i, v] of Object.entries(values)) {
    const at = Number(i) * bits;
    bytes[at >> 3]! |= v << (at & 7);
  }
  return deflateSync(bytes).toString('base64url');
}

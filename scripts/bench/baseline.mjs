// The verify benchmark's baseline: the Digital Bazaar stack (vc + data-integrity + eddsa-rdfc-2022 +
// ed25519-multikey) and jose. Issues Open Badges 3.0 credentials with fresh keys (eddsa-rdfc-2022 on
// VCDM 2.0 and 1.1; a VC-JWT with EdDSA) and verifies them as a wallet using that stack would.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as jose from 'jose';
import { CONTEXTS } from '../../packages/core/src/verify/contexts/generated/contexts.ts';

import { NOW } from './common.mjs';

const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** An unsigned OB 3.0 AchievementCredential (VCDM 2.0 or 1.1) issued by `issuer`. */
export function unsignedCredential(issuer, version) {
  const v2 = version === 2;
  return {
    '@context': v2
      ? ['https://www.w3.org/ns/credentials/v2', OB303]
      : ['https://www.w3.org/2018/credentials/v1', OB303, 'https://w3id.org/security/data-integrity/v2'],
    id: 'urn:uuid:6a1f4b7e-8a57-4c55-9d6f-1f0e3e0b4a11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Classroom Assessment micro-credential',
    issuer: {
      id: issuer,
      type: ['Profile'],
      name: 'Example District Academy',
      url: 'https://academy.example',
    },
    [v2 ? 'validFrom' : 'issuanceDate']: '2026-01-15T00:00:00Z',
    credentialSubject: {
      id: 'did:example:educator-42',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://academy.example/achievements/classroom-assessment',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Classroom Assessment',
        description: 'Designs formative and summative assessments aligned to standards.',
        criteria: { narrative: 'Submitted an **assessment portfolio** reviewed by two coaches.' },
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Assessment literacy',
            targetUrl: 'https://standards.example/assessment',
          },
        ],
      },
    },
  };
}

/** The did:key controller document and verification method of a Multikey key pair. */
export function didKeyDocuments(publicKeyMultibase) {
  const did = `did:key:${publicKeyMultibase}`;
  const id = `${did}#${publicKeyMultibase}`;
  const method = { id, type: 'Multikey', controller: did, publicKeyMultibase };
  return {
    did,
    id,
    [did]: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [method],
      assertionMethod: [id],
      authentication: [id],
    },
    [id]: { '@context': 'https://w3id.org/security/multikey/v1', ...method },
  };
}

/**
 * A Digital Bazaar document loader over the bundled contexts and the given DID documents. Contexts
 * are parsed once and tagged `static`, as @digitalbazaar/security-document-loader does, so jsonld
 * may keep them processed between verifications (a fair baseline).
 */
export function documentLoaderFor(docs) {
  const parsed = new Map();
  return async (url) => {
    if (CONTEXTS[url]) {
      if (!parsed.has(url)) parsed.set(url, JSON.parse(CONTEXTS[url]));
      return { contextUrl: null, documentUrl: url, document: parsed.get(url), tag: 'static' };
    }
    const document = docs[url] ?? docs[url.split('#')[0]];
    if (!document) throw new Error(`benchmark document loader: ${url} is not available offline`);
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** Fresh keys; OB 3.0 credentials on VCDM 2.0 and 1.1 (eddsa-rdfc-2022) and a VC-JWT (EdDSA). */
export async function issueCredentials() {
  const keyPair = await Ed25519Multikey.generate();
  const docs = didKeyDocuments(keyPair.publicKeyMultibase);
  keyPair.controller = docs.did;
  keyPair.id = docs.id;
  const documentLoader = documentLoaderFor(docs);
  const sign = (credential) =>
    vc.issue({
      credential,
      suite: new DataIntegrityProof({ signer: keyPair.signer(), date: NOW, cryptosuite: eddsaRdfc2022 }),
      documentLoader,
    });
  const rdfcV2 = await sign(unsignedCredential(docs.did, 2));
  const rdfcV1 = await sign(unsignedCredential(docs.did, 1));

  const { publicKey, privateKey } = await jose.generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  const jwk = await jose.exportJWK(publicKey);
  const didJwk = `did:jwk:${jose.base64url.encode(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }))}`;
  const claims = unsignedCredential(didJwk, 2);
  const jwt = await new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: `${didJwk}#0`, typ: 'vc+jwt' })
    .setIssuer(didJwk)
    .setJti(claims.id)
    .setNotBefore(Math.floor(Date.parse('2026-01-15T00:00:00Z') / 1000))
    .sign(privateKey);
  return { docs, jwk, credentials: { rdfcV2, rdfcV1, jwt } };
}

/** The Digital Bazaar verifier (vc + data-integrity + eddsa-rdfc-2022), as a wallet would set it up. */
export function baselineVerifier(docs) {
  const documentLoader = documentLoaderFor(docs);
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  return async (credential) => {
    const r = await vc.verifyCredential({ credential, suite, documentLoader, now: NOW });
    if (!r.verified) throw new Error(`baseline did not verify: ${r.error?.message ?? JSON.stringify(r)}`);
  };
}

/** jose alone on a compact VC-JWT (signature, nbf/exp) — a lower bound, not a credential verifier. */
export function joseVerifier(jwk) {
  const key = jose.importJWK(jwk, 'EdDSA');
  return async (jwt) => {
    await jose.jwtVerify(jwt, await key, { currentDate: NOW });
  };
}

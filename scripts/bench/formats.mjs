// The verify benchmark's formats beyond eddsa-rdfc-2022 (issue 14): fresh keys and credentials for
// ecdsa-rdfc-2019 (P-256), ecdsa-jcs-2019 (P-384), an ecdsa-sd-2023 derived credential (P-256), a
// bbs-2023 derived credential (BLS12-381), Ed25519Signature2018, a VC-JOSE-COSE vc+jwt (ES384) and an SD-JWT VC (ES256, with a key binding
// JWT), and each format's reference verifier:
// the Digital Bazaar stack for the Data Integrity suites, jose for the JWT, @sd-jwt/core for SD-JWT.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {
  createSignCryptosuite as ecdsaJcsSign,
  createVerifyCryptosuite as ecdsaJcsVerify,
} from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import {
  createDiscloseCryptosuite as ecdsaSdDisclose,
  createSignCryptosuite as ecdsaSdSign,
  createVerifyCryptosuite as ecdsaSdVerify,
} from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import {
  createDiscloseCryptosuite as bbsDisclose,
  createSignCryptosuite as bbsSign,
  createVerifyCryptosuite as bbsVerify,
} from '@digitalbazaar/bbs-2023-cryptosuite';
import * as Bls12381Multikey from '@digitalbazaar/bls12-381-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import { Ed25519VerificationKey2018 } from '@digitalbazaar/ed25519-verification-key-2018';
import ed25519Signature2018Context from 'ed25519-signature-2018-context';
import { SDJwtInstance } from '@sd-jwt/core';
import * as jose from 'jose';
import { didKeyDocuments, documentLoaderFor, unsignedCredential } from './baseline.mjs';
import { NOW } from './common.mjs';

const b64u = (bytes) => jose.base64url.encode(bytes);
const nowS = Math.floor(NOW.getTime() / 1000);

/** A did:key document whose method is an Ed25519VerificationKey2018 (Ed25519Signature2018 needs one). */
function didKey2018(key) {
  const fingerprint = key.fingerprint();
  const did = `did:key:${fingerprint}`;
  const id = `${did}#${fingerprint}`;
  const method = {
    id,
    type: 'Ed25519VerificationKey2018',
    controller: did,
    publicKeyBase58: key.publicKeyBase58,
  };
  return {
    did,
    id,
    [did]: {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [method],
      assertionMethod: [id],
    },
    // the Digital Bazaar suite wants its own context on the key (the verifier never reads it)
    [id]: { '@context': ed25519Signature2018Context.CONTEXT_URL, ...method },
    [ed25519Signature2018Context.CONTEXT_URL]: ed25519Signature2018Context.CONTEXT,
  };
}

/** SD-JWT issuer and holder with WebCrypto keys, through @sd-jwt/core. */
async function sdJwtKit() {
  const algo = { name: 'ECDSA', namedCurve: 'P-256' };
  const issuer = await crypto.subtle.generateKey(algo, true, ['sign', 'verify']);
  const holder = await crypto.subtle.generateKey(algo, true, ['sign', 'verify']);
  const sign = (key) => async (data) =>
    b64u(
      new Uint8Array(
        await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(data)),
      ),
    );
  const issuerJwk = await crypto.subtle.exportKey('jwk', issuer.publicKey);
  const holderJwk = await crypto.subtle.exportKey('jwk', holder.publicKey);
  return { sign, issuer, holder, issuerJwk, holderJwk };
}

class DcSdJwt extends SDJwtInstance {
  type = 'dc+sd-jwt';
}
const hasher = async (data, alg) =>
  new Uint8Array(
    await crypto.subtle.digest(
      alg.toUpperCase(),
      typeof data === 'string' ? new TextEncoder().encode(data) : data,
    ),
  );

/** Fresh keys and one credential per format; everything JSON (it goes to the page as is). */
export async function issueFormats() {
  const docs = {};
  // ecdsa-rdfc-2019 P-256 and ecdsa-jcs-2019 P-384, did:key
  const ecdsa = {};
  for (const [name, curve, suite] of [
    ['ecdsaRdfc', 'P-256', ecdsaRdfc2019],
    ['ecdsaJcs', 'P-384', ecdsaJcsSign()],
  ]) {
    const kp = await EcdsaMultikey.generate({ curve });
    const d = didKeyDocuments(kp.publicKeyMultibase);
    kp.controller = d.did;
    kp.id = d.id;
    Object.assign(docs, { [d.did]: d[d.did], [d.id]: d[d.id] });
    ecdsa[name] = await vc.issue({
      credential: unsignedCredential(d.did, 2),
      suite: new DataIntegrityProof({ signer: kp.signer(), date: NOW, cryptosuite: suite }),
      documentLoader: documentLoaderFor(docs),
    });
  }
  // ecdsa-sd-2023, P-256: the issuer's base proof, then the holder's derived proof disclosing the
  // subject (issuer and validFrom mandatory)
  const sdKp = await EcdsaMultikey.generate({ curve: 'P-256' });
  const dSd = didKeyDocuments(sdKp.publicKeyMultibase);
  sdKp.controller = dSd.did;
  sdKp.id = dSd.id;
  Object.assign(docs, { [dSd.did]: dSd[dSd.did], [dSd.id]: dSd[dSd.id] });
  const sdBase = await vc.issue({
    credential: unsignedCredential(dSd.did, 2),
    suite: new DataIntegrityProof({
      signer: sdKp.signer(),
      date: NOW,
      cryptosuite: ecdsaSdSign({ mandatoryPointers: ['/issuer', '/validFrom'] }),
    }),
    documentLoader: documentLoaderFor(docs),
  });
  ecdsa.ecdsaSd = await vc.derive({
    verifiableCredential: sdBase,
    suite: new DataIntegrityProof({
      cryptosuite: ecdsaSdDisclose({ selectivePointers: ['/type', '/name', '/credentialSubject'] }),
    }),
    documentLoader: documentLoaderFor(docs),
  });
  // bbs-2023, BLS12-381: the issuer's base proof, then the holder's derived proof disclosing the
  // subject (issuer and validFrom mandatory)
  const bbsKp = await Bls12381Multikey.generateBbsKeyPair({
    algorithm: Bls12381Multikey.ALGORITHMS.BBS_BLS12381_SHA256,
  });
  const dBbs = didKeyDocuments(bbsKp.publicKeyMultibase);
  bbsKp.controller = dBbs.did;
  bbsKp.id = dBbs.id;
  Object.assign(docs, { [dBbs.did]: dBbs[dBbs.did], [dBbs.id]: dBbs[dBbs.id] });
  const bbsBase = await vc.issue({
    credential: unsignedCredential(dBbs.did, 2),
    suite: new DataIntegrityProof({
      signer: bbsKp.signer(),
      date: NOW,
      cryptosuite: bbsSign({ mandatoryPointers: ['/issuer', '/validFrom'] }),
    }),
    documentLoader: documentLoaderFor(docs),
  });
  ecdsa.bbs = await vc.derive({
    verifiableCredential: bbsBase,
    suite: new DataIntegrityProof({
      cryptosuite: bbsDisclose({ selectivePointers: ['/type', '/name', '/credentialSubject'] }),
    }),
    documentLoader: documentLoaderFor(docs),
  });
  // Ed25519Signature2018 on VCDM 1.1
  const key2018 = await Ed25519VerificationKey2018.generate();
  const d18 = didKey2018(key2018);
  key2018.controller = d18.did;
  key2018.id = d18.id;
  Object.assign(docs, {
    [d18.did]: d18[d18.did],
    [d18.id]: d18[d18.id],
    [ed25519Signature2018Context.CONTEXT_URL]: d18[ed25519Signature2018Context.CONTEXT_URL],
  });
  const v1 = unsignedCredential(d18.did, 1);
  v1['@context'] = v1['@context'].slice(0, 2);
  const ed2018 = await vc.issue({
    credential: v1,
    suite: new Ed25519Signature2018({ key: key2018, date: NOW }),
    documentLoader: documentLoaderFor(docs),
  });
  // VC-JOSE-COSE vc+jwt, ES384, did:jwk
  const { publicKey, privateKey } = await jose.generateKeyPair('ES384', { extractable: true });
  const es384Jwk = await jose.exportJWK(publicKey);
  const didJwk = `did:jwk:${b64u(JSON.stringify(es384Jwk))}`;
  const vcJwt = await new jose.CompactSign(
    new TextEncoder().encode(JSON.stringify(unsignedCredential(didJwk, 2))),
  )
    .setProtectedHeader({ alg: 'ES384', kid: `${didJwk}#0`, typ: 'vc+jwt', cty: 'vc' })
    .sign(privateKey);
  // SD-JWT VC with two disclosures and a key binding JWT; the issuer key as a did:jwk
  const kit = await sdJwtKit();
  const sdIss = `did:jwk:${b64u(JSON.stringify({ kty: 'EC', crv: 'P-256', x: kit.issuerJwk.x, y: kit.issuerJwk.y }))}`;
  const sd = new DcSdJwt({
    signer: kit.sign(kit.issuer.privateKey),
    signAlg: 'ES256',
    kbSigner: kit.sign(kit.holder.privateKey),
    kbSignAlg: 'ES256',
    hasher,
    hashAlg: 'sha-256',
    saltGenerator: () => b64u(crypto.getRandomValues(new Uint8Array(16))),
  });
  const cnf = { jwk: { kty: 'EC', crv: 'P-256', x: kit.holderJwk.x, y: kit.holderJwk.y } };
  const issued = await sd.issue(
    {
      iss: sdIss,
      iat: nowS - 86400,
      vct: 'https://credentials.example/classroom-assessment',
      cnf,
      name: 'Classroom Assessment',
      given_name: 'Ana',
      family_name: 'García',
    },
    { _sd: ['given_name', 'family_name'] },
    { header: { kid: `${sdIss}#0` } },
  );
  const sdJwt = await sd.present(
    issued,
    { given_name: true, family_name: true },
    {
      kb: { payload: { iat: nowS, aud: 'https://verifier.example', nonce: 'bench' } },
    },
  );
  return {
    formatDocs: docs,
    formatKeys: { es384: es384Jwk, sdIssuer: kit.issuerJwk, sdHolder: kit.holderJwk },
    formats: { ...ecdsa, ed2018, vcJwt, sdJwt },
  };
}

/** The Digital Bazaar verifier set up with one suite. */
function dbVerifier(docs, suite) {
  const documentLoader = documentLoaderFor(docs);
  return async (credential) => {
    const r = await vc.verifyCredential({ credential, suite, documentLoader, now: NOW });
    if (!r.verified)
      throw new Error(
        `baseline did not verify: ${(r.error?.errors ?? [r.error]).map((e) => e?.message).join('; ')}`,
      );
  };
}

/** Each format's reference verifier, by the fixture name of `issueFormats`. */
export function formatBaselines(fx) {
  const es384 = jose.importJWK(fx.formatKeys.es384, 'ES384');
  const verifyWith = (jwk) => async (data, sig) => {
    const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'verify',
    ]);
    return crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      jose.base64url.decode(sig),
      new TextEncoder().encode(data),
    );
  };
  const sd = new DcSdJwt({
    hasher,
    verifier: verifyWith(fx.formatKeys.sdIssuer),
    kbVerifier: verifyWith(fx.formatKeys.sdHolder),
  });
  return {
    ecdsaRdfc: dbVerifier(fx.formatDocs, new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 })),
    ecdsaJcs: dbVerifier(fx.formatDocs, new DataIntegrityProof({ cryptosuite: ecdsaJcsVerify() })),
    ecdsaSd: dbVerifier(fx.formatDocs, new DataIntegrityProof({ cryptosuite: ecdsaSdVerify() })),
    bbs: dbVerifier(fx.formatDocs, new DataIntegrityProof({ cryptosuite: bbsVerify() })),
    ed2018: dbVerifier(fx.formatDocs, new Ed25519Signature2018()),
    vcJwt: async (jwt) => {
      await jose.compactVerify(jwt, await es384);
    },
    sdJwt: async (text) => {
      await sd.verify(text, { keyBindingNonce: 'bench', requiredClaimKeys: [] });
    },
  };
}

/**
 * Fewer runs for the formats whose verification takes hundreds of milliseconds (a BBS proof is
 * pairings in JavaScript), by fixture name; the others use warmMedians' defaults.
 */
export const FORMAT_RUNS = { bbs: { warm: 2, runs: 9 } };

/** The bench lines of the formats: name → fixture name. */
export const FORMAT_LINES = {
  'ecdsa-rdfc-2019 P-256 warm': 'ecdsaRdfc',
  'ecdsa-jcs-2019 P-384 warm': 'ecdsaJcs',
  'ecdsa-sd-2023 P-256 derived warm': 'ecdsaSd',
  'bbs-2023 derived warm': 'bbs',
  'Ed25519Signature2018 warm': 'ed2018',
  'vc+jwt ES384 warm (baseline: jose alone)': 'vcJwt',
  'sd-jwt vc + key binding warm (baseline: @sd-jwt/core)': 'sdJwt',
};

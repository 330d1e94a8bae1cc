/**
 * The verification page: five real public vectors, one per outcome, each in a card with an
 * `<mc-verify-button>` in its `status` slot. The buttons' `fetch` is the DEMO-ONLY offline map of
 * vector-fetch.ts (the demo has no internet).
 */
import { applyLang, card, currentLang, showMissing, startShell, vector } from './shell.js';
import { vectorFetch } from './vector-fetch.js';

const page = {
  en: {
    title: 'Verify a credential — Microcred demo',
    navVerify: 'Verify',
    h1: 'Verify a credential',
    lede: 'Press Verify on each card. These are real public test credentials: one valid, one expired, one revoked, one altered after it was signed, and one whose revocation list cannot be reached.',
    caseValid: 'A valid credential',
    caseExpired: 'An expired credential',
    caseRevoked: 'A revoked credential',
    caseTampered: 'A credential changed after it was signed',
    caseUnreachableStatus: 'A credential whose revocation list cannot be reached',
    offline:
      'Demo only: this page has no internet, so the revocation lists and issuer keys these credentials point to are answered from local copies of the test data (demo/src/vector-fetch.ts). Every other address answers “not found”.',
  },
  es: {
    title: 'Verificar una credencial — demostración de Microcred',
    navVerify: 'Verificar',
    h1: 'Verificar una credencial',
    lede: 'Pulse Verificar en cada tarjeta. Son credenciales de prueba públicas y reales: una válida, una vencida, una revocada, una modificada después de firmarse y una cuya lista de revocación no se puede consultar.',
    caseValid: 'Una credencial válida',
    caseExpired: 'Una credencial vencida',
    caseRevoked: 'Una credencial revocada',
    caseTampered: 'Una credencial modificada después de firmarse',
    caseUnreachableStatus: 'Una credencial cuya lista de revocación no se puede consultar',
    offline:
      'Solo para la demostración: esta página no tiene internet, así que las listas de revocación y las claves de los emisores a las que apuntan estas credenciales se responden con copias locales de los datos de prueba (demo/src/vector-fetch.ts). Cualquier otra dirección responde «no encontrado».',
  },
};
startShell(page);

const vcf = 'vc-test-fixtures/verifiableCredentials/v2';
const vcore = 'verifier-core/src/test-fixtures/verifiableCredentials';

/** One real vector per outcome (expected outcomes: ../shared/vectors/SOURCES.md). */
export const verifyVectors = {
  /** eddsa-rdfc-2022, did:key, Bitstring status list (index 7, not revoked): verified. */
  valid: `${vcore}/v2/v2WithValidStatus.json`,
  /** Ed25519Signature2020, valid until 2011-01-01: expired (the signature is still good). */
  expired: `${vcf}/ed25519/didKey/legacy-noStatus-expired.json`,
  /** Signature good, status list index 6 set: revoked. */
  revoked: `${vcore}/v2/v2Revoked.json`,
  /** Changed after signing: the signature fails. */
  tampered: `${vcf}/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json`,
  /** Both signatures good, status list URL answers 404: could not verify (never "verified"). */
  unreachableStatus: `${vcore}/eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json`,
};

async function main(): Promise<void> {
  const list = document.querySelector('#credentials')!;
  const fetch = vectorFetch();
  try {
    const cases = Object.entries(verifyVectors);
    const credentials = await Promise.all(cases.map(([, path]) => vector(path)));
    for (const [i, credential] of credentials.entries()) {
      // Each case is labelled: the five vectors are all "Teamwork Badge"-like test credentials.
      const name = cases[i]![0];
      const caption = document.createElement('h2');
      caption.className = 'case';
      caption.dataset.i18n = `case${name[0]!.toUpperCase()}${name.slice(1)}`;
      caption.textContent = name;
      const el = card(credential, { headingLevel: 3 });
      const button = document.createElement('mc-verify-button');
      button.slot = 'status';
      button.fetch = fetch;
      el.append(button);
      const li = document.createElement('li');
      li.append(caption, el);
      list.append(li);
    }
    applyLang(currentLang(), page);
  } catch {
    showMissing();
  }
}
void main();

/**
 * Which module verifies which Data Integrity proof: keyed by the proof `type`, or by
 * `DataIntegrityProof/<cryptosuite>`. The Ed25519 suites are in the base verifier chunk; every other
 * suite is its own lazy chunk, loaded the first time a credential carries such a proof.
 */
import { eddsaJcs, eddsaRdfc } from './eddsa.js';
import type { DataIntegritySuite } from './suite.js';

type Obj = Record<string, unknown>;
type Load = () => Promise<DataIntegritySuite>;

const now =
  (suite: DataIntegritySuite): Load =>
  () =>
    Promise.resolve(suite);

const SUITES: Record<string, Load> = {
  'DataIntegrityProof/eddsa-rdfc-2022': now(eddsaRdfc),
  'DataIntegrityProof/eddsa-2022': now(eddsaRdfc),
  'DataIntegrityProof/eddsa-jcs-2022': now(eddsaJcs),
  Ed25519Signature2020: now(eddsaRdfc),
  Ed25519Signature2018: () => import('./ed25519-2018.js').then((m) => m.ed25519Signature2018),
  'DataIntegrityProof/ecdsa-rdfc-2019': () => import('./ecdsa.js').then((m) => m.ecdsaRdfc),
  'DataIntegrityProof/ecdsa-jcs-2019': () => import('./ecdsa.js').then((m) => m.ecdsaJcs),
};

/**
 * The suite of `proof`: its display name (`eddsa-rdfc-2022`, `Ed25519Signature2018`, …) and, when
 * this verifier knows it, how to load it.
 */
export function suiteOf(proof: Obj): { name: string; load?: Load } {
  const type = typeof proof['type'] === 'string' ? proof['type'] : '(no type)';
  if (type === 'DataIntegrityProof') {
    const cs = proof['cryptosuite'];
    const key = `${type}/${typeof cs === 'string' ? cs : ''}`;
    const load = Object.hasOwn(SUITES, key) ? SUITES[key] : undefined;
    return load
      ? { name: cs as string, load }
      : { name: `${type}/${typeof cs === 'string' ? cs.slice(0, 40) : '?'}` };
  }
  const load = Object.hasOwn(SUITES, type) ? SUITES[type] : undefined;
  return load ? { name: type, load } : { name: type.slice(0, 60) };
}

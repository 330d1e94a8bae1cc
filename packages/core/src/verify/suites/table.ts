/**
 * Which module verifies which Data Integrity proof: keyed by the `cryptosuite` of a
 * `DataIntegrityProof`, or by the proof `type` of the legacy suites (`Ed25519Signature…`). The
 * Ed25519 suites (./eddsa.ts) are in the base verifier chunk; every other suite is its own lazy
 * chunk, loaded the first time a credential carries such a proof.
 */
import { part } from '../kit.js';
import { eddsaJcs, eddsaRdfc } from './eddsa.js';
import type { DataIntegritySuite } from './suite.js';

type Obj = Record<string, unknown>;
type Load = () => Promise<DataIntegritySuite>;

const rdfc: Load = () => Promise.resolve(eddsaRdfc);
const ecdsa =
  (canon: 'rdfc' | 'jcs'): Load =>
  () =>
    part(import('./ecdsa.js')).then((m) => m.ecdsa[canon]);

const SUITES: Record<string, Load> = {
  'eddsa-rdfc-2022': rdfc,
  'eddsa-2022': rdfc,
  'eddsa-jcs-2022': () => Promise.resolve(eddsaJcs),
  'ecdsa-rdfc-2019': ecdsa('rdfc'),
  'ecdsa-jcs-2019': ecdsa('jcs'),
  'ecdsa-sd-2023': () => part(import('./ecdsa-sd.js')).then((m) => m.ecdsaSd),
  'bbs-2023': () => part(import('./bbs.js')).then((m) => m.bbs2023),
  Ed25519Signature2020: rdfc,
  Ed25519Signature2018: () => part(import('./ed25519-2018.js')).then((m) => m.ed25519Signature2018),
};

/**
 * The suite of `proof`: its display name (`eddsa-rdfc-2022`, `Ed25519Signature2018`, …) and, when
 * this verifier knows it, how to load it.
 */
export function suiteOf(proof: Obj): { name: string; load?: Load } {
  const type = String(proof['type'] ?? '(no type)').slice(0, 60);
  const di = type === 'DataIntegrityProof';
  const name = di ? String(proof['cryptosuite']).slice(0, 40) : type;
  // a cryptosuite names a DataIntegrityProof, and only a legacy suite is named by its type
  const load = Object.hasOwn(SUITES, name) && di !== name.startsWith('Ed') ? SUITES[name] : undefined;
  return load ? { name, load } : { name: di ? `${type}/${name}` : name };
}

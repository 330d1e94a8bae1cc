/**
 * The Ed25519 Data Integrity suites: `DataIntegrityProof` with `eddsa-rdfc-2022` (and its old name
 * `eddsa-2022`) or `eddsa-jcs-2022`, and the legacy `Ed25519Signature2020`. The signature is the
 * base58btc multibase `proofValue` (64 bytes) over SHA-256(proof options) ‖ SHA-256(document).
 * Part of the base verifier chunk (the suites Microcred itself signs with).
 */
import { multibaseDecode } from '../encoding.js';
import { verifyEd25519 } from '../ed25519.js';
import { ed25519FromJwk } from '../keys.js';
import type { PublicKey } from '../keys.js';
import type { DataIntegritySuite } from './suite.js';

type Obj = Record<string, unknown>;

/** The last proofValue decoded and its signature: `wellFormed` and `verify` read the same one. */
let last: { value: string; sig: Uint8Array | undefined } | undefined;

/** The 64-byte signature of a `z…` proofValue, or undefined (never changed by its readers). */
function signatureOf(proof: Obj): Uint8Array | undefined {
  const v = proof['proofValue'];
  if (typeof v !== 'string' || !v.startsWith('z')) return undefined;
  if (last?.value !== v) {
    const sig = multibaseDecode(v);
    last = { value: v, sig: sig?.length === 64 ? sig : undefined };
  }
  return last.sig;
}

/** The raw Ed25519 key of a resolved method, if it is one. */
export function ed25519Raw(key: PublicKey): Uint8Array | undefined {
  return key.kind === 'ed25519' ? key.raw : key.kind === 'jwk' ? ed25519FromJwk(key.jwk) : undefined;
}

const make = (canon: 'rdfc' | 'jcs'): DataIntegritySuite => ({
  canon,
  wellFormed: (proof) => !!signatureOf(proof),
  verifier: async (key) => {
    const raw = ed25519Raw(key);
    return (
      raw && {
        hash: 'SHA-256',
        verify: async (proof, data) => {
          const sig = signatureOf(proof);
          return !!sig && verifyEd25519(raw, sig, data);
        },
      }
    );
  },
});

/** `eddsa-rdfc-2022`, `eddsa-2022` and `Ed25519Signature2020`. */
export const eddsaRdfc = make('rdfc');
/** `eddsa-jcs-2022`. */
export const eddsaJcs = make('jcs');

/**
 * ECDSA Data Integrity suites (W3C vc-di-ecdsa): `DataIntegrityProof` with `ecdsa-rdfc-2019` or
 * `ecdsa-jcs-2019`, on P-256 (SHA-256, 64-byte signature) or P-384 (SHA-384, 96-byte signature),
 * keys from Multikey (`zDn…`, `z82…`, compressed points) or JsonWebKey verification methods. The
 * `proofValue` is base58btc multibase of the IEEE P1363 signature r ‖ s, which is what WebCrypto
 * verifies. Lazy chunk: loaded the first time a credential carries such a proof.
 */
import type { Kit } from '../kit.js';
import type { PublicKey } from '../keys.js';
import { jwkOf, use as useEcKey } from './ec-key.js';
import type { DataIntegritySuite, SuiteVerifier } from './suite.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let multibaseDecode: Kit['multibaseDecode'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ multibaseDecode } = kit);
  useEcKey(kit);
}

type Obj = Record<string, unknown>;

const SIG_BYTES = { 'P-256': 64, 'P-384': 96 } as const;
const HASH = { 'P-256': 'SHA-256', 'P-384': 'SHA-384' } as const;

function signatureOf(proof: Obj): Uint8Array | undefined {
  const v = proof['proofValue'];
  const sig = typeof v === 'string' && v.startsWith('z') ? multibaseDecode(v) : undefined;
  return sig && (sig.length === 64 || sig.length === 96) ? sig : undefined;
}

/** Imported keys by curve and coordinates (an issuer signs many credentials; bounded). */
const imported = new Map<string, Promise<CryptoKey | undefined>>();

function importEc(crv: 'P-256' | 'P-384', x: string, y: string): Promise<CryptoKey | undefined> {
  const id = `${crv}.${x}.${y}`;
  let key = imported.get(id);
  if (!key) {
    if (imported.size > 100) imported.clear();
    key = crypto.subtle
      .importKey('jwk', { kty: 'EC', crv, x, y }, { name: 'ECDSA', namedCurve: crv }, false, ['verify'])
      .catch(() => undefined);
    imported.set(id, key);
  }
  return key;
}

async function verifier(key: PublicKey): Promise<SuiteVerifier | undefined> {
  const jwk = jwkOf(key);
  const crv = jwk?.kty === 'EC' ? jwk.crv : undefined;
  if (!jwk || (crv !== 'P-256' && crv !== 'P-384') || 'd' in jwk) return undefined;
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') return undefined;
  const cryptoKey = await importEc(crv, jwk.x, jwk.y);
  if (!cryptoKey) return undefined;
  const hash = HASH[crv];
  return {
    hash,
    verify: async (proof, data) => {
      const sig = signatureOf(proof);
      if (sig?.length !== SIG_BYTES[crv]) return false;
      try {
        return await crypto.subtle.verify(
          { name: 'ECDSA', hash },
          cryptoKey,
          sig as BufferSource,
          data as BufferSource,
        );
      } catch {
        return false;
      }
    },
  };
}

const make = (canon: 'rdfc' | 'jcs'): DataIntegritySuite => ({
  canon,
  keyNeed: 'a P-256 or P-384 key',
  wellFormed: (proof) => signatureOf(proof) !== undefined,
  verifier,
});

/** `ecdsa-rdfc-2019` and `ecdsa-jcs-2019`. */
export const ecdsa = { rdfc: make('rdfc'), jcs: make('jcs') };

/**
 * The legacy `Ed25519Signature2018` suite (JFF plugfests 1 and 3, many credentials in the wild): a
 * detached JWS with unencoded payload (RFC 7797) in `jws`, whose protected header must be exactly
 * `{"alg":"EdDSA","b64":false,"crit":["b64"]}`; the signed bytes are
 * ASCII(base64url(header) ‖ ".") ‖ SHA-256(RDFC proof options) ‖ SHA-256(RDFC document), as
 * jsonld-signatures' JwsLinkedDataSignature makes them. Lazy chunk.
 */
import type { Kit } from '../kit.js';
import type { DataIntegritySuite } from './suite.js';

// the verifier's own helpers, handed over by `use` (imported, they would split the verifier's
// chunk: see ../kit.ts)
let concat: Kit['concat'],
  verifyEd25519: Kit['verifyEd25519'],
  base64UrlDecode: Kit['base64UrlDecode'],
  decodeJwsPart: Kit['decodeJwsPart'],
  ed25519Raw: Kit['ed25519Raw'];

/** Receives the verifier's helpers: `part()` calls it when it loads this module. */
export function use(kit: Kit): void {
  ({ concat, verifyEd25519, base64UrlDecode, decodeJwsPart, ed25519Raw } = kit);
}

type Obj = Record<string, unknown>;

/** The header and 64-byte signature of a well-formed `jws`, or undefined. */
function partsOf(proof: Obj): { head: string; sig: Uint8Array } | undefined {
  const jws = proof['jws'];
  if (typeof jws !== 'string') return undefined;
  const m = /^([\w-]+)\.\.([\w-]+)$/.exec(jws);
  if (!m) return undefined;
  const header = decodeJwsPart(m[1]);
  const sig = base64UrlDecode(m[2]!);
  const crit = header?.['crit'];
  const ok =
    header &&
    header['alg'] === 'EdDSA' &&
    header['b64'] === false &&
    Array.isArray(crit) &&
    crit.length === 1 &&
    crit[0] === 'b64' &&
    Object.keys(header).length === 3 &&
    sig?.length === 64;
  return ok ? { head: m[1]!, sig } : undefined;
}

/** `Ed25519Signature2018`. */
export const ed25519Signature2018: DataIntegritySuite = {
  canon: 'rdfc',
  value: ['jws', 'signatureValue', 'proofValue'],
  wellFormed: (proof) => partsOf(proof) !== undefined,
  verifier: (key) => {
    const raw = ed25519Raw(key);
    return Promise.resolve(
      raw && {
        hash: 'SHA-256',
        verify: (proof, data) => {
          const parts = partsOf(proof);
          if (!parts) return Promise.resolve(false);
          return verifyEd25519(raw, parts.sig, concat(new TextEncoder().encode(`${parts.head}.`), data));
        },
      },
    );
  },
};

/**
 * The credentials a presentation holds, for a wallet that keeps credentials (each is imported and
 * verified on its own; the presentation itself is a one-time message to a verifier, not something
 * to keep). A lazy chunk: the wallet's import loads it only when an item could not be read as one
 * credential.
 */
import { isCompactJws, isObj } from '../parse/parse-input.js';
import { lookInside } from '../parse/look-inside.js';

/** Most credentials taken from one presentation (as many as a verifier verifies). */
const MAX_HELD = 20;

/** The JSON payload of a compact JWS, or `undefined`. */
function jwtPayload(jwt: string): unknown {
  try {
    const part = jwt.trim().split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

const isPresentation = (v: unknown): v is Record<string, unknown> =>
  isObj(v) && [v['type']].flat().includes('VerifiablePresentation');

/**
 * The presentation in `value`: a JSON presentation (object or text), a VP-JWT (its `vp` claim, VC-JWT)
 * or a `vp+jwt` whose payload is the presentation (VC-JOSE-COSE), or an `EnvelopedVerifiablePresentation`
 * (`data:application/vp+jwt,…`); `undefined` for anything else.
 */
export function presentationOf(value: unknown): Record<string, unknown> | undefined {
  let v = value;
  if (typeof v === 'string') {
    const text = v.trim();
    if (isCompactJws(text)) v = jwtPayload(text);
    else if (text.startsWith('data:application/vp+jwt,')) v = jwtPayload(text.slice(24));
    else
      try {
        v = JSON.parse(text);
      } catch {
        return undefined;
      }
  }
  if (isObj(v) && [v['type']].flat().includes('EnvelopedVerifiablePresentation'))
    return typeof v['id'] === 'string' ? presentationOf(v['id']) : undefined;
  if (isObj(v) && isPresentation(v['vp'])) return v['vp'];
  return isPresentation(v) ? v : undefined;
}

/**
 * The credentials held by the presentation in `value` (objects, compact JWS, the credential inside
 * an enveloped `vc+jwt`; at most 20), or `undefined` when `value` is no presentation or holds none.
 */
export function presentationItems(value: unknown): unknown[] | undefined {
  const held = [presentationOf(value)?.['verifiableCredential']].flat().filter((c) => c !== undefined);
  // An empty presentation (or none) is left to the error the item already has.
  if (!held.length) return undefined;
  return held.slice(0, MAX_HELD).map((c) => {
    const inside = lookInside(c);
    return inside && 'inner' in inside ? inside.inner : c;
  });
}

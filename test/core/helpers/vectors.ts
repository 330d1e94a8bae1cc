/**
 * Locates the shared public test vectors (../shared/vectors relative to the repository root) and
 * reads them. Vectors are never copied into the repository.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findVectors(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env['MC_VECTORS'],
    resolve(here, '../../../../shared/vectors'),
    resolve(process.cwd(), '../shared/vectors'),
  ].filter((p): p is string => typeof p === 'string');
  const found = candidates.find((p) => existsSync(join(p, 'SOURCES.md')));
  if (!found) throw new Error(`Shared vectors not found; looked in ${candidates.join(', ')}`);
  return found;
}

/** Absolute path of the vectors folder. */
export const VECTORS = findVectors();

/** Short prefixes for the vector folders used most. */
export const OB20 = 'digital-credentials-public-validator/inspector-vc/src/test/resources/ob20';
export const OB30 = 'digital-credentials-public-validator/inspector-vc/src/test/resources/ob30';
export const CLR20 = 'digital-credentials-public-validator/inspector-clr/src/test/resources/clr20';
export const VCF = 'vc-test-fixtures/verifiableCredentials';
export const VCORE = 'verifier-core/src/test-fixtures/verifiableCredentials';

/** Absolute path of a vector. */
export const vectorPath = (rel: string): string => join(VECTORS, rel);

/** A vector's text. */
export const readText = (rel: string): string => readFileSync(vectorPath(rel), 'utf8');

/** A vector parsed as JSON. */
export const readJson = (rel: string): Record<string, unknown> =>
  JSON.parse(readText(rel)) as Record<string, unknown>;

/** Every file below `rel` (relative paths, sorted), optionally filtered by a pattern. */
export function listVectors(rel: string, pattern: RegExp = /./): string[] {
  const root = vectorPath(rel);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return walk(root)
    .map((p) => relative(VECTORS, p))
    .filter((p) => pattern.test(p))
    .sort();
}

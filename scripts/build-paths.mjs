// Where the build leaves what it makes besides the packages' own files (shared by build, size).

/**
 * The embed build's Vite manifest (which file each entry and chunk became), read by
 * scripts/size.mjs. Kept out of packages/embed/dist so the package ships no build metadata.
 */
export const EMBED_MANIFEST = 'node_modules/.cache/microcred/embed-manifest.json';
